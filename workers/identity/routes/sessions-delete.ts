import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import type { IdentityHooks } from "../hooks";
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

/** Ends the session, then closes its realtime sockets at once (the device's app signs out and says why). */
export const deleteSessionHandler =
  (hooks: IdentityHooks): RouteHandler<typeof deleteSessionRoute, AppEnv> =>
  async (c) => {
    const caller = currentAuth(c);
    const sessionId = c.req.valid("param").id;
    await endSession(c, caller, sessionId);
    await hooks.sessionsEnded(c.env, caller.userId, [sessionId]);
    return c.body(null, 204);
  };
