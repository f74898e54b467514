import type { RouteHandler } from "@hono/zod-openapi";
import { PersonalDataExportSchema } from "../../../schemas/privacy";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { personalDataExport } from "../export";

export const exportMeRoute = defineRoute({
  method: "get",
  path: "/api/v1/users/me/export",
  tags: ["Users"],
  summary: "Every piece of personal data the platform holds about the caller",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse("The caller's personal data as JSON", PersonalDataExportSchema) },
  errors: [401],
});

export const exportMeHandler: RouteHandler<typeof exportMeRoute, AppEnv> = async (c) => {
  const { userId, data } = await personalDataExport(c);
  c.header("Content-Disposition", `attachment; filename="tchat-${userId}.json"`);
  c.header("Cache-Control", "no-store");
  return c.json(data, 200);
};
