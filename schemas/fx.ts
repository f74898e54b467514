import { z } from "@hono/zod-openapi";
import { CurrencySchema, MoneySchema } from "./platform";
import { TransactionSchema } from "./wallet";

/*
 * FX quotes and wallet conversions (CONTRACT.md "Wallet, transfers and FX"): the wire shapes.
 * Rates are exact decimal strings (units of the target currency per one unit of the source, in
 * major units), never floats; amounts are Money. Policy: docs/fx.md.
 */

const RateSchema = z.string().openapi({ example: "0.031811", description: "Decimal string, up to 12 places" });

export const CreateQuoteSchema = z
  .strictObject({
    from: MoneySchema.refine((m) => m.amount > 0, { message: "amount must be more than 0", path: ["amount"] }).openapi({
      description: "What leaves the wallet, the fee included",
    }),
    to: CurrencySchema,
  })
  .openapi("CreateFxQuote");

export const QuoteSchema = z
  .object({
    id: z.string().openapi({ example: "fxq_01JD3Q8W5R0000000000000000" }),
    from: MoneySchema.openapi({ description: "What leaves the wallet: the converted amount plus the fee, exactly" }),
    to: MoneySchema.openapi({ description: "What arrives: (from - fee) at rate, rounded down to the currency's step" }),
    rate: RateSchema.openapi({ description: "The customer's rate: midRate less spreadBps, rounded down" }),
    midRate: RateSchema.openapi({ description: "The market mid rate the quote started from" }),
    spreadBps: z.number().int().openapi({ example: 50 }),
    fee: MoneySchema.openapi({ description: "Part of from, in its currency" }),
    expiresAt: z.string().datetime(),
  })
  .openapi("FxQuote");

export const CreateConversionSchema = z
  .strictObject({
    quoteId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, "Use the quote id exactly as POST /api/v1/fx/quotes returned it")
      .openapi({ example: "fxq_01JD3Q8W5R0000000000000000" }),
  })
  .openapi("CreateConversion");

export const ConversionSchema = z
  .object({
    debit: TransactionSchema.openapi({ description: "conversion_out: the quote's from (fee included)" }),
    credit: TransactionSchema.openapi({ description: "conversion_in: the quote's to" }),
  })
  .openapi("Conversion");
