import type { Card, CardType } from "../../../schemas/chat";
import { productCards } from "../../catalog";
import { orderCards, orderFactsQuery, readOrderCards } from "../../orders";
import { database } from "../../platform/db";
import { ownedShopIdsQuery } from "../../shops";

/**
 * Commerce cards: a message refers to a product (or an order) by id, and every read renders the
 * card from the live row, so a price change or a sold-out item shows in old messages too. The
 * catalog renders product cards, the orders domain order cards; an order may be shared only by its
 * buyer or its shop's owner.
 */
export interface CardRef {
  type: CardType;
  id: string;
}

/** The live card the sender may attach, or why not (a 422 on `card.id`): one D1 round trip. */
export async function cardForSend(
  env: Env,
  ref: CardRef,
  senderId: string,
  origin: string,
): Promise<{ card: Card } | { detail: string }> {
  const missing = {
    detail:
      ref.type === "product"
        ? "There is no product with this id that can be shown."
        : "There is no order with this id that can be shown.",
  };
  if (ref.type === "product") {
    const product = (await productCards(env, [ref.id], origin)).get(ref.id);
    // Any active product may be shown to anyone.
    return product ? { card: { type: "product", id: ref.id, product } } : missing;
  }
  const db = database(env);
  const [rows, owned] = await db.batch([orderFactsQuery(db, [ref.id]), ownedShopIdsQuery(db, senderId)]);
  const order = readOrderCards(rows).get(ref.id);
  if (!order) return missing;
  // Only the order's buyer or its shop's owner may bring it into a conversation.
  if (order.buyerId !== senderId && !owned.some((shop) => shop.id === order.card.shopId)) {
    return { detail: "Only the buyer of this order or its shop's owner can share it." };
  }
  return { card: { type: "order", id: ref.id, order: order.card } };
}

/** Live cards for many references: one query per card type (in parallel). */
export async function liveCards(env: Env, refs: readonly CardRef[], origin: string): Promise<Map<string, Card>> {
  const ids = (type: CardType) => refs.filter((r) => r.type === type).map((r) => r.id);
  const productIds = ids("product");
  const orderIds = ids("order");
  const [products, orders] = await Promise.all([
    productCards(env, productIds, origin),
    orderCards(database(env), orderIds),
  ]);
  const out = new Map<string, Card>();
  for (const id of productIds)
    out.set(cardKey({ type: "product", id }), { type: "product", id, product: products.get(id) ?? null });
  for (const id of orderIds) {
    out.set(cardKey({ type: "order", id }), { type: "order", id, order: orders.get(id)?.card ?? null });
  }
  return out;
}

export const cardKey = (ref: CardRef) => `${ref.type}:${ref.id}`;
