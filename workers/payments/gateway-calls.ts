import { logEvent } from "../platform/log";
import { type Currency, money } from "../platform/money";
import { paymentGateway } from "./gateway-config";
import type { PaymentReference } from "./gateways/types";
import type { PaymentRow } from "./present";
import { settleWalletPayment } from "./wallet-status";

/** A stored payment as its gateway knows it. */
export function referenceOf(payment: PaymentRow): PaymentReference {
  return {
    paymentId: payment.id,
    ...(payment.providerRef ? { providerRef: payment.providerRef } : {}),
    method: payment.method,
    amount: money(payment.amount, payment.currency as Currency),
  };
}

/**
 * Stops a payment that is no longer wanted at its gateway, where the API allows it. Best effort,
 * after our own record says so: a failure is logged, and should the payer still pay it, the
 * money is applied or refunded like any late payment.
 */
export async function cancelAtGateway(env: Env, payment: PaymentRow, fetchFn?: typeof fetch): Promise<void> {
  // A wallet payment is stopped in its wallet: given up for good, or (already debited) applied as paid.
  if (payment.gateway === "wallet") {
    try {
      await settleWalletPayment(env, payment);
    } catch (err) {
      logEvent("error", "wallet_payment_cancel_failed", {
        paymentId: payment.id,
        error: err instanceof Error ? err.message : String(err),
      });
    }
    return;
  }
  try {
    const result = await paymentGateway(env, payment.gateway, fetchFn).cancelPayment(referenceOf(payment));
    if (!result.cancelled)
      logEvent("info", "payment_not_cancellable", {
        paymentId: payment.id,
        gateway: payment.gateway,
        reason: result.reason,
      });
  } catch (err) {
    logEvent("warn", "payment_cancel_failed", {
      paymentId: payment.id,
      gateway: payment.gateway,
      error: err instanceof Error ? err.message : String(err),
    });
  }
}
