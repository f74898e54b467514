import type { RouteHandler } from "@hono/zod-openapi";
import { NotificationIdParamSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { confirmDeviceDelivery } from "../delivery-receipts";

export const deliveredNotificationRoute = defineRoute({
  method: "put",
  path: "/api/v1/notifications/{id}/delivered",
  tags: ["Notifications"],
  summary: "Confirm a notification reached this device",
  description:
    "The app calls this when a push arrives (its data carries `notificationId`): FCM reports nothing back to servers, so this is how a push becomes `delivered`. Marks the push to the device registered by this session, and the in-app copy, delivered. No body; confirming again changes nothing.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: NotificationIdParamSchema },
  responses: { 204: noContent },
  errors: [401, 404],
});

export const deliveredNotificationHandler: RouteHandler<typeof deliveredNotificationRoute, AppEnv> = async (c) => {
  await confirmDeviceDelivery(database(c.env), currentAuth(c), c.req.valid("param").id);
  return c.body(null, 204);
};
