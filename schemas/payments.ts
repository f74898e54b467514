import { z } from "@hono/zod-openapi";
import { MoneySchema } from "./platform";

export const GatewaySchema = z.enum(["sandbox", "stripe", "midtrans", "xendit", "omise"]).openapi("Gateway", {
  description: "sandbox: development and tests only (PAYMENTS_SANDBOX); a production deployment refuses it with 422",
});

export const CreatePaymentSchema = z
  .object({
    orderIds: z.array(z.string().min(1).max(64)).min(1).max(20),
    gateway: GatewaySchema,
    method: z.string().trim().min(2).max(40).openapi({ example: "qris" }),
    paymentToken: z
      .string()
      .trim()
      .max(200)
      .optional()
      .openapi({ description: "Card token from the gateway's SDK (Stripe pm_..., Omise tokn_...)" }),
    returnUrl: z.string().url().max(2048).optional(),
  })
  .strict()
  .openapi("CreatePayment");

export const NextActionSchema = z
  .object({
    type: z.enum(["redirect", "virtual_account", "qr", "deeplink", "none"]),
    instructions: z.string().optional(),
  })
  .catchall(z.unknown())
  .openapi("NextAction");

export const PaymentSchema = z
  .object({
    id: z.string(),
    orderIds: z.array(z.string()),
    amount: MoneySchema,
    status: z
      .enum(["pending", "succeeded", "failed", "expired", "refunded", "partially_refunded", "superseded"])
      .openapi({
        description: "superseded: replaced by a newer payment request for the same orders before it was paid",
      }),
    gateway: GatewaySchema,
    method: z.string(),
    nextAction: NextActionSchema.nullable(),
    failureReason: z.string().optional(),
    refunded: MoneySchema.optional(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi("Payment");

export const SimulatePaymentSchema = z
  .object({
    outcome: z.enum(["success", "failure"]),
    webhook: z.enum(["deliver", "lose"]).default("deliver").openapi({
      description:
        "lose: the sandbox records the outcome but its webhook never arrives, as when a real gateway's callback is lost; the status check finds it",
    }),
  })
  .strict()
  .openapi("SimulatePayment");

export const WebhookAckSchema = z
  .object({ received: z.literal(true), duplicate: z.boolean().optional(), applied: z.boolean().optional() })
  .openapi("WebhookAck");
