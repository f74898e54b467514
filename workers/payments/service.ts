import { and, eq, ne, sql } from "drizzle-orm";
import type { Context } from "hono";
import { openPayments, payments } from "../../d1/schema/payments";
import type { PaymentBody } from "../../schemas/payments";
import type { Locale } from "../../schemas/platform";
import type { AppEnv } from "../app-env";
import { type Buyer, buyerOf, contactEmailOf, isBuyerOf, ordersByIds, paymentStatusWrite } from "../orders";
import { batchGuard, isGuardRefusal } from "../platform/batch-guard";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { answerWrites, keyClaimOf, markKeyCompleted, storedAnswerOf } from "../platform/idempotency";
import { requestLocale } from "../platform/locale";
import { type Currency, money, sum } from "../platform/money";
import { drainSoon } from "../platform/outbox";
import { cancelAtGateway } from "./gateway-calls";
import { paymentGateway } from "./gateway-config";
import { paymentInstructions } from "./gateways/instructions";
import { type CreatePaymentResult, GatewayError, MALFORMED_ANSWER } from "./gateways/types";
import { methodInputProblem } from "./method-input";
import { claimPayment, distinctPayments, openPaymentsQuery } from "./open-payments";
import { type Payment, type PaymentRow, presentPayment } from "./present";

type CreatePayment = PaymentBody;

/**
 * Starts paying for orders of one checkout (or several): all must be the caller's, unpaid
 * (pending_payment) and in one currency. One order has one open payment at a time: the same
 * request again gets the open payment back (no second gateway call), another one replaces it
 * (see claimPayment). The payment row exists before the gateway is called, so an early webhook
 * always finds it.
 *
 * Crash safety. The commit point is the pending payment's batch (recordPaymentStart). Killed
 * before it, nothing changed and a retry starts afresh. Killed after it and before the gateway's
 * answer was stored, the payment has no nextAction: a retry waits PAYMENT_START_TIMEOUT_MS for
 * it, then supersedes it and cancels it at its gateway (which may never have seen it) before
 * starting a new one, so the orders are never held by a payment nobody can pay. A payment the
 * gateway took but whose webhook never came is asked about by the cron (checkStalePayments).
 */
export async function startPayment(c: Context<AppEnv>, input: CreatePayment): Promise<Payment> {
  const db = database(c.env);
  const buyer = await buyerOf(c);
  if (!buyer.userId && !buyer.guestTokenHash)
    throw new ApiError("unauthorized", "Sign in, or send the X-Cart-Token you checked out with.");
  const gateway = paymentGateway(c.env, input.gateway);
  const orderIds = [...new Set(input.orderIds)];
  const { rows, currency, open } = await payableOrders(db, buyer, orderIds);
  // The regional rules first: their detail says what the method takes, not only what it does not.
  const methodProblem = methodInputProblem(input.method, currency, input.bank);
  if (methodProblem) throw methodProblem;
  if (!gateway.supports(input.method, currency)) {
    throw new ApiError(
      "validation_failed",
      `${input.gateway} cannot take ${input.method} payments in ${currency}. Choose another method or gateway.`,
      {
        errors: [{ path: "method", message: `Not supported by ${input.gateway} for ${currency}` }],
      },
    );
  }
  const amount = sum(
    rows.map((r) => money(r.total, currency)),
    currency,
  );
  const expiresAt = Math.min(...rows.map((r) => r.reservationExpiresAt));
  if (expiresAt <= nowMs())
    throw new ApiError("conflict", "The stock hold of these orders has run out; they are expiring. Check out again.");

  const claim = await claimPayment(db, { buyer, input, orderIds, amount, open });
  if (claim.kind === "open") return presentPayment(claim.payment);
  for (const replaced of claim.superseded) await cancelAtGateway(c.env, replaced);
  const id = claim.paymentId;

  const locale: Locale = requestLocale(c);
  const email = buyer.userId ? undefined : await contactEmailOf(c.env, rows[0]);
  let created: CreatePaymentResult;
  try {
    created = await gateway.createPayment({
      paymentId: id,
      amount,
      method: input.method,
      customer: email ? { email } : undefined,
      description: `Tchat ${rows.map((r) => r.number).join(", ")}`,
      returnUrl: input.returnUrl ?? `${c.get("config").appBaseUrl}/orders/${orderIds[0]}`,
      locale,
      expiresAt: new Date(expiresAt),
      ...(input.paymentToken ? { paymentToken: input.paymentToken } : {}),
      ...(input.bank ? { bank: input.bank } : {}),
    });
  } catch (err) {
    await recordStartFailure(db, id, orderIds, err);
    throw gatewayProblem(input.gateway, err);
  }
  const nextAction = { ...created.nextAction, instructions: paymentInstructions(created.nextAction, locale, amount) };
  const started = { providerRef: created.providerRef, nextAction, updatedAt: nowMs() };
  const answered = await keepStartWithAnswer(c, claim.payment, started);
  if (answered) {
    drainSoon(c.executionCtx, c.env, c.get("config"));
    return answered;
  }
  const updated = await db
    .update(payments)
    .set(started)
    .where(and(eq(payments.id, id), ne(payments.status, "superseded")))
    .returning()
    .get();
  if (!updated) {
    // Replaced while the gateway was answering (our request was taken for dead): stop it there too.
    const row = await db.select().from(payments).where(eq(payments.id, id)).get();
    if (row) await cancelAtGateway(c.env, { ...row, providerRef: created.providerRef });
    throw new ApiError(
      "conflict",
      "A newer payment request for these orders replaced this one. Use the newer payment.",
    );
  }
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return presentPayment(updated);
}

