import type { Card, CardType, OrderCard, ProductCard } from "../../../schemas/chat";
import { mediaUrl } from "../../catalog";
import type { Currency } from "../../platform/money";

/**
 * Commerce cards: a message refers to a product (or an order) by id, and every read renders the
 * card from the live row, so a price change or a sold-out item shows in old messages too.
 *
 * Each card type is one resolver: `product` reads the catalog's products table; `order` reads the
 * orders table (status, total, item count) and may be shared only by the order's buyer or its shop's
 * owner.
 */
export interface CardRef {
  type: CardType;
  id: string;
}

interface CardResolver<T> {
  enabled: boolean;
  /** Live data for many ids in one query; missing or hidden ids are absent. */
  load(env: Env, ids: readonly string[], origin: string): Promise<Map<string, T>>;
  /** Why the sender may not share this (loaded) item, or null. */
  check(env: Env, item: T, senderId: string): Promise<string | null>;
}

interface ProductCardRow {
  id: string;
  shop_id: string;
  name: string;
  price_amount: number;
  currency: string;
  status: string;
  deleted_at: number | null;
  stock_snapshot: number;
  rating_average: number;
  rating_count: number;
  image_id: string | null;
}

const productResolver: CardResolver<ProductCard> = {
  enabled: true,
  async load(env, ids, origin) {
    const out = new Map<string, ProductCard>();
    if (ids.length === 0) return out;
    const { results } = await env.DB.prepare(
      `SELECT p.id, p.shop_id, p.name, p.price_amount, p.currency, p.status, p.deleted_at, p.stock_snapshot,
              p.rating_average, p.rating_count,
              (SELECT m.id FROM product_media m WHERE m.product_id = p.id AND m.kind = 'image'
                ORDER BY m.position, m.id LIMIT 1) AS image_id
         FROM products p WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
      .bind(JSON.stringify([...new Set(ids)]))
      .all<ProductCardRow>();
    for (const r of results) {
      // Drafts, archived and deleted products are not shown to the other side of a chat.
      if (r.status !== "active" || r.deleted_at !== null) continue;
      out.set(r.id, {
        id: r.id,
        shopId: r.shop_id,
        name: r.name,
        price: { amount: r.price_amount, currency: r.currency as Currency },
        image: r.image_id ? { id: r.image_id, url: mediaUrl(origin, r.image_id) } : null,
        available: r.stock_snapshot,
        status: r.status,
        rating: { average: Math.round(r.rating_average * 100) / 100, count: r.rating_count },
      });
    }
    return out;
  },
  // Any active product may be shown to anyone.
  async check() {
    return null;
  },
};

interface OrderCardRow {
  id: string;
  number: string;
  shop_id: string;
  status: string;
  total: number;
  currency: string;
  customer_id: string | null;
  owner_id: string;
  item_count: number | null;
}

/** Who may share an order card: its buyer and its shop's owner (kept beside the card, never sent). */
const orderParties = new WeakMap<OrderCard, { buyerId: string | null; ownerId: string }>();

const orderResolver: CardResolver<OrderCard> = {
  enabled: true,
  async load(env, ids) {
    const out = new Map<string, OrderCard>();
    if (ids.length === 0) return out;
    const { results } = await env.DB.prepare(
      `SELECT o.id, o.number, o.shop_id, o.status, o.total, o.currency, o.customer_id, s.owner_id,
              (SELECT SUM(i.quantity) FROM order_items i WHERE i.order_id = o.id) AS item_count
         FROM orders o JOIN shops s ON s.id = o.shop_id
        WHERE o.id IN (SELECT value FROM json_each(?))`,
    )
      .bind(JSON.stringify([...new Set(ids)]))
      .all<OrderCardRow>();
    for (const r of results) {
      const card: OrderCard = {
        id: r.id,
        number: r.number,
        shopId: r.shop_id,
        status: r.status,
        total: { amount: r.total, currency: r.currency as Currency },
        itemCount: r.item_count ?? 0,
      };
      orderParties.set(card, { buyerId: r.customer_id, ownerId: r.owner_id });
      out.set(r.id, card);
    }
    return out;
  },
  // Only the order's buyer or its shop's owner may bring it into a conversation.
  async check(_env, item, senderId) {
    const parties = orderParties.get(item);
    if (parties && (parties.buyerId === senderId || parties.ownerId === senderId)) return null;
    return "Only the buyer of this order or its shop's owner can share it.";
  },
};

const RESOLVERS: { [K in CardType]: CardResolver<unknown> } = {
  product: productResolver as CardResolver<unknown>,
  order: orderResolver as CardResolver<unknown>,
};

/** The live card the sender may attach, or why not (a 422 on `card.id`). */
export async function cardForSend(
  env: Env,
  ref: CardRef,
  senderId: string,
  origin: string,
): Promise<{ card: Card } | { error: string }> {
  const resolver = RESOLVERS[ref.type];
  if (!resolver.enabled) return { error: `Cards of type ${ref.type} are not available yet.` };
  const item = (await resolver.load(env, [ref.id], origin)).get(ref.id);
  if (item === undefined) return { error: `There is no ${ref.type} with this id that can be shown.` };
  const refusal = await resolver.check(env, item, senderId);
  if (refusal) return { error: refusal };
  return { card: renderCard(ref, item) };
}

/** Live cards for many references: one query per card type. */
export async function liveCards(env: Env, refs: readonly CardRef[], origin: string): Promise<Map<string, Card>> {
  const out = new Map<string, Card>();
  const byType = new Map<CardType, string[]>();
  for (const ref of refs) byType.set(ref.type, [...(byType.get(ref.type) ?? []), ref.id]);
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const resolver = RESOLVERS[type];
      const data = resolver.enabled ? await resolver.load(env, ids, origin) : new Map<string, unknown>();
      for (const id of ids) out.set(cardKey({ type, id }), renderCard({ type, id }, data.get(id) ?? null));
    }),
  );
  return out;
}

export const cardKey = (ref: CardRef) => `${ref.type}:${ref.id}`;

function renderCard(ref: CardRef, data: unknown): Card {
  if (ref.type === "product") return { type: "product", id: ref.id, product: (data as ProductCard | null) ?? null };
  return { type: "order", id: ref.id, order: (data as OrderCard | null) ?? null };
}
