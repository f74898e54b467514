import { and, count, desc, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { orders } from "../../d1/schema/orders";
import type { OrderStatus } from "../../schemas/orders";
import type { Database } from "../platform/db";
import { encryptedColumns } from "../platform/pii-rotation";
import { presentOrders } from "./present";

/**
 * What orders hold about a buyer, for the privacy export and erasure. Orders themselves stay after
 * an account is deleted (lines and amounts are the seller's and the tax office's records); the
 * buyer's contact email goes at once, the shipping address once the order no longer travels to them.
 */

/** The statuses after which nothing more is delivered to the buyer: the address has done its job. */
export const ADDRESS_SETTLED: readonly OrderStatus[] = [
  "delivered",
  "completed",
  "cancelled",
  "expired",
  "returned",
  "refunded",
];

/** The orders table's PII columns, for the key rotation. */
export const ORDER_ENCRYPTED_COLUMNS = encryptedColumns(orders, orders.id, [
  orders.contactEmailEnc,
  orders.shippingAddressEnc,
]);

/** Every order of the customer, newest first, as the API presents them (address decrypted). */
export async function customerOrdersOf(env: Env, db: Database, customerId: string) {
  const rows = await db.select().from(orders).where(eq(orders.customerId, customerId)).orderBy(desc(orders.id));
  return presentOrders(env, db, rows);
}

/**
 * The writes that erase a deleted customer's PII from their orders (for the caller's batch):
 * every contact email and checkout IP hash (a keyed hash, but still a trace of where they were),
 * and the shipping address of each order whose delivery is settled. Running
 * them again later erases the addresses of orders settled since; they change nothing twice.
 */
export function customerOrderErasureWrites(db: Database, customerId: string): BatchItem<"sqlite">[] {
  return [
    db
      .update(orders)
      .set({ contactEmailEnc: null, checkoutIpHash: null })
      .where(
        and(eq(orders.customerId, customerId), or(isNotNull(orders.contactEmailEnc), isNotNull(orders.checkoutIpHash))),
      ),
    db
      .update(orders)
      .set({ shippingAddressEnc: null })
      .where(
        and(
          eq(orders.customerId, customerId),
          inArray(orders.status, [...ADDRESS_SETTLED]),
          isNotNull(orders.shippingAddressEnc),
        ),
      ),
  ];
}

/** Orders of the customer that still keep an address: on their way (see customerOrderErasureWrites). */
export async function addressesStillInUse(db: Database, customerId: string): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(orders)
    .where(and(eq(orders.customerId, customerId), isNotNull(orders.shippingAddressEnc)))
    .get();
  return row?.n ?? 0;
}
