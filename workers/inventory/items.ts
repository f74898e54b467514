import { logEvent } from "../platform/log";
import { rpcTrace } from "../platform/request-context";
import { inventoryStub } from "./keys";
import type { SaleClaim } from "./object/input";
import type { CommitResult, RenewResult } from "./object/types";
import { MAX_QUANTITY, MAX_TTL_MS } from "./object/types";
import { reserveStock } from "./reserve";
import {
  isInt,
  type ReservationClosed,
  type ReserveStockResult,
  range,
  type StockRef,
  shardCount,
  validateRef,
} from "./stock";

/** How long a commit spanning several objects keeps every hold alive while it commits them one by one. */
export const COMMIT_GRACE_MS = 60_000;
/** The most distinct SKUs one reservation may span. */
export const MAX_ITEMS = 100;

export interface StockItem extends StockRef {
  quantity: number;
  /** A flash sale some of the units may be taken at (reserveItems only). */
  sale?: SaleClaim;
}

export type ReserveItemsResult =
  | {
      ok: true;
      reservationId: string;
      /** When the first hold lapses: commit before then. */
      expiresAt: number;
      items: {
        key: string;
        quantity: number;
        allocations: { shard: number; quantity: number }[];
        /** Of `quantity`, the units taken at the item's flash-sale price. */
        saleUnits: number;
      }[];
    }
  | { ok: false; code: "insufficient_stock"; items: { key: string; requested: number; available: number }[] }
  | {
      ok: false;
      code: "reservation_expired" | "reservation_released" | "reservation_mismatch";
      items: { key: string; code: string }[];
    }
  | { ok: false; code: "invalid_argument"; message: string };

export type ReleaseItemsResult =
  | { ok: true; items: { key: string; released: number }[] }
  | { ok: false; code: "reservation_committed"; items: { key: string; released: number; committed: boolean }[] }
  | { ok: false; code: "invalid_argument"; message: string };

export type CommitItemsResult =
  | { ok: true; items: { key: string; quantity: number; revived: boolean }[] }
  | {
      ok: false;
      /**
       * reservation_expired / reservation_released / reservation_not_found: nothing was committed.
       * commit_incomplete: some objects committed and others could not (only if a release raced the
       * commit); commits are idempotent, so call again or resolve by hand.
       */
      code: "reservation_expired" | "reservation_released" | "reservation_not_found" | "commit_incomplete";
      items: { key: string; code: string; available?: number }[];
    }
  | { ok: false; code: "invalid_argument"; message: string };

export type RestockItemsResult =
  | { ok: true; items: { key: string; quantity: number; replayed: boolean }[] }
  | { ok: false; code: "invalid_argument" | "adjustment_mismatch"; message: string };

/**
 * Reserves every line of one order, all or nothing, idempotent by reservationId. Lines naming
 * the same key are merged first (two cart lines of one SKU must both fit). Each SKU is reserved
 * in its own object, in parallel; if any is short, the holds already taken are dropped again
 * (compensation) and the answer lists the short SKUs with what they have. Nothing stays held and
 * the same id may be tried again later. If a call fails outright, the holds are dropped and the
 * error is thrown; a hold whose drop also failed lapses at its expiry.
 */
export async function reserveItems(
  env: Env,
  reservationId: string,
  items: StockItem[],
  ttlMs: number,
): Promise<ReserveItemsResult> {
  const merged = mergeItems(items);
  if (typeof merged === "string") return { ok: false, code: "invalid_argument", message: merged };
  if (!isReservationId(reservationId)) return { ok: false, code: "invalid_argument", message: "invalid reservationId" };
  if (!isInt(ttlMs, 1, MAX_TTL_MS)) return { ok: false, code: "invalid_argument", message: "invalid ttlMs" };

  const outcomes = await Promise.allSettled(merged.map((item) => reserveStock(env, { ...item, reservationId, ttlMs })));
  const results = outcomes.map((o) => (o.status === "fulfilled" ? o.value : null));
  if (results.every((r) => r?.ok)) {
    const held = results as Extract<ReserveStockResult, { ok: true }>[];
    return {
      ok: true,
      reservationId,
      expiresAt: Math.min(...held.map((r) => r.expiresAt)),
      items: held.map((r) => ({
        key: r.key,
        quantity: r.quantity,
        allocations: r.allocations,
        saleUnits: r.saleUnits,
      })),
    };
  }

  // Compensation: drop what this attempt holds (and whatever a failed call may have taken).
  const toDrop = merged.filter((_, i) => results[i] === null || results[i]?.ok);
  await dropAll(env, reservationId, toDrop);
  const thrown = outcomes.find((o) => o.status === "rejected");
  if (thrown) throw thrown.reason;

  const refused = results.filter((r): r is Exclude<ReserveStockResult, { ok: true }> => r !== null && !r.ok);
  const short = refused.filter((r) => r.code === "insufficient_stock");
  if (short.length > 0) {
    return {
      ok: false,
      code: "insufficient_stock",
      items: short.map((r) => ({ key: r.key, requested: r.requested, available: r.available })),
    };
  }
  const invalid = refused.find((r) => r.code === "invalid_argument");
  if (invalid) return { ok: false, code: "invalid_argument", message: `${invalid.key}: ${invalid.message}` };
  const closed = refused.filter(
    (r): r is ReservationClosed => r.code !== "insufficient_stock" && r.code !== "invalid_argument",
  );
  return { ok: false, code: closed[0].code, items: refused.map((r) => ({ key: r.key, code: r.code })) };
}

