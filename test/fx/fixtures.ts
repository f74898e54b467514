/*
 * Recorded Open Exchange Rates exchanges, replayed by the provider and refresh tests.
 *
 * LATEST_2018_03_22 is a real answer of `GET https://openexchangerates.org/api/latest.json`
 * (base USD, published 2018-03-22 18:00:00 UTC, timestamp 1521741600), as recorded in a public
 * VCR cassette, cut down to the platform's currencies and a few others (the provider lists about
 * 170). workers/fx/providers/fixed.ts freezes the same figures as the development table.
 * INVALID_APP_ID is the error body docs.openexchangerates.org/reference/errors shows.
 */

export const LATEST_2018_03_22 = `{
  "disclaimer": "Usage subject to terms: https://openexchangerates.org/terms",
  "license": "https://openexchangerates.org/license",
  "timestamp": 1521741600,
  "base": "USD",
  "rates": {
    "EUR": 0.812833,
    "IDR": 13762.313762,
    "JPY": 105.76383333,
    "MYR": 3.9138,
    "PHP": 52.3625,
    "SGD": 1.315632,
    "THB": 31.2785,
    "USD": 1,
    "VND": 22785.432006
  }
}`;

export const INVALID_APP_ID = `{
  "error": true,
  "status": 401,
  "message": "invalid_app_id",
  "description": "Invalid App ID provided - please sign up at https://openexchangerates.org/signup, or contact support@openexchangerates.org."
}`;

export const NOT_ALLOWED = `{
  "error": true,
  "status": 429,
  "message": "not_allowed",
  "description": "Changing the API 'base' currency is available for Developer, Enterprise and Unlimited plan clients."
}`;

export interface Recorded {
  url: string;
  method: string;
}

/** A fetch that records each request and answers with `status` and `body`, as the provider did. */
export function replay(status: number, body: string, seen: Recorded[] = []): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), method: init?.method ?? "GET" });
    return new Response(body, { status, headers: { "Content-Type": "application/json; charset=utf-8" } });
  }) as typeof fetch;
}

/** The same answer with another publication time (for the refresh tests: rates as of `at`). */
export function latestAt(at: number): string {
  return LATEST_2018_03_22.replace('"timestamp": 1521741600', `"timestamp": ${Math.floor(at / 1000)}`);
}
