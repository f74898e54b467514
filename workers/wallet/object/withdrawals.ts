import { type DisbursementView, maskAccount, requestDisbursement } from "../../disbursements";
import { readConfig } from "../../platform/config";
import { logEvent } from "../../platform/log";
import { account, applyMovement } from "./ledger";
import { sendLimitRefusal } from "./limits";
import { atomically, ensureAlarm, readMeta, type WalletState } from "./state";
import { closeTransaction, openTransaction, readTransaction } from "./transactions";
import type { TransactionView, WithdrawalOutcome, WithdrawInput, WithdrawResult } from "./types";

/*
 * Withdrawals to a bank account (docs/wallet.md, docs/disbursements.md), each step synchronous and
 * idempotent by the withdrawal id:
 *   1. hold     available → held, the withdrawal `held` with a retry time, its transaction pending:
 *               the commit point; nothing has left yet.
 *   2. request  the disbursement asked for with the withdrawal id as the provider's idempotency key;
 *               `requested` once the disbursements domain recorded it. A crash or a lost answer
 *               leaves it `held`, and the alarm asks again (the same key: never paid twice).
 *   3. finish   on the provider's success: held → system:withdrawals (the money left the platform),
 *               `completed`; on its failure: held → available, `failed`. Once: a closed one stays.
 */

interface WithdrawalRow {
  id: string;
  currency: WithdrawInput["currency"];
  amount: number;
  bank_code: string;
  account_number_enc: string;
  account_name_enc: string;
  account_last4: string;
  status: "held" | "requested" | "completed" | "failed";
  attempts: number;
}

function readWithdrawal(state: WalletState, id: string): WithdrawalRow | undefined {
  return state.sql
    .exec<WithdrawalRow & Record<string, SqlStorageValue>>("SELECT * FROM w_withdrawals WHERE id = ?", id)
    .toArray()[0];
}

function retryMs(state: WalletState): number {
  return readConfig(state.env).wallet.transferRetryMs;
}

/** Step 1: checks (restricted, limits, funds) and holds, or finds the withdrawal this id already began. */
export function holdWithdrawal(state: WalletState, input: WithdrawInput, now: number): WithdrawResult {
  const existing = readWithdrawal(state, input.withdrawalId);
  if (existing) {
    const same =
      existing.currency === input.currency &&
      existing.amount === input.amount &&
      existing.bank_code === input.bankCode &&
      existing.account_last4 === input.accountLast4;
    const transaction = readTransaction(state, input.withdrawalId);
    return same && transaction ? { ok: true, transaction } : { ok: false, reason: "key_reused" };
  }
  if (readMeta(state).restricted) return { ok: false, reason: "restricted" };
  const overLimit = sendLimitRefusal(state, input.currency, input.amount, now);
  if (overLimit) return overLimit;
  const { balance, held } = account(state, input.currency);
  if (balance - held < input.amount) {
    return { ok: false, reason: "insufficient_funds", currency: input.currency, available: balance - held };
  }
  const retryAt = now + retryMs(state);
  atomically(state, () => {
    applyMovement(
      state,
      { id: `${input.withdrawalId}:hold`, kind: "hold", currency: input.currency, amount: input.amount },
      now,
    );
    state.sql.exec(
      `INSERT INTO w_withdrawals (id, currency, amount, bank_code, account_number_enc, account_name_enc, account_last4, status, created_at, updated_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'held', ?, ?, ?)`,
      input.withdrawalId,
      input.currency,
      input.amount,
      input.bankCode,
      input.accountNumberEnc,
      input.accountNameEnc,
      input.accountLast4,
      now,
      now,
      retryAt,
    );
    openTransaction(
      state,
      {
        id: input.withdrawalId,
        type: "withdrawal",
        direction: "debit",
        currency: input.currency,
        amount: input.amount,
        status: "pending",
        counterpartyUserId: null,
        reference: input.withdrawalId,
        // Shown in the history as the bank and the account's last digits, never the whole number.
        note: `${input.bankCode} ${maskAccount(input.accountLast4)}`,
        createdAt: now,
        completedAt: null,
      },
      now,
    );
  });
  // The alarm asks for the disbursement if this request dies before step 2.
  ensureAlarm(state, retryAt);
  return { ok: true, transaction: readTransaction(state, input.withdrawalId) as TransactionView };
}

