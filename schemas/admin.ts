import { z } from "@hono/zod-openapi";
import { GatewaySchema, PaymentSchema } from "./payments";
import { MoneySchema } from "./platform";

/** A payment as operators see it: the payer and what may still be refunded. */
export const AdminPaymentSchema = PaymentSchema.extend({
  customerId: z.string().nullable(),
  refundable: MoneySchema.openapi({ description: "What was paid less what was refunded (or is being refunded)" }),
}).openapi("AdminPayment");

export const PAYMENT_STATUS_FILTER = [
  "pending",
  "succeeded",
  "failed",
  "expired",
  "refunded",
  "partially_refunded",
  "superseded",
] as const;

export const AdminPaymentQuerySchema = z.object({
  status: z
    .enum(PAYMENT_STATUS_FILTER)
    .optional()
    .openapi({ param: { name: "status", in: "query" } }),
  gateway: GatewaySchema.optional().openapi({ param: { name: "gateway", in: "query" } }),
  orderId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .openapi({ param: { name: "orderId", in: "query" } }),
});

export const AdminRefundInputSchema = z
  .object({
    amount: MoneySchema.optional().openapi({
      description: "Part of the payment; all that is refundable when left out",
    }),
    reason: z.string().trim().min(1).max(500).openapi({ example: "Goods never arrived; seller agreed" }),
  })
  .strict()
  .openapi("AdminRefundInput");

export const RefundSchema = z
  .object({
    id: z.string(),
    paymentId: z.string(),
    amount: MoneySchema,
    status: z.enum(["pending", "succeeded", "failed"]),
    reason: z.string().nullable(),
    gateway: GatewaySchema,
    refundable: MoneySchema.openapi({ description: "What remains refundable on the payment after this refund" }),
    createdAt: z.string().datetime(),
  })
  .openapi("Refund");
