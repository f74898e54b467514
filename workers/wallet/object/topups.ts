import { applyMovement } from "./ledger";
import { receiveLimitRefusal } from "./limits";
import type { TopupInput, TopupOpenResult, TopupSettleResult } from "./payment-types";
import { atomically, ensureAlarm, type WalletState } from "./state";
import { closeTransaction, openTransaction, readTransaction } from "./transactions";

/*
 * Top-ups: money entering from a payment gateway. The transaction opens `pending` before the
 * payment exists (so the payer sees it at once and the balance limit is checked up front), and is
 * credited (movement `topup`, the same one `credit` applies) exactly once when the payment
 * succeeds, or closed `failed` when it fails. Each step is one synchronous transaction, once by
 * the transaction id.
 */

/** Opens the pending top-up; the same id again answers the same transaction. */
export function openTopup(state: WalletState, input: TopupInput): TopupOpenResult {
  const now = Date.now();
  const earlier = readTransaction(state, input.transactionId);
  if (earlier) {
    const same = earlier.type === "topup" && earlier.amount === input.amount && earlier.currency === input.currency;
    return same ? { ok: true, transaction: earlier } : { ok: false, reason: "key_reused" };
  }
  const overLimit = receiveLimitRefusal(state, input.currency, input.amount);
  if (overLimit) return overLimit;
  atomically(state, () =>
    openTransaction(
      state,
      {
        id: input.transactionId,
        type: "topup",
        direction: "credit",
        currency: input.currency,
        amount: input.amount,
        status: "pending",
        counterpartyUserId: null,
        reference: input.paymentId,
        note: null,
        createdAt: now,
        completedAt: null,
      },
      now,
    ),
  );
  ensureAlarm(state, now);
  const opened = readTransaction(state, input.transactionId);
  if (!opened) throw new Error(`top-up ${input.transactionId} was not recorded`);
  return { ok: true, transaction: opened };
}

/**
 * Its payment succeeded: credits the top-up once. If the balance limit would be passed now (other
 * money arrived meanwhile), or the top-up already failed, nothing is credited and the answer says
 * so: the caller gives the payment back, so the money is never lost nor kept over the limit.
 */
export function settleTopup(state: WalletState, transactionId: string): TopupSettleResult {
  const now = Date.now();
  const t = readTransaction(state, transactionId);
  if (t?.type !== "topup") return { ok: false, reason: "closed" };
  if (t.status === "completed") return { ok: true, applied: false };
  if (t.status !== "pending") return { ok: false, reason: "closed" };
  const overLimit = receiveLimitRefusal(state, t.currency, t.amount);
  atomically(state, () => {
    if (!overLimit) applyMovement(state, { id: t.id, kind: "topup", currency: t.currency, amount: t.amount }, now);
    closeTransaction(state, t.id, overLimit ? "failed" : "completed", now);
  });
  ensureAlarm(state, now);
  return overLimit ?? { ok: true, applied: true };
}

/** Its payment failed or expired: the pending top-up fails (a credited one stays credited). */
export function failTopup(state: WalletState, transactionId: string): void {
  const now = Date.now();
  atomically(state, () => closeTransaction(state, transactionId, "failed", now));
  ensureAlarm(state, now);
}
