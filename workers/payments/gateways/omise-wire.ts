import { z } from "zod";
import type { NextAction, WebhookEvent, WebhookOutcome } from "./types";
import { currencyOf, fromMinor } from "./util";

// The shapes of Omise's answers this gateway reads (API version 2019-05-29), checked before use.

/** POST /sources. */
export const SourceAnswerSchema = z.object({ object: z.literal("source"), id: z.string().startsWith("src_") });

/** A charge (POST /charges, GET /charges/{id}, POST /charges/{id}/expire). */
export const ChargeSchema = z.object({
  object: z.literal("charge"),
  id: z.string().startsWith("chrg_"),
  status: z.enum(["pending", "successful", "failed", "expired", "reversed"]),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  failure_code: z.string().nullable().optional(),
  failure_message: z.string().nullable().optional(),
  authorize_uri: z.string().nullable().optional(),
  expires_at: z.string().nullable().optional(),
  source: z
    .object({
      scannable_code: z
        .object({
          raw_data: z.string().nullable().optional(),
          image: z.object({ download_uri: z.string().nullable().optional() }).nullable().optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
});
export type Charge = z.infer<typeof ChargeSchema>;

/** POST /charges/{id}/refunds. */
export const RefundAnswerSchema = z.object({
  object: z.literal("refund"),
  id: z.string().startsWith("rfnd_"),
  status: z.string().nullable().optional(),
  voided: z.boolean().optional(),
});

export const CHARGE_OUTCOMES: Record<string, WebhookOutcome> = {
  successful: "succeeded",
  failed: "failed",
  expired: "expired",
  reversed: "failed",
  pending: "pending",
};

/** A charge's state as the event a charge.* webhook would carry, under an id of its own. */
export function chargeEvent(charge: Charge, paymentId: string, raw: unknown): WebhookEvent | undefined {
  const currency = currencyOf(charge.currency);
  const amount = currency ? fromMinor(charge.amount, currency) : undefined;
  if (!amount) return undefined;
  return {
    eventId: `status:${charge.id}:${charge.status}`,
    paymentId,
    outcome: CHARGE_OUTCOMES[charge.status],
    amount,
    providerRef: charge.id,
    raw,
  };
}

export function nextActionOf(charge: Charge, expiresAt: Date): NextAction {
  const scannable = charge.source?.scannable_code;
  if (scannable) {
    const imageUrl = scannable.image?.download_uri ?? undefined;
    const qrString = scannable.raw_data ?? undefined;
    const chargeExpiry = charge.expires_at ? Date.parse(charge.expires_at) : Number.NaN;
    if (imageUrl || qrString) {
      return {
        type: "qr",
        ...(qrString ? { qrString } : {}),
        ...(imageUrl ? { imageUrl } : {}),
        expiresAt: new Date(Number.isNaN(chargeExpiry) ? expiresAt.getTime() : chargeExpiry).toISOString(),
      };
    }
  }
  const authorizeUri = charge.authorize_uri;
  if (charge.status === "pending" && authorizeUri) return { type: "redirect", url: authorizeUri };
  return { type: "none" };
}
