import { inArray, sql } from "drizzle-orm";
import { orderItems, orders } from "../../d1/schema/orders";
import type { Database } from "../platform/db";
import type { Currency } from "../platform/money";
import { decryptPii } from "../platform/pii";

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

const CHUNK = 90;

/** Orders by id, read in one round trip per 90 ids (rows and unit counts in one batch). */
export async function orderSummaries(
  env: Env,
  db: Database,
  ids: readonly string[],
): Promise<Map<string, OrderSummary>> {
  const out = new Map<string, OrderSummary>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const [rows, units] = await db.batch([
      db.select().from(orders).where(inArray(orders.id, chunk)),
      db
        .select({ orderId: orderItems.orderId, units: sql<number>`sum(${orderItems.quantity})` })
        .from(orderItems)
        .where(inArray(orderItems.orderId, chunk))
        .groupBy(orderItems.orderId),
    ]);
    const unitsOf = new Map(units.map((u) => [u.orderId, Number(u.units)]));
    for (const order of rows) {
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
        units: unitsOf.get(order.id) ?? 0,
        courier: typeof shipping.courier === "string" ? shipping.courier : undefined,
        trackingNumber: typeof shipping.trackingNumber === "string" ? shipping.trackingNumber : undefined,
        reservationExpiresAt: order.reservationExpiresAt,
      });
    }
  }
  return out;
}
