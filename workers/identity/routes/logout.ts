import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { logout } from "../session-control";

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
  await logout(c, currentAuth(c));
  return c.body(null, 204);
};
