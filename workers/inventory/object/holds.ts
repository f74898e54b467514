import { parseRpcInput } from "../../platform/rpc-input";
import {
  OperationIdSchema,
  type ReleaseOptions,
  ReleaseOptionsSchema,
  type RenewInput,
  RenewInputSchema,
  type ReserveInput,
  ReserveInputSchema,
} from "./input";
import { claimSaleUnits, recordSaleSold, saleUnitsStillFree } from "./sales";
import { checkLow, currentLevel, ensureAlarm, holdExpiresAt, type InventoryState, levelOf, meta, sweep } from "./state";
import { readHold } from "./store";
import { type CommitResult, RETENTION_MS, type ReleaseResult, type RenewResult, type ReserveResult } from "./types";

/**
 * The reservation lifecycle of one object: hold, renew, commit (sell), release. Each function
 * parses its input, sweeps expired holds, checks and writes, all synchronously.
 */

/**
 * Holds `quantity` units until now + ttlMs. Idempotent by reservationId: an existing reservation is
 * answered as it stands (held or committed: ok, nothing reserved again; released or expired: that
 * code). A refused reservation leaves no trace, so the same id may be tried again later.
 * `partial` (used across shards) holds what is available, down to 0, and always records a row.
 */
export function reserve(state: InventoryState, input: ReserveInput): ReserveResult {
  const parsed = parseRpcInput(ReserveInputSchema, input);
  if (!parsed.ok) return parsed;
  const { reservationId, quantity, ttlMs, partial, sale } = parsed.value;
  const now = Date.now();
  sweep(state, now);
  const existing = readHold(state.sql, reservationId);
  if (existing) {
    const level = currentLevel(state);
    if (existing.requested !== quantity)
      return { ok: false, code: "reservation_mismatch", requested: existing.requested, level };
    if (existing.status === "released") return { ok: false, code: "reservation_released", level };
    if (existing.status === "expired") return { ok: false, code: "reservation_expired", level };
    const { status, quantity: held, expires_at: expiresAt, sale_units: saleUnits } = existing;
    return { ok: true, reservationId, quantity: held, status, expiresAt, saleUnits, replayed: true, level };
  }

  const m = meta(state);
  const available = m.on_hand - m.held;
  const take = available >= quantity ? quantity : partial ? Math.max(0, available) : -1;
  if (take < 0) {
    return { ok: false, code: "insufficient_stock", requested: quantity, available, level: levelOf(m, 0) };
  }
  const expiresAt = now + ttlMs;
  // The sale's units are decided with the stock, in the same synchronous step: never over quota.
  const saleUnits = sale && take > 0 ? claimSaleUnits(state, sale, take, now) : 0;
  state.sql.exec(
    `INSERT INTO inv_holds (id, quantity, requested, status, expires_at, created_at, updated_at, sale_id, sale_units, buyer)
     VALUES (?, ?, ?, 'held', ?, ?, ?, ?, ?, ?)`,
    reservationId,
    take,
    quantity,
    expiresAt,
    now,
    now,
    saleUnits > 0 ? sale!.saleId : null,
    saleUnits,
    saleUnits > 0 ? sale!.buyer : null,
  );
  state.sql.exec("UPDATE inv_meta SET held = held + ? WHERE id = 1", take);
  holdExpiresAt(state, expiresAt);
  // The counters are read once per reserve: `m` is kept as the row now is (no await since).
  m.held += take;
  ensureAlarm(state, expiresAt, m);
  checkLow(state, now, m);
  return {
    ok: true,
    reservationId,
    quantity: take,
    status: "held",
    expiresAt,
    saleUnits,
    replayed: false,
    level: levelOf(m, 0),
  };
}

/**
 * Keeps a hold until at least now + ttlMs (never shortens it). A hold that has already expired is
 * taken again if the stock is still free, else `reservation_expired`. Used before a commit that
 * spans several objects, so that no hold can lapse between the first commit and the last.
 */
