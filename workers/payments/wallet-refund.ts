import type { Money } from "../platform/money";
import { rpcTrace } from "../platform/request-context";
import { walletStub } from "../wallet";
import type { RefundResult } from "./gateways/types";
import type { PaymentRow } from "./present";

/**
 * A refund of a wallet payment goes back into the payer's wallet (movement `refund`), once by our
 * refund id: the refund paths (a cancelled order, a late payment, the refund consumer, the retry
 * cron) call this where they would call the gateway, and a repeat credits nothing twice.
 */
export async function refundIntoWallet(
  payment: PaymentRow,
  env: Env,
  refundId: string,
  amount: Money,
): Promise<RefundResult> {
  if (!payment.customerId) throw new Error(`wallet payment ${payment.id} has no payer`);
  await walletStub(env, payment.customerId).refundToWallet(
    { refundId, paymentId: payment.id, currency: amount.currency, amount: amount.amount },
    rpcTrace(),
  );
  return { providerRefundRef: refundId, status: "succeeded" };
}
