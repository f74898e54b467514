import { sql } from "drizzle-orm";
import { walletStatusChanges, walletTransactions } from "../../../d1/schema/wallet";
import type { EventOf } from "../../../schemas/events";
import { backoffMs } from "../../platform/backoff";
import { database } from "../../platform/db";
import { logEvent } from "../../platform/log";
import type { WalletState } from "./state";
import { transferEventWrites } from "./transfer-events";

/** Events one delivery writes to D1 (one batch: D1 commits it as one transaction). */
const BATCH = 50;

type WalletTransactionEvent = EventOf<"wallet.transaction">;

/**
 * Delivers due outbox rows to the D1 projection. At least once: a row is marked sent only after
 * its batch committed, and a delivery repeated (an alarm that ran twice, a crash before marking)
 * writes the same versions again, which the upsert's version guard turns into no-ops. A failure
 * backs off with the platform's one backoff for the next alarm.
 */
export async function deliverOutbox(state: WalletState): Promise<void> {
  if (state.delivering) return;
  state.delivering = true;
  try {
    for (;;) {
      const due = state.sql
        .exec<{ id: string; envelope: string; attempts: number }>(
          "SELECT id, envelope, attempts FROM w_outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY created_at, id LIMIT ?",
          Date.now(),
          BATCH,
        )
        .toArray();
      if (due.length === 0) return;
      if (!(await deliverBatch(state, due))) return;
      if (due.length < BATCH) return;
    }
  } finally {
    state.delivering = false;
  }
}

async function deliverBatch(
  state: WalletState,
  due: { id: string; envelope: string; attempts: number }[],
): Promise<boolean> {
  const db = database(state.env);
  const now = Date.now();
  const events = due.map((r) => JSON.parse(r.envelope) as WalletTransactionEvent);
  const writes = events.map(({ data }) => {
    const row = {
      id: data.transactionId,
      userId: data.userId,
      currency: data.currency,
      type: data.type,
      direction: data.direction,
      amount: data.amount,
      status: data.status,
      counterpartyUserId: data.counterpartyUserId ?? null,
      reference: data.reference ?? null,
      note: data.note ?? null,
      createdAt: data.createdAt,
      completedAt: data.completedAt ?? null,
      version: data.version,
      projectedAt: now,
    };
    return db
      .insert(walletTransactions)
      .values(row)
      .onConflictDoUpdate({
        target: walletTransactions.id,
        set: { status: row.status, completedAt: row.completedAt, version: row.version, projectedAt: now },
        setWhere: sql`${walletTransactions.version} < ${row.version}`,
      });
  });
  // The audit trail: each version is one status change, written once whatever the deliveries.
  const trail = events.map(({ data }) =>
    db
      .insert(walletStatusChanges)
      .values({
        transactionId: data.transactionId,
        version: data.version,
        userId: data.userId,
        status: data.status,
        at: data.statusAt ?? (data.version === 1 ? data.createdAt : (data.completedAt ?? data.createdAt)),
      })
      .onConflictDoNothing(),
  );
  try {
    const [first, ...rest] = writes;
    await db.batch([first, ...rest, ...trail, ...transferEventWrites(state, db, events)]);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    logEvent("warn", "wallet_projection_failed", { userId: state.userId, count: due.length, error });
    for (const r of due) {
      state.sql.exec(
        "UPDATE w_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
        Date.now() + backoffMs(r.attempts, { jitter: "equal" }),
        error.slice(0, 500),
        r.id,
      );
    }
    return false;
  }
  const sentAt = Date.now();
  for (const r of due) {
    state.sql.exec(
      "UPDATE w_outbox SET attempts = attempts + 1, sent_at = ? WHERE id = ? AND sent_at IS NULL",
      sentAt,
      r.id,
    );
  }
  return true;
}
