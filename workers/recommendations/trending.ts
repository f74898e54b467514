import type { ProductSummary, RecommendationSource } from "../../schemas/recommendations";
import { nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import { popularQuery, type ScoredRow, trendingQuery } from "./queries";
import { MIN_OWN_ITEMS, TRENDING } from "./rules";
import { rows } from "./sql";
import { presentSummary, type SummaryRow } from "./summaries";

/**
 * The trending list of a category (or of everything), computed at most once a minute per data
 * center: it is the same for every caller, so it is kept in the Cache API for
 * TRENDING.cacheTtlSeconds. Every other recommendation falls back to it, so a fallback costs no
 * D1 query when the list is cached.
 *
 * It holds up to TRENDING.poolSize products: those with recent orders or views first (`ranked` of
 * them), then best sellers to fill it when recent signals are few.
 */
export interface TrendingPool {
  items: ProductSummary[];
  /** How many of `items` (from the start) were ranked by recent orders and views. */
  ranked: number;
}

function cacheKey(origin: string, categoryId: string | undefined): Request {
  const scope = categoryId ? `?categoryId=${encodeURIComponent(categoryId)}` : "";
  return new Request(`${origin}/__cache/v1/recommendations/trending${scope}`);
}

async function computePool(env: Env, origin: string, categoryId: string | undefined): Promise<TrendingPool> {
  const ranked = await rows<ScoredRow>(env, trendingQuery({ now: nowMs(), categoryId, limit: TRENDING.poolSize }));
  const fill =
    ranked.length < TRENDING.poolSize
      ? await rows<SummaryRow>(
          env,
          popularQuery({
            categoryId,
            exclude: ranked.map((r) => r.id),
            limit: TRENDING.poolSize - ranked.length,
          }),
        )
      : [];
  return { items: [...ranked, ...fill].map((row) => presentSummary(row, origin)), ranked: ranked.length };
}

export async function trendingPool(env: Env, origin: string, categoryId?: string): Promise<TrendingPool> {
  const key = cacheKey(origin, categoryId);
  const hit = await caches.default.match(key);
  if (hit) return (await hit.json()) as TrendingPool;
  const pool = await computePool(env, origin, categoryId);
  try {
    await caches.default.put(
      key,
      new Response(JSON.stringify(pool), {
        headers: {
          "Content-Type": "application/json",
          "Cache-Control": `public, max-age=${TRENDING.cacheTtlSeconds}`,
        },
      }),
    );
  } catch (err) {
    logEvent("warn", "trending_cache_put_failed", { error: String(err) });
  }
  return pool;
}

/** Whether a list whose first `ranked` items came from real signals counts as its own (not thin). */
export function isThin(ranked: number, limit: number): boolean {
  return ranked < Math.min(limit, MIN_OWN_ITEMS);
}

export interface Recommended {
  items: ProductSummary[];
  source: RecommendationSource;
}

/**
 * An endpoint's own items first; when fewer than `limit`, topped up from trending (leaving out
 * `exclude` and what is already there). The source is the endpoint's own unless its list was thin,
 * then `trending` (or `popular` when trending itself had no recent signal).
 */
export async function withFallback(
  env: Env,
  origin: string,
  own: { items: ProductSummary[]; source: RecommendationSource },
  limit: number,
  exclude: readonly string[] = [],
): Promise<Recommended> {
  const items = own.items.slice(0, limit);
  const thin = isThin(items.length, limit);
  if (items.length >= limit) return { items, source: own.source };
  const pool = await trendingPool(env, origin);
  const taken = new Set([...exclude, ...items.map((i) => i.id)]);
  const extra = pool.items.filter((item) => !taken.has(item.id)).slice(0, limit - items.length);
  const fallbackSource: RecommendationSource = isThin(pool.ranked, limit) ? "popular" : "trending";
  return { items: [...items, ...extra], source: thin ? fallbackSource : own.source };
}