/**
 * Releases the reservation on every SKU (and every shard of each): the order was cancelled or
 * expired. Idempotent; the reservation id stays closed afterwards. Committed stock is not
 * released (restock it): such SKUs are reported with `committed: true`.
 */
export async function releaseItems(env: Env, reservationId: string, items: StockRef[]): Promise<ReleaseItemsResult> {
  const refs = mergeRefs(items);
  if (typeof refs === "string") return { ok: false, code: "invalid_argument", message: refs };
  if (!isReservationId(reservationId)) return { ok: false, code: "invalid_argument", message: "invalid reservationId" };
  const perItem = await Promise.all(
    refs.map(async (ref) => {
      const results = await Promise.all(
        range(shardCount(ref)).map((s) => inventoryStub(env, ref.key, s).release(reservationId, undefined, rpcTrace())),
      );
      return {
        key: ref.key,
        released: results.reduce((n, r) => n + (r.ok ? r.released : 0), 0),
        committed: results.some((r) => !r.ok && r.code === "reservation_committed"),
      };
    }),
  );
  if (perItem.some((i) => i.committed)) return { ok: false, code: "reservation_committed", items: perItem };
  return { ok: true, items: perItem.map(({ key, released }) => ({ key, released })) };
}

/**
 * Sells what the reservation holds on every SKU, all or nothing. With one object it is one
 * atomic call. With several, phase one renews every hold for COMMIT_GRACE_MS (an expired hold is
 * taken again if the stock is still free); only if every object agrees does phase two commit
 * them, and a live hold always commits. Idempotent: already committed objects answer as such.
 */
export async function commitItems(env: Env, reservationId: string, items: StockRef[]): Promise<CommitItemsResult> {
  const refs = mergeRefs(items);
  if (typeof refs === "string") return { ok: false, code: "invalid_argument", message: refs };
  if (!isReservationId(reservationId)) return { ok: false, code: "invalid_argument", message: "invalid reservationId" };
  const objects = refs.flatMap((ref) =>
    range(shardCount(ref)).map((shard) => ({ key: ref.key, sharded: shardCount(ref) > 1, shard })),
  );

  let participants = objects;
  if (objects.length > 1) {
    const renewed = await Promise.all(
      objects.map((o) =>
        inventoryStub(env, o.key, o.shard).renew({ reservationId, ttlMs: COMMIT_GRACE_MS }, rpcTrace()),
      ),
    );
    const problems = perKeyProblems(objects, renewed);
    if (problems.length > 0) {
      return { ok: false, code: worstCode(problems.map((p) => p.code)), items: problems };
    }
    participants = objects.filter((_, i) => renewed[i].ok);
  }

  const committed = await Promise.all(
    participants.map((o) => inventoryStub(env, o.key, o.shard).commit(reservationId, rpcTrace())),
  );
  const problems = perKeyProblems(participants, committed);
  if (problems.length > 0) {
    const code =
      objects.length > 1 && committed.some((c) => c.ok) ? "commit_incomplete" : worstCode(problems.map((p) => p.code));
    if (code === "commit_incomplete") logEvent("error", "inventory_commit_incomplete", { reservationId, problems });
    return { ok: false, code, items: problems };
  }
  return {
    ok: true,
    items: refs.map((ref) => {
      const mine = committed.filter((_, i) => participants[i].key === ref.key);
      return {
        key: ref.key,
        quantity: mine.reduce((n, c) => n + (c.ok ? c.quantity : 0), 0),
        revived: mine.some((c) => c.ok && c.revived),
      };
    }),
  };
}

/**
 * Puts units back into stock after a return or a cancellation after commit, idempotent by
 * restockId (e.g. `return:<orderId>`). The units go to shard 0, whatever the shard count, so a
 * replay always meets its first attempt; `rebalanceStock` spreads them later if needed.
 */
