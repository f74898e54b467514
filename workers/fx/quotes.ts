import type { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { fxQuotes } from "../../d1/schema/fx";
import type { CreateQuoteSchema, QuoteSchema } from "../../schemas/fx";
import { readConfig } from "../platform/config";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { CURRENCIES, type Currency, type Money, money, toMajorString } from "../platform/money";
import { midRateOf, priceConversion } from "./quote-math";
import { usableRates } from "./rates";

type Quote = z.infer<typeof QuoteSchema>;

/** A stored quote, as a conversion needs it (amounts in minor units). */
export interface StoredQuote {
  id: string;
  userId: string;
  fromCurrency: Currency;
  fromAmount: number;
  toCurrency: Currency;
  toAmount: number;
  feeAmount: number;
  rate: string;
  expiresAt: number;
}

/** "3.00 THB": an amount as data in a detail. */
function shown(m: Money): string {
  return `${toMajorString(m)} ${m.currency}`;
}

function refuseInput(body: z.infer<typeof CreateQuoteSchema>): void {
  if (body.from.currency === body.to) {
    throw new ApiError("validation_failed", "Choose a target currency other than the one you convert from.", {
      errors: [{ path: "to", message: "Same currency as from" }],
    });
  }
  const { step } = CURRENCIES[body.from.currency];
  if (body.from.amount % step !== 0) {
    throw new ApiError(
      "validation_failed",
      "Rupiah amounts are whole rupiah: send an amount that is a multiple of 100 minor units.",
      { errors: [{ path: "from.amount", message: `Must be a multiple of ${step}` }] },
    );
  }
}

/** POST /fx/quotes: prices the conversion at the latest rates and keeps the quote for its owner. */
export async function createQuote(env: Env, userId: string, body: z.infer<typeof CreateQuoteSchema>): Promise<Quote> {
  refuseInput(body);
  const rates = await usableRates(env);
  if (!rates) {
    throw new ApiError(
      "rates_unavailable",
      "Exchange rates are being updated and no quote can be given right now. Try again in a few minutes.",
      { headers: { "Retry-After": "300" } },
    );
  }
  const config = readConfig(env).fx;
  const from = money(body.from.amount, body.from.currency);
  const mid = midRateOf(rates.perUsd[from.currency], rates.perUsd[body.to]);
  const priced = priceConversion(from, body.to, mid, config);
  if (!priced.ok && priced.reason === "too_large") {
    throw new ApiError("validation_failed", "This amount is too large to convert at once. Convert less.", {
      errors: [{ path: "from.amount", message: "Too large to convert" }],
    });
  }
  if (!priced.ok) {
    throw new ApiError(
      "validation_failed",
      `This amount is too small to convert: the fee is ${shown(priced.fee)}. Convert more.`,
      { errors: [{ path: "from.amount", message: "Too small to convert" }] },
    );
  }
  const now = nowMs();
  const row = {
    id: newId("fxq", now),
    userId,
    fromCurrency: from.currency,
    fromAmount: from.amount,
    toCurrency: body.to,
    toAmount: priced.to.amount,
    feeAmount: priced.fee.amount,
    rate: priced.rate,
    midRate: priced.midRate,
    spreadBps: priced.spreadBps,
    ratesFetchedAt: rates.fetchedAt,
    createdAt: now,
    expiresAt: now + config.quoteTtlMs,
  };
  await database(env).insert(fxQuotes).values(row);
  return {
    id: row.id,
    from,
    to: priced.to,
    rate: priced.rate,
    midRate: priced.midRate,
    spreadBps: priced.spreadBps,
    fee: priced.fee,
    expiresAt: new Date(row.expiresAt).toISOString(),
  };
}

/** The caller's own quote by id; another user's quote is as unknown as a missing one. */
export async function quoteOf(env: Env, userId: string, quoteId: string): Promise<StoredQuote | null> {
  const row = (await database(env).select().from(fxQuotes).where(eq(fxQuotes.id, quoteId)).limit(1))[0];
  if (!row || row.userId !== userId) return null;
  return {
    id: row.id,
    userId: row.userId,
    fromCurrency: row.fromCurrency as Currency,
    fromAmount: row.fromAmount,
    toCurrency: row.toCurrency as Currency,
    toAmount: row.toAmount,
    feeAmount: row.feeAmount,
    rate: row.rate,
    expiresAt: row.expiresAt,
  };
}
