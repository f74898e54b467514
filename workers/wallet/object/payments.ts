import { account, applyMovement } from "./ledger";
import type { WalletPaymentInput, WalletPaymentResult, WalletRefundInput } from "./payment-types";
import { atomically, ensureAlarm, readMeta, type WalletState } from "./state";
import { openTransaction, readTransaction } from "./transactions";
import type { TransactionView } from "./types";

/*
 * Orders paid from the wallet, and their refunds. The payments domain records the payment in D1
 * first, then asks here; the debit below is the payment's commit point: once it is applied, the
 * payment has succeeded, and whoever finishes it (the request, its retry, the reconcile) only
 * marks the orders paid. Each step is synchronous (no await between the check and the write) and
 * applied once by its id, so concurrent payments can never spend the same money twice.
 */

function answerOf(t: TransactionView, input: WalletPaymentInput): WalletPaymentResult {
  if (t.type !== "payment" || t.amount !== input.amount || t.currency !== input.currency)
    return { ok: false, reason: "void" };
  return t.status === "completed" ? { ok: true, applied: false } : { ok: false, reason: "void" };
}

/** Debits `amount` once by the payment id (movement `payment`: available −a, system:payments +a). */
export function payFromWallet(state: WalletState, input: WalletPaymentInput): WalletPaymentResult {
  const now = Date.now();
  const earlier = readTransaction(state, input.paymentId);
  if (earlier) return answerOf(earlier, input);
  // A restricted wallet receives but does not send (docs/wallet.md): paying is sending.
  if (readMeta(state).restricted) return { ok: false, reason: "restricted" };
  const { balance, held } = account(state, input.currency);
  if (balance - held < input.amount)
    return { ok: false, reason: "insufficient_funds", currency: input.currency, available: balance - held };
  atomically(state, () => {
    applyMovement(state, { id: input.paymentId, kind: "payment", currency: input.currency, amount: input.amount }, now);
    openTransaction(
      state,
      {
        id: input.paymentId,
        type: "payment",
        direction: "debit",
        currency: input.currency,
        amount: input.amount,
        status: "completed",
        counterpartyUserId: null,
        reference: input.reference ?? input.paymentId,
        note: null,
        createdAt: now,
        completedAt: now,
      },
      now,
    );
  });
  ensureAlarm(state, now);
  return { ok: true, applied: true };
}

/**
 * Decides a wallet payment whose request may have died (the reconcile, or a newer payment request
 * replacing it): "paid" when it was debited; otherwise it is given up for good, in the same
 * synchronous step (a `payment` transaction recorded `failed`, nothing debited), so a late debit of
 * the dead request is refused and the payment can never be both failed and paid.
 */
export function voidWalletPayment(state: WalletState, input: WalletPaymentInput): "paid" | "void" {
  const now = Date.now();
  const earlier = readTransaction(state, input.paymentId);
  if (earlier) return earlier.status === "completed" && earlier.type === "payment" ? "paid" : "void";
  atomically(state, () =>
    openTransaction(
      state,
      {
        id: input.paymentId,
        type: "payment",
        direction: "debit",
        currency: input.currency,
        amount: input.amount,
        status: "failed",
        counterpartyUserId: null,
        reference: input.reference ?? input.paymentId,
        note: null,
        createdAt: now,
        completedAt: null,
      },
      now,
    ),
  );
  ensureAlarm(state, now);
  return "void";
}

/**
 * A refund of a wallet payment, once by the refund id (movement `refund`). Not held to the balance
 * limit: it is money that was in this wallet before it paid, and a refused refund would leave it
 * nowhere (the limit governs money entering from outside: top-ups and transfers).
 */
export function refundToWallet(state: WalletState, input: WalletRefundInput): { applied: boolean } {
  const now = Date.now();
  if (readTransaction(state, input.refundId)) return { applied: false };
  atomically(state, () => {
    applyMovement(state, { id: input.refundId, kind: "refund", currency: input.currency, amount: input.amount }, now);
    openTransaction(
      state,
      {
        id: input.refundId,
        type: "refund",
        direction: "credit",
        currency: input.currency,
        amount: input.amount,
        status: "completed",
        counterpartyUserId: null,
        reference: input.paymentId,
        note: null,
        createdAt: now,
        completedAt: now,
      },
      now,
    );
  });
  ensureAlarm(state, now);
  return { applied: true };
}
