import { rpcTrace } from "../platform/request-context";
import { inventoryStub, isShardCount, MAX_SHARDS } from "./keys";
import type { SaleClaim } from "./object/input";
import { MAX_QUANTITY, type StockLevel } from "./object/types";
import { noteAvailable } from "./shard-hints";

/**
 * One SKU's stock as the Worker sees it: its inventory key and how many shard objects hold it.
 * The shard count is per-SKU configuration the caller keeps with the product (default 1); see
 * docs/inventory.md for choosing it and for changing it safely.
 */
export interface StockRef {
  key: string;
  shards?: number;
}

/** One SKU's stock summed over its shards. */
export interface SkuStockLevel {
  key: string;
  shards: number;
  onHand: number;
  reserved: number;
  available: number;
  sold: number;
  received: number;
  lowStockThreshold: number | null;
}

export interface Allocation {
  shard: number;
  quantity: number;
}

export type ReserveStockResult =
  | {
      ok: true;
      key: string;
      quantity: number;
      /** When the earliest part of the hold lapses. */
      expiresAt: number;
      /** Which shards hold how much (one entry unless the reservation had to be split). */
      allocations: Allocation[];
      /** Of `quantity`, the units taken at the flash sale's price (0 without `sale`). */
      saleUnits: number;
      /** The reservation already existed: nothing new was taken. */
      replayed: boolean;
    }
  | { ok: false; code: "insufficient_stock"; key: string; requested: number; available: number }
  | ReservationClosed
  | { ok: false; code: "invalid_argument"; key: string; message: string };

/** The reservation id was used before and is closed here (or was used for another quantity). */
export interface ReservationClosed {
  ok: false;
  code: "reservation_expired" | "reservation_released" | "reservation_mismatch";
  key: string;
}

export type SetStockResult =
  | { ok: true; level: SkuStockLevel }
  | { ok: false; code: "below_reserved"; reserved: number; level: SkuStockLevel }
  | { ok: false; code: "invalid_argument"; message: string };

export function shardCount(ref: StockRef): number {
  return ref.shards ?? 1;
}

export function validateRef(ref: StockRef): string | null {
  if (typeof ref?.key !== "string" || ref.key.length === 0 || ref.key.length > 180 || ref.key.includes("#")) {
    return "key must be a non-empty inventory key without '#'";
  }
  if (ref.shards !== undefined && !isShardCount(ref.shards)) return `shards must be an integer from 1 to ${MAX_SHARDS}`;
  return null;
}

/** The SKU's level: the sum of its shards' levels. */
export async function stockLevel(env: Env, ref: StockRef): Promise<SkuStockLevel> {
  const shards = shardCount(ref);
  const levels = await Promise.all(range(shards).map((s) => inventoryStub(env, ref.key, s).level()));
  noteLevels(ref.key, levels);
  return sumLevels(ref.key, shards, levels);
}

/** Shard levels just read or answered, remembered as hints for routing reservations (shard-hints.ts). */
function noteLevels(key: string, levels: StockLevel[]): void {
  for (const [s, l] of levels.entries()) noteAvailable(key, levels.length, s, l.available);
}

export function sumLevels(key: string, shards: number, levels: StockLevel[]): SkuStockLevel {
  const total = (pick: (l: StockLevel) => number) => levels.reduce((n, l) => n + pick(l), 0);
  const thresholds = levels.map((l) => l.lowStockThreshold).filter((t): t is number => t !== null);
  return {
    key,
    shards,
    onHand: total((l) => l.onHand),
    reserved: total((l) => l.reserved),
    available: total((l) => l.available),
    sold: total((l) => l.sold),
    received: total((l) => l.received),
    lowStockThreshold: thresholds.length === 0 ? null : thresholds.reduce((a, b) => a + b, 0),
  };
}

/**
 * Sets a SKU's on-hand stock (a stock-take) and low-stock threshold. Sharded: each shard keeps at
 * least what its live holds take, the rest is spread evenly (which also rebalances), and the
 * threshold is split so the shards' thresholds add up to it. Refused below the units reserved.
 */