/**
 * The gateway's answer and the request's 201 under its Idempotency-Key in ONE batch (one D1 write
 * instead of two), while the payment is still pending as claimed: a webhook, a cron or a newer
 * request that moved it first stops the batch, and the caller writes the answer alone as before,
 * from the row as it then is. Undefined when the batch did not commit.
 */
async function keepStartWithAnswer(
  c: Context<AppEnv>,
  claimed: PaymentRow,
  started: Pick<PaymentRow, "providerRef" | "nextAction" | "updatedAt">,
): Promise<Payment | undefined> {
  const key = keyClaimOf(c);
  if (!key) return undefined;
  const db = database(c.env);
  const payment = presentPayment({ ...claimed, ...started });
  const [, keyAnswer] = answerWrites(db, key, await storedAnswerOf(c.json(payment, 201)));
  const stillPending = sql`EXISTS (SELECT 1 FROM ${payments} WHERE ${and(eq(payments.id, claimed.id), eq(payments.status, "pending"))})`;
  try {
    // The key's write matches no row if another attempt took the key over: that one answers.
    await db.batch([
      batchGuard(db, stillPending),
      db.update(payments).set(started).where(eq(payments.id, claimed.id)),
      keyAnswer,
    ]);
  } catch (err) {
    if (isGuardRefusal(err)) return undefined;
    throw err;
  }
  markKeyCompleted(key);
  return payment;
}

/** The gateway did not take the payment: it failed, and no longer holds its orders open. */
export async function recordStartFailure(db: Database, id: string, orderIds: string[], err: unknown): Promise<void> {
  const reason = err instanceof Error ? err.message.slice(0, 300) : String(err);
  await db.batch([
    db
      .update(payments)
      .set({ status: "failed", failureReason: reason, updatedAt: nowMs() })
      .where(and(eq(payments.id, id), eq(payments.status, "pending"))),
    db.delete(openPayments).where(eq(openPayments.paymentId, id)),
    paymentStatusWrite(db, orderIds, "failed", { unpaidOnly: true }),
  ]);
}

/**
 * The orders to pay: all the buyer's, all unpaid (pending_payment), all in one currency (also for
 * the payment options); with the payments holding them open, read in the same batch (one round trip)
 * for claimPayment's first look.
 */
export async function payableOrders(db: Database, buyer: Buyer, orderIds: string[]) {
  const [rows, openRows] = await db.batch([ordersByIds(db, orderIds), openPaymentsQuery(db, orderIds)]);
  const missing = orderIds.filter((id) => !rows.some((r) => r.id === id && isBuyerOf(buyer, r)));
  if (missing.length) {
    throw new ApiError("not_found", "Some of these orders do not exist or are not yours.", {
      errors: missing.map((id) => ({ path: "orderIds", message: `${id}: not found` })),
    });
  }
  const unpayable = rows.filter((r) => r.status !== "pending_payment");
  if (unpayable.length) {
    // The numbers are data; each order's status goes in `errors`, so the sentence stays whole.
    const numbers = unpayable.map((r) => r.number).join(", ");
    throw new ApiError(
      "conflict",
      unpayable.length === 1
        ? `Only unpaid orders can be paid, and order ${numbers} is no longer awaiting payment.`
        : `Only unpaid orders can be paid, and orders ${numbers} are no longer awaiting payment.`,
      { errors: unpayable.map((r) => ({ path: "orderIds", message: `${r.number} is ${r.status}` })) },
    );
  }
  const currencies = new Set(rows.map((r) => r.currency));
  if (currencies.size > 1) throw new ApiError("currency_mismatch", "Pay for orders of one currency at a time.");
  return { rows, currency: rows[0].currency as Currency, open: distinctPayments(openRows) };
}

/**
 * What the buyer is told when the gateway did not take the payment: 503 (the platform's code for
 * an outside service failing) when the gateway is unreachable or answered in a shape its API does
 * not document, 422 when it refused this payment.
 */
export function gatewayProblem(gateway: string, err: unknown): unknown {
  if (err instanceof GatewayError && err.gatewayCode === MALFORMED_ANSWER) {
    return new ApiError(
      "service_unavailable",
      `${gateway} gave an answer we could not read, so this payment was not started. Try again in a moment, or choose another gateway.`,
      { headers: { "Retry-After": "30" } },
    );
  }
  if (err instanceof GatewayError && err.retryable) {
    return new ApiError(
      "service_unavailable",
      `${gateway} is not answering right now. Try again in a moment, or choose another gateway.`,
      {
        headers: { "Retry-After": String(err.retryAfterSeconds ?? 5) },
      },
    );
  }
  if (err instanceof GatewayError) {
    return new ApiError("validation_failed", `${gateway} refused this payment: ${err.message}`, {
      errors: [{ path: "method", message: err.gatewayCode ?? "refused" }],
    });
  }
  return err;
}

/** The payment, for its payer (user or guest token) or an admin. */
export async function paymentFor(c: Context<AppEnv>, paymentId: string) {
  const row = await database(c.env).select().from(payments).where(eq(payments.id, paymentId)).get();
  if (!row) throw new ApiError("not_found", "There is no payment with this id.");
  const auth = c.get("auth");
  if (auth?.roles.includes("admin")) return row;
  const buyer = await buyerOf(c);
  if (isBuyerOf(buyer, row)) return row;
  if (auth) throw new ApiError("forbidden", "This payment is not yours.");
  throw new ApiError("not_found", "There is no payment with this id. Guests: send the X-Cart-Token used at checkout.");
}
