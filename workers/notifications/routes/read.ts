import type { RouteHandler } from "@hono/zod-openapi";
import { NotificationIdParamSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { markRead } from "../inbox";

export const readNotificationRoute = defineRoute({
  method: "put",
  path: "/api/v1/notifications/{id}/read",
  tags: ["Notifications"],
  summary: "Mark a notification read",
  description: "No body. Marking it again changes nothing.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: NotificationIdParamSchema },
  responses: { 204: noContent },
  errors: [401, 404],
});

export const readNotificationHandler: RouteHandler<typeof readNotificationRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  await markRead(database(c.env), userId, c.req.valid("param").id);
  return c.body(null, 204);
};
