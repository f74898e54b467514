import { type SQL, sql } from "drizzle-orm";
import type { Database } from "./db";

/**
 * A condition that must hold for a D1 batch to commit, as a statement of the batch itself. D1 runs a
 * batch as one transaction, one batch at a time, so the condition is checked against exactly the
 * state the batch writes on: no race between a check and the writes that rely on it.
 *
 * SQLite has no RAISE outside triggers; json() of text that is not JSON raises instead, and aborts the
 * batch ("malformed JSON", recognised by `isGuardRefusal`). Which guard refused is found by reading
 * the state again, which the caller needs anyway to answer the person.
 */
export function batchGuard(db: Database, condition: SQL) {
  return db
    .select({ ok: sql<number>`CASE WHEN ${condition} THEN 1 ELSE json('batch guard refused') END` })
    .from(ONE_ROW);
}

/** A FROM for a select that only computes values (drizzle selects need one). */
export const ONE_ROW = sql`(SELECT 1)`;

/** Whether a failed batch was stopped by one of its `batchGuard`s. */
export function isGuardRefusal(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (/malformed JSON/i.test(e.message)) return true;
  }
  return false;
}
