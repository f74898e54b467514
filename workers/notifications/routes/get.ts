import type { RouteHandler } from "@hono/zod-openapi";
import { NotificationDetailSchema, NotificationIdParamSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { currentReader, notificationDetail } from "../inbox";

export const getNotificationRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications/{id}",
  tags: ["Notifications"],
  summary: "One notification and how each channel delivered it",
  description:
    "`deliveries[]`: per channel (and push device) pending, sent, delivered, failed or expired, with attempts and `scheduledFor` when held by quiet hours.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: NotificationIdParamSchema },
  responses: { 200: jsonResponse("The notification", NotificationDetailSchema) },
  errors: [401, 404],
});

export const getNotificationHandler: RouteHandler<typeof getNotificationRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const reader = await currentReader(c);
  return c.json(await notificationDetail(database(c.env), reader, id), 200);
};
