import type { z } from "@hono/zod-openapi";
import { and, eq, lt, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { payments, refunds } from "../../d1/schema/payments";
import type { RefundSchema } from "../../schemas/admin";
import { refundedByHandWrites } from "../orders";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { stableId } from "../platform/ids";
import { logEvent } from "../platform/log";
import { type Currency, formatMoney, type Money, money } from "../platform/money";
import { refundableOf, reservedSql } from "./admin-payments";
import { paymentGateway } from "./gateway-config";
import type { PaymentRow } from "./present";
import { refundIntoWallet } from "./wallet-refund";

export type Refund = z.infer<typeof RefundSchema>;
type RefundRow = typeof refunds.$inferSelect;

/** A manual refund's row is keyed (refunds.order_id) by its Idempotency-Key: one refund per key and payment. */
export const MANUAL_REFUND_PREFIX = "manual:";
/** A pending manual refund older than this was left by a request that died: the same key takes it up. */
const ABANDONED_MS = 60_000;

export interface ManualRefund {
  paymentId: string;
  /** The request's Idempotency-Key (already scoped to the operator by the idempotency middleware). */
  key: string;
  amount?: Money;
  reason: string;
  actorId: string;
}

/** What the caller records with the refund, in its commit batch (the audit entry). */
export type ManualRefundCommit = (refund: { id: string; amount: Money }) => BatchItem<"sqlite">[];

function present(row: RefundRow, payment: PaymentRow, refundable: number): Refund {
  const currency = row.currency as Currency;
  return {
    id: row.id,
    paymentId: row.paymentId,
    amount: money(row.amount, currency),
    status: row.status,
    reason: row.reason,
    gateway: payment.gateway as Refund["gateway"],
    refundable: money(refundable, currency),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

async function paidPayment(db: Database, paymentId: string): Promise<PaymentRow> {
  const payment = await db.select().from(payments).where(eq(payments.id, paymentId)).get();
  if (!payment) throw new ApiError("not_found", "There is no payment with this id.");
  if (!["succeeded", "partially_refunded", "refunded"].includes(payment.status)) {
    throw new ApiError("conflict", "This payment was never paid, so there is nothing to refund.");
  }
  if (payment.gateway === "cod") {
    throw new ApiError(
      "conflict",
      "A cash-on-delivery payment was paid in cash to the courier: refund it to the buyer's wallet or by bank transfer instead.",
    );
  }
  return payment;
}

function tooMuch(refundable: Money): ApiError {
  const shown = formatMoney(refundable, "en");
  return new ApiError(
    "validation_failed",
    `At most ${shown} of this payment can still be refunded. Enter an amount up to that.`,
    { errors: [{ path: "amount", message: `At most ${shown}` }] },
  );
}

function requestedAmount(input: ManualRefund, payment: PaymentRow, refundable: number): number {
  const currency = payment.currency as Currency;
  if (input.amount && input.amount.currency !== currency) {
    throw new ApiError(
      "validation_failed",
      "The amount is not in the payment's currency. Give it in the payment's currency.",
      {
        errors: [{ path: "amount.currency", message: `Expected ${currency}` }],
      },
    );
  }
  const amount = input.amount?.amount ?? refundable;
  if (amount <= 0 && !input.amount) throw tooMuch(money(0, currency));
  if (amount <= 0) {
    throw new ApiError("validation_failed", "Enter an amount above zero.", {
      errors: [{ path: "amount.amount", message: "Above zero" }],
    });
  }
  if (amount > refundable) throw tooMuch(money(refundable, currency));
  return amount;
}

/**
 * Claims the refund for this key: a new row, inserted only while the payment's reserved total plus
 * this amount stays within what was paid (one statement, so concurrent refunds with different
 * keys cannot both pass); or this key's own abandoned row taken back. Undefined when someone else
 * holds this key's refund right now or the amount no longer fits.
 */
async function claim(db: Database, payment: PaymentRow, id: string, key: string, amount: number, reason: string) {
  const now = nowMs();
  const inserted = await db.run(sql`
    INSERT INTO ${refunds} (id, payment_id, order_id, amount, currency, status, reason, created_at, updated_at)
    SELECT ${id}, ${payment.id}, ${key}, ${amount}, ${payment.currency}, 'pending', ${reason}, ${now}, ${now}
    WHERE ${payment.amount} - ${reservedSql(payment.id)} >= ${amount}
    ON CONFLICT DO NOTHING`);
  if (inserted.meta.changes > 0) return db.select().from(refunds).where(eq(refunds.id, id)).get();
  return db
    .update(refunds)
    .set({ updatedAt: now })
    .where(and(eq(refunds.id, id), eq(refunds.status, "pending"), lt(refunds.updatedAt, now - ABANDONED_MS)))
    .returning()
    .get();
}

async function sendRefund(env: Env, payment: PaymentRow, row: RefundRow) {
  const amount = money(row.amount, row.currency as Currency);
  if (payment.gateway === "wallet") return refundIntoWallet(payment, env, row.id, amount);
  return paymentGateway(env, payment.gateway).refund({
    paymentId: payment.id,
    providerRef: payment.providerRef ?? payment.id,
    amount,
    reason: row.reason ?? "manual refund",
    refundId: row.id,
  });
}

/**
 * What the refund does to the orders the payment paid, for its commit batch (refundedByHandWrites):
 * refunded whole, they move to `refunded` where the state machine allows; otherwise each records
 * its share and announces it (the shop's earnings and the buyer's notification follow).
 */
async function orderRefundWrites(db: Database, paymentId: string, row: RefundRow, input: ManualRefund, applied: SQL) {
  const fresh = await db.select().from(payments).where(eq(payments.id, paymentId)).get();
  if (!fresh) return [];
  const whole = fresh.refundedAmount + row.amount >= fresh.amount;
  const currency = row.currency as Currency;
  const note = { paymentId, refundId: row.id, reason: input.reason, actorId: input.actorId, applied };
  return refundedByHandWrites(db, fresh.orderIds, { ...note, amount: row.amount, currency, whole });
}

/**
 * An operator's refund of (part of) a payment, through the gateway that took it or into the
 * payer's wallet, once per Idempotency-Key: the refund id is derived from the key, so a retry finds
 * the same row (and the gateway and wallet treat a resent refund id as the same refund). Never
 * above what was paid less what was refunded or is being refunded (422 with the refundable amount).
 * The commit point is one batch: the payment's refunded total grows while the refund is still
 * pending, the caller's writes (the audit entry), the orders' moves when the payment is now
 * refunded whole or each order's share and its event otherwise (refundedByHandWrites, so the
 * shops' earnings and the buyer follow), the refund succeeded. A gateway failure releases
 * the claim (the row is removed) and answers 503, so the operator may retry with the same key.
 */
export async function refundPaymentByHand(env: Env, input: ManualRefund, commit: ManualRefundCommit): Promise<Refund> {
  const db = database(env);
  const payment = await paidPayment(db, input.paymentId);
  const key = `${MANUAL_REFUND_PREFIX}${input.key}`;
  const id = await stableId("rfd", payment.createdAt, `${payment.id}\n${key}`);
  const existing = await db.select().from(refunds).where(eq(refunds.id, id)).get();
  if (existing?.status === "succeeded") return present(existing, payment, await refundableOf(db, payment));
  const refundable = (await refundableOf(db, payment)) + (existing?.status === "pending" ? existing.amount : 0);
  const amount = existing?.status === "pending" ? existing.amount : requestedAmount(input, payment, refundable);
  const row = await claim(db, payment, id, key, amount, input.reason);
  if (!row) {
    if (existing)
      throw new ApiError("conflict", "This refund is being made right now. Look at the payment again in a minute.");
    throw tooMuch(money(await refundableOf(db, payment), payment.currency as Currency));
  }
  let providerRefundRef: string;
  try {
    providerRefundRef = (await sendRefund(env, payment, row)).providerRefundRef;
  } catch (err) {
    await db.delete(refunds).where(and(eq(refunds.id, id), eq(refunds.status, "pending")));
    logEvent("error", "manual_refund_failed", {
      paymentId: payment.id,
      error: err instanceof Error ? err.message : String(err),
    });
    if (err instanceof ApiError) throw err;
    throw new ApiError(
      "service_unavailable",
      "The payment gateway did not accept the refund. Nothing was refunded; try again with the same Idempotency-Key.",
    );
  }
  const stillPending = sql`EXISTS (SELECT 1 FROM ${refunds} WHERE ${refunds.id} = ${id} AND ${refunds.status} = 'pending')`;
  const orderWrites = await orderRefundWrites(db, payment.id, row, input, stillPending);
  const now = nowMs();
  const [first, ...rest] = [
    db
      .update(payments)
      .set({
        refundedAmount: sql`${payments.refundedAmount} + ${row.amount}`,
        status: sql`CASE WHEN ${payments.refundedAmount} + ${row.amount} >= ${payments.amount} THEN 'refunded' ELSE 'partially_refunded' END`,
        updatedAt: now,
      })
      .where(and(eq(payments.id, payment.id), stillPending)),
    ...commit({ id, amount: money(row.amount, row.currency as Currency) }),
    ...orderWrites,
    db.update(refunds).set({ status: "succeeded", providerRefundRef, updatedAt: now }).where(eq(refunds.id, id)),
  ];
  await db.batch([first, ...rest]);
  const done = (await db.select().from(refunds).where(eq(refunds.id, id)).get()) ?? row;
  return present(done, payment, await refundableOf(db, payment));
}
