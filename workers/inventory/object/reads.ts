import { OperationIdSchema } from "./input";
import { type InventoryState, levelOf, meta } from "./state";
import { holdView, listEvents, readHold } from "./store";
import type { AuditResult, InventoryEventView, ReservationView, StockLevel } from "./types";

/** Reads of one object: none of them writes. */

/** Current stock. Read-only: holds past expiry are left out even if no sweep has closed them yet. */
export function level(state: InventoryState): StockLevel {
  const expired = state.sql
    .exec<{ units: number | null }>(
      "SELECT SUM(quantity) AS units FROM inv_holds WHERE status = 'held' AND expires_at <= ?",
      Date.now(),
    )
    .toArray()[0].units;
  return levelOf(meta(state), expired ?? 0);
}

export function reservation(state: InventoryState, reservationId: string): ReservationView | null {
  if (!OperationIdSchema.safeParse(reservationId).success) return null;
  const row = readHold(state.sql, reservationId);
  if (!row) return null;
  const view = holdView(row);
  if (row.status === "held" && row.expires_at <= Date.now()) view.status = "expired";
  return view;
}

/** The object's low-stock events, pending and sent (sent ones are kept for RETENTION_MS). */
export function events(state: InventoryState): InventoryEventView[] {
  return listEvents(state.sql);
}

/** Recounts the rows against the counters. O(rows): for tests and operators, not the hot path. */
export function audit(state: InventoryState): AuditResult {
  const now = Date.now();
  const m = meta(state);
  const sums = state.sql
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
  const level = levelOf(m, (sums.held_all ?? 0) - (sums.live_units ?? 0));
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
