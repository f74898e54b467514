import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { payments, refunds } from "../../d1/schema/payments";
import type { OrderRow } from "../orders";
import { database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import { type Currency, money } from "../platform/money";
import { paymentGateway } from "./gateway-config";
import { claimRefund, paymentOf } from "./refunds";
import { returnRefundKey } from "./return-refund-key";
import { refundIntoWallet } from "./wallet-refund";

export interface ReturnRefund {
  order: OrderRow;
  returnId: string;
  /** Minor units of the order's currency: the return's refundAmount, never more than was paid. */
  amount: number;
  reason: string;
}

/** What the returns domain writes with the refund, in its commit batch (its rows, the order's). */
export type ReturnRefundCommit = (ids: { refundId: string; paymentId: string }) => Promise<BatchItem<"sqlite">[]>;

export type ReturnRefundOutcome =
  | { status: "refunded"; refundId: string }
  /** Someone else holds the refund right now, or the gateway refused (retried later): nothing recorded. */
  | { status: "pending" | "failed" }
  | { status: "no_payment" };

/**
 * Gives back part of an order's payment for one return, through the gateway that took it (or
 * into the wallet for a wallet payment), once. The refund row, keyed by the return
 * (returnRefundKey) and unique per payment, is the claim: concurrent or retried calls find it
 * taken and do nothing; a failed or abandoned one is taken back with the same refund id, which
 * the gateway (and the wallet) treat as the same refund. The commit point is one batch: the
 * payment's refunded total grows (only while this refund is still pending, so two resumptions
 * cannot count it twice), the caller's writes (`commit`), and the refund marked succeeded.
 */
export async function refundReturnPayment(
  env: Env,
  input: ReturnRefund,
  commit: ReturnRefundCommit,
): Promise<ReturnRefundOutcome> {
  const db = database(env);
  const paid = await paymentOf(env, input.order);
  if (!paid) {
    logEvent("error", "return_refund_without_payment", { orderId: input.order.id, returnId: input.returnId });
    return { status: "no_payment" };
  }
  const target = { id: returnRefundKey(input.returnId), total: input.amount, currency: input.order.currency };
  const refund = await claimRefund(db, target, paid, input.reason);
  if (!refund) return { status: "pending" };
  try {
    const amount = money(input.amount, input.order.currency as Currency);
    const result =
      paid.gateway === "wallet"
        ? await refundIntoWallet(paid, env, refund.id, amount)
        : await paymentGateway(env, paid.gateway).refund({
            paymentId: paid.id,
            providerRef: paid.providerRef ?? paid.id,
            amount,
            reason: input.reason,
            refundId: refund.id,
          });
    const stillPending = sql`EXISTS (SELECT 1 FROM ${refunds} WHERE ${refunds.id} = ${refund.id} AND ${refunds.status} = 'pending')`;
    const writes = await commit({ refundId: refund.id, paymentId: paid.id });
    const [first, ...rest] = [
      db
        .update(payments)
        .set({
          refundedAmount: sql`${payments.refundedAmount} + ${input.amount}`,
          status: sql`CASE WHEN ${payments.refundedAmount} + ${input.amount} >= ${payments.amount} THEN 'refunded' ELSE 'partially_refunded' END`,
          updatedAt: nowMs(),
        })
        .where(and(eq(payments.id, paid.id), stillPending)),
      ...writes,
      db
        .update(refunds)
        .set({ status: "succeeded", providerRefundRef: result.providerRefundRef, updatedAt: nowMs() })
        .where(eq(refunds.id, refund.id)),
    ];
    await db.batch([first, ...rest]);
    return { status: "refunded", refundId: refund.id };
  } catch (err) {
    await db
      .update(refunds)
      .set({ status: "failed", updatedAt: nowMs() })
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, "pending")));
    logEvent("error", "return_refund_failed", {
      orderId: input.order.id,
      returnId: input.returnId,
      error: err instanceof Error ? err.message : String(err),
    });
    return { status: "failed" };
  }
}

/** The succeeded refund of a return, if it was refunded (a resumed return reads it back). */
export async function returnRefundOf(env: Env, returnId: string) {
  return database(env)
    .select()
    .from(refunds)
    .where(and(eq(refunds.orderId, returnRefundKey(returnId)), eq(refunds.status, "succeeded")))
    .get();
}
