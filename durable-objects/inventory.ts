import { DurableObject } from "cloudflare:workers";
import {
  collectGarbage,
  deliverDueEvents,
  type HoldRow,
  holdView,
  invalid,
  isId,
  isInt,
  listEvents,
  type MetaRow,
  migrate,
  nextAlarmAt,
  queueEvent,
  readHold,
  readMeta,
} from "../workers/inventory/object/store";
import {
  type AdjustResult,
  type AuditResult,
  type CommitResult,
  type ConfigureResult,
  INVENTORY_LOW,
  type InventoryEventView,
  type InventoryLowData,
  MAX_QUANTITY,
  MAX_TTL_MS,
  RETENTION_MS,
  type ReleaseResult,
  type RenewResult,
  type ReservationView,
  type ReserveResult,
  type StockLevel,
} from "../workers/inventory/object/types";
import { createEvent } from "../workers/platform/outbox";

export type { StockLevel } from "../workers/inventory/object/types";

/**
 * Stock of one SKU, or of one shard of a hot SKU (see docs/inventory.md). A Durable Object runs one
 * request at a time and every method below writes synchronously (no `await` between reading the
 * stock and writing it), so each call commits atomically and a check can never interleave with
 * another request's write: no oversell, without `blockConcurrencyWhile`.
 *
 * Invariant after every call: available + reserved + sold == received, and available >= 0.
 * Holds past `expires_at` are never counted, even before the alarm closes them; every mutating call
 * first closes ("sweeps") them itself, so within a call the `held` counter is exact.
 */