/** Step 3 (from the outcome event, the request's own answer, or the alarm's check): once. */
export function finishWithdrawal(state: WalletState, outcome: WithdrawalOutcome, now: number): boolean {
  const row = readWithdrawal(state, outcome.withdrawalId);
  if (!row || (row.status !== "held" && row.status !== "requested")) return false;
  const succeeded = outcome.outcome === "succeeded";
  atomically(state, () => {
    const kind = succeeded ? "withdraw" : "release";
    applyMovement(state, { id: `${row.id}:${kind}`, kind, currency: row.currency, amount: row.amount }, now);
    state.sql.exec(
      "UPDATE w_withdrawals SET status = ?, failure_code = ?, updated_at = ?, next_attempt_at = NULL WHERE id = ?",
      succeeded ? "completed" : "failed",
      succeeded ? null : (outcome.failureCode ?? "failed"),
      now,
      row.id,
    );
    closeTransaction(state, row.id, succeeded ? "completed" : "failed", now);
  });
  ensureAlarm(state, now);
  return true;
}

/** What the disbursements domain says of it, applied here: requested, or final. */
function applyDisbursement(state: WalletState, row: WithdrawalRow, d: DisbursementView, now: number): void {
  if (d.status === "succeeded" || d.status === "failed") {
    finishWithdrawal(
      state,
      {
        withdrawalId: row.id,
        outcome: d.status,
        ...(d.failureCode ? { failureCode: d.failureCode } : {}),
      },
      now,
    );
    return;
  }
  // Asked for: the outcome comes by event; a late check stays as the fallback (a day, then backing off).
  state.sql.exec(
    "UPDATE w_withdrawals SET status = 'requested', updated_at = ?, next_attempt_at = ? WHERE id = ? AND status IN ('held', 'requested')",
    now,
    now + Math.max(86_400_000, readConfig(state.env).disbursements.statusCheckMs * 4),
    row.id,
  );
}

/**
 * Step 2, and the fallback check of a requested one: asks the disbursements domain (which sends
 * it to the provider once, by the withdrawal id) and applies its answer. A failure to reach it
 * leaves the withdrawal for the alarm, backing off.
 */
export async function requestWithdrawal(state: WalletState, id: string): Promise<void> {
  const row = readWithdrawal(state, id);
  if (!row || (row.status !== "held" && row.status !== "requested")) return;
  const now = Date.now();
  // Pushed back before the call: if this dies mid-call, the alarm tries again later, not at once.
  state.sql.exec(
    "UPDATE w_withdrawals SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
    now + Math.min(3_600_000, retryMs(state) * 2 ** Math.min(row.attempts + 1, 10)),
    id,
  );
  let answer: DisbursementView;
  try {
    answer = await requestDisbursement(state.env, {
      id,
      purpose: "withdrawal",
      ownerId: state.userId,
      amount: { amount: row.amount, currency: row.currency },
      bankCode: row.bank_code,
      accountNumberEnc: row.account_number_enc,
      accountNameEnc: row.account_name_enc,
      accountLast4: row.account_last4,
    });
  } catch (err) {
    logEvent("warn", "wallet_withdrawal_retry", { withdrawalId: id, attempts: row.attempts + 1, error: String(err) });
    return;
  }
  applyDisbursement(state, row, answer, Date.now());
}

/** The alarm's share: withdrawals whose request (or fallback check) is due. */
export async function driveDueWithdrawals(state: WalletState, now: number): Promise<void> {
  const due = state.sql
    .exec<{ id: string }>(
      "SELECT id FROM w_withdrawals WHERE status IN ('held', 'requested') AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 50",
      now,
    )
    .toArray();
  for (const { id } of due) await requestWithdrawal(state, id);
}

/** A withdrawal from this wallet: step 1, then step 2 as far as it goes now. */
export async function withdraw(state: WalletState, input: WithdrawInput): Promise<WithdrawResult> {
  const held = holdWithdrawal(state, input, Date.now());
  if (!held.ok) return held;
  await requestWithdrawal(state, input.withdrawalId);
  return { ok: true, transaction: readTransaction(state, input.withdrawalId) as TransactionView };
}
