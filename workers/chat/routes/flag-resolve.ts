import type { RouteHandler } from "@hono/zod-openapi";
import { ChatFlagSchema } from "../../../schemas/chat-moderation";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { resolveFlag } from "../flags";

export const resolveFlagRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/chat/flags/{id}/resolve",
  tags: ["Admin"],
  summary: "Close a chat flag (admins)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The resolved flag", ChatFlagSchema) },
  errors: [401, 403, 404],
});

export const resolveFlagHandler: RouteHandler<typeof resolveFlagRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  return c.json(await resolveFlag(c.env, c.req.valid("param").id, userId), 200);
};
