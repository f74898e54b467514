import { backoffMs } from "../../platform/backoff";
import { logEvent } from "../../platform/log";
import {
  type InventoryEventView,
  type InventoryLowData,
  RETENTION_MS,
  type ReservationStatus,
  type ReservationView,
} from "./types";

/**
 * The `Inventory` object's own SQLite tables and the plain reads and writes on them. Everything
 * here is synchronous, so a caller that does not `await` in between commits them atomically.
 */

export interface MetaRow {
  sku: string;
  shard: number;
  shards: number;
  on_hand: number;
  /** Units of every `held` row, including holds past expiry that no sweep has closed yet. */
  held: number;
  sold: number;
  received: number;
  low_threshold: number | null;
  low_armed: number;
  alarm_at: number | null;
}

export interface HoldRow {
  id: string;
  quantity: number;
  requested: number;
  status: ReservationStatus;
  expires_at: number;
  created_at: number;
  updated_at: number;
  /** The flash sale some of its units were taken at, how many, and whose (null/0 without one). */
  sale_id: string | null;
  sale_units: number;
  buyer: string | null;
}

const EVENT_BATCH = 100;

export function readMeta(sql: SqlStorage): MetaRow {
  return sql
    .exec<MetaRow & Record<string, SqlStorageValue>>(
      "SELECT sku, shard, shards, on_hand, held, sold, received, low_threshold, low_armed, alarm_at FROM inv_meta WHERE id = 1",
    )
    .toArray()[0];
}

export function readHold(sql: SqlStorage, id: string): HoldRow | undefined {
  return sql
    .exec<HoldRow & Record<string, SqlStorageValue>>(
      "SELECT id, quantity, requested, status, expires_at, created_at, updated_at, sale_id, sale_units, buyer FROM inv_holds WHERE id = ?",
      id,
    )
    .toArray()[0];
}

export function holdView(row: HoldRow): ReservationView {
  return {
    reservationId: row.id,
    quantity: row.quantity,
    requested: row.requested,
    status: row.status,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    saleUnits: row.sale_units,
  };
}

/** The earliest of: a hold's expiry, an event's next attempt, a closed row's end of retention. */
export function nextAlarmAt(sql: SqlStorage): number | null {
  return sql
    .exec<{ at: number | null }>(
      `SELECT MIN(at) AS at FROM (
         SELECT MIN(expires_at) AS at FROM inv_holds WHERE status = 'held'
         UNION ALL SELECT MIN(next_attempt_at) FROM inv_events WHERE sent_at IS NULL
         UNION ALL SELECT MIN(updated_at) + ?1 FROM inv_holds WHERE status <> 'held'
         UNION ALL SELECT MIN(sent_at) + ?1 FROM inv_events WHERE sent_at IS NOT NULL
         UNION ALL SELECT MIN(at) + ?1 FROM inv_adjustments
       )`,
      RETENTION_MS,
    )
    .toArray()[0].at;
}

/** Forgets closed reservations, adjustments and sent events older than RETENTION_MS. */
export function collectGarbage(sql: SqlStorage, now: number): void {
  const before = now - RETENTION_MS;
  sql.exec("DELETE FROM inv_holds WHERE status <> 'held' AND updated_at <= ?", before);
  sql.exec("DELETE FROM inv_adjustments WHERE at <= ?", before);
  sql.exec("DELETE FROM inv_events WHERE sent_at IS NOT NULL AND sent_at <= ?", before);
}

// ------------------------------------------------------------------ the object's event outbox

export function queueEvent(sql: SqlStorage, event: { id: string; type: string }, now: number): void {
  sql.exec(
    "INSERT INTO inv_events (id, type, envelope, created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?)",
    event.id,
    event.type,
    JSON.stringify(event),
    now,
    now,
  );
}

export function listEvents(sql: SqlStorage): InventoryEventView[] {
  return sql
    .exec<{
      id: string;
      type: string;
      envelope: string;
      created_at: number;
      attempts: number;
      next_attempt_at: number | null;
      sent_at: number | null;
      last_error: string | null;
    }>("SELECT * FROM inv_events ORDER BY created_at, id")
    .toArray()
    .map((r) => ({
      id: r.id,
      type: r.type,
      data: (JSON.parse(r.envelope) as { data: InventoryLowData }).data,
      createdAt: r.created_at,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      sentAt: r.sent_at,
      lastError: r.last_error,
    }));
}

/**
 * Sends due events to `queue` in the platform's envelope. A row is marked sent only after the
 * send succeeded; a failure backs off (exponential, jittered, at most 10 minutes) for the next
 * alarm. Delivery is at-least-once; consumers dedupe by event id.
 */
export async function deliverDueEvents(sql: SqlStorage, queue: Queue, now: number, sku: string): Promise<void> {
  const due = sql
    .exec<{ id: string; envelope: string; attempts: number }>(
      "SELECT id, envelope, attempts FROM inv_events WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY created_at, id LIMIT ?",
      now,
      EVENT_BATCH,
    )
    .toArray();
  if (due.length === 0) return;
  try {
    await queue.sendBatch(due.map((r) => ({ body: JSON.parse(r.envelope) as unknown, contentType: "json" as const })));
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    logEvent("warn", "inventory_event_send_failed", { sku, count: due.length, error });
    for (const r of due) {
      const delay = backoffMs(r.attempts, { jitter: "equal" });
      sql.exec(
        "UPDATE inv_events SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
        Date.now() + Math.round(delay),
        error.slice(0, 500),
        r.id,
      );
    }
    return;
  }
  const sentAt = Date.now();
  for (const r of due) {
    sql.exec(
      "UPDATE inv_events SET attempts = attempts + 1, sent_at = ? WHERE id = ? AND sent_at IS NULL",
      sentAt,
      r.id,
    );
  }
}
