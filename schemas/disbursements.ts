import { z } from "@hono/zod-openapi";
import { MoneySchema } from "./platform";

/*
 * Disbursements (docs/disbursements.md): money sent from the platform to a bank account. The
 * provider webhooks and the sandbox's simulate route are their only HTTP surface; wallet
 * withdrawals (schemas/wallet.ts) are how a user asks for one.
 */

export const DISBURSEMENT_WEBHOOK_PROVIDERS = ["xendit", "omise", "sandbox"] as const;

export const DisbursementProviderParamSchema = z.object({
  provider: z.enum(DISBURSEMENT_WEBHOOK_PROVIDERS).openapi({ param: { name: "provider", in: "path" } }),
});

export const DisbursementWebhookAckSchema = z
  .object({ received: z.literal(true), applied: z.boolean(), duplicate: z.boolean() })
  .openapi("DisbursementWebhookAck");

export const SimulateDisbursementSchema = z
  .object({ status: z.enum(["succeeded", "failed"]) })
  .strict()
  .openapi("SimulateDisbursement");

export const DisbursementSchema = z
  .object({
    id: z.string(),
    status: z.enum(["pending", "requested", "succeeded", "failed"]),
    provider: z.string(),
    amount: MoneySchema,
    bankCode: z.string(),
    accountNumber: z.string().openapi({ description: "Masked: the last four digits only", example: "••••7890" }),
    failureCode: z.string().optional(),
    createdAt: z.string().datetime(),
    completedAt: z.string().datetime().optional(),
  })
  .openapi("Disbursement");

export const DisbursementParamSchema = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Use the id exactly as the API returned it")
    .openapi({ param: { name: "id", in: "path" }, example: "wdr_3f9a0c1d2e4b5a6978c0d1e2f3" }),
});
