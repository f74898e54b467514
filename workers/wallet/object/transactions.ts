import { createEvent } from "../../platform/outbox";
import type { WalletState } from "./state";
import type { TransactionStatus, TransactionView } from "./types";

/*
 * The wallet's transactions (what its owner sees in the history) and the in-object outbox that
 * carries each change of one to the D1 projection. A change and its outbox row are written in the
 * same synchronous step as the movement they describe, so the projection can lag but never miss.
 */

interface TransactionRow {
  id: string;
  type: TransactionView["type"];
  direction: TransactionView["direction"];
  currency: TransactionView["currency"];
  amount: number;
  status: TransactionStatus;
  counterparty: string | null;
  reference: string | null;
  note: string | null;
  created_at: number;
  completed_at: number | null;
  version: number;
}

function viewOf(r: TransactionRow): TransactionView {
  return {
    id: r.id,
    type: r.type,
    direction: r.direction,
    currency: r.currency,
    amount: r.amount,
    status: r.status,
    counterpartyUserId: r.counterparty,
    reference: r.reference,
    note: r.note,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    version: r.version,
  };
}

export function readTransaction(state: WalletState, id: string): TransactionView | null {
  const row = state.sql
    .exec<TransactionRow & Record<string, SqlStorageValue>>("SELECT * FROM w_transactions WHERE id = ?", id)
    .toArray()[0];
  return row ? viewOf(row) : null;
}

/** A new transaction (version 1), queued for the projection. */
export function openTransaction(state: WalletState, t: Omit<TransactionView, "version">, now: number): void {
  state.sql.exec(
    `INSERT INTO w_transactions (id, type, direction, currency, amount, status, counterparty, reference, note, created_at, completed_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    t.id,
    t.type,
    t.direction,
    t.currency,
    t.amount,
    t.status,
    t.counterpartyUserId,
    t.reference,
    t.note,
    t.createdAt,
    t.completedAt,
  );
  recordStatus(state, t.id, t.status, now);
  queueProjection(state, { ...t, version: 1 }, now);
}

/** Moves a transaction to its final status (next version), queued for the projection. */
export function closeTransaction(state: WalletState, id: string, status: TransactionStatus, now: number): void {
  const row = state.sql
    .exec<TransactionRow & Record<string, SqlStorageValue>>(
      "UPDATE w_transactions SET status = ?, completed_at = ?, version = version + 1 WHERE id = ? AND status = 'pending' RETURNING *",
      status,
      status === "completed" ? now : null,
      id,
    )
    .toArray()[0];
  if (row) {
    recordStatus(state, id, status, now);
    queueProjection(state, viewOf(row), now);
  }
}

/** The audit trail: each status a transaction took, with when (in the same step as the change). */
function recordStatus(state: WalletState, id: string, status: TransactionStatus, at: number): void {
  state.sql.exec(
    "INSERT OR IGNORE INTO w_status_history (transaction_id, status, at) VALUES (?, ?, ?)",
    id,
    status,
    at,
  );
}

/** Every status of one transaction, oldest first. */
export function statusHistory(state: WalletState, id: string): { status: TransactionStatus; at: number }[] {
  return state.sql
    .exec<{ status: TransactionStatus; at: number }>(
      "SELECT status, at FROM w_status_history WHERE transaction_id = ? ORDER BY at, rowid",
      id,
    )
    .toArray();
}

function queueProjection(state: WalletState, t: TransactionView, now: number): void {
  const event = createEvent(
    "wallet.transaction",
    {
      userId: state.userId,
      transactionId: t.id,
      version: t.version,
      currency: t.currency,
      type: t.type,
      direction: t.direction,
      amount: t.amount,
      status: t.status,
      ...(t.counterpartyUserId ? { counterpartyUserId: t.counterpartyUserId } : {}),
      ...(t.reference ? { reference: t.reference } : {}),
      ...(t.note ? { note: t.note } : {}),
      createdAt: t.createdAt,
      ...(t.completedAt !== null ? { completedAt: t.completedAt } : {}),
      statusAt: now,
    },
    {
      // One id per version of one transaction: a repeated delivery is the same event.
      id: `${t.id}.v${t.version}`,
      subject: { type: "wallet_transaction", id: t.id },
      actor: { type: "user", id: state.userId },
      now: new Date(now),
    },
  );
  state.sql.exec(
    "INSERT INTO w_outbox (id, envelope, created_at, next_attempt_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
    event.id,
    JSON.stringify(event),
    now,
    now,
  );
}
