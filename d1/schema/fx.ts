import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The latest exchange rates, one row per platform currency: units of the currency per one US
 * dollar (the providers' base), as an exact decimal string. The cron replaces them all at once
 * (one D1 batch), so every row carries the same `fetchedAt`; quotes refuse rates older than
 * FX_RATES_MAX_AGE_SECONDS (docs/fx.md).
 */
export const fxRates = sqliteTable("fx_rates", {
  currency: text("currency").primaryKey(),
  perUsd: text("per_usd").notNull(),
  provider: text("provider").notNull(),
  /** When the provider says it published these figures (epoch ms). */
  publishedAt: integer("published_at").notNull(),
  /** When we received them (epoch ms): what the age check reads. */
  fetchedAt: integer("fetched_at").notNull(),
});

/**
 * FX quotes: a price for converting an amount, for one user, until `expiresAt`. A conversion
 * reads its quote from here; the user's Wallet object makes sure a quote is used once.
 */
export const fxQuotes = sqliteTable(
  "fx_quotes",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    fromCurrency: text("from_currency").notNull(),
    /** What leaves the wallet, fee included (minor units). */
    fromAmount: integer("from_amount").notNull(),
    toCurrency: text("to_currency").notNull(),
    /** What arrives (minor units), rounded down. */
    toAmount: integer("to_amount").notNull(),
    /** Part of fromAmount, in the source currency. */
    feeAmount: integer("fee_amount").notNull(),
    /** The customer's rate and the mid rate, as decimal strings (units of `to` per unit of `from`). */
    rate: text("rate").notNull(),
    midRate: text("mid_rate").notNull(),
    spreadBps: integer("spread_bps").notNull(),
    ratesFetchedAt: integer("rates_fetched_at").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("fx_quotes_expiry").on(t.expiresAt)],
);
