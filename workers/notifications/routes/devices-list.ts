import type { RouteHandler } from "@hono/zod-openapi";
import { DeviceListSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { listDevices, presentDevice } from "../devices";

export const listDevicesRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications/devices",
  tags: ["Notifications"],
  summary: "The caller's registered push devices",
  description: "Tokens themselves are never shown.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse("Devices, most recently registered first", DeviceListSchema) },
  errors: [401],
});

export const listDevicesHandler: RouteHandler<typeof listDevicesRoute, AppEnv> = async (c) => {
  const { userId, sessionId } = currentAuth(c);
  const rows = await listDevices(database(c.env), userId);
  return c.json({ items: rows.map((r) => presentDevice(r, sessionId)) }, 200);
};
