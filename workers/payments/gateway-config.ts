import { readConfig } from "../platform/config";
import { ApiError } from "../platform/errors";
import { type Currency, money } from "../platform/money";
import {
  type GatewayName,
  gatewayFor,
  type PaymentGateway,
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
    return gatewayFor(name as GatewayName, env, fetchFn);
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
