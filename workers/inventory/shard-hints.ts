/**
 * What this isolate last heard of each shard's free units, from the answers the shards gave it
 * (every reserve, release and level answer carries the shard's level). reserveStock uses it to
 * route a reservation whose home shard is short straight to shards likely to have the units,
 * instead of reading every shard's level first. A hint never decides a sale: each shard still
 * checks and writes atomically, so a stale hint costs a detour or a retry, never an oversell.
 *
 * Per isolate and unshared: another isolate's reservations and lapsing holds are invisible here,
 * which is why a hint is trusted only for HINT_FRESH_MS (then the shard is asked again).
 */
import { LruCache } from "../platform/lru";

/**
 * How long a shard's answer is taken as its level when choosing where to ask. A refusal never
 * rests on it: reserve.ts reads every level afresh before answering insufficient_stock.
 */
export const HINT_FRESH_MS = 250;
/** SKUs remembered per isolate; the least recently used is forgotten first (only hot SKUs matter). */
const MAX_SKUS = 1_000;

interface SkuHints {
  shards: number;
  available: number[];
  seenAt: number[];
}

const hints = new LruCache<SkuHints>(MAX_SKUS);

/** Records one shard's free units as an answer just reported them. */
export function noteAvailable(key: string, shards: number, shard: number, available: number, now = Date.now()): void {
  if (shards <= 1 || shard < 0 || shard >= shards) return;
  let sku = hints.get(key);
  if (!sku || sku.shards !== shards) {
    sku = { shards, available: new Array<number>(shards).fill(0), seenAt: new Array<number>(shards).fill(-1) };
    hints.set(key, sku);
  }
  sku.available[shard] = Math.max(0, available);
  sku.seenAt[shard] = now;
}

/** The shard's free units as last heard, or null when nothing was heard within HINT_FRESH_MS. */
export function hintedAvailable(key: string, shards: number, shard: number, now = Date.now()): number | null {
  const sku = hints.get(key);
  if (!sku || sku.shards !== shards || sku.seenAt[shard] < 0 || now - sku.seenAt[shard] > HINT_FRESH_MS) return null;
  return sku.available[shard];
}

/** Forgets everything heard of a SKU (tests; a stock change made behind the router's back). */
export function forgetHints(key?: string): void {
  if (key === undefined) hints.clear();
  else hints.delete(key);
}
