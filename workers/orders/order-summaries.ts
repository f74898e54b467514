import type { Database } from "../platform/db";
import type { Currency } from "../platform/money";
import { decryptPii } from "../platform/pii";
import { orderFactsQuery } from "./order-cards";

/** What an order says about itself to those who tell people about it (notifications). */
export interface OrderSummary {
  id: string;
  number: string;
  status: string;
  shopId: string;
  customerId: string | null;
  /** The guest's (or the checkout's) contact email, decrypted. */
  contactEmail?: string;
  /** The country it ships to. */
  country: string;
  currency: Currency;
  total: number;
  /** Units ordered (sum of quantities). */
  units: number;
  courier?: string;
  trackingNumber?: string;
  reservationExpiresAt: number;
}

/** Orders by id, in one query however many ids (absent ids are absent from the map). */
export async function orderSummaries(
  env: Env,
  db: Database,
  ids: readonly string[],
): Promise<Map<string, OrderSummary>> {
  if (ids.length === 0) return new Map();
  const out = new Map<string, OrderSummary>();
  for (const order of await orderFactsQuery(db, ids)) {
    const shipping = order.shipping as { courier?: unknown; trackingNumber?: unknown };
    out.set(order.id, {
      id: order.id,
      number: order.number,
      status: order.status,
      shopId: order.shopId,
      customerId: order.customerId,
      contactEmail: order.contactEmailEnc ? await decryptPii(env, order.contactEmailEnc) : undefined,
      country: order.shippingCountry,
      currency: order.currency as Currency,
      total: order.total,
      units: order.units ?? 0,
      courier: typeof shipping.courier === "string" ? shipping.courier : undefined,
      trackingNumber: typeof shipping.trackingNumber === "string" ? shipping.trackingNumber : undefined,
      reservationExpiresAt: order.reservationExpiresAt,
    });
  }
  return out;
}
