import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { RequestPickupSchema, ShipmentSchema } from "../../../schemas/logistics";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { requestPickup } from "../pickup";
import { presentShipment } from "../present";

export const requestPickupRoute = defineRoute({
  method: "post",
  path: "/api/v1/shipments/{id}/pickup",
  tags: ["Logistics"],
  summary: "Ask the courier to collect a booked parcel (shop owner)",
  description:
    "Idempotent: a shipment has one pickup, and asking again answers it. Couriers whose booking schedules the pickup (Ninja Van) have it from the booking; the sandbox courier confirms at once. Only while the parcel is booked (409 invalid_transition after); a courier without pickups is 422.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: {
    params: IdParamSchema,
    body: { content: { "application/json": { schema: RequestPickupSchema } }, required: false },
  },
  responses: { 200: jsonResponse("The shipment with its pickup", ShipmentSchema) },
  errors: [401, 403, 404, 409, 503],
});

export function requestPickupHandler(fetchFn?: typeof fetch): RouteHandler<typeof requestPickupRoute, AppEnv> {
  return async (c) => {
    const body = c.req.valid("json") as { readyAt?: string } | undefined;
    const readyAt = body?.readyAt ? Date.parse(body.readyAt) : undefined;
    const row = await requestPickup(c, c.req.valid("param").id, readyAt, fetchFn);
    return c.json(presentShipment(new URL(c.req.url).origin, row), 200);
  };
}
