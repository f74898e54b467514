import { sql } from "drizzle-orm";
import { orders } from "../../d1/schema/orders";
import type { OrderCard } from "../../schemas/chat";
import { type Database, inList } from "../platform/db";
import type { Currency } from "../platform/money";

/** An order as a chat card shows it, with its buyer (who may share it; never shown). */
export interface OrderCardEntry {
  card: OrderCard;
  buyerId: string | null;
}

/**
 * The one query other domains read orders through, for many ids (one statement, however many):
 * each order's facts with its unit count. Run alone, or in the caller's `db.batch` beside its own
 * reads; `readOrderCards` and `orderSummaries` turn its rows into what their callers show.
 */
export function orderFactsQuery(db: Database, ids: readonly string[]) {
  return db
    .select({
      id: orders.id,
      number: orders.number,
      shopId: orders.shopId,
      status: orders.status,
      total: orders.total,
      currency: orders.currency,
      customerId: orders.customerId,
      contactEmailEnc: orders.contactEmailEnc,
      shippingCountry: orders.shippingCountry,
      shipping: orders.shipping,
      reservationExpiresAt: orders.reservationExpiresAt,
      // Spelled out: Drizzle leaves columns unqualified in a one-table select, and "id" here would
      // mean the item's.
      units: sql<number | null>`(SELECT SUM(i.quantity) FROM order_items i WHERE i.order_id = orders.id)`,
    })
    .from(orders)
    .where(inList(orders.id, [...new Set(ids)]));
}

export type OrderFactsRow = Awaited<ReturnType<typeof orderFactsQuery>>[number];

/** Order cards (chat) from the facts rows. */
export function readOrderCards(rows: readonly OrderFactsRow[]): Map<string, OrderCardEntry> {
  const out = new Map<string, OrderCardEntry>();
  for (const r of rows) {
    out.set(r.id, {
      card: {
        id: r.id,
        number: r.number,
        shopId: r.shopId,
        status: r.status,
        total: { amount: r.total, currency: r.currency as Currency },
        itemCount: r.units ?? 0,
      },
      buyerId: r.customerId,
    });
  }
  return out;
}

/** Live order cards for many ids: one query (none for no ids). */
export async function orderCards(db: Database, ids: readonly string[]): Promise<Map<string, OrderCardEntry>> {
  if (ids.length === 0) return new Map();
  return readOrderCards(await orderFactsQuery(db, ids));
}
