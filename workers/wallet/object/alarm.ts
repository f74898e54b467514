import { deliverOutbox } from "./projection";
import { driveDue } from "./saga";
import { scheduleNext, type WalletState } from "./state";
import { driveDueWithdrawals } from "./withdrawals";

/** Sent outbox rows are forgotten after a week (the projection has them; a week covers any replay). */
export const OUTBOX_RETENTION_MS = 7 * 86_400_000;

/**
 * The alarm: finishes transfers left pending (a crash, an eviction, a receiver that did not
 * answer), asks for withdrawals whose disbursement request never happened or was not answered, delivers the outbox to D1, forgets old sent rows, then sets the alarm to the next thing
 * due. At least once and safe to run any number of times, or twice at once.
 */
export async function runAlarm(state: WalletState): Promise<void> {
  const now = Date.now();
  // This alarm is consumed: whatever runs from here on schedules afresh.
  state.sql.exec("UPDATE w_meta SET alarm_at = NULL");
  await driveDue(state, now);
  await driveDueWithdrawals(state, now);
  await deliverOutbox(state);
  state.sql.exec("DELETE FROM w_outbox WHERE sent_at IS NOT NULL AND sent_at <= ?", now - OUTBOX_RETENTION_MS);
  scheduleNext(state, OUTBOX_RETENTION_MS);
}
