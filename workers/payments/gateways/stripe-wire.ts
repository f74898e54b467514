import { z } from "zod";
import { CURRENCIES, type Currency, type Money, money } from "../../platform/money";
import type { WebhookEvent, WebhookOutcome } from "./types";
import { currencyOf, fromMinor } from "./util";

// The shapes of Stripe's answers this gateway reads, and the amounts in Stripe's units.

/**
 * Decimal places Stripe expects per currency (its "minor unit"): VND is one of Stripe's
 * zero-decimal currencies; IDR is NOT (two decimals, like ISO 4217). Our Money uses ISO 4217
 * exponents, so today every factor below is 1, but the conversion stays explicit.
 */
const STRIPE_DECIMALS: Record<Currency, number> = { THB: 2, SGD: 2, IDR: 2, MYR: 2, PHP: 2, USD: 2, VND: 0 };

export function toStripeAmount(m: Money): number {
  const diff = STRIPE_DECIMALS[m.currency] - CURRENCIES[m.currency].exponent;
  if (diff >= 0) return m.amount * 10 ** diff;
  const factor = 10 ** -diff;
  if (m.amount % factor !== 0) throw new Error(`${m.currency} ${m.amount} cannot be expressed in Stripe's unit`);
  return m.amount / factor;
}

export function fromStripeAmount(value: unknown, currencyCode: unknown): Money | undefined {
  const currency = currencyOf(currencyCode);
  if (!currency) return undefined;
  const units = fromMinor(value, currency);
  if (!units) return undefined;
  const diff = STRIPE_DECIMALS[currency] - CURRENCIES[currency].exponent;
  if (diff === 0) return units;
  if (diff < 0) return money(units.amount * 10 ** -diff, currency);
  const factor = 10 ** diff;
  return units.amount % factor === 0 ? money(units.amount / factor, currency) : undefined;
}

/** A PaymentIntent as Stripe answers it (create, retrieve, cancel, search results). */
export const PaymentIntentSchema = z.object({
  id: z.string().startsWith("pi_"),
  object: z.literal("payment_intent"),
  status: z.enum([
    "requires_payment_method",
    "requires_confirmation",
    "requires_action",
    "processing",
    "requires_capture",
    "canceled",
    "succeeded",
  ]),
  amount: z.number().int().nonnegative(),
  amount_received: z.number().int().nonnegative().optional(),
  currency: z.string().length(3),
  metadata: z.record(z.string(), z.string()).optional(),
  cancellation_reason: z.string().nullable().optional(),
  client_secret: z.string().nullable().optional(),
  next_action: z.unknown().optional(),
  /** Why the last confirmation failed (a regional method refused at once). */
  last_payment_error: z.unknown().optional(),
});
export type PaymentIntent = z.infer<typeof PaymentIntentSchema>;

/** GET /v1/payment_intents/search. */
export const SearchAnswerSchema = z.object({ data: z.array(PaymentIntentSchema) });

/** POST /v1/refunds. */
export const RefundAnswerSchema = z.object({
  id: z.string().startsWith("re_"),
  status: z.string().nullable().optional(),
  failure_reason: z.string().nullable().optional(),
});

/**
 * A PaymentIntent's state as the event its webhook would carry (payment_intent.succeeded,
 * .canceled, .processing ...), under an id of its own: Stripe's event ids are not in the intent.
 */
export function intentEvent(intent: PaymentIntent, paymentId: string): WebhookEvent | undefined {
  let outcome: WebhookOutcome = "pending";
  let amount = fromStripeAmount(intent.amount, intent.currency);
  if (intent.status === "succeeded") {
    outcome = "succeeded";
    amount = fromStripeAmount(intent.amount_received ?? intent.amount, intent.currency);
  } else if (intent.status === "canceled") {
    const reason = intent.cancellation_reason;
    outcome = reason === "automatic" || reason === "abandoned" ? "expired" : "failed";
  }
  if (!amount) return undefined;
  return {
    eventId: `status:${intent.id}:${intent.status}`,
    paymentId,
    outcome,
    amount,
    providerRef: intent.id,
    raw: intent,
  };
}