export function renew(state: InventoryState, input: RenewInput): RenewResult {
  const parsed = parseRpcInput(RenewInputSchema, input);
  if (!parsed.ok) return parsed;
  const { reservationId, ttlMs } = parsed.value;
  const now = Date.now();
  sweep(state, now);
  const row = readHold(state.sql, reservationId);
  const m = meta(state);
  if (!row) return { ok: false, code: "reservation_not_found", level: levelOf(m, 0) };
  if (row.status === "released") return { ok: false, code: "reservation_released", level: levelOf(m, 0) };
  if (row.status === "committed") {
    const { quantity, expires_at: expiresAt } = row;
    return { ok: true, quantity, status: "committed", expiresAt, revived: false, level: levelOf(m, 0) };
  }
  const expiresAt = Math.max(row.expires_at, now + ttlMs);
  if (row.status === "held") {
    state.sql.exec("UPDATE inv_holds SET expires_at = ?, updated_at = ? WHERE id = ?", expiresAt, now, reservationId);
    return { ok: true, quantity: row.quantity, status: "held", expiresAt, revived: false, level: levelOf(m, 0) };
  }
  // Expired: take it again only if nobody has taken the units meanwhile.
  const available = m.on_hand - m.held;
  if (available < row.quantity || !saleUnitsStillFree(state, row, now)) {
    return { ok: false, code: "reservation_expired", available, level: levelOf(m, 0) };
  }
  state.sql.exec(
    "UPDATE inv_holds SET status = 'held', expires_at = ?, updated_at = ? WHERE id = ?",
    expiresAt,
    now,
    reservationId,
  );
  state.sql.exec("UPDATE inv_meta SET held = held + ? WHERE id = 1", row.quantity);
  holdExpiresAt(state, expiresAt);
  ensureAlarm(state, expiresAt);
  checkLow(state, now);
  return { ok: true, quantity: row.quantity, status: "held", expiresAt, revived: true, level: currentLevel(state) };
}

/**
 * The held units become sold (onHand and reserved drop together, available is unchanged).
 * Idempotent: committing again changes nothing. A hold that expired (swept or not) is sold from
 * available stock if enough is free, else `reservation_expired`; a released one is never sold.
 */
export function commit(state: InventoryState, reservationId: string): CommitResult {
  const parsed = parseRpcInput(OperationIdSchema, reservationId);
  if (!parsed.ok) return parsed;
  const now = Date.now();
  sweep(state, now);
  const row = readHold(state.sql, reservationId);
  const m = meta(state);
  if (!row) return { ok: false, code: "reservation_not_found", level: levelOf(m, 0) };
  if (row.status === "released") return { ok: false, code: "reservation_released", level: levelOf(m, 0) };
  if (row.status === "committed") {
    return { ok: true, quantity: row.quantity, replayed: true, revived: false, level: levelOf(m, 0) };
  }
  const revived = row.status === "expired";
  const available = m.on_hand - m.held;
  if (revived && (available < row.quantity || !saleUnitsStillFree(state, row, now))) {
    return { ok: false, code: "reservation_expired", requested: row.quantity, available, level: levelOf(m, 0) };
  }
  state.sql.exec("UPDATE inv_holds SET status = 'committed', updated_at = ? WHERE id = ?", now, reservationId);
  recordSaleSold(state, row);
  state.sql.exec(
    "UPDATE inv_meta SET on_hand = on_hand - ?1, held = held - ?2, sold = sold + ?1 WHERE id = 1",
    row.quantity,
    revived ? 0 : row.quantity,
  );
  ensureAlarm(state, now + RETENTION_MS);
  if (revived) checkLow(state, now);
  return { ok: true, quantity: row.quantity, replayed: false, revived, level: currentLevel(state) };
}

/**
 * Returns a hold's units to available stock. Idempotent; an unknown id is fine (nothing to do).
 * The reservation stays closed (a later reserve or commit of the id is refused), except with
 * `forget`, used to undo a refused all-or-nothing attempt: a live hold is deleted outright so the
 * same id can try again. Committed stock is not released: restock it.
 */
export function release(state: InventoryState, reservationId: string, options?: ReleaseOptions): ReleaseResult {
  const id = parseRpcInput(OperationIdSchema, reservationId);
  if (!id.ok) return id;
  const parsed = parseRpcInput(ReleaseOptionsSchema, options);
  if (!parsed.ok) return parsed;
  const { forget } = parsed.value;
  const now = Date.now();
  sweep(state, now);
  const row = readHold(state.sql, reservationId);
  const result = (released: number, status: "released" | "forgotten" | "not_found" | "expired", replayed = false) =>
    ({ ok: true, released, status, replayed, level: currentLevel(state) }) as const;
  if (!row) return result(0, "not_found");
  if (row.status === "committed") return { ok: false, code: "reservation_committed", level: currentLevel(state) };
  if (row.status === "released") return result(0, "released", true);
  if (row.status === "expired") {
    if (forget) return result(0, "expired");
    // Closed by expiry; mark it released so a late commit can no longer revive it.
    state.sql.exec("UPDATE inv_holds SET status = 'released', updated_at = ? WHERE id = ?", now, reservationId);
    return result(0, "released");
  }
  if (forget) state.sql.exec("DELETE FROM inv_holds WHERE id = ?", reservationId);
  else state.sql.exec("UPDATE inv_holds SET status = 'released', updated_at = ? WHERE id = ?", now, reservationId);
  state.sql.exec("UPDATE inv_meta SET held = held - ? WHERE id = 1", row.quantity);
  if (!forget) ensureAlarm(state, now + RETENTION_MS);
  return result(row.quantity, forget ? "forgotten" : "released");
}
