import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { orders } from "../../d1/schema/orders";
import type { OrderStatus } from "../../schemas/orders";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import { findShop } from "../shops";
import type { Buyer } from "./access";
import type { OrderRow } from "./present";

export interface OrderListQuery {
  limit: number;
  cursor?: string;
  status?: OrderStatus;
}

/** The buyer's orders (signed-in user, or guest by cart token), newest first. */
export async function buyerOrders(db: Database, buyer: Buyer, query: OrderListQuery): Promise<Page<OrderRow>> {
  if (!buyer.userId && !buyer.guestTokenHash) {
    throw new ApiError("unauthorized", "Sign in, or send the X-Cart-Token you checked out with.");
  }
  const owner = buyer.userId ? eq(orders.customerId, buyer.userId) : eq(orders.guestTokenHash, buyer.guestTokenHash!);
  return ordersPage(db, owner, query);
}

/** A shop's orders, newest first: for its owner or an admin only. */
export async function shopOrders(
  db: Database,
  shopId: string,
  caller: { userId: string; roles: readonly string[] },
  query: OrderListQuery,
): Promise<Page<OrderRow>> {
  const shop = await findShop(db, shopId);
  if (shop.ownerId !== caller.userId && !caller.roles.includes("admin"))
    throw new ApiError("forbidden", "Only the shop's owner sees its orders.");
  return ordersPage(db, eq(orders.shopId, shopId), query);
}

/** One page of the orders matching `where`, newest first (keyset on the id). */
async function ordersPage(db: Database, where: SQL, { limit, cursor, status }: OrderListQuery) {
  const before = decodeCursor(cursor, z.string().min(1));
  const rows = await db
    .select()
    .from(orders)
    .where(and(where, status ? eq(orders.status, status) : undefined, before ? lt(orders.id, before) : undefined))
    .orderBy(desc(orders.id))
    .limit(limit + 1);
  return toPage(rows, limit, (r) => r.id);
}
