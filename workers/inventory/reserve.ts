import { logEvent } from "../platform/log";
import { rpcTrace } from "../platform/request-context";
import { inventoryStub, shardOrder } from "./keys";
import type { SaleClaim } from "./object/input";
import { MAX_QUANTITY, MAX_TTL_MS, type ReservationView, type ReserveResult } from "./object/types";
import { hintedAvailable, noteAvailable } from "./shard-hints";
import {
  type Allocation,
  isInt,
  type ReserveStockResult,
  type StockRef,
  shardCount,
  shardSale,
  validateRef,
} from "./stock";

/** What reserveStock takes: the SKU, the reservation, and the flash sale its units may claim. */
export type ReserveStockInput = StockRef & {
  reservationId: string;
  quantity: number;
  ttlMs: number;
  /** The whole sale's quota: each shard is given its share of it. */
  sale?: SaleClaim;
};

/** The parts of one reservation held so far, and the shards that were asked (each keeps a row). */
interface Parts {
  held: number;
  saleUnits: number;
  expiresAt: number;
  replayed: boolean;
  allocations: Allocation[];
  visited: number[];
}

/**
 * Holds `quantity` units of one SKU for `ttlMs`, idempotent by reservationId.
 *
 * Unsharded: one call to the SKU's object. Sharded: the reservation goes to its home shard (a
 * hash of its id), which is always asked first, so a replay always finds its row there. When the
 * home shard is short, the other shards' free units come from what this isolate last heard of them
 * (shard-hints.ts), read afresh only for shards not heard from lately; if the SKU as a whole is
 * short by them, every level is read afresh, and only then the answer is insufficient_stock with
 * nothing written (a refusal never rests on hints alone). Otherwise the reservation is split:
 * the home shard, then the shards that have units, in ring order, each hold what they can
 * (`partial`, recording a row even for 0 units) until the quantity is covered. If the shards run
 * out meanwhile, every part is dropped again. When the hints already say the home shard is short
 * and others have the units, the home shard is asked for a partial hold at once (one call saved).
 * The same id must not be reserved concurrently (the order's idempotency key ensures that).
 */
export async function reserveStock(env: Env, input: ReserveStockInput): Promise<ReserveStockResult> {
  const { key, reservationId, quantity, ttlMs } = input;
  const problem =
    validateRef(input) ??
    (isInt(quantity, 1, MAX_QUANTITY) ? null : "quantity must be a positive integer") ??
    (isInt(ttlMs, 1, MAX_TTL_MS) ? null : `ttlMs must be an integer from 1 to ${MAX_TTL_MS}`);
  if (problem) return { ok: false, code: "invalid_argument", key, message: problem };

  const shards = shardCount(input);
  const [home, ...others] = shardOrder(reservationId, shards);
  const partial = shards > 1 && homeLooksShort(input, home, others);
  const first = await reservePart(env, input, home, quantity, partial);
  if (!first.ok && first.code !== "insufficient_stock") return refusal(key, first);
  if (first.ok && first.quantity === quantity) {
    const { expiresAt, saleUnits, replayed } = first;
    return { ok: true, key, quantity, expiresAt, allocations: [{ shard: home, quantity }], saleUnits, replayed };
  }
  if (others.length === 0) {
    // Unsharded and short (a partial row can only come from a different shard count).
    const available = first.ok ? first.quantity : first.available;
    return { ok: false, code: "insufficient_stock", key, requested: quantity, available };
  }
  if (!first.ok) return spill(env, input, home, others, null, first.available);
  const parts = noParts();
  addPart(parts, home, first);
  if (first.replayed) return replayParts(env, input, home, others, parts);
  return spill(env, input, home, others, parts, 0);
}

/** The hints say the home shard cannot cover the quantity but the SKU can: ask it for a partial hold. */
function homeLooksShort({ key, shards = 1, quantity }: ReserveStockInput, home: number, others: number[]): boolean {
  const now = Date.now();
  const atHome = hintedAvailable(key, shards, home, now);
  if (atHome === null || atHome >= quantity) return false;
  const elsewhere = others.reduce((n, s) => n + (hintedAvailable(key, shards, s, now) ?? 0), 0);
  return atHome + elsewhere >= quantity;
}

/**
 * The home shard is short. `parts`: what it holds for the reservation (null: it refused and keeps
 * no row, having `homeAvailable` free). Reads cost no writes: refuse at once if the SKU is short.
 */
async function spill(
  env: Env,
  input: ReserveStockInput,
  home: number,
  others: number[],
  parts: Parts | null,
  homeAvailable: number,
): Promise<ReserveStockResult> {
  const { key, quantity } = input;
  const needed = quantity - (parts?.held ?? 0);
  let free = await freeUnits(env, key, shardCount(input), others);
  // A refusal rests on levels read now, never on hints alone: units given back to a shard since it
  // was heard of (a release, a stock-take) must not turn a buyer away.
  if (sum(free) < needed) free = await freeUnits(env, key, shardCount(input), others, true);
  const elsewhere = sum(free);
  if (elsewhere < needed) {
    if (parts) await dropParts(env, input, parts.visited);
    const available = (parts ? parts.held : homeAvailable) + elsewhere;
    return { ok: false, code: "insufficient_stock", key, requested: quantity, available };
  }
  // Shards heard of as empty come last: asked only if the others fall short, so that a refusal
  // after the split has asked every shard.
  const targets = [...others.filter((_, i) => free[i] > 0), ...others.filter((_, i) => free[i] <= 0)];
  // A home shard that refused keeps no row yet: it is asked again for what it has, so it records one.
  return takeParts(env, input, home, parts ? targets : [home, ...targets], parts ?? noParts());
}

