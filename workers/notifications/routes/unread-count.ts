import type { RouteHandler } from "@hono/zod-openapi";
import { UnreadCountSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { unreadCount } from "../inbox";

export const unreadCountRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications/unread-count",
  tags: ["Notifications"],
  summary: "How many of the caller's notifications are unread",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse("The unread count", UnreadCountSchema) },
  errors: [401],
});

export const unreadCountHandler: RouteHandler<typeof unreadCountRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  return c.json({ count: await unreadCount(database(c.env), userId) }, 200);
};
