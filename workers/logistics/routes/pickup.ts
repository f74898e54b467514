import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { RequestPickupSchema, ShipmentSchema } from "../../../schemas/logistics";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { requestPickup } from "../pickup";
import { pickupWaits, presentShipment } from "../present";

export const requestPickupRoute = defineRoute({
  method: "post",
  path: "/api/v1/shipments/{id}/pickup",
  tags: ["Logistics"],
  summary: "Ask the courier to collect a booked parcel (shop owner)",
  description:
    "Idempotent: a shipment has one pickup, and asking again answers it. Couriers whose booking schedules the pickup (Ninja Van) have it from the booking; the sandbox courier confirms at once. Only while the parcel is booked (409 invalid_transition after); a courier without pickups is 422. A courier that takes one open pickup per account while another shop's is open (Flash Express) answers 202 with the pickup `waiting`: the platform asks again each few minutes and places it once the courier takes it; asking again asks the courier again.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: {
    params: IdParamSchema,
    body: { content: { "application/json": { schema: RequestPickupSchema } }, required: false },
  },
  responses: {
    200: jsonResponse("The shipment with its pickup", ShipmentSchema),
    202: jsonResponse(
      "The courier takes one open pickup per account and another shop's is open (Flash Express): the shipment's pickup is `waiting`, and the platform places it as soon as the courier takes it",
      ShipmentSchema,
    ),
  },
  errors: [401, 403, 404, 409, 503],
});

export function requestPickupHandler(fetchFn?: typeof fetch): RouteHandler<typeof requestPickupRoute, AppEnv> {
  return async (c) => {
    const body = c.req.valid("json") as { readyAt?: string } | undefined;
    const readyAt = body?.readyAt ? Date.parse(body.readyAt) : undefined;
    const row = await requestPickup(c, c.req.valid("param").id, readyAt, fetchFn);
    const shipment = presentShipment(new URL(c.req.url).origin, row);
    return pickupWaits(row) ? c.json(shipment, 202) : c.json(shipment, 200);
  };
}
