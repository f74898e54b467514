import { and, eq, inArray } from "drizzle-orm";
import { payments } from "../../d1/schema/payments";
import { database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import { rpcTrace } from "../platform/request-context";
import { walletStub } from "../wallet";
import type { WebhookEvent } from "./gateways/types";
import type { PaymentRow } from "./present";
import { refundTopupPayment } from "./refunds";

/*
 * What an accepted gateway event does to a top-up's payment (no orders: it funds one wallet
 * transaction), whichever way it arrived: webhook, sandbox simulate, status check. Every step is
 * idempotent, so a redelivered or crossing event repeats nothing: the payment's status changes by
 * conditional updates, and the wallet credits or fails its transaction once by its id.
 */

function walletOf(env: Env, payment: PaymentRow) {
  if (!payment.customerId || !payment.walletTransactionId)
    throw new Error(`payment ${payment.id} is not a wallet top-up`);
  return { stub: walletStub(env, payment.customerId), transactionId: payment.walletTransactionId };
}

/**
 * Paid: the payment succeeds, then the wallet credits its top-up once. If the wallet refuses (its
 * balance limit was passed meanwhile, or the top-up had already failed: its payment expired before
 * the money came), the money goes back through the gateway that took it: it is never lost, and
 * never kept over the limit.
 */
export async function topupPaid(env: Env, payment: PaymentRow, event: WebhookEvent): Promise<void> {
  const db = database(env);
  await db
    .update(payments)
    .set({
      status: "succeeded",
      providerRef: event.providerRef ?? payment.providerRef,
      failureReason: null,
      updatedAt: nowMs(),
    })
    .where(and(eq(payments.id, payment.id), inArray(payments.status, ["pending", "failed", "expired"])));
  const current = await db.select().from(payments).where(eq(payments.id, payment.id)).get();
  // Refunded already (an earlier delivery refused and gave it back): nothing is left to do.
  if (current?.status !== "succeeded") return;
  const { stub, transactionId } = walletOf(env, current);
  const settled = await stub.settleTopup(transactionId, rpcTrace());
  if (settled.ok) return;
  logEvent("warn", "topup_refused_refunding", {
    paymentId: current.id,
    transactionId,
    reason: settled.reason === "limit_exceeded" ? "maxBalance" : settled.reason,
  });
  await refundTopupPayment(
    env,
    current,
    settled.reason === "limit_exceeded" ? "the wallet's balance limit" : "the top-up had already failed",
  );
}

/** Failed or expired: the payment records it, and the wallet's pending top-up fails. */
export async function topupFailed(env: Env, payment: PaymentRow, event: WebhookEvent): Promise<void> {
  const db = database(env);
  await db
    .update(payments)
    .set({
      status: event.outcome === "expired" ? "expired" : "failed",
      failureReason: event.outcome,
      updatedAt: nowMs(),
    })
    .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")));
  const current = await db.select().from(payments).where(eq(payments.id, payment.id)).get();
  // Failed now or by an earlier delivery that died before the wallet heard of it: tell it (once is enough, more is harmless).
  if (current && (current.status === "failed" || current.status === "expired")) await failTopupOf(env, current);
}

export async function failTopupOf(env: Env, payment: PaymentRow): Promise<void> {
  const { stub, transactionId } = walletOf(env, payment);
  await stub.failTopup(transactionId, rpcTrace());
}
