import type { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { payments } from "../../d1/schema/payments";
import type { CreateTopupSchema, TopupSchema } from "../../schemas/payments";
import type { AppEnv } from "../app-env";
import { currentAuth } from "../middleware/auth";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { keyClaimOf } from "../platform/idempotency";
import { requestLocale } from "../platform/locale";
import { CURRENCIES } from "../platform/money";
import { drainSoon } from "../platform/outbox";
import { rpcTrace } from "../platform/request-context";
import { presentTransaction, walletStub } from "../wallet";
import { paymentGateway } from "./gateway-config";
import { type PaymentRow, presentPayment } from "./present";
import { callTopupGateway } from "./topup-gateway";
import { topupIdsOf } from "./wallet-ids";
import { topupKeyReusedError, topupLimitError } from "./wallet-problems";

type CreateTopup = z.infer<typeof CreateTopupSchema>;

/*
 * POST /wallet/topups lives in the payments domain: a top-up is a payment through a gateway, and
 * payments may use the wallet while the wallet may not use payments (scripts/domains.cjs), so
 * the wallet only keeps the transaction (workers/wallet/object/topups.ts).
 */

/**
 * Starts a top-up: the wallet opens its `topup` transaction pending (refusing up front an amount
 * that would pass its balance limit), then the payment is recorded and sent to the gateway. Both
 * ids come from the caller's Idempotency-Key, so a retry after a crash at any step resumes the
 * same transaction and payment. The wallet is credited once, when the payment succeeds
 * (topupPaid), whichever way that is learnt.
 */
export async function startTopup(c: Context<AppEnv>, body: CreateTopup): Promise<z.infer<typeof TopupSchema>> {
  const { userId } = currentAuth(c);
  const claim = keyClaimOf(c);
  if (!claim) throw new Error("startTopup runs behind the idempotent middleware");
  const { currency } = body.amount;
  const { step } = CURRENCIES[currency];
  if (body.amount.amount % step !== 0) {
    throw new ApiError("validation_failed", `${currency} amounts are whole multiples of ${step} minor units.`, {
      errors: [{ path: "amount.amount", message: `Not a multiple of ${step}` }],
    });
  }
  const gateway = paymentGateway(c.env, body.gateway);
  if (!gateway.supports(body.method, currency)) {
    throw new ApiError(
      "validation_failed",
      `${body.gateway} cannot take ${body.method} payments in ${currency}. Choose another method or gateway.`,
      { errors: [{ path: "method", message: `Not supported by ${body.gateway} for ${currency}` }] },
    );
  }
  const ids = await topupIdsOf(userId, claim.key);
  const stub = walletStub(c.env, userId);
  const opened = await stub.openTopup({ ...ids, currency, amount: body.amount.amount }, rpcTrace());
  if (!opened.ok) throw opened.reason === "key_reused" ? topupKeyReusedError() : topupLimitError(opened);
  const db = database(c.env);
  let payment = await recordTopupPayment(db, userId, ids, body);
  if (payment.gateway !== body.gateway || payment.method !== body.method) throw topupKeyReusedError();
  if (!payment.nextAction && payment.status === "pending") {
    payment = await callTopupGateway(c.env, paymentGateway(c.env, payment.gateway), payment, {
      paymentId: payment.id,
      amount: body.amount,
      method: payment.method,
      description: "Tchat wallet top-up",
      returnUrl: body.returnUrl ?? `${c.get("config").appBaseUrl}/wallet`,
      locale: requestLocale(c),
      expiresAt: new Date(payment.createdAt + c.get("config").orders.reservationSeconds * 1000),
    });
  }
  drainSoon(c.executionCtx, c.env, c.get("config"));
  const transaction = (await stub.transaction(ids.transactionId)) ?? opened.transaction;
  return { transaction: presentTransaction(transaction, null), payment: presentPayment(payment) };
}

/** The top-up's payment row, written once (a retry finds it). */
async function recordTopupPayment(
  db: Database,
  userId: string,
  ids: { transactionId: string; paymentId: string },
  body: CreateTopup,
): Promise<PaymentRow> {
  const now = nowMs();
  await db
    .insert(payments)
    .values({
      id: ids.paymentId,
      orderIds: [],
      customerId: userId,
      gateway: body.gateway,
      method: body.method,
      amount: body.amount.amount,
      currency: body.amount.currency,
      status: "pending",
      walletTransactionId: ids.transactionId,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  const row = await db.select().from(payments).where(eq(payments.id, ids.paymentId)).get();
  if (!row) throw new Error(`top-up payment ${ids.paymentId} was not recorded`);
  return row;
}