const sum = (units: number[]) => units.reduce((n, u) => n + u, 0);

/** Each shard's free units: as heard within HINT_FRESH_MS (unless `fresh`), else read (and remembered). */
function freeUnits(env: Env, key: string, shards: number, which: number[], fresh = false): Promise<number[]> {
  const now = Date.now();
  return Promise.all(
    which.map(async (s) => {
      const hinted = fresh ? null : hintedAvailable(key, shards, s, now);
      if (hinted !== null) return hinted;
      const level = await inventoryStub(env, key, s).level();
      noteAvailable(key, shards, s, level.available);
      return level.available;
    }),
  );
}

/** Holds what each of `shards` can, in order, until the quantity is covered; all or nothing. */
async function takeParts(
  env: Env,
  input: ReserveStockInput,
  home: number,
  shards: number[],
  parts: Parts,
): Promise<ReserveStockResult> {
  const { key, reservationId, quantity } = input;
  try {
    for (const shard of shards) {
      if (parts.held === quantity) break;
      parts.visited.push(shard);
      const part = await reservePart(env, input, shard, quantity - parts.held, true);
      if (!part.ok) {
        if (part.code === "insufficient_stock") continue;
        await dropParts(env, input, parts.visited);
        return refusal(key, part);
      }
      addPart(parts, shard, part);
    }
  } catch (err) {
    await dropParts(env, input, shardOrder(reservationId, shardCount(input)));
    throw err;
  }
  if (parts.held < quantity) {
    // Other reservations took the stock since it was heard of or read: undo every part.
    await dropParts(env, input, parts.visited);
    return { ok: false, code: "insufficient_stock", key, requested: quantity, available: parts.held };
  }
  return finish(input, home, parts);
}

/**
 * The home shard already held part of this reservation: a replay (or a retry after the first
 * attempt died midway). The other parts are read where they are, not asked for again, so the
 * answer is the first one's whatever order the shards were visited in; what is missing is taken.
 */
async function replayParts(
  env: Env,
  input: ReserveStockInput,
  home: number,
  others: number[],
  parts: Parts,
): Promise<ReserveStockResult> {
  const { key, reservationId } = input;
  const views: (ReservationView | null)[] = await Promise.all(
    others.map((s) => inventoryStub(env, key, s).reservation(reservationId)),
  );
  const closed = views.find((v) => v?.status === "expired" || v?.status === "released");
  if (closed) {
    await dropParts(env, input, [home, ...others.filter((_, i) => views[i] !== null)]);
    return { ok: false, code: closed?.status === "expired" ? "reservation_expired" : "reservation_released", key };
  }
  views.forEach((view, i) => {
    if (!view) return;
    parts.visited.push(others[i]);
    addPart(parts, others[i], { ...view, replayed: true });
  });
  const missing = others.filter((_, i) => views[i] === null);
  return takeParts(env, input, home, missing, parts);
}

/** One shard's reserve call; its answer's level is remembered as that shard's hint. */
async function reservePart(
  env: Env,
  input: ReserveStockInput,
  shard: number,
  quantity: number,
  partial: boolean,
): Promise<ReserveResult> {
  const { key, reservationId, ttlMs } = input;
  const shards = shardCount(input);
  const sale = shardSale(input.sale, shard, shards);
  const result = await inventoryStub(env, key, shard).reserve(
    { reservationId, quantity, ttlMs, sale, ...(partial ? { partial } : {}) },
    rpcTrace(),
  );
  if ("level" in result) noteAvailable(key, shards, shard, result.level.available);
  return result;
}

function noParts(): Parts {
  return { held: 0, saleUnits: 0, expiresAt: Number.POSITIVE_INFINITY, replayed: true, allocations: [], visited: [] };
}

function addPart(
  parts: Parts,
  shard: number,
  part: { quantity: number; saleUnits: number; expiresAt: number; replayed: boolean },
): void {
  if (!parts.visited.includes(shard)) parts.visited.push(shard);
  parts.replayed &&= part.replayed;
  if (part.quantity === 0) return;
  parts.held += part.quantity;
  parts.saleUnits += part.saleUnits;
  parts.allocations.push({ shard, quantity: part.quantity });
  parts.expiresAt = Math.min(parts.expiresAt, part.expiresAt);
}

/** The split reservation's answer, its parts in ring order from the home shard (as a replay lists them). */
function finish(input: ReserveStockInput, home: number, parts: Parts): ReserveStockResult {
  const shards = shardCount(input);
  const ring = (s: number) => (s - home + shards) % shards;
  const allocations = [...parts.allocations].sort((a, b) => ring(a.shard) - ring(b.shard));
  const { key, quantity } = input;
  const { expiresAt, saleUnits, replayed } = parts;
  return { ok: true, key, quantity, expiresAt, allocations, saleUnits, replayed };
}

/** Deletes the live parts of a refused reservation so the same id may try again later. */
async function dropParts(env: Env, input: ReserveStockInput, shards: number[]): Promise<void> {
  const { key, reservationId } = input;
  const results = await Promise.allSettled(
    shards.map((s) => inventoryStub(env, key, s).release(reservationId, { forget: true }, rpcTrace())),
  );
  results.forEach((r, i) => {
    if (r.status === "fulfilled") {
      if ("level" in r.value) noteAvailable(key, shardCount(input), shards[i], r.value.level.available);
    } else {
      // The hold lapses by itself at its expiry.
      logEvent("warn", "inventory_compensation_failed", { key, reservationId, error: String(r.reason) });
    }
  });
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
