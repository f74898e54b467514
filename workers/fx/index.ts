import { createRouter } from "../platform/openapi";
import { createQuoteHandler, createQuoteRoute } from "./routes/quote-create";

export type { FxRatesProvider, RatesSnapshot } from "./provider";
export { FIXED_RATES, fixedRatesProvider } from "./providers/fixed";
export { OXR_BASE_URL, openExchangeRatesProvider } from "./providers/openexchangerates";
export { quoteOf, type StoredQuote } from "./quotes";
export { fetchAndStore, type RefreshOutcome, ratesProvider, refreshFxRates, storedRates } from "./rates";

/**
 * FX: exchange rates from one provider interface (Open Exchange Rates, or the fixed development
 * table), refreshed by the cron into D1, and quotes priced from them with the platform's spread,
 * fee and rounding. The wallet converts with a quote (workers/wallet). Design: docs/fx.md.
 */
export const fxRouter = createRouter().openapi(createQuoteRoute, createQuoteHandler);
