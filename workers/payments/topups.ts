import type { z } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
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
import { paymentInstructions } from "./gateways/instructions";
import { PAYMENT_START_TIMEOUT_MS } from "./open-payments";
import { type PaymentRow, presentPayment } from "./present";
import { gatewayProblem } from "./service";
import { failTopupOf } from "./topup-settlement";
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
  if (!payment.nextAction && payment.status === "pending") payment = await sendToGateway(c, payment, body);
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

/**
 * The gateway call, with the payment id as the gateway's reference (and idempotency key where it
 * has one), so a retry's second call names the same payment. A call younger than the start
 * timeout may still be answering: the retry waits for it instead (409). A gateway that refuses
 * fails the payment and the top-up.
 */
async function sendToGateway(c: Context<AppEnv>, payment: PaymentRow, body: CreateTopup): Promise<PaymentRow> {
  const db = database(c.env);
  if (payment.updatedAt !== payment.createdAt && nowMs() - payment.updatedAt < PAYMENT_START_TIMEOUT_MS)
    throw new ApiError("conflict", "This top-up is being started right now. Try again in a moment.");
  await db.update(payments).set({ updatedAt: nowMs() }).where(eq(payments.id, payment.id));
  const locale = requestLocale(c);
  const amount = body.amount;
  try {
    const created = await paymentGateway(c.env, payment.gateway).createPayment({
      paymentId: payment.id,
      amount,
      method: payment.method,
      description: "Tchat wallet top-up",
      returnUrl: body.returnUrl ?? `${c.get("config").appBaseUrl}/wallet`,
      locale,
      expiresAt: new Date(payment.createdAt + c.get("config").orders.reservationSeconds * 1000),
    });
    const nextAction = { ...created.nextAction, instructions: paymentInstructions(created.nextAction, locale, amount) };
    const updated = await db
      .update(payments)
      .set({ providerRef: created.providerRef, nextAction, updatedAt: nowMs() })
      .where(and(eq(payments.id, payment.id), isNull(payments.nextAction)))
      .returning()
      .get();
    return updated ?? (await db.select().from(payments).where(eq(payments.id, payment.id)).get()) ?? payment;
  } catch (err) {
    const failed = await db
      .update(payments)
      .set({
        status: "failed",
        failureReason: err instanceof Error ? err.message.slice(0, 300) : String(err),
        updatedAt: nowMs(),
      })
      .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")))
      .returning()
      .get();
    if (failed) await failTopupOf(c.env, failed);
    throw gatewayProblem(payment.gateway, err);
  }
}
