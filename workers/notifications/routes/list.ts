import type { RouteHandler } from "@hono/zod-openapi";
import { NotificationListQuerySchema, NotificationSchema } from "../../../schemas/notifications";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { currentReader, listNotifications } from "../inbox";

export const listNotificationsRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications",
  tags: ["Notifications"],
  summary: "The caller's notifications, newest first",
  description:
    "In the caller's language (PATCH /users/me `locale`), rendered again if they switched since. `unread=true` lists only unread ones. The realtime stream (GET /api/v1/realtime/ws) shows new ones as they happen.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { query: NotificationListQuerySchema.extend(PageQuerySchema.shape) },
  responses: { 200: jsonResponse("A page of notifications", pageOf(NotificationSchema, "NotificationPage")) },
  errors: [401],
});

export const listNotificationsHandler: RouteHandler<typeof listNotificationsRoute, AppEnv> = async (c) => {
  const { unread, limit, cursor } = c.req.valid("query");
  const reader = await currentReader(c);
  return c.json(await listNotifications(database(c.env), reader, { unread, limit, cursor }), 200);
};