export async function setStock(
  env: Env,
  ref: StockRef,
  input: { onHand: number; lowStockThreshold?: number | null },
): Promise<SetStockResult> {
  const problem =
    validateRef(ref) ??
    (isInt(input?.onHand, 0, MAX_QUANTITY) ? null : "onHand must be a non-negative integer") ??
    (input.lowStockThreshold === undefined ||
    input.lowStockThreshold === null ||
    isInt(input.lowStockThreshold, 0, MAX_QUANTITY)
      ? null
      : "lowStockThreshold must be a non-negative integer or null");
  if (problem) return { ok: false, code: "invalid_argument", message: problem };
  const shards = shardCount(ref);
  const thresholds =
    input.lowStockThreshold === undefined || input.lowStockThreshold === null
      ? null
      : spread(input.lowStockThreshold, shards);

  // Holds may grow between reading and writing; a shard that refuses is retried with fresh levels.
  for (let attempt = 0; ; attempt++) {
    const before = await Promise.all(range(shards).map((s) => inventoryStub(env, ref.key, s).level()));
    const reserved = before.reduce((n, l) => n + l.reserved, 0);
    if (input.onHand < reserved) {
      return { ok: false, code: "below_reserved", reserved, level: sumLevels(ref.key, shards, before) };
    }
    const extra = spread(input.onHand - reserved, shards);
    const results = await Promise.all(
      range(shards).map((s) =>
        inventoryStub(env, ref.key, s).configure(
          {
            sku: ref.key,
            shard: s,
            shards,
            onHand: before[s].reserved + extra[s],
            ...(input.lowStockThreshold === undefined ? {} : { lowStockThreshold: thresholds ? thresholds[s] : null }),
          },
          rpcTrace(),
        ),
      ),
    );
    const refused = results.find((r) => !r.ok);
    noteLevels(
      ref.key,
      results.map((r, s) => ("level" in r ? r.level : before[s])),
    );
    if (!refused)
      return {
        ok: true,
        level: sumLevels(
          ref.key,
          shards,
          results.map((r) => (r.ok ? r.level : before[0])),
        ),
      };
    if (refused.code === "invalid_argument") return { ok: false, code: "invalid_argument", message: refused.message };
    if (attempt >= 4) {
      const level = await stockLevel(env, ref);
      return { ok: false, code: "below_reserved", reserved: level.reserved, level };
    }
  }
}

/**
 * Moves available (unreserved) stock so it is spread evenly over the first `to` shards; shards
 * `to`..`from-1` keep only their live holds (the first step of lowering the shard count). Each
 * move takes from a shard only what is free at that instant, then gives it to another, so no
 * reservation is ever disturbed and the SKU's total is unchanged. Not resumable: if the Worker
 * dies between a take and its give, those units are missing until the next `setStock`.
 */
export async function rebalanceStock(
  env: Env,
  key: string,
  shards: { from: number; to?: number },
): Promise<{ moved: number; level: SkuStockLevel }> {
  const from = shards.from;
  const to = shards.to ?? from;
  if (!isShardCount(from) || !isShardCount(to) || validateRef({ key })) throw new RangeError("invalid rebalance");
  const count = Math.max(from, to);
  const levels = await Promise.all(range(count).map((s) => inventoryStub(env, key, s).level()));
  const total = levels.reduce((n, l) => n + l.available, 0);
  const target = [...spread(total, to), ...new Array<number>(count - to).fill(0)];
  const run = crypto.randomUUID();

  const taken = await Promise.all(
    range(count).map(async (s) => {
      const surplus = levels[s].available - target[s];
      if (surplus <= 0) return 0;
      const r = await inventoryStub(env, key, s).adjust(
        {
          adjustmentId: `rebalance:${run}:take:${s}`,
          delta: -surplus,
          clamp: true,
        },
        rpcTrace(),
      );
      return r.ok ? -r.delta : 0;
    }),
  );
  let pool = taken.reduce((a, b) => a + b, 0);
  const gives: { shard: number; units: number }[] = [];
  for (let s = 0; s < to && pool > 0; s++) {
    const units = Math.min(pool, Math.max(0, target[s] - levels[s].available));
    if (units > 0) gives.push({ shard: s, units });
    pool -= units;
  }
  if (pool > 0) gives.push({ shard: 0, units: pool });
  await Promise.all(
    gives.map(({ shard, units }, i) =>
      inventoryStub(env, key, shard).adjust(
        { adjustmentId: `rebalance:${run}:give:${shard}:${i}`, delta: units },
        rpcTrace(),
      ),
    ),
  );
  return { moved: gives.reduce((n, g) => n + g.units, 0), level: await stockLevel(env, { key, shards: count }) };
}

/** The flash-sale claim one shard is given (see sales.ts): its share of the quota (the whole quota when unsharded). */
export function shardSale(sale: SaleClaim | undefined, shard: number, shards: number): SaleClaim | undefined {
  if (!sale || shards <= 1) return sale;
  return { ...sale, quota: spread(sale.quota, shards)[shard] };
}

/** `total` split into `parts` integers that differ by at most one and add up to `total`. */
export function spread(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max;
}
