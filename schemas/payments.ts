import { z } from "@hono/zod-openapi";
import { CurrencySchema, MoneySchema } from "./platform";
import { TransactionSchema } from "./wallet";

export const GatewaySchema = z
  .enum(["sandbox", "stripe", "midtrans", "xendit", "omise", "wallet", "cod"])
  .openapi("Gateway", {
    description:
      "sandbox: development and tests only (PAYMENTS_SANDBOX); a production deployment refuses it with 422. wallet: the signed-in payer's Tchat wallet in the orders' currency (method `wallet`), paid at once. cod: cash on delivery (method `cod`) where the destination country and a courier service allow it and the total is within COD_MAX_AMOUNT (422 cod_not_allowed otherwise); the payment stays pending and the orders ship unpaid until the courier collects",
  });

export const CreatePaymentSchema = z
  .object({
    orderIds: z.array(z.string().min(1).max(64)).min(1).max(20),
    gateway: GatewaySchema,
    method: z.string().trim().min(2).max(40).optional().openapi({
      description:
        "How the payer pays at the gateway (qris, promptpay, card...); for wallet and cod it is the gateway's name and may be left out",
      example: "qris",
    }),
    paymentToken: z
      .string()
      .trim()
      .max(200)
      .optional()
      .openapi({ description: "Card token from the gateway's SDK (Stripe pm_..., Omise tokn_...)" }),
    returnUrl: z.string().url().max(2048).optional(),
    bank: z.string().trim().min(2).max(40).optional().openapi({
      description:
        "FPX only (required there): the payer's bank, one of the `banks` codes GET /payments/options lists for fpx",
      example: "maybank2u",
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.method === undefined && body.gateway !== "wallet" && body.gateway !== "cod") {
      ctx.addIssue({ code: "custom", path: ["method"], message: `Name the ${body.gateway} payment method` });
    }
  })
  .openapi("CreatePayment");

/** POST /payments' body with its method resolved (wallet and cod are named after their gateway). */
export type PaymentBody = z.infer<typeof CreatePaymentSchema> & { method: string };

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

export const PAYMENT_OPTION_KINDS = ["card", "qr", "virtual_account", "ewallet", "online_banking", "cash"] as const;

export const PaymentBankSchema = z
  .object({
    code: z.string().openapi({ description: "The value of `bank` for POST /payments", example: "maybank2u" }),
    name: z.string().openapi({ example: "Maybank2u" }),
    business: z.boolean().optional().openapi({ description: "Business (company account) online banking only" }),
  })
  .openapi("PaymentBank");

export const PaymentOptionsQuerySchema = z
  .object({
    currency: CurrencySchema.optional().openapi({
      param: { name: "currency", in: "query" },
      description: "The currency to pay in (ISO 4217, upper case)",
    }),
    orderIds: z
      .string()
      .max(20 * 65)
      .optional()
      .transform((v) => (v === undefined ? undefined : [...new Set(v.split(",").map((id) => id.trim()))]))
      .pipe(z.array(z.string().min(1).max(64)).min(1).max(20).optional())
      .openapi({
        param: { name: "orderIds", in: "query" },
        type: "string",
        description:
          "Comma-separated ids of the caller's unpaid orders (as for POST /payments): their currency is used",
        example: "ord_01JD3Q5W8T2M4V6X8Z0B2D4F6H",
      }),
  })
  .refine((v) => (v.currency === undefined) !== (v.orderIds === undefined), {
    message: "Send either currency or orderIds",
    path: ["currency"],
  });

export const PaymentOptionSchema = z
  .object({
    gateway: GatewaySchema,
    method: z.string().openapi({ description: "The value of `method` for POST /payments", example: "promptpay" }),
    label: z.string().optional().openapi({
      description:
        "The method's brand name (PromptPay, QRIS, GCash...); absent for cards, which clients name by `kind`",
    }),
    kind: z.enum(PAYMENT_OPTION_KINDS).openapi({
      description:
        "How the payer pays: card (card details or a gateway SDK token), qr (scan a code), virtual_account (bank transfer to an account number), ewallet (the wallet's app or page), online_banking (the payer's bank's own page, e.g. FPX), cash (cash on delivery: gateway cod, listed for orders that may be paid so)",
    }),
    banks: z.array(PaymentBankSchema).optional().openapi({
      description: "The banks to choose from, sent as `bank` with POST /payments (FPX)",
    }),
    sandbox: z.boolean().openapi({ description: "The sandbox gateway: development and tests only, never real money" }),
    available: MoneySchema.optional().openapi({
      description:
        "The wallet option only: what the caller's wallet has available in this currency now (the option is listed even when it is short, so a client can offer a top-up)",
    }),
  })
  .openapi("PaymentOption");

export const PaymentOptionsSchema = z
  .object({ currency: CurrencySchema, options: z.array(PaymentOptionSchema) })
  .openapi("PaymentOptions");

// Wallet top-ups (CONTRACT "Wallet, transfers and FX"): a payment through a gateway that credits the
// payer's wallet once it succeeds. The wallet itself cannot top itself up.
export const TopupGatewaySchema = z.enum(["sandbox", "stripe", "midtrans", "xendit", "omise"]).openapi("TopupGateway");

export const CreateTopupSchema = z
  .object({
    amount: MoneySchema.refine((m) => m.amount > 0, { message: "amount must be more than 0", path: ["amount"] }),
    gateway: TopupGatewaySchema,
    method: z.string().trim().min(2).max(40).openapi({ example: "promptpay" }),
    returnUrl: z.string().url().max(2048).optional(),
  })
  .strict()
  .openapi("CreateTopup");

export const TopupSchema = z
  .object({
    transaction: TransactionSchema.openapi({
      description: "The wallet's topup transaction: pending until the payment succeeds, failed if it fails",
    }),
    payment: PaymentSchema,
  })
  .openapi("Topup");
