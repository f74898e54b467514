import { type Currency, money } from "../platform/money";
import { rpcTrace } from "../platform/request-context";
import { type WalletPaymentInput, walletStub } from "../wallet";
import type { WebhookEvent } from "./gateways/types";
import type { PaymentRow } from "./present";
import { applyGatewayEvent } from "./webhooks";

/*
 * The wallet is the "gateway" of a wallet payment: its debit (the payer's Wallet object) is the
 * payment's commit point. What a webhook is to the other gateways, these events are to it: they
 * go through applyGatewayEvent, recorded once by (wallet, event id), so the orders are marked
 * paid (or the payment failed) exactly once, whoever gets there first.
 */

export function walletPaymentInput(payment: PaymentRow): WalletPaymentInput {
  return { paymentId: payment.id, currency: payment.currency as Currency, amount: payment.amount };
}

function walletEvent(payment: PaymentRow, outcome: "succeeded" | "failed"): WebhookEvent {
  return {
    eventId: `wallet:${payment.id}:${outcome}`,
    paymentId: payment.id,
    outcome,
    amount: money(payment.amount, payment.currency as Currency),
    providerRef: payment.id,
    raw: { source: "wallet" },
  };
}

/** The debit was applied: the payment succeeded (the orders become paid, once). */
export async function applyWalletDebit(env: Env, payment: PaymentRow): Promise<void> {
  await applyGatewayEvent(env, "wallet", walletEvent(payment, "succeeded"));
}

/**
 * A wallet payment whose request may have died, or that a newer request replaced: the payer's
 * wallet decides for good (voidWalletPayment), and its answer is applied. "paid": it was debited,
 * so it succeeds (orders no longer awaiting it get the money back through the late-payment path);
 * "unpaid": it never will be, and fails.
 */
export async function settleWalletPayment(env: Env, payment: PaymentRow): Promise<"paid" | "unpaid"> {
  if (!payment.customerId) throw new Error(`wallet payment ${payment.id} has no payer`);
  const answer = await walletStub(env, payment.customerId).voidWalletPayment(walletPaymentInput(payment), rpcTrace());
  await applyGatewayEvent(env, "wallet", walletEvent(payment, answer === "paid" ? "succeeded" : "failed"));
  return answer === "paid" ? "paid" : "unpaid";
}
