import type { RouteHandler } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { IdParamSchema } from "../../../schemas/identity";
import { CreateShipmentSchema, ShipmentSchema } from "../../../schemas/logistics";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { ApiError } from "../../platform/errors";
import { idempotent } from "../../platform/idempotency";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { bookShipment, ownerStanding } from "../booking";
import { cancelShipment, ownedShipment } from "../cancel";
import { presentShipment } from "../present";

/** Only the order's shop owner (or an admin) gets past: 403 (404 for an unknown order) otherwise. */
const shopOwnerOnly = createMiddleware<AppEnv>(async (c, next) => {
  await ownerStanding(c, c.req.param("id") ?? "");
  await next();
});

export const createShipmentRoute = defineRoute({
  method: "post",
  path: "/api/v1/orders/{id}/shipments",
  tags: ["Logistics"],
  summary: "Book a courier for the order (shop owner)",
  description:
    "Needs an Idempotency-Key (a retry books the same parcel once). The order must be paid, or accepted for cash on delivery (then the service must collect cash in the destination country: 422 cod_not_allowed otherwise). The order moves to shipped with the tracking number; the label PDF is at labelUrl, for the shop's owner only. A courier that does not answer is 503 and nothing is booked.",
  security: bearerAuth,
  // Who may book is checked before the Idempotency-Key: a stranger learns nothing from a missing key.
  middleware: [requireAuth, shopOwnerOnly, idempotent] as const,
  request: { params: IdParamSchema, ...jsonBody(CreateShipmentSchema) },
  responses: { 201: jsonResponse("Booked", ShipmentSchema) },
  errors: [401, 403, 404, 409, 503],
});

/** The handler; `fetchFn` is how couriers are called (tests hand in a recording one). */
export function createShipmentHandler(fetchFn?: typeof fetch): RouteHandler<typeof createShipmentRoute, AppEnv> {
  return async (c) => {
    const row = await bookShipment(c, c.req.valid("param").id, c.req.valid("json"), fetchFn);
    drainSoon(c.executionCtx, c.env, c.get("config"));
    return c.json(presentShipment(new URL(c.req.url).origin, row), 201);
  };
}

export const getShipmentRoute = defineRoute({
  method: "get",
  path: "/api/v1/shipments/{id}",
  tags: ["Logistics"],
  summary: "One shipment (shop owner)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The shipment", ShipmentSchema) },
  errors: [401, 403, 404],
});

export const getShipmentHandler: RouteHandler<typeof getShipmentRoute, AppEnv> = async (c) => {
  const row = await ownedShipment(c, c.req.valid("param").id);
  return c.json(presentShipment(new URL(c.req.url).origin, row), 200);
};

export const cancelShipmentRoute = defineRoute({
  method: "post",
  path: "/api/v1/shipments/{id}/cancel",
  tags: ["Logistics"],
  summary: "Cancel a booking before pickup (shop owner)",
  description:
    "Only while the parcel is booked (not yet picked up: 409 invalid_transition after). The order goes back to processing and may be booked again.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The cancelled shipment", ShipmentSchema) },
  errors: [401, 403, 404, 409, 503],
});

export function cancelShipmentHandler(fetchFn?: typeof fetch): RouteHandler<typeof cancelShipmentRoute, AppEnv> {
  return async (c) => {
    const row = await cancelShipment(c, c.req.valid("param").id, fetchFn);
    drainSoon(c.executionCtx, c.env, c.get("config"));
    return c.json(presentShipment(new URL(c.req.url).origin, row), 200);
  };
}

export const shipmentLabelRoute = defineRoute({
  method: "get",
  path: "/api/v1/shipments/{id}/label",
  tags: ["Logistics"],
  summary: "The shipping label PDF (shop owner only)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: {
    200: { description: "The label", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
  },
  errors: [401, 403, 404],
});

export const shipmentLabelHandler: RouteHandler<typeof shipmentLabelRoute, AppEnv> = async (c) => {
  const row = await ownedShipment(c, c.req.valid("param").id);
  const object = await c.env.MEDIA.get(row.labelKey);
  if (!object) throw new ApiError("not_found", "This shipment's label is not stored. Ask the courier for a new one.");
  return new Response(object.body, {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="label-${row.trackingNumber}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  }) as never;
};
