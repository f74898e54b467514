import type { z } from "@hono/zod-openapi";
import { asc } from "drizzle-orm";
import { orderItems, type orders } from "../../d1/schema/orders";
import type { OrderSchema } from "../../schemas/orders";
import { type Database, inList } from "../platform/db";
import { type Currency, money } from "../platform/money";
import { decryptPii } from "../platform/pii";
import { presentShipping } from "./shipping-link";

export type OrderRow = typeof orders.$inferSelect;
export type Order = z.infer<typeof OrderSchema>;
type ItemRow = typeof orderItems.$inferSelect;

const iso = (ms: number) => new Date(ms).toISOString();

/** Orders with their items, in one query for the items of all of them (no N+1). */
export async function presentOrders(env: Env, db: Database, rows: OrderRow[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const items = await db
    .select()
    .from(orderItems)
    .where(
      inList(
        orderItems.orderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(orderItems.id));
  const byOrder = new Map<string, ItemRow[]>();
  for (const item of items) byOrder.set(item.orderId, [...(byOrder.get(item.orderId) ?? []), item]);
  return Promise.all(rows.map((row) => presentOrder(env, row, byOrder.get(row.id) ?? [])));
}

export async function presentOrder(env: Env, row: OrderRow, items: ItemRow[]): Promise<Order> {
  const currency = row.currency as Currency;
  const m = (amount: number) => money(amount, currency);
  const address = row.shippingAddressEnc
    ? (JSON.parse(await decryptPii(env, row.shippingAddressEnc)) as Order["shippingAddress"])
    : null;
  return {
    id: row.id,
    number: row.number,
    shopId: row.shopId,
    customerId: row.customerId,
    status: row.status,
    items: items.map((i) => ({
      productId: i.productId,
      ...(i.variantId ? { variantId: i.variantId } : {}),
      name: i.name,
      sku: i.sku,
      quantity: i.quantity,
      unitPrice: m(i.unitPrice),
      lineTotal: m(i.lineTotal),
    })),
    subtotal: m(row.subtotal),
    shippingCost: m(row.shippingCost),
    tax: m(row.tax),
    discount: m(row.discount),
    total: m(row.total),
    currency,
    shippingAddress: address,
    shipping: presentShipping(row.shipping as Order["shipping"]),
    paymentStatus: row.paymentStatus,
    ...(row.voucherCode ? { voucherCode: row.voucherCode } : {}),
    reservationExpiresAt: iso(row.reservationExpiresAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The guest's contact email of an order (decrypted), if it has one. */
export async function contactEmailOf(env: Env, row: { contactEmailEnc: string | null }): Promise<string | undefined> {
  return row.contactEmailEnc ? decryptPii(env, row.contactEmailEnc) : undefined;
}
