import { and, eq } from "drizzle-orm";
import { paymentEventRefusals, paymentEvents, payments } from "../../d1/schema/payments";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { logEvent } from "../platform/log";
import { type Currency, money } from "../platform/money";
import { paymentGateway, sandboxLedger, sandboxWebhookRequest } from "./gateway-config";
import type { GatewayName, WebhookEvent, WebhookRequest } from "./gateways/types";
import type { PaymentRow } from "./present";
import { applyOutcome } from "./settlement";

export interface WebhookResult {
  applied: boolean;
  duplicate: boolean;
}

/**
 * One gateway callback: verified the gateway's own way before anything is read (401 otherwise,
 * nothing changes), then applied as `applyGatewayEvent` says.
 */
export async function receiveWebhook(
  env: Env,
  gatewayName: GatewayName,
  request: WebhookRequest,
): Promise<WebhookResult> {
  const gateway = paymentGateway(env, gatewayName);
  const verification = await gateway.verifyWebhook(request);
  if (!verification.ok) {
    if (!verification.authentic) {
      logEvent("warn", "webhook_rejected", { gateway: gatewayName, reason: verification.reason });
      throw new ApiError("unauthorized", "The webhook signature is missing or wrong.");
    }
    return { applied: false, duplicate: false };
  }
  return applyGatewayEvent(env, gatewayName, verification.event);
}

/**
 * A genuine event of `gatewayName` (a verified webhook, or the gateway's answer to a status
 * lookup): refused (422, logged and kept for review, nothing changes) when it names no payment, a
 * payment of another gateway, or another amount; else recorded once by (gateway, event id), so a
 * replayed event changes nothing twice. Only accepted events are recorded under their id: a
 * refused one does not stand in the way of a valid retry of the same event.
 */
export async function applyGatewayEvent(
  env: Env,
  gatewayName: GatewayName | "wallet",
  event: WebhookEvent,
): Promise<WebhookResult> {
  const db = database(env);
  const payment = await db.select().from(payments).where(eq(payments.id, event.paymentId)).get();
  const refusal = refusalOf(gatewayName, payment, event);
  if (refusal !== null || !payment) {
    const reason = refusal ?? "unknown payment";
    await db.insert(paymentEventRefusals).values({
      gateway: gatewayName,
      eventId: event.eventId,
      paymentId: event.paymentId,
      outcome: event.outcome,
      amount: event.amount?.amount ?? null,
      currency: event.amount?.currency ?? null,
      reason,
      receivedAt: nowMs(),
    });
    logEvent("error", "webhook_refused", {
      gateway: gatewayName,
      eventId: event.eventId,
      paymentId: event.paymentId,
      reason,
    });
    throw refused(reason);
  }
  const recorded = await db
    .insert(paymentEvents)
    .values({
      gateway: gatewayName,
      eventId: event.eventId,
      paymentId: event.paymentId,
      outcome: event.outcome,
      amount: event.amount?.amount ?? null,
      currency: event.amount?.currency ?? null,
      receivedAt: nowMs(),
    })
    .onConflictDoNothing()
    .returning({ eventId: paymentEvents.eventId });
  if (recorded.length === 0) {
    const earlier = await db
      .select()
      .from(paymentEvents)
      .where(and(eq(paymentEvents.gateway, gatewayName), eq(paymentEvents.eventId, event.eventId)))
      .get();
    // Recorded but not finished (the earlier delivery died midway): apply again; every step is idempotent.
    if (!earlier?.appliedAt) {
      await applyOutcome(env, payment, event);
      await markApplied(env, gatewayName, event.eventId);
      return { applied: true, duplicate: true };
    }
    return { applied: false, duplicate: true };
  }
  await applyOutcome(env, payment, event);
  await markApplied(env, gatewayName, event.eventId);
  return { applied: true, duplicate: false };
}

async function markApplied(env: Env, gateway: GatewayName | "wallet", eventId: string): Promise<void> {
  await database(env)
    .update(paymentEvents)
    .set({ appliedAt: nowMs() })
    .where(and(eq(paymentEvents.gateway, gateway), eq(paymentEvents.eventId, eventId)));
}

function refused(reason: string): ApiError {
  return new ApiError("validation_failed", `The event was refused: ${reason}. It has been logged for review.`, {
    errors: [{ path: "amount", message: reason }],
  });
}

/**
 * Why an event may not touch this payment, or null. A gateway settles only its own payments: a
 * correctly signed notification of one gateway naming another's payment id changes nothing.
 */
function refusalOf(
  gateway: GatewayName | "wallet",
  payment: PaymentRow | undefined,
  event: WebhookEvent,
): string | null {
  if (!payment) return "unknown payment";
  if (payment.gateway !== gateway) return `payment ${payment.id} is not a ${gateway} payment`;
  if (!event.amount || event.outcome !== "succeeded") return null;
  if (event.amount.currency !== payment.currency)
    return `currency ${event.amount.currency} differs from the payment's ${payment.currency}`;
  if (event.amount.amount !== payment.amount)
    return `amount ${event.amount.amount} differs from the payment's ${payment.amount}`;
  return null;
}

/**
 * Sandbox only: the payer pays or fails a sandbox payment at the sandbox "gateway" (its ledger),
 * which then sends a signed callback through the same path as a real gateway's, unless the
 * webhook is to be lost (then only a status lookup finds it). A payment the sandbox cancelled (it
 * was superseded, or its orders ended) can no longer be paid. Answers the payment as it is afterwards.
 */
export async function simulateSandboxPayment(
  env: Env,
  payment: PaymentRow,
  outcome: "succeeded" | "failed",
  webhook: "deliver" | "lose" = "deliver",
): Promise<PaymentRow> {
  if (payment.gateway !== "sandbox")
    throw new ApiError("conflict", "Only sandbox payments can be simulated; this one is handled by its gateway.");
  const standing = await sandboxLedger(env).settle({
    paymentId: payment.id,
    outcome,
    amount: money(payment.amount, payment.currency as Currency),
  });
  if (standing.outcome === "cancelled") {
    throw new ApiError(
      "conflict",
      "This payment was cancelled at the gateway (a newer payment request replaced it, or its orders ended). Pay the open payment instead.",
    );
  }
  if (webhook === "deliver") {
    await receiveWebhook(env, "sandbox", await sandboxWebhookRequest(env, payment, standing.outcome));
  }
  return (await database(env).select().from(payments).where(eq(payments.id, payment.id)).get()) ?? payment;
}
