import { eq } from "drizzle-orm";
import { sandboxGatewayPayments } from "../../d1/schema/payments";
import { readConfig } from "../platform/config";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { type Currency, money } from "../platform/money";
import {
  type GatewayName,
  gatewayFor,
  type PaymentGateway,
  type SandboxLedger,
  type SandboxRecord,
  signSandboxEvent,
  type WebhookOutcome,
  type WebhookRequest,
} from "./gateways";
import type { PaymentRow } from "./present";

/**
 * The gateway `name` with this environment's keys, calling out through the Worker's fetch. The
 * sandbox exists only where PAYMENTS_SANDBOX is on (never in production); a gateway without its
 * keys is 422, naming what to configure.
 */
export function paymentGateway(
  env: Env,
  name: string,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): PaymentGateway {
  if (name === "sandbox" && !readConfig(env).paymentsSandbox) {
    throw new ApiError(
      "validation_failed",
      "The sandbox gateway is off here. Choose stripe, midtrans, xendit or omise.",
      {
        errors: [{ path: "gateway", message: "sandbox is disabled" }],
      },
    );
  }
  try {
    return gatewayFor(name as GatewayName, env, fetchFn, { sandboxLedger: sandboxLedger(env) });
  } catch (err) {
    throw new ApiError(
      "validation_failed",
      `The ${name} gateway is not available here: ${err instanceof Error ? err.message : String(err)}`,
      {
        errors: [{ path: "gateway", message: "not configured" }],
      },
    );
  }
}

/** A sandbox callback, signed like a real one, for the simulate endpoint. */
export async function sandboxWebhookRequest(
  env: Env,
  payment: PaymentRow,
  outcome: WebhookOutcome,
): Promise<WebhookRequest> {
  return signSandboxEvent(env.SANDBOX_WEBHOOK_SECRET, {
    paymentId: payment.id,
    outcome,
    amount: money(payment.amount, payment.currency as Currency),
    ...(payment.providerRef ? { providerRef: payment.providerRef } : {}),
  });
}

/**
 * The sandbox gateway's own side in D1 (sandbox_gateway_payments): one row per payment the payer
 * acted on. A paid or cancelled row stands; a failed attempt may be followed by another.
 */
export function sandboxLedger(env: Env): SandboxLedger {
  const db = database(env);
  const read = async (paymentId: string): Promise<SandboxRecord | undefined> => {
    const row = await db
      .select()
      .from(sandboxGatewayPayments)
      .where(eq(sandboxGatewayPayments.paymentId, paymentId))
      .get();
    return row && { paymentId, outcome: row.outcome, amount: money(row.amount, row.currency as Currency) };
  };
  return {
    read,
    async settle(record) {
      const values = {
        paymentId: record.paymentId,
        outcome: record.outcome,
        amount: record.amount.amount,
        currency: record.amount.currency,
        updatedAt: nowMs(),
      };
      // Check and write in one statement: whichever of a payment and a cancellation comes first stands.
      await db
        .insert(sandboxGatewayPayments)
        .values(values)
        .onConflictDoUpdate({
          target: sandboxGatewayPayments.paymentId,
          set: { outcome: values.outcome, updatedAt: values.updatedAt },
          setWhere: eq(sandboxGatewayPayments.outcome, "failed"),
        });
      return (await read(record.paymentId)) ?? record;
    },
  };
}
