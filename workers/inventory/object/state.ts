import { migrateObject } from "../../platform/object-schema";
import { createEvent } from "../../platform/outbox";
import { inventoryMigrations } from "./schema";
import { type MetaRow, nextAlarmAt, queueEvent, readMeta } from "./store";
import { INVENTORY_LOW, type InventoryLowData, RETENTION_MS, type StockLevel } from "./types";

/**
 * What the code running inside one `Inventory` object works on: its SQLite tables and its alarm.
 * Every function here is synchronous (alarm calls are fire-and-forget
 * by design of the storage API), so a caller that does not `await` commits its check and its write
 * together.
 */
export interface InventoryState {
  readonly sql: SqlStorage;
  readonly storage: DurableObjectStorage;
  /** An alarm is delivering events (a direct call to alarm() could overlap the runtime's). */
  delivering: boolean;
  /**
   * No held row expires before this time (a lower bound; null: not known since the object woke),
   * so a sweep before it has nothing to close and is skipped: the hot path's reserve then costs
   * no sweep query. Lowered by every hold written (holdExpiresAt); renewals only raise expiries.
   */
  sweepNotBefore: number | null;
}

/** Opens the object's state, creating or upgrading its tables (the constructor's one job). */
export function openInventory(ctx: DurableObjectState): InventoryState {
  migrateObject(ctx, inventoryMigrations(ctx.id.name ?? ctx.id.toString()));
  return { sql: ctx.storage.sql, storage: ctx.storage, delivering: false, sweepNotBefore: null };
}

export function meta(state: InventoryState): MetaRow {
  return readMeta(state.sql);
}

/** The level from the counters, leaving out `expiredHeld` units of holds past expiry. */
export function levelOf(m: MetaRow, expiredHeld: number): StockLevel {
  const reserved = m.held - expiredHeld;
  return {
    sku: m.sku,
    shard: m.shard,
    shards: m.shards,
    onHand: m.on_hand,
    reserved,
    available: Math.max(0, m.on_hand - reserved),
    sold: m.sold,
    received: m.received,
    lowStockThreshold: m.low_threshold,
  };
}

/** The level right now, after a sweep (so `held` counts live holds only). */
export function currentLevel(state: InventoryState): StockLevel {
  return levelOf(meta(state), 0);
}

/** Closes every hold past its expiry; afterwards the `held` counter is exactly the live holds. */
export function sweep(state: InventoryState, now: number): void {
  if (state.sweepNotBefore !== null && now < state.sweepNotBefore) return;
  const closed = state.sql
    .exec<{ quantity: number }>(
      "UPDATE inv_holds SET status = 'expired', updated_at = ?1 WHERE status = 'held' AND expires_at <= ?1 RETURNING quantity",
      now,
    )
    .toArray();
  const next = state.sql
    .exec<{ at: number | null }>("SELECT MIN(expires_at) AS at FROM inv_holds WHERE status = 'held'")
    .toArray()[0].at;
  state.sweepNotBefore = next ?? Number.POSITIVE_INFINITY;
  if (closed.length === 0) return;
  const units = closed.reduce((total, r) => total + r.quantity, 0);
  state.sql.exec("UPDATE inv_meta SET held = held - ? WHERE id = 1", units);
  ensureAlarm(state, now + RETENTION_MS);
}

/** A hold was written (or revived) to expire at `expiresAt`: the next sweep must not be skipped past it. */
export function holdExpiresAt(state: InventoryState, expiresAt: number): void {
  if (state.sweepNotBefore !== null) state.sweepNotBefore = Math.min(state.sweepNotBefore, expiresAt);
}

/** A low-stock period ends only when stock is replenished back to the threshold (not when a hold lapses). */
export function armIfReplenished(state: InventoryState): void {
  state.sql.exec(
    "UPDATE inv_meta SET low_armed = 1 WHERE id = 1 AND low_threshold IS NOT NULL AND on_hand - held >= low_threshold",
  );
}

/**
 * Queues one `inventory.low` when available first drops below the threshold, in the same
 * synchronous step as the change that caused it; the alarm delivers it to ORDER_EVENTS.
 */
export function checkLow(state: InventoryState, now: number, known?: MetaRow): void {
  const m = known ?? meta(state);
  if (m.low_threshold === null || m.low_armed === 0) return;
  const available = m.on_hand - m.held;
  if (available >= m.low_threshold) return;
  const data: InventoryLowData = {
    sku: m.sku,
    shard: m.shard,
    shards: m.shards,
    available,
    onHand: m.on_hand,
    reserved: m.held,
    threshold: m.low_threshold,
  };
  const event = createEvent(INVENTORY_LOW, { ...data }, { subject: { type: "sku", id: m.sku }, now: new Date(now) });
  queueEvent(state.sql, event, now);
  state.sql.exec("UPDATE inv_meta SET low_armed = 0 WHERE id = 1");
  ensureAlarm(state, now);
}

/**
 * Makes sure the alarm fires no later than `at` (the object has one alarm: keep the earliest).
 * `known`: the meta row as the caller holds it (kept up to date here), so it is not read again.
 */
export function ensureAlarm(state: InventoryState, at: number, known?: MetaRow): void {
  const current = (known ?? meta(state)).alarm_at;
  // A recorded time already past means that alarm is due (or was lost after its retries ran out):
  // set it again so nothing waits on an alarm that may never come.
  if (current !== null && current <= at && current > Date.now()) return;
  const target = current === null ? at : Math.min(at, current);
  state.sql.exec("UPDATE inv_meta SET alarm_at = ? WHERE id = 1", target);
  if (known) known.alarm_at = target;
  void state.storage.setAlarm(target);
}

/** Sets the alarm to the next thing due (see nextAlarmAt), or clears it. */
export function scheduleNext(state: InventoryState): void {
  const next = nextAlarmAt(state.sql);
  state.sql.exec("UPDATE inv_meta SET alarm_at = ? WHERE id = 1", next);
  if (next === null) void state.storage.deleteAlarm();
  else void state.storage.setAlarm(next);
}
