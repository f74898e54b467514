import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { cartTokenHash, guestCartToken } from "../cart";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { shopSummary } from "../shops";
import { orderById } from "./order-rows";
import type { OrderRow } from "./present";
import type { Actor } from "./status";

/** Who is calling about orders: a signed-in user, or a guest holding the checkout's cart token. */
export interface Buyer {
  userId?: string;
  guestTokenHash?: string;
}

export async function buyerOf(c: Context<AppEnv>): Promise<Buyer> {
  const auth = c.get("auth");
  if (auth) return { userId: auth.userId };
  const token = guestCartToken(c);
  if (token) return { guestTokenHash: await cartTokenHash(token) };
  return {};
}

export function isBuyerOf(buyer: Buyer, row: Pick<OrderRow, "customerId" | "guestTokenHash">): boolean {
  if (buyer.userId) return row.customerId === buyer.userId;
  return Boolean(buyer.guestTokenHash && row.guestTokenHash === buyer.guestTokenHash);
}

/** An order and who the caller is towards it. */
export interface OrderStanding {
  order: OrderRow;
  actor: Actor;
  actorId: string | null;
}

/**
 * The order and the caller's standing towards it: admin, its buyer (user or guest token) or the
 * owner of its shop. A signed-in caller with no standing gets 403; an anonymous one 404.
 */
export async function orderFor(c: Context<AppEnv>, orderId: string): Promise<OrderStanding> {
  const db = database(c.env);
  const order = await orderById(db, orderId);
  if (!order) throw new ApiError("not_found", "There is no order with this id.");
  const auth = c.get("auth");
  if (auth?.roles.includes("admin")) return { order, actor: "admin", actorId: auth.userId };
  const buyer = await buyerOf(c);
  if (isBuyerOf(buyer, order)) return { order, actor: "customer", actorId: buyer.userId ?? null };
  if (auth) {
    if ((await shopSummary(db, order.shopId))?.ownerId === auth.userId)
      return { order, actor: "seller", actorId: auth.userId };
    throw new ApiError("forbidden", "This order is not yours, nor your shop's.");
  }
  throw new ApiError("not_found", "There is no order with this id. Guests: send the X-Cart-Token used at checkout.");
}
