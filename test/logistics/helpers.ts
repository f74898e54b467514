import { env } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { expect } from "vitest";
import { shipments } from "../../d1/schema/logistics";
import { signSandboxCourierEvent } from "../../workers/logistics";
import {
  type Caller,
  type Country,
  call,
  expectJson,
  guestOrder,
  type Order,
  type Payment,
  pay,
  postPayment,
  sellerWithProduct,
  simulate,
} from "../orders/helpers";

export * from "../orders/helpers";

export interface Shipment {
  id: string;
  orderId: string;
  courier: string;
  service: string;
  trackingNumber: string;
  labelUrl: string;
  status: string;
  cod?: { amount: number; currency: string };
  createdAt: string;
}

export interface Tracking {
  shipmentId: string;
  courier: string;
  trackingNumber: string;
  status: string;
  events: { status: string; description: string; detail?: string; location?: string; at: string }[];
}

/** A parcel's whole way, booked to delivered, as its tracking lists it. */
export const DELIVERED_JOURNEY = ["booked", "picked_up", "in_transit", "out_for_delivery", "delivered"];

export type Seller = Awaited<ReturnType<typeof sellerWithProduct>>;

/** A seller's product bought by a guest; paid through the sandbox gateway unless `paid` is false. */
export async function orderFor(
  country: Country = "ID",
  { paid = true, quantity = 1, product = {} as Record<string, unknown> } = {},
): Promise<{ seller: Seller; buyer: Caller; order: Order }> {
  const seller = await sellerWithProduct(country, product);
  const { cartToken, order } = await guestOrder(seller.product.id, quantity, country);
  if (paid) {
    const payment = await pay({ cartToken }, [order.id]);
    await simulate({ cartToken }, payment.id);
  }
  return { seller, buyer: { cartToken }, order };
}

/**
 * A Flash Express parcel of the order, booked as booking writes it (row inserted straight into D1:
 * booking Flash locally would call Flash). Its id, for the pickup and webhook routes.
 */
export async function bookedFlashShipment(order: Pick<Order, "id" | "shopId">): Promise<string> {
  const id = `shp_flash_${crypto.randomUUID().replace(/-/g, "")}`;
  const now = Date.now();
  await drizzle(env.DB)
    .insert(shipments)
    .values({
      id,
      orderId: order.id,
      shopId: order.shopId,
      courier: "flash",
      service: "standard",
      trackingNumber: `TH${id.slice(-10).toUpperCase()}`,
      status: "booked",
      rank: 0,
      labelKey: `labels/${id}.pdf`,
      liveOrderId: order.id,
      lastHeardAt: now,
      createdAt: now,
      updatedAt: now,
    });
  return id;
}

export const postShipment = (
  token: string,
  orderId: string,
  body: unknown = { courier: "sandbox", service: "standard" },
  idempotencyKey = crypto.randomUUID(),
) => call("POST", `/api/v1/orders/${orderId}/shipments`, { token, body, idempotencyKey });

export async function book(token: string, orderId: string, body?: unknown): Promise<Shipment> {
  return expectJson<Shipment>(await postShipment(token, orderId, body), 201);
}

export async function tracking(who: Caller, orderId: string): Promise<Tracking> {
  return expectJson<Tracking>(await call("GET", `/api/v1/orders/${orderId}/tracking`, who), 200);
}

/** A sandbox courier webhook, signed as the sandbox courier signs it. */
export async function courierEvent(
  trackingNumber: string,
  status: string,
  eventId: string,
  at: string,
  secret = env.SANDBOX_WEBHOOK_SECRET,
) {
  return signSandboxCourierEvent(secret, {
    trackingNumber,
    eventId,
    status: status as never,
    description: `Parcel ${status}`,
    at,
  });
}

export const deliverCourier = (courier: string, request: { rawBody: string; headers: Headers }) =>
  call("POST", `/api/v1/shipping/webhook/${courier}`, { raw: request.rawBody, headers: request.headers });

export async function simulateShipment(token: string, shipmentId: string, status: string): Promise<Shipment> {
  const res = await call("POST", `/api/v1/shipments/${shipmentId}/simulate`, { token, body: { status } });
  return expectJson<Shipment>(res, 200);
}

export function expectOk(res: Response) {
  expect(res.status).toBe(200);
}

/** A recorded COD remittance as POST/GET /admin/cod-remittances answer it. */
export interface Remittance {
  id: string;
  courier: string;
  reference: string;
  total: { amount: number; currency: string };
  itemCount: number;
  items: { trackingNumber: string; amount: { amount: number; currency: string } }[];
}

/** A cash-on-delivery order booked with the sandbox courier and delivered (the cash collected). */
export async function deliveredCod(): Promise<Shipment> {
  const { seller, buyer, order } = await orderFor("ID", { paid: false });
  await expectJson<Payment>(await postPayment(buyer, { orderIds: [order.id], gateway: "cod", method: "cod" }), 201);
  const shipment = await book(seller.token, order.id);
  await simulateShipment(seller.token, shipment.id, "delivered");
  return shipment;
}

/** A Thai shop's pickup address Flash Express can send its courier to (district, province, postal code). */
export const FLASH_PICKUP = {
  street: "12 ถนนนิมมานเหมินท์",
  city: "สุเทพ, เมืองเชียงใหม่",
  province: "เชียงใหม่",
  postalCode: "50200",
};

/**
 * A paid Thai order whose shop has a pickup address (and phone: with the postal code, how Flash's
 * list of pickups tells one shop's from another's), and a booked Flash shipment of it.
 */
export async function bookedFlashParcel(pickupAddress = FLASH_PICKUP, phone = "053 123 456") {
  const { seller, order } = await orderFor("TH");
  const patched = await call("PATCH", `/api/v1/shops/${order.shopId}`, {
    token: seller.token,
    body: { contact: { phone, pickupAddress } },
  });
  expect(patched.status, await patched.clone().text()).toBe(200);
  const id = await bookedFlashShipment(order);
  return { seller, order, id };
}

/** The seller asks the courier to collect the parcel (POST /shipments/:id/pickup). */
export const requestPickup = (token: string, id: string, body: { readyAt?: string } = {}) =>
  call("POST", `/api/v1/shipments/${id}/pickup`, { token, body });
