import type { RouteHandler } from "@hono/zod-openapi";
import { DeviceInputSchema, PushDeviceSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { presentDevice, registerDevice } from "../devices";

export const registerDeviceRoute = defineRoute({
  method: "post",
  path: "/api/v1/notifications/devices",
  tags: ["Notifications"],
  summary: "Register this app install for push notifications",
  description:
    "`token` is the FCM registration token the app got from Firebase. The device belongs to the session that registers it: signing out stops its pushes. Registering a known token again answers 200 and moves it to the caller. Past NOTIFICATIONS_MAX_DEVICES_PER_USER the oldest device is forgotten.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("device")] as const,
  request: jsonBody(DeviceInputSchema),
  responses: {
    201: jsonResponse("Registered", PushDeviceSchema),
    200: jsonResponse("Already registered (refreshed)", PushDeviceSchema),
  },
  errors: [401, 429],
});

export const registerDeviceHandler: RouteHandler<typeof registerDeviceRoute, AppEnv> = async (c) => {
  const auth = currentAuth(c);
  const { device, created } = await registerDevice(c.env, database(c.env), auth, c.req.valid("json"));
  const body = presentDevice(device, auth.sessionId);
  return created ? c.json(body, 201) : c.json(body, 200);
};