export class Inventory extends DurableObject<Env> {
  private readonly sql = this.ctx.storage.sql;
  private delivering = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    migrate(this.sql, ctx.id.name ?? ctx.id.toString());
  }

  // ------------------------------------------------------------------ stock settings

  /**
   * Sets any of: the SKU this object counts (and which shard of how many), the on-hand stock (a
   * stock-take: refused below what live holds already take), the low-stock threshold (null: none).
   */
  configure(input: {
    sku?: string;
    shard?: number;
    shards?: number;
    onHand?: number;
    lowStockThreshold?: number | null;
  }): ConfigureResult {
    const { sku, shard, shards, onHand, lowStockThreshold } = input ?? {};
    if (sku !== undefined && !isId(sku)) return invalid("sku must be a non-empty string of at most 200 characters");
    if (shards !== undefined && !isInt(shards, 1, 1024)) return invalid("shards must be an integer from 1 to 1024");
    if (shard !== undefined && !isInt(shard, 0, (shards ?? this.meta().shards) - 1))
      return invalid("shard must be an integer from 0 to shards - 1");
    if (onHand !== undefined && !isInt(onHand, 0, MAX_QUANTITY))
      return invalid("onHand must be a non-negative integer");
    if (lowStockThreshold !== undefined && lowStockThreshold !== null && !isInt(lowStockThreshold, 0, MAX_QUANTITY))
      return invalid("lowStockThreshold must be a non-negative integer or null");

    const now = Date.now();
    this.sweep(now);
    const m = this.meta();
    if (onHand !== undefined && onHand < m.held) {
      return { ok: false, code: "below_reserved", reserved: m.held, level: this.levelOf(m, 0) };
    }
    this.sql.exec(
      `UPDATE inv_meta SET sku = ?, shard = ?, shards = ?, on_hand = ?, received = received + ?, low_threshold = ?
       WHERE id = 1`,
      sku ?? m.sku,
      shard ?? m.shard,
      shards ?? m.shards,
      onHand ?? m.on_hand,
      onHand === undefined ? 0 : onHand - m.on_hand,
      lowStockThreshold === undefined ? m.low_threshold : lowStockThreshold,
    );
    this.armIfReplenished();
    this.checkLow(now);
    return { ok: true, level: this.levelOf(this.meta(), 0) };
  }

  /** A stock-take: on-hand becomes `onHand` (received moves by the difference). */
  setOnHand(onHand: number): ConfigureResult {
    return this.configure({ onHand });
  }

  // ------------------------------------------------------------------ reads

  /** Current stock. Read-only: holds past expiry are left out even if no sweep has closed them yet. */
  level(): StockLevel {
    const now = Date.now();
    const expired = this.sql
      .exec<{ units: number | null }>(
        "SELECT SUM(quantity) AS units FROM inv_holds WHERE status = 'held' AND expires_at <= ?",
        now,
      )
      .toArray()[0].units;
    return this.levelOf(this.meta(), expired ?? 0);
  }

  reservation(reservationId: string): ReservationView | null {
    if (!isId(reservationId)) return null;
    const row = this.hold(reservationId);
    if (!row) return null;
    const view = holdView(row);
    if (row.status === "held" && row.expires_at <= Date.now()) view.status = "expired";
    return view;
  }

  /** The object's low-stock events, pending and sent (sent ones are kept for RETENTION_MS). */
  events(): InventoryEventView[] {
    return listEvents(this.sql);
  }

  /** Recounts the rows against the counters. O(rows): for tests and operators, not the hot path. */
  audit(): AuditResult {
    const now = Date.now();
    const m = this.meta();
    const sums = this.sql
      .exec<{ held_all: number | null; live_units: number | null; live_count: number; committed: number | null }>(
        `SELECT
           SUM(CASE WHEN status = 'held' THEN quantity END) AS held_all,
           SUM(CASE WHEN status = 'held' AND expires_at > ? THEN quantity END) AS live_units,
           COUNT(CASE WHEN status = 'held' AND expires_at > ? AND quantity > 0 THEN 1 END) AS live_count,
           SUM(CASE WHEN status = 'committed' THEN quantity END) AS committed
         FROM inv_holds`,
        now,
        now,
      )
      .toArray()[0];
    const level = this.levelOf(m, (sums.held_all ?? 0) - (sums.live_units ?? 0));
    const problems: string[] = [];
    if (m.held !== (sums.held_all ?? 0)) problems.push(`held counter ${m.held} != held rows ${sums.held_all ?? 0}`);
    if (level.reserved > m.on_hand) problems.push(`reserved ${level.reserved} > onHand ${m.on_hand}`);
    if (m.on_hand + m.sold !== m.received) problems.push(`onHand ${m.on_hand} + sold ${m.sold} != received`);
    if (level.available + level.reserved + level.sold !== level.received) problems.push("available+reserved+sold");
    if (m.sold < (sums.committed ?? 0)) problems.push(`sold ${m.sold} < committed rows ${sums.committed}`);
    return {
      ok: problems.length === 0,
      problems,
      level,
      liveHolds: sums.live_count,
      liveHeldUnits: sums.live_units ?? 0,
    };
  }

  // ------------------------------------------------------------------ reservation lifecycle

  /**
   * Holds `quantity` units until now + ttlMs. Idempotent by reservationId: an existing reservation is
   * answered as it stands (held or committed: ok, nothing reserved again; released or expired: that
   * code). A refused reservation leaves no trace, so the same id may be tried again later.
   * `partial` (used across shards) holds what is available, down to 0, and always records a row.
   */
  reserve(input: { reservationId: string; quantity: number; ttlMs: number; partial?: boolean }): ReserveResult {
    const { reservationId, quantity, ttlMs, partial = false } = input ?? ({} as typeof input);
    if (!isId(reservationId)) return invalid("reservationId must be a non-empty string of at most 200 characters");
    if (!isInt(quantity, 1, MAX_QUANTITY)) return invalid("quantity must be a positive integer");
    if (!isInt(ttlMs, 1, MAX_TTL_MS)) return invalid(`ttlMs must be an integer from 1 to ${MAX_TTL_MS}`);

    const now = Date.now();
    this.sweep(now);
    const existing = this.hold(reservationId);
    if (existing) {
      const level = this.levelOf(this.meta(), 0);
      if (existing.requested !== quantity)
        return { ok: false, code: "reservation_mismatch", requested: existing.requested, level };
      if (existing.status === "released") return { ok: false, code: "reservation_released", level };
      if (existing.status === "expired") return { ok: false, code: "reservation_expired", level };
      return {
        ok: true,
        reservationId,
        quantity: existing.quantity,
        status: existing.status,
        expiresAt: existing.expires_at,
        replayed: true,
        level,
      };
    }

    const m = this.meta();
    const available = m.on_hand - m.held;
    const take = available >= quantity ? quantity : partial ? Math.max(0, available) : -1;
    if (take < 0) {
      return { ok: false, code: "insufficient_stock", requested: quantity, available, level: this.levelOf(m, 0) };
    }
    const expiresAt = now + ttlMs;
    this.sql.exec(
      `INSERT INTO inv_holds (id, quantity, requested, status, expires_at, created_at, updated_at)
       VALUES (?, ?, ?, 'held', ?, ?, ?)`,
      reservationId,
      take,
      quantity,
      expiresAt,
      now,
      now,
    );
    this.sql.exec("UPDATE inv_meta SET held = held + ? WHERE id = 1", take);
    this.ensureAlarm(expiresAt);
    this.checkLow(now);
    return {
      ok: true,
      reservationId,
      quantity: take,
      status: "held",
      expiresAt,
      replayed: false,
      level: this.levelOf(this.meta(), 0),
    };
  }

  /**
   * Keeps a hold until at least now + ttlMs (never shortens it). A hold that has already expired is
   * taken again if the stock is still free, else `reservation_expired`. Used before a commit that
   * spans several objects, so that no hold can lapse between the first commit and the last.
   */
  renew(input: { reservationId: string; ttlMs: number }): RenewResult {
    const { reservationId, ttlMs } = input ?? ({} as typeof input);
    if (!isId(reservationId)) return invalid("reservationId must be a non-empty string of at most 200 characters");
    if (!isInt(ttlMs, 1, MAX_TTL_MS)) return invalid(`ttlMs must be an integer from 1 to ${MAX_TTL_MS}`);
    const now = Date.now();
    this.sweep(now);
    const row = this.hold(reservationId);
    const m = this.meta();
    if (!row) return { ok: false, code: "reservation_not_found", level: this.levelOf(m, 0) };
    if (row.status === "released") return { ok: false, code: "reservation_released", level: this.levelOf(m, 0) };
    if (row.status === "committed") {
      return {
        ok: true,
        quantity: row.quantity,
        status: "committed",
        expiresAt: row.expires_at,
        revived: false,
        level: this.levelOf(m, 0),
      };
    }
    const expiresAt = Math.max(row.expires_at, now + ttlMs);
    if (row.status === "held") {
      this.sql.exec("UPDATE inv_holds SET expires_at = ?, updated_at = ? WHERE id = ?", expiresAt, now, reservationId);
      return { ok: true, quantity: row.quantity, status: "held", expiresAt, revived: false, level: this.levelOf(m, 0) };
    }
    // Expired: take it again only if nobody has taken the units meanwhile.
    const available = m.on_hand - m.held;
    if (available < row.quantity) {
      return { ok: false, code: "reservation_expired", available, level: this.levelOf(m, 0) };
    }
    this.sql.exec(
      "UPDATE inv_holds SET status = 'held', expires_at = ?, updated_at = ? WHERE id = ?",
      expiresAt,
      now,
      reservationId,
    );
    this.sql.exec("UPDATE inv_meta SET held = held + ? WHERE id = 1", row.quantity);
    this.ensureAlarm(expiresAt);
    this.checkLow(now);
    return {
      ok: true,
      quantity: row.quantity,
      status: "held",
      expiresAt,
      revived: true,
      level: this.levelOf(this.meta(), 0),
    };
  }

  /**
   * The held units become sold (onHand and reserved drop together, available is unchanged).
   * Idempotent: committing again changes nothing. A hold that expired (swept or not) is sold from
   * available stock if enough is free, else `reservation_expired`; a released one is never sold.
   */
  commit(reservationId: string): CommitResult {
    if (!isId(reservationId)) return invalid("reservationId must be a non-empty string of at most 200 characters");
    const now = Date.now();
    this.sweep(now);
    const row = this.hold(reservationId);
    const m = this.meta();
    if (!row) return { ok: false, code: "reservation_not_found", level: this.levelOf(m, 0) };
    if (row.status === "released") return { ok: false, code: "reservation_released", level: this.levelOf(m, 0) };
    if (row.status === "committed") {
      return { ok: true, quantity: row.quantity, replayed: true, revived: false, level: this.levelOf(m, 0) };
    }
    const revived = row.status === "expired";
    if (revived && m.on_hand - m.held < row.quantity) {
      return {
        ok: false,
        code: "reservation_expired",
        requested: row.quantity,
        available: m.on_hand - m.held,
        level: this.levelOf(m, 0),
      };
    }
    this.sql.exec("UPDATE inv_holds SET status = 'committed', updated_at = ? WHERE id = ?", now, reservationId);
    this.sql.exec(
      "UPDATE inv_meta SET on_hand = on_hand - ?1, held = held - ?2, sold = sold + ?1 WHERE id = 1",
      row.quantity,
      revived ? 0 : row.quantity,
    );
    this.ensureAlarm(now + RETENTION_MS);
    if (revived) this.checkLow(now);
    return { ok: true, quantity: row.quantity, replayed: false, revived, level: this.levelOf(this.meta(), 0) };
  }

  /**
   * Returns a hold's units to available stock. Idempotent; an unknown id is fine (nothing to do).
   * The reservation stays closed (a later reserve or commit of the id is refused), except with
   * `forget`, used to undo a refused all-or-nothing attempt: a live hold is deleted outright so the
   * same id can try again. Committed stock is not released: restock it.
   */
  release(reservationId: string, options: { forget?: boolean } = {}): ReleaseResult {
    if (!isId(reservationId)) return invalid("reservationId must be a non-empty string of at most 200 characters");
    const forget = options?.forget === true;
    const now = Date.now();
    this.sweep(now);
    const row = this.hold(reservationId);
    const result = (released: number, status: "released" | "forgotten" | "not_found" | "expired", replayed = false) =>
      ({ ok: true, released, status, replayed, level: this.levelOf(this.meta(), 0) }) as const;
    if (!row) return result(0, "not_found");
    if (row.status === "committed")
      return { ok: false, code: "reservation_committed", level: this.levelOf(this.meta(), 0) };
    if (row.status === "released") return result(0, "released", true);
    if (row.status === "expired") {
      if (forget) return result(0, "expired");
      // Closed by expiry; mark it released so a late commit can no longer revive it.
      this.sql.exec("UPDATE inv_holds SET status = 'released', updated_at = ? WHERE id = ?", now, reservationId);
      return result(0, "released");
    }
    if (forget) this.sql.exec("DELETE FROM inv_holds WHERE id = ?", reservationId);
    else this.sql.exec("UPDATE inv_holds SET status = 'released', updated_at = ? WHERE id = ?", now, reservationId);
    this.sql.exec("UPDATE inv_meta SET held = held - ? WHERE id = 1", row.quantity);
    if (!forget) this.ensureAlarm(now + RETENTION_MS);
    return result(row.quantity, forget ? "forgotten" : "released");
  }

  // ------------------------------------------------------------------ stock movements

  /** Units coming back (a return, a cancellation after commit). Idempotent by restockId. */
  restock(input: { restockId: string; quantity: number }): AdjustResult {
    const { restockId, quantity } = input ?? ({} as typeof input);
    if (!isInt(quantity, 1, MAX_QUANTITY)) return invalid("quantity must be a positive integer");
    return this.adjustBy("restock", restockId, quantity, false);
  }

  /**
   * Moves onHand by `delta`, idempotent by adjustmentId (used to move stock between shards). A
   * negative delta takes only available units: all of them or nothing, or with `clamp` as many as
   * are free (the result's `delta` says how many were taken).
   */
  adjust(input: { adjustmentId: string; delta: number; clamp?: boolean }): AdjustResult {
    const { adjustmentId, delta, clamp = false } = input ?? ({} as typeof input);
    if (!isInt(delta, -MAX_QUANTITY, MAX_QUANTITY) || delta === 0) return invalid("delta must be a non-zero integer");
    return this.adjustBy("adjust", adjustmentId, delta, clamp);
  }

  // ------------------------------------------------------------------ alarm

  /**
   * Closes expired holds, forgets closed rows past RETENTION_MS, delivers pending events, then sets
   * the alarm to the next thing due. At-least-once and safe to run any number of times.
   */
  override async alarm(): Promise<void> {
    const now = Date.now();
    // This alarm is consumed: whatever runs from here on schedules afresh.
    this.sql.exec("UPDATE inv_meta SET alarm_at = NULL WHERE id = 1");
    this.sweep(now);
    collectGarbage(this.sql, now);
    // The runtime never overlaps alarms, but a direct call might: one sender at a time.
    if (!this.delivering) {
      this.delivering = true;
      try {
        await deliverDueEvents(this.sql, this.env.ORDER_EVENTS, now, this.meta().sku);
      } finally {
        this.delivering = false;
      }
    }
    this.scheduleNext();
  }

  // ------------------------------------------------------------------ internals

  private meta(): MetaRow {
    return readMeta(this.sql);
  }

  private hold(id: string): HoldRow | undefined {
    return readHold(this.sql, id);
  }

  /** The level from the counters, leaving out `expiredHeld` units of holds past expiry. */
  private levelOf(m: MetaRow, expiredHeld: number): StockLevel {
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

  /** Closes every hold past its expiry; afterwards the `held` counter is exactly the live holds. */
  private sweep(now: number): void {
    const closed = this.sql
      .exec<{ quantity: number }>(
        "UPDATE inv_holds SET status = 'expired', updated_at = ?1 WHERE status = 'held' AND expires_at <= ?1 RETURNING quantity",
        now,
      )
      .toArray();
    if (closed.length === 0) return;
    const units = closed.reduce((total, r) => total + r.quantity, 0);
    this.sql.exec("UPDATE inv_meta SET held = held - ? WHERE id = 1", units);
    this.ensureAlarm(now + RETENTION_MS);
  }

  private adjustBy(kind: "restock" | "adjust", id: string, delta: number, clamp: boolean): AdjustResult {
    if (!isId(id)) return invalid(`${kind === "restock" ? "restockId" : "adjustmentId"} must be a non-empty string`);
    const now = Date.now();
    this.sweep(now);
    const done = this.sql
      .exec<{ requested: number; delta: number }>("SELECT requested, delta FROM inv_adjustments WHERE id = ?", id)
      .toArray()[0];
    if (done) {
      const level = this.levelOf(this.meta(), 0);
      if (done.requested !== delta) return { ok: false, code: "adjustment_mismatch", delta: done.requested, level };
      return { ok: true, delta: done.delta, replayed: true, level };
    }
    const m = this.meta();
    const available = m.on_hand - m.held;
    let applied = delta;
    if (delta < 0 && available < -delta) {
      if (!clamp) {
        return { ok: false, code: "insufficient_stock", requested: -delta, available, level: this.levelOf(m, 0) };
      }
      applied = -available;
    }
    this.sql.exec(
      "INSERT INTO inv_adjustments (id, kind, requested, delta, at) VALUES (?, ?, ?, ?, ?)",
      id,
      kind,
      delta,
      applied,
      now,
    );
    this.sql.exec("UPDATE inv_meta SET on_hand = on_hand + ?1, received = received + ?1 WHERE id = 1", applied);
    if (applied > 0) this.armIfReplenished();
    this.checkLow(now);
    this.ensureAlarm(now + RETENTION_MS);
    return { ok: true, delta: applied, replayed: false, level: this.levelOf(this.meta(), 0) };
  }

  /** A low-stock period ends only when stock is replenished back to the threshold (not when a hold lapses). */
  private armIfReplenished(): void {
    this.sql.exec(
      "UPDATE inv_meta SET low_armed = 1 WHERE id = 1 AND low_threshold IS NOT NULL AND on_hand - held >= low_threshold",
    );
  }

  /**
   * Queues one `inventory.low` when available first drops below the threshold, in the same
   * synchronous step as the change that caused it; the alarm delivers it to ORDER_EVENTS.
   */
  private checkLow(now: number): void {
    const m = this.meta();
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
    queueEvent(this.sql, event, now);
    this.sql.exec("UPDATE inv_meta SET low_armed = 0 WHERE id = 1");
    this.ensureAlarm(now);
  }

  /** Makes sure the alarm fires no later than `at` (the object has one alarm: keep the earliest). */
  private ensureAlarm(at: number): void {
    const current = this.meta().alarm_at;
    // A recorded time already past means that alarm is due (or was lost after its retries ran out):
    // set it again so nothing waits on an alarm that may never come.
    if (current !== null && current <= at && current > Date.now()) return;
    const target = current === null ? at : Math.min(at, current);
    this.sql.exec("UPDATE inv_meta SET alarm_at = ? WHERE id = 1", target);
    void this.ctx.storage.setAlarm(target);
  }

  /** Sets the alarm to the next thing due (see nextAlarmAt), or clears it. */
  private scheduleNext(): void {
    const next = nextAlarmAt(this.sql);
    this.sql.exec("UPDATE inv_meta SET alarm_at = ? WHERE id = 1", next);
    if (next === null) void this.ctx.storage.deleteAlarm();
    else void this.ctx.storage.setAlarm(next);
  }
}
