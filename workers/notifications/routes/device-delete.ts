import type { RouteHandler } from "@hono/zod-openapi";
import { NotificationIdParamSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { unregisterDevice } from "../devices";

export const deleteDeviceRoute = defineRoute({
  method: "delete",
  path: "/api/v1/notifications/devices/{id}",
  tags: ["Notifications"],
  summary: "Stop push notifications to a device",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: NotificationIdParamSchema },
  responses: { 204: noContent },
  errors: [401, 404],
});

export const deleteDeviceHandler: RouteHandler<typeof deleteDeviceRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  await unregisterDevice(database(c.env), userId, c.req.valid("param").id);
  return c.body(null, 204);
};
