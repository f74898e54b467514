import { invalidArgument, parseRpcInput } from "../../platform/rpc-input";
import {
  type AdjustInput,
  AdjustInputSchema,
  type ConfigureInput,
  ConfigureInputSchema,
  type RestockInput,
  RestockInputSchema,
} from "./input";
import {
  armIfReplenished,
  checkLow,
  currentLevel,
  ensureAlarm,
  type InventoryState,
  levelOf,
  meta,
  sweep,
} from "./state";
import { type AdjustResult, type ConfigureResult, RETENTION_MS } from "./types";

/** What the object counts and how much it has: settings, stock-takes, restocks and adjustments. */

/**
 * Sets any of: the SKU this object counts (and which shard of how many), the on-hand stock (a
 * stock-take: refused below what live holds already take), the low-stock threshold (null: none).
 */
export function configure(state: InventoryState, input: ConfigureInput | undefined): ConfigureResult {
  const parsed = parseRpcInput(ConfigureInputSchema, input ?? {});
  if (!parsed.ok) return parsed;
  const { sku, shard, shards, onHand, lowStockThreshold } = parsed.value;
  if (shard !== undefined && shard > (shards ?? meta(state).shards) - 1) {
    return invalidArgument("shard: must be an integer from 0 to shards - 1");
  }
  const now = Date.now();
  sweep(state, now);
  const m = meta(state);
  if (onHand !== undefined && onHand < m.held) {
    return { ok: false, code: "below_reserved", reserved: m.held, level: levelOf(m, 0) };
  }
  state.sql.exec(
    `UPDATE inv_meta SET sku = ?, shard = ?, shards = ?, on_hand = ?, received = received + ?, low_threshold = ?
     WHERE id = 1`,
    sku ?? m.sku,
    shard ?? m.shard,
    shards ?? m.shards,
    onHand ?? m.on_hand,
    onHand === undefined ? 0 : onHand - m.on_hand,
    lowStockThreshold === undefined ? m.low_threshold : lowStockThreshold,
  );
  armIfReplenished(state);
  checkLow(state, now);
  return { ok: true, level: currentLevel(state) };
}

/** Units coming back (a return, a cancellation after commit). Idempotent by restockId. */
export function restock(state: InventoryState, input: RestockInput): AdjustResult {
  const parsed = parseRpcInput(RestockInputSchema, input);
  if (!parsed.ok) return parsed;
  return adjustBy(state, "restock", parsed.value.restockId, parsed.value.quantity, false);
}

/**
 * Moves onHand by `delta`, idempotent by adjustmentId (used to move stock between shards). A
 * negative delta takes only available units: all of them or nothing, or with `clamp` as many as
 * are free (the result's `delta` says how many were taken).
 */
export function adjust(state: InventoryState, input: AdjustInput): AdjustResult {
  const parsed = parseRpcInput(AdjustInputSchema, input);
  if (!parsed.ok) return parsed;
  const { adjustmentId, delta, clamp } = parsed.value;
  return adjustBy(state, "adjust", adjustmentId, delta, clamp);
}

function adjustBy(
  state: InventoryState,
  kind: "restock" | "adjust",
  id: string,
  delta: number,
  clamp: boolean,
): AdjustResult {
  const now = Date.now();
  sweep(state, now);
  const done = state.sql
    .exec<{ requested: number; delta: number }>("SELECT requested, delta FROM inv_adjustments WHERE id = ?", id)
    .toArray()[0];
  if (done) {
    const level = currentLevel(state);
    if (done.requested !== delta) return { ok: false, code: "adjustment_mismatch", delta: done.requested, level };
    return { ok: true, delta: done.delta, replayed: true, level };
  }
  const m = meta(state);
  const available = m.on_hand - m.held;
  let applied = delta;
  if (delta < 0 && available < -delta) {
    if (!clamp) {
      return { ok: false, code: "insufficient_stock", requested: -delta, available, level: levelOf(m, 0) };
    }
    applied = -available;
  }
  state.sql.exec(
    "INSERT INTO inv_adjustments (id, kind, requested, delta, at) VALUES (?, ?, ?, ?, ?)",
    id,
    kind,
    delta,
    applied,
    now,
  );
  state.sql.exec("UPDATE inv_meta SET on_hand = on_hand + ?1, received = received + ?1 WHERE id = 1", applied);
  if (applied > 0) armIfReplenished(state);
  checkLow(state, now);
  ensureAlarm(state, now + RETENTION_MS);
  return { ok: true, delta: applied, replayed: false, level: currentLevel(state) };
}
