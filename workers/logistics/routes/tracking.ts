import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { CourierParamSchema, ShipmentSchema, SimulateShipmentSchema, TrackingSchema } from "../../../schemas/logistics";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { orderFor } from "../../orders";
import type { Config } from "../../platform/config";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { rawBodyText } from "../../platform/raw-body";
import { ownedShipment } from "../cancel";
import { signSandboxCourierEvent, type WebhookRequest, webhookCourier } from "../couriers";
import { presentShipment, presentTracking } from "../present";
import { eventsOf, latestShipmentOf, shipmentById } from "../queries";
import { applyUpdates, type CodSettlement } from "../tracking";

export const orderTrackingRoute = defineRoute({
  method: "get",
  path: "/api/v1/orders/{id}/tracking",
  tags: ["Logistics"],
  summary: "The order's parcel and its tracking events (buyer, shop owner)",
  description:
    "Events are in the order they happened, each once, whatever order and however often the courier reported them. 404 while no courier is booked.",
  security: [...bearerAuth, {}],
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("Tracking", TrackingSchema) },
  errors: [403, 404],
});

export const orderTrackingHandler: RouteHandler<typeof orderTrackingRoute, AppEnv> = async (c) => {
  const { order } = await orderFor(c, c.req.valid("param").id);
  const db = database(c.env);
  const shipment = await latestShipmentOf(db, order.id);
  if (!shipment) throw new ApiError("not_found", "No courier is booked for this order yet.");
  return c.json(presentTracking(shipment, await eventsOf(db, shipment.id)), 200);
};

export const courierWebhookRoute = defineRoute({
  method: "post",
  path: "/api/v1/shipping/webhook/{courier}",
  tags: ["Logistics"],
  summary: "Courier tracking callbacks (Ninja Van, GHN, Biteship, Flash Express, sandbox)",
  description:
    "Verified the courier's own way before anything changes: Ninja Van X-Ninjavan-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body with the client secret), GHN (unsigned callbacks) by GHN_WEBHOOK_SECRET in the registered URL's `secret` query parameter, the order's events then read again from GHN; Biteship by the header and secret set with its webhook; Flash Express by its `sign` (upper-case hex SHA-256 of `mchId=…&nonceStr=…&key=<FLASH_SECRET_KEY>`) and our mchId, the parcel's routes then read again from Flash, and answered with `errorCode` \"1\" and `state` \"success\" as Flash requires; sandbox X-Sandbox-Courier-Signature (hex HMAC-SHA256 with SANDBOX_WEBHOOK_SECRET). Bad or missing signature → 401 and nothing changes. Each event is applied once; late events do not move the parcel back.",
  request: { params: CourierParamSchema },
  responses: {
    200: jsonResponse(
      "Received",
      z.object({
        received: z.literal(true),
        events: z.number().int(),
        errorCode: z.literal("1").optional().describe("Flash Express only: its acknowledgement"),
        state: z.literal("success").optional().describe("Flash Express only: its acknowledgement"),
      }),
    ),
  },
  errors: [401, 404],
});

export function courierWebhookHandler(cod: CodSettlement): RouteHandler<typeof courierWebhookRoute, AppEnv> {
  return async (c) => {
    const { courier } = c.req.valid("param");
    const request = { rawBody: await rawBodyText(c.req), headers: c.req.raw.headers, url: c.req.url };
    const { events, ack } = await receiveCourierWebhook(c.env, c.get("config"), courier, request, cod);
    drainSoon(c.executionCtx, c.env, c.get("config"));
    return c.json({ ...ack, received: true as const, events }, 200);
  };
}

/**
 * The one path every tracking report takes, a real courier's webhook or the sandbox's simulate:
 * verified the courier's own way (401 and nothing changes otherwise), then applied. Answers how
 * many events it carried and what the courier must read back to count it delivered (Flash).
 */
async function receiveCourierWebhook(
  env: Env,
  config: Config,
  id: string,
  request: WebhookRequest,
  cod: CodSettlement,
): Promise<{ events: number; ack: { errorCode?: "1"; state?: "success" } }> {
  const courier = webhookCourier({ config, secrets: env }, id);
  if (!courier) throw new ApiError("not_found", `There is no courier ${id} here.`);
  const updates = await courier.verifyWebhook(request);
  if (!updates) throw new ApiError("unauthorized", "The webhook's signature does not match. Nothing was changed.");
  await applyUpdates(env, id, updates, cod);
  return { events: updates.length, ack: courier.webhookAck ?? {} };
}

export const simulateShipmentRoute = defineRoute({
  method: "post",
  path: "/api/v1/shipments/{id}/simulate",
  tags: ["Logistics"],
  summary: "Drive a sandbox parcel's tracking (local only)",
  description:
    'Only where COURIER_SANDBOX="true" (local). Signs a sandbox courier webhook with the status and posts it through the same path as a real courier\'s (POST /api/v1/shipping/webhook/sandbox). Shop owner only.',
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(SimulateShipmentSchema) },
  responses: { 200: jsonResponse("The shipment after the event", ShipmentSchema) },
  errors: [401, 403, 404, 422],
});

export function simulateShipmentHandler(cod: CodSettlement): RouteHandler<typeof simulateShipmentRoute, AppEnv> {
  return async (c) => {
    const shipment = await ownedShipment(c, c.req.valid("param").id);
    if (shipment.courier !== "sandbox") {
      throw new ApiError(
        "validation_failed",
        "Only parcels of the sandbox courier can be simulated; real couriers report by webhook.",
      );
    }
    const input = c.req.valid("json");
    const signed = await signSandboxCourierEvent(c.env.SANDBOX_WEBHOOK_SECRET, {
      trackingNumber: shipment.trackingNumber,
      eventId: newId("sim"),
      status: input.status,
      // The sandbox has no words of its own: an English stock sentence would sit under the step's
      // name on a Thai page, which names the step in the reader's language. Words given are kept,
      // as a real courier's are.
      description: input.description ?? "",
      ...(input.location ? { location: input.location } : {}),
      at: new Date(nowMs()).toISOString(),
    });
    await receiveCourierWebhook(c.env, c.get("config"), "sandbox", signed, cod);
    drainSoon(c.executionCtx, c.env, c.get("config"));
    const fresh = await shipmentById(database(c.env), shipment.id);
    return c.json(presentShipment(new URL(c.req.url).origin, fresh ?? shipment), 200);
  };
}
