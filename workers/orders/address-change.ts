import { and, eq, inArray, sql } from "drizzle-orm";
import type { Context } from "hono";
import { orderEvents, orders } from "../../d1/schema/orders";
import type { AppEnv } from "../app-env";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { encryptPii } from "../platform/pii";
import type { OrderStanding } from "./access";
import { shippingAddressFor } from "./checkout-lines";
import type { OrderRow } from "./present";

/** Until the parcel leaves, the buyer may still say where it goes. */
const ADDRESS_CHANGEABLE = ["pending_payment", "paid", "processing"] as const;

/**
 * The buyer's new delivery address, validated as at checkout (a saved address of theirs, or one
 * inline, normalised the same way). Shipping cost and tax were priced for the order's country, so
 * the new address must be in it. The write is conditional on a status before shipment, so a seller
 * shipping meanwhile wins and the change is 409; the timeline records it in the same batch.
 */
export async function changeShippingAddress(
  c: Context<AppEnv>,
  standing: OrderStanding,
  input: { shippingAddress?: unknown; shippingAddressId?: string },
): Promise<OrderRow> {
  const { order, actor, actorId } = standing;
  if (actor !== "customer") throw new ApiError("forbidden", "Only the buyer can change the delivery address.");
  if (!(ADDRESS_CHANGEABLE as readonly string[]).includes(order.status)) {
    throw new ApiError("invalid_transition", "The order has left the shop; its delivery address can no longer change.");
  }
  const address = await shippingAddressFor(c, input as Parameters<typeof shippingAddressFor>[1]);
  if (address.country !== order.shippingCountry) {
    throw new ApiError(
      "validation_failed",
      "The new address must be in the country the order ships to: its shipping and tax were priced for it. Cancel and order again to ship elsewhere.",
      { errors: [{ path: "shippingAddress.country", message: `Must be ${order.shippingCountry}` }] },
    );
  }
  const db = database(c.env);
  const now = nowMs();
  // The ciphertext is unique (random IV): the timeline entry is written only if this update applied.
  const enc = await encryptPii(c.env, JSON.stringify(address));
  const data = JSON.stringify({ city: address.city, postalCode: address.postalCode });
  const [updated] = (await db.batch([
    db
      .update(orders)
      .set({ shippingAddressEnc: enc, updatedAt: now })
      .where(and(eq(orders.id, order.id), inArray(orders.status, [...ADDRESS_CHANGEABLE])))
      .returning(),
    db.insert(orderEvents).select(
      db
        .select({
          id: sql<string>`${newId("oev")}`.as("id"),
          orderId: orders.id,
          type: sql<string>`'shipping_address.changed'`.as("type"),
          actorType: sql<string>`${actorId ? "customer" : "guest"}`.as("actor_type"),
          actorId: sql<string | null>`${actorId}`.as("actor_id"),
          data: sql<string>`${data}`.as("data"),
          createdAt: sql<number>`${now}`.as("created_at"),
        })
        .from(orders)
        .where(and(eq(orders.id, order.id), eq(orders.shippingAddressEnc, enc))),
    ),
  ])) as [OrderRow[], unknown];
  if (!updated[0]) {
    throw new ApiError("invalid_transition", "The order has left the shop; its delivery address can no longer change.");
  }
  return updated[0];
}
