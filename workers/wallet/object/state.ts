import { migrateObject } from "../../platform/object-schema";
import { walletMigrations } from "./schema";
import type { KycLevel } from "./types";

/**
 * What the code running inside one user's `Wallet` object works on: its SQLite tables, its alarm
 * and its env (the receiving wallet's stub, the limits). Every function that checks and writes is
 * synchronous, so nothing can interleave between a check and its write.
 */
export interface WalletState {
  readonly sql: SqlStorage;
  readonly storage: DurableObjectStorage;
  readonly env: Env;
  readonly userId: string;
  /** The outbox is being delivered (the runtime's alarm and an inline delivery could overlap). */
  delivering: boolean;
}

export interface MetaRow {
  user_id: string;
  kyc_level: KycLevel;
  restricted: number;
  alarm_at: number | null;
}

/** Opens the object's state, creating its tables on first use (the constructor's one job). */
export function openWallet(ctx: DurableObjectState, env: Env): WalletState {
  const userId = ctx.id.name ?? ctx.id.toString();
  migrateObject(ctx, walletMigrations(userId));
  return { sql: ctx.storage.sql, storage: ctx.storage, env, userId, delivering: false };
}

export function readMeta(state: WalletState): MetaRow {
  return state.sql
    .exec<MetaRow & Record<string, SqlStorageValue>>("SELECT user_id, kyc_level, restricted, alarm_at FROM w_meta")
    .toArray()[0];
}

/** Runs `work` as one storage transaction: all of its writes land, or (if it throws) none. */
export function atomically<T>(state: WalletState, work: () => T): T {
  return state.storage.transactionSync(work);
}

/** Makes sure the alarm fires no later than `at` (the object has one alarm: keep the earliest). */
export function ensureAlarm(state: WalletState, at: number): void {
  const current = readMeta(state).alarm_at;
  // A recorded time already past means that alarm is due (or was lost): set it again.
  if (current !== null && current <= at && current > Date.now()) return;
  const target = current === null || current <= Date.now() ? at : Math.min(at, current);
  state.sql.exec("UPDATE w_meta SET alarm_at = ?", target);
  void state.storage.setAlarm(target);
}

/** The earliest of: a pending transfer's or withdrawal's next attempt, an undelivered event's next attempt, a sent event's end of retention. */
export function scheduleNext(state: WalletState, retentionMs: number): void {
  const next = state.sql
    .exec<{ at: number | null }>(
      `SELECT MIN(at) AS at FROM (
         SELECT MIN(next_attempt_at) AS at FROM w_transfers WHERE status = 'pending' AND role = 'out'
         UNION ALL SELECT MIN(next_attempt_at) FROM w_withdrawals WHERE status IN ('held', 'requested')
         UNION ALL SELECT MIN(next_attempt_at) FROM w_outbox WHERE sent_at IS NULL
         UNION ALL SELECT MIN(sent_at) + ? FROM w_outbox WHERE sent_at IS NOT NULL
       )`,
      retentionMs,
    )
    .toArray()[0].at;
  state.sql.exec("UPDATE w_meta SET alarm_at = ?", next);
  if (next === null) void state.storage.deleteAlarm();
  else void state.storage.setAlarm(next);
}
