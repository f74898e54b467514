import { logEvent } from "../platform/log";
import { rpcTrace } from "../platform/request-context";
import { inventoryStub, isShardCount, MAX_SHARDS, shardOrder } from "./keys";
import type { SaleClaim } from "./object/input";
import { MAX_QUANTITY, MAX_TTL_MS, type StockLevel } from "./object/types";

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
  return sumLevels(ref.key, shards, levels);
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
 * Holds `quantity` units of one SKU for `ttlMs`, idempotent by reservationId.
 *
 * Unsharded: one call to the SKU's object. Sharded: the reservation goes to its home shard (a
 * hash of its id); if that shard is short, the other shards' levels are read and, when the SKU as
 * a whole has enough, the reservation is split: each shard in ring order holds what it can
 * (recording a row even for 0 units, so a replay meets the same parts instead of taking anew)
 * until the quantity is covered. If the shards run out meanwhile, every part is dropped again.
 * The same id must not be reserved concurrently (the order's idempotency key ensures that).
 */
export async function reserveStock(env: Env, input: ReserveStockInput): Promise<ReserveStockResult> {
  const { key, reservationId, quantity, ttlMs } = input;
  const problem =
    validateRef(input) ??
    (isInt(quantity, 1, MAX_QUANTITY) ? null : "quantity must be a positive integer") ??
    (isInt(ttlMs, 1, MAX_TTL_MS) ? null : `ttlMs must be an integer from 1 to ${MAX_TTL_MS}`);
  if (problem) return { ok: false, code: "invalid_argument", key, message: problem };

  const [home, ...others] = shardOrder(reservationId, shardCount(input));
  const sale = shardSale(input.sale, home, shardCount(input));
  const first = await inventoryStub(env, key, home).reserve({ reservationId, quantity, ttlMs, sale }, rpcTrace());
  if (!first.ok && first.code !== "insufficient_stock") return refusal(key, first);
  if (first.ok && first.quantity === quantity) {
    return {
      ok: true,
      key,
      quantity,
      expiresAt: first.expiresAt,
      allocations: [{ shard: home, quantity }],
      saleUnits: first.saleUnits,
      replayed: first.replayed,
    };
  }
  if (others.length === 0) {
    // Unsharded and short (a partial row can only come from a different shard count).
    const available = first.ok ? first.quantity : first.available;
    return { ok: false, code: "insufficient_stock", key, requested: quantity, available };
  }

  if (!first.ok) {
    // The home shard is short. Reads cost no writes: give up at once if the SKU as a whole is short.
    const levels = await Promise.all(others.map((s) => inventoryStub(env, key, s).level()));
    const available = first.available + levels.reduce((n, l) => n + l.available, 0);
    if (available < quantity) return { ok: false, code: "insufficient_stock", key, requested: quantity, available };
  }
  return splitAcrossShards(env, input, home, others, first.ok ? first : null);
}

/** What reserveStock takes: the SKU, the reservation, and the flash sale its units may claim. */
export type ReserveStockInput = StockRef & {
  reservationId: string;
  quantity: number;
  ttlMs: number;
  /** The whole sale's quota: each shard is given its share of it. */
  sale?: SaleClaim;
};

async function splitAcrossShards(
  env: Env,
  input: ReserveStockInput,
  home: number,
  others: number[],
  existingHome: { quantity: number; expiresAt: number; replayed: boolean; saleUnits: number } | null,
): Promise<ReserveStockResult> {
  const { key, reservationId, quantity, ttlMs } = input;
  const visited: number[] = [];
  const allocations: Allocation[] = [];
  let held = 0;
  let saleUnits = 0;
  let expiresAt = Number.POSITIVE_INFINITY;
  let replayed = true;
  try {
    for (const shard of [home, ...others]) {
      if (held === quantity) break;
      visited.push(shard);
      const part =
        shard === home && existingHome
          ? { ok: true as const, ...existingHome }
          : await inventoryStub(env, key, shard).reserve(
              {
                reservationId,
                quantity: quantity - held,
                ttlMs,
                partial: true,
                sale: shardSale(input.sale, shard, shardCount(input)),
              },
              rpcTrace(),
            );
      if (!part.ok) {
        if (part.code === "insufficient_stock") continue;
        await dropParts(env, key, reservationId, visited);
        return refusal(key, part);
      }
      replayed &&= part.replayed;
      if (part.quantity > 0) {
        held += part.quantity;
        saleUnits += part.saleUnits;
        allocations.push({ shard, quantity: part.quantity });
        expiresAt = Math.min(expiresAt, part.expiresAt);
      }
    }
  } catch (err) {
    await dropParts(env, key, reservationId, [home, ...others]);
    throw err;
  }
  if (held < quantity) {
    // Other reservations took the stock between the read and the split: undo every part.
    await dropParts(env, key, reservationId, visited);
    return { ok: false, code: "insufficient_stock", key, requested: quantity, available: held };
  }
  return { ok: true, key, quantity, expiresAt, allocations, saleUnits, replayed };
}

/** Deletes the live parts of a refused reservation so the same id may try again later. */
async function dropParts(env: Env, key: string, reservationId: string, shards: number[]): Promise<void> {
  const results = await Promise.allSettled(
    shards.map((s) => inventoryStub(env, key, s).release(reservationId, { forget: true }, rpcTrace())),
  );
  for (const r of results) {
    if (r.status === "rejected") {
      // The hold lapses by itself at its expiry.
      logEvent("warn", "inventory_compensation_failed", { key, reservationId, error: String(r.reason) });
    }
  }
}

function refusal(
  key: string,
  result: { ok: false; code: string; message?: string; requested?: number; available?: number },
): ReserveStockResult {
  switch (result.code) {
    case "reservation_expired":
    case "reservation_released":
    case "reservation_mismatch":
      return { ok: false, code: result.code, key };
    case "insufficient_stock":
      return {
        ok: false,
        code: "insufficient_stock",
        key,
        requested: result.requested ?? 0,
        available: result.available ?? 0,
      };
    default:
      return { ok: false, code: "invalid_argument", key, message: result.message ?? result.code };
  }
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
