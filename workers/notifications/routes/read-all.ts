import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { markAllRead } from "../inbox";

export const readAllNotificationsRoute = defineRoute({
  method: "put",
  path: "/api/v1/notifications/read-all",
  tags: ["Notifications"],
  summary: "Mark every notification read",
  description: "No body.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 204: noContent },
  errors: [401],
});

export const readAllNotificationsHandler: RouteHandler<typeof readAllNotificationsRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  await markAllRead(database(c.env), userId);
  return c.body(null, 204);
};
