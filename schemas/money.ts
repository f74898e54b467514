import { z } from "@hono/zod-openapi";

export const CURRENCY_CODES = ["THB", "SGD", "IDR", "MYR", "PHP", "VND", "USD"] as const;
export const CurrencySchema = z.enum(CURRENCY_CODES).openapi("Currency", {
  description: "ISO 4217 code. VND has 0 decimals; the others 2.",
});

/** Money on the wire: an integer amount in the currency's ISO 4217 minor unit. Never floats. */
export const MoneySchema = z
  .object({
    amount: z.number().int().safe().openapi({
      description: "Integer amount in the currency's minor unit (satang, sen, cents; whole dong)",
      example: 129900,
    }),
    currency: CurrencySchema,
  })
  .openapi("Money");
