import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { clientIpHash } from "../../platform/client";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { auditWrite } from "../audit";
import { revokeSessionWrites } from "../sessions";

export const logoutRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/logout",
  tags: ["Identity"],
  summary: "Sign out this session; its tokens stop working at once",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 204: noContent },
  errors: [401],
});

export const logoutHandler: RouteHandler<typeof logoutRoute, AppEnv> = async (c) => {
  const auth = currentAuth(c);
  const db = database(c.env);
  await db.batch([
    ...revokeSessionWrites(c, [auth.sessionId], "logout"),
    auditWrite(db, { type: "logout", userId: auth.userId, sessionId: auth.sessionId, ipHash: await clientIpHash(c) }),
  ]);
  return c.body(null, 204);
};
