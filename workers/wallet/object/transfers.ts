import type { Currency } from "../../platform/money";
import { account, applyMovement } from "./ledger";
import { receiveLimitRefusal, sendLimitRefusal } from "./limits";
import { atomically, ensureAlarm, readMeta, type WalletState } from "./state";
import { closeTransaction, openTransaction } from "./transactions";
import type { LimitRefusal, ReceiveInput, ReceiveResult, SendInput, SendRefusal, TransferView } from "./types";

/*
 * The steps of a transfer, each synchronous (its checks and writes commit together) and each
 * idempotent by the transfer id:
 *   1. hold    (sender)   available → held, the transfer recorded `pending` with a retry time;
 *   2. receive (receiver) the money credited once, or refused once (its balance limit), recorded
 *                         either way under the transfer id so every later ask gets the same answer;
 *   3. settle  (sender)   held → clearing, `completed`; or on a refusal, release: held → available, `failed`.
 * Step 3 follows only an answer of step 2, so a hold is released only when the receiver has
 * recorded that it will never credit: money is never both given back and received.
 */

export interface TransferRow {
  id: string;
  role: "out" | "in";
  counterparty: string;
  currency: Currency;
  amount: number;
  note: string | null;
  status: "pending" | "completed" | "failed";
  refusal: string | null;
  created_at: number;
  updated_at: number;
  attempts: number;
  next_attempt_at: number | null;
}

/** The transaction ids of a transfer's two sides, derived from its id (so every step finds them). */
export function transactionIds(transferId: string): { out: string; in: string } {
  const base = transferId.replace(/^trf_/, "");
  return { out: `wto_${base}`, in: `wti_${base}` };
}

export function readTransfer(state: WalletState, id: string): TransferRow | undefined {
  return state.sql
    .exec<TransferRow & Record<string, SqlStorageValue>>("SELECT * FROM w_transfers WHERE id = ?", id)
    .toArray()[0];
}

export function transferView(state: WalletState, row: TransferRow): TransferView {
  const out = row.role === "out";
  return {
    id: row.id,
    status: row.status,
    currency: row.currency,
    amount: row.amount,
    fromUserId: out ? state.userId : row.counterparty,
    toUserId: out ? row.counterparty : state.userId,
    note: row.note,
    createdAt: row.created_at,
    completedAt: row.status === "pending" ? null : row.updated_at,
  };
}

/** A pending transfer's next try: first after `retryMs`, then doubling, at most an hour apart. */
export function nextAttemptAt(now: number, attempts: number, retryMs: number): number {
  return now + Math.min(3_600_000, retryMs * 2 ** Math.min(attempts, 10));
}

export type BeginResult = { ok: true; row: TransferRow } | SendRefusal;

/** Step 1: checks and holds (or finds the transfer this id already started). */
export function hold(state: WalletState, input: SendInput, now: number, retryMs: number): BeginResult {
  const existing = readTransfer(state, input.transferId);
  if (existing) {
    const same =
      existing.role === "out" &&
      existing.counterparty === input.toUserId &&
      existing.currency === input.currency &&
      existing.amount === input.amount &&
      existing.note === (input.note ?? null);
    return same ? { ok: true, row: existing } : { ok: false, reason: "key_reused" };
  }
  if (input.toUserId === state.userId) return { ok: false, reason: "self" };
  if (readMeta(state).restricted) return { ok: false, reason: "restricted" };
  const overLimit = sendLimitRefusal(state, input.currency, input.amount, now);
  if (overLimit) return overLimit;
  const { balance, held } = account(state, input.currency);
  if (balance - held < input.amount) {
    return { ok: false, reason: "insufficient_funds", currency: input.currency, available: balance - held };
  }
  const retryAt = now + retryMs;
  atomically(state, () => {
    applyMovement(
      state,
      { id: `${input.transferId}:hold`, kind: "hold", currency: input.currency, amount: input.amount },
      now,
    );
    state.sql.exec(
      `INSERT INTO w_transfers (id, role, counterparty, currency, amount, note, status, created_at, updated_at, next_attempt_at)
       VALUES (?, 'out', ?, ?, ?, ?, 'pending', ?, ?, ?)`,
      input.transferId,
      input.toUserId,
      input.currency,
      input.amount,
      input.note ?? null,
      now,
      now,
      retryAt,
    );
    openTransaction(
      state,
      {
        id: transactionIds(input.transferId).out,
        type: "transfer_out",
        direction: "debit",
        currency: input.currency,
        amount: input.amount,
        status: "pending",
        counterpartyUserId: input.toUserId,
        reference: input.transferId,
        note: input.note ?? null,
        createdAt: now,
        completedAt: null,
      },
      now,
    );
  });
  // The sender's alarm finishes the transfer if this request dies before step 3.
  ensureAlarm(state, retryAt);
  return { ok: true, row: readTransfer(state, input.transferId) as TransferRow };
}

/** Step 2, in the receiving wallet: credits once, or refuses once (see the file's comment). */
export function receive(state: WalletState, input: ReceiveInput, now: number): ReceiveResult {
  const existing = readTransfer(state, input.transferId);
  if (existing) {
    return existing.status === "completed"
      ? { ok: true }
      : { ok: false, refusal: JSON.parse(existing.refusal ?? "{}") as LimitRefusal };
  }
  const overLimit = receiveLimitRefusal(state, input.currency, input.amount);
  atomically(state, () => {
    state.sql.exec(
      `INSERT INTO w_transfers (id, role, counterparty, currency, amount, note, status, refusal, created_at, updated_at)
       VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?, ?)`,
      input.transferId,
      input.fromUserId,
      input.currency,
      input.amount,
      input.note ?? null,
      overLimit ? "failed" : "completed",
      overLimit ? JSON.stringify(overLimit) : null,
      input.createdAt,
      now,
    );
    if (overLimit) return;
    applyMovement(
      state,
      { id: `${input.transferId}:receive`, kind: "receive", currency: input.currency, amount: input.amount },
      now,
    );
    openTransaction(
      state,
      {
        id: transactionIds(input.transferId).in,
        type: "transfer_in",
        direction: "credit",
        currency: input.currency,
        amount: input.amount,
        status: "completed",
        counterpartyUserId: input.fromUserId,
        reference: input.transferId,
        note: input.note ?? null,
        createdAt: now,
        completedAt: now,
      },
      now,
    );
  });
  if (overLimit) return { ok: false, refusal: overLimit };
  ensureAlarm(state, now);
  return { ok: true };
}

/** Step 3: settles the hold after a credit, or gives it back after a refusal. Once: a closed transfer is left as it is. */
export function settle(state: WalletState, transferId: string, answer: ReceiveResult, now: number): void {
  const row = readTransfer(state, transferId);
  if (row?.role !== "out" || row.status !== "pending") return;
  atomically(state, () => {
    const kind = answer.ok ? "settle" : "release";
    applyMovement(state, { id: `${transferId}:${kind}`, kind, currency: row.currency, amount: row.amount }, now);
    state.sql.exec(
      "UPDATE w_transfers SET status = ?, refusal = ?, updated_at = ?, next_attempt_at = NULL WHERE id = ?",
      answer.ok ? "completed" : "failed",
      answer.ok ? null : JSON.stringify(answer.refusal),
      now,
      transferId,
    );
    closeTransaction(state, transactionIds(transferId).out, answer.ok ? "completed" : "failed", now);
  });
  ensureAlarm(state, now);
}
