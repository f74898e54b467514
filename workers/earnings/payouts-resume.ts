import { and, asc, eq, lt } from "drizzle-orm";
import { payouts } from "../../d1/schema/earnings";
import { database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import { resumePayout } from "./payouts";

/**
 * How long a pending payout is left to the request that created it before the cron takes it up:
 * longer than any request runs, so the cron never races a live send (it would still be harmless:
 * both send under the payout id).
 */
const RESUME_AFTER_MS = 120_000;
const BATCH = 25;

/**
 * The minute cron's part for payouts: each payout still pending whose sending failed (the provider
 * or the wallet could not be reached, or the process died after the commit point) is sent again
 * from its stored row, under the same id, so the disbursement (idempotency key = payout id) or the
 * wallet credit (movement id = payout id) happens once whatever the number of attempts; a payout
 * already on its way at the provider is only re-read. Oldest first; each one tried is touched, so
 * the next run goes on with the others. Answers how many were tried.
 */
export async function resumePendingPayouts(env: Env, fetchFn?: typeof fetch): Promise<number> {
  const db = database(env);
  const due = await db
    .select()
    .from(payouts)
    .where(and(eq(payouts.status, "pending"), lt(payouts.updatedAt, nowMs() - RESUME_AFTER_MS)))
    .orderBy(asc(payouts.updatedAt), asc(payouts.id))
    .limit(BATCH);
  for (const payout of due) {
    try {
      const after = await resumePayout(env, payout, fetchFn);
      if (after.status === "pending") {
        await db
          .update(payouts)
          .set({ updatedAt: nowMs() })
          .where(and(eq(payouts.id, payout.id), eq(payouts.status, "pending")));
      }
    } catch (err) {
      logEvent("warn", "payout_resume_failed", { payoutId: payout.id, error: String(err) });
    }
  }
  return due.length;
}
