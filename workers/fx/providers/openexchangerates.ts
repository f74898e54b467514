import { CURRENCY_CODES } from "../../../schemas/platform";
import type { Currency } from "../../platform/money";
import { callProvider, type Provider, providerErrorFrom, unreadableAnswer } from "../../platform/provider-http";
import { rateFromNumber } from "../decimal";
import type { FxRatesProvider, RatesSnapshot } from "../provider";

/*
 * Open Exchange Rates (docs.openexchangerates.org): `GET /api/latest.json?app_id=&symbols=` answers
 * `{ disclaimer, license, timestamp (unix seconds), base: "USD", rates: { "THB": 31.2785, ... } }`.
 * Errors are JSON `{ error: true, status, message, description }`: `missing_app_id` and
 * `invalid_app_id` (401), `not_allowed` (429: the plan lacks the route or feature, so retrying
 * never helps), `access_restricted` (403), `invalid_base` (400), `not_found` (404).
 */

export const OXR_BASE_URL = "https://openexchangerates.org/api";

const OXR: Provider = { id: "openexchangerates", label: "Open Exchange Rates", timeoutMs: 10_000 };

/** Refusals that answering again will not change, whatever their HTTP status. */
const PERMANENT = new Set(["missing_app_id", "invalid_app_id", "not_allowed", "access_restricted", "invalid_base"]);

interface OxrError {
  message?: unknown;
  description?: unknown;
}

export function openExchangeRatesProvider(
  appId: string,
  fetchFn: typeof fetch,
  baseUrl = OXR_BASE_URL,
): FxRatesProvider {
  return {
    id: OXR.id,
    fixed: false,
    async latest(): Promise<RatesSnapshot> {
      const url = new URL(`${baseUrl}/latest.json`);
      url.searchParams.set("app_id", appId);
      url.searchParams.set("symbols", CURRENCY_CODES.join(","));
      const response = await callProvider(OXR, fetchFn, { method: "GET", url: url.toString() });
      if (!response.ok) {
        const body = (response.json ?? {}) as OxrError;
        const code = typeof body.message === "string" ? body.message : undefined;
        // The provider's own words, for logs (never shown to a customer).
        const message = typeof body.description === "string" ? body.description : undefined;
        throw providerErrorFrom(OXR, response, {
          ...(code ? { code } : {}),
          detail: message,
          ...(code && PERMANENT.has(code) ? { retryable: false } : {}),
        });
      }
      const body = response.json as
        | { base?: unknown; timestamp?: unknown; rates?: Record<string, unknown> }
        | undefined;
      if (body?.base !== "USD") throw unreadableAnswer(OXR, response, "base USD", { retryable: true });
      if (typeof body.timestamp !== "number" || !Number.isSafeInteger(body.timestamp)) {
        throw unreadableAnswer(OXR, response, "a timestamp", { retryable: true });
      }
      const perUsd = {} as Record<Currency, string>;
      for (const currency of CURRENCY_CODES) {
        if (currency === "USD") continue;
        const rate = rateFromNumber(body.rates?.[currency]);
        if (!rate) throw unreadableAnswer(OXR, response, `a positive ${currency} rate`, { retryable: true });
        perUsd[currency] = rate;
      }
      // The base is one of its own rates, by definition (the answer may or may not list it).
      perUsd.USD = "1";
      return { provider: OXR.id, perUsd, publishedAt: body.timestamp * 1000 };
    },
  };
}