export async function restockItems(env: Env, restockId: string, items: StockItem[]): Promise<RestockItemsResult> {
  const merged = mergeItems(items);
  if (typeof merged === "string") return { ok: false, code: "invalid_argument", message: merged };
  if (!isReservationId(restockId)) return { ok: false, code: "invalid_argument", message: "invalid restockId" };
  const results = await Promise.all(
    merged.map((item) => inventoryStub(env, item.key, 0).restock({ restockId, quantity: item.quantity }, rpcTrace())),
  );
  const refused = results.findIndex((r) => !r.ok);
  if (refused >= 0) {
    const r = results[refused];
    const code = !r.ok && r.code === "adjustment_mismatch" ? "adjustment_mismatch" : "invalid_argument";
    return { ok: false, code, message: `${merged[refused].key}: ${r.ok ? "" : r.code}` };
  }
  return {
    ok: true,
    items: merged.map((item, i) => {
      const r = results[i];
      return { key: item.key, quantity: r.ok ? r.delta : 0, replayed: r.ok && r.replayed };
    }),
  };
}

/**
 * Undoes a reservation that never became anything (a checkout that failed before its orders were
 * written): every live hold is deleted outright, so the same id may reserve again later, exactly as
 * if it had never been made. Idempotent; committed holds are left alone. Calls that fail are logged
 * and their holds lapse at their expiry.
 */
export async function dropItems(env: Env, reservationId: string, items: StockRef[]): Promise<void> {
  const refs = mergeRefs(items);
  if (typeof refs === "string" || !isReservationId(reservationId)) return;
  await dropAll(env, reservationId, refs);
}

type ObjectOutcome = RenewResult | CommitResult;

/**
 * What stops a commit, per SKU. An unsharded SKU must hold the reservation; a sharded one needs it
 * on at least one shard (the others simply were never visited, or held 0 units).
 */
function perKeyProblems(
  objects: { key: string; sharded: boolean }[],
  results: ObjectOutcome[],
): { key: string; code: string; available?: number }[] {
  const problems: { key: string; code: string; available?: number }[] = [];
  const keys = [...new Set(objects.map((o) => o.key))];
  for (const key of keys) {
    const mine = results.filter((_, i) => objects[i].key === key);
    const sharded = objects.find((o) => o.key === key)?.sharded ?? false;
    const hard = mine.find((r) => !r.ok && (!sharded || r.code !== "reservation_not_found"));
    if (hard && !hard.ok) {
      problems.push({ key, code: hard.code, ...("available" in hard ? { available: hard.available } : {}) });
    } else if (!mine.some((r) => r.ok)) {
      problems.push({ key, code: "reservation_not_found" });
    }
  }
  return problems;
}

function worstCode(
  codes: string[],
): "reservation_expired" | "reservation_released" | "reservation_not_found" | "commit_incomplete" {
  for (const code of ["reservation_released", "reservation_expired", "reservation_not_found"] as const) {
    if (codes.includes(code)) return code;
  }
  return "commit_incomplete";
}

async function dropAll(env: Env, reservationId: string, refs: StockRef[]): Promise<void> {
  const calls = refs.flatMap((ref) =>
    range(shardCount(ref)).map((s) =>
      inventoryStub(env, ref.key, s).release(reservationId, { forget: true }, rpcTrace()),
    ),
  );
  const results = await Promise.allSettled(calls);
  for (const r of results) {
    if (r.status === "rejected") {
      logEvent("warn", "inventory_compensation_failed", { reservationId, error: String(r.reason) });
    }
  }
}

function isReservationId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= 200;
}

/** Lines of the same key merged into one (their quantities added); an error message if malformed. */
export function mergeItems(items: StockItem[]): StockItem[] | string {
  if (!Array.isArray(items) || items.length === 0) return "items must be a non-empty array";
  const byKey = new Map<string, StockItem>();
  for (const item of items) {
    const problem = validateRef(item);
    if (problem) return problem;
    if (!isInt(item.quantity, 1, MAX_QUANTITY)) return `${item.key}: quantity must be a positive integer`;
    const seen = byKey.get(item.key);
    if (seen && shardCount(seen) !== shardCount(item)) return `${item.key}: conflicting shard counts`;
    const quantity = (seen?.quantity ?? 0) + item.quantity;
    if (quantity > MAX_QUANTITY) return `${item.key}: quantity too large`;
    const sale = seen?.sale ?? item.sale;
    byKey.set(item.key, { key: item.key, shards: shardCount(item), quantity, ...(sale ? { sale } : {}) });
  }
  if (byKey.size > MAX_ITEMS) return `at most ${MAX_ITEMS} distinct SKUs per reservation`;
  return [...byKey.values()];
}

function mergeRefs(items: StockRef[]): StockRef[] | string {
  const merged = mergeItems((Array.isArray(items) ? items : []).map((i) => ({ ...i, quantity: 1 })));
  return typeof merged === "string" ? merged : merged.map(({ key, shards }) => ({ key, shards }));
}
