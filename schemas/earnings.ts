import { z } from "@hono/zod-openapi";
import { MoneySchema } from "./platform";
import { BankAccountSchema, PositiveMoneySchema } from "./wallet";

/** GET /api/v1/shops/:id/balance. */
export const ShopBalanceSchema = z
  .object({
    currency: z.string().openapi({ example: "THB" }),
    pending: MoneySchema.openapi({ description: "Paid orders not completed yet, less commission and refunds" }),
    available: MoneySchema.openapi({ description: "What may be paid out now (negative after a late refund)" }),
    paidOut: MoneySchema.openapi({ description: "Payouts confirmed by the bank or credited to the wallet" }),
  })
  .openapi("ShopBalance");

export const CreatePayoutSchema = z
  .object({
    amount: PositiveMoneySchema,
    destination: z.union([z.literal("wallet"), BankAccountSchema]).openapi({
      description:
        '"wallet" (the owner\'s wallet, paid at once) or a bank account (paid through the disbursement provider)',
    }),
  })
  .strict()
  .openapi("CreatePayout");

export const PAYOUT_STATUS = ["pending", "paid", "failed"] as const;

export const PayoutSchema = z
  .object({
    id: z.string().openapi({ example: "pyo_3f9a0c1d2e4b5a6978c0d1e2f3" }),
    amount: MoneySchema,
    destination: z.union([
      z.literal("wallet"),
      z.object({
        bankCode: z.string(),
        accountNumber: z.string().openapi({ description: "Masked: only the last 4 digits", example: "••••7890" }),
        accountName: z.string(),
      }),
    ]),
    status: z.enum(PAYOUT_STATUS),
    failureCode: z.string().optional(),
    createdAt: z.string().datetime(),
    completedAt: z.string().datetime().optional(),
  })
  .openapi("Payout");

const dateParam = (name: string, description: string) =>
  z
    .string()
    .max(40)
    .optional()
    .openapi({ param: { name, in: "query" }, description, example: "2026-12-01" });

/** ?from&to of statements and reports: dates (YYYY-MM-DD, whole UTC days) or ISO date-times. */
export const PeriodQuerySchema = z.object({
  from: dateParam("from", "Start (inclusive). Default: 30 days before `to`."),
  to: dateParam("to", "End: a date is included whole; a date-time is exclusive. Default: now."),
});

export const GRANULARITIES = ["day", "week", "month"] as const;

export const SalesReportQuerySchema = PeriodQuerySchema.extend({
  granularity: z
    .string()
    .max(16)
    .optional()
    .openapi({
      param: { name: "granularity", in: "query" },
      description: "day (default), week (from Monday) or month",
    }),
});

export const STATEMENT_ENTRY_TYPES = ["sale", "release", "refund", "payout", "payout_returned"] as const;

export const StatementEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().datetime(),
    type: z.enum(STATEMENT_ENTRY_TYPES).openapi({
      description:
        "sale: a paid order's total less commission (pending); release: an order completed (pending → available); refund: money given back to a buyer; payout: paid out; payout_returned: a failed payout's money back",
    }),
    orderId: z.string().nullable(),
    payoutId: z.string().nullable(),
    amount: MoneySchema.openapi({ description: "What the entry moved (signed)" }),
    pending: MoneySchema.openapi({ description: "Pending after the entry" }),
    available: MoneySchema.openapi({ description: "Available after the entry" }),
    balance: MoneySchema.openapi({ description: "Pending + available after the entry" }),
  })
  .openapi("StatementEntry");

export const StatementSchema = z
  .object({
    currency: z.string(),
    from: z.string().datetime(),
    to: z.string().datetime(),
    opening: z.object({ pending: MoneySchema, available: MoneySchema, balance: MoneySchema }),
    closing: z.object({ pending: MoneySchema, available: MoneySchema, balance: MoneySchema }),
    entries: z.array(StatementEntrySchema),
  })
  .openapi("Statement");

export const SalesReportSchema = z
  .object({
    currency: z.string(),
    series: z.array(
      z.object({
        period: z
          .string()
          .openapi({ example: "2026-12-01", description: "day: YYYY-MM-DD; week: its Monday; month: YYYY-MM" }),
        orders: z.number().int(),
        units: z.number().int(),
        revenue: MoneySchema.openapi({ description: "Totals of the orders paid in the period" }),
        refunds: MoneySchema.openapi({ description: "Money given back to buyers in the period" }),
      }),
    ),
    topProducts: z.array(
      z.object({
        productId: z.string(),
        name: z.string(),
        units: z.number().int(),
        revenue: MoneySchema.openapi({
          description:
            "Its lines' totals in the orders paid in the period, net of refunded returns of those lines (what returns gave back is taken off)",
        }),
      }),
    ),
  })
  .openapi("SalesReport");
