import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { endSession } from "../session-control";

export const deleteSessionRoute = defineRoute({
  method: "delete",
  path: "/api/v1/auth/sessions/{id}",
  tags: ["Identity"],
  summary: "End one of the caller's sessions (sign a device out)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 204: noContent },
  errors: [401, 404],
});

export const deleteSessionHandler: RouteHandler<typeof deleteSessionRoute, AppEnv> = async (c) => {
  await endSession(c, currentAuth(c), c.req.valid("param").id);
  return c.body(null, 204);
};
