import { and, eq, isNull } from "drizzle-orm";
import { payments } from "../../d1/schema/payments";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { paymentInstructions } from "./gateways/instructions";
import type { CreatePaymentInput, CreatePaymentResult, PaymentGateway } from "./gateways/types";
import { PAYMENT_START_TIMEOUT_MS } from "./open-payments";
import type { PaymentRow } from "./present";
import { gatewayProblem } from "./service";
import { failTopupOf } from "./topup-settlement";

/**
 * A top-up's gateway call, crash-safe. The payment id (derived from the request's key) is the
 * gateway's order/reference id and idempotency key, so a retry names the same payment. The
 * row's updatedAt moves past its createdAt just before the call: a retry that finds it moved
 * knows a call was made whose answer may have been lost, and first asks a gateway that refuses a
 * duplicate order id (Midtrans) for the charge it made (resumePayment); only a gateway that never
 * made it is asked to create it. A call younger than the start timeout may still be answering:
 * the retry waits for it instead (409). A gateway that refuses fails the payment and the top-up.
 */
export async function callTopupGateway(
  env: Env,
  gateway: PaymentGateway,
  payment: PaymentRow,
  input: CreatePaymentInput,
): Promise<PaymentRow> {
  const db = database(env);
  const called = payment.updatedAt !== payment.createdAt;
  if (called && nowMs() - payment.updatedAt < PAYMENT_START_TIMEOUT_MS)
    throw new ApiError("conflict", "This top-up is being started right now. Try again in a moment.");
  await db
    .update(payments)
    .set({ updatedAt: Math.max(nowMs(), payment.createdAt + 1) })
    .where(eq(payments.id, payment.id));
  try {
    const created = await resumeOrCreate(gateway, input, called);
    const nextAction = {
      ...created.nextAction,
      instructions: paymentInstructions(created.nextAction, input.locale, input.amount),
    };
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
    if (failed) await failTopupOf(env, failed);
    throw gatewayProblem(payment.gateway, err);
  }
}

async function resumeOrCreate(
  gateway: PaymentGateway,
  input: CreatePaymentInput,
  called: boolean,
): Promise<CreatePaymentResult> {
  const resumed = called && gateway.resumePayment ? await gateway.resumePayment(input) : null;
  return resumed ?? gateway.createPayment(input);
}
