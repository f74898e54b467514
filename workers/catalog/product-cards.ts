import type { ProductCard } from "../../schemas/chat";
import type { Currency } from "../platform/money";
import { mediaUrl } from "./products";

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

/**
 * Live product cards (the chat's commerce cards) for many ids in one query, each with its first
 * picture. Drafts, archived and deleted products are absent: they are not shown to the other side
 * of a chat.
 */
export async function productCards(
  env: Pick<Env, "DB">,
  ids: readonly string[],
  origin: string,
): Promise<Map<string, ProductCard>> {
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
}
