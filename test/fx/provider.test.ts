import { describe, expect, it } from "vitest";
import { FIXED_RATES, OXR_BASE_URL, openExchangeRatesProvider } from "../../workers/fx";
import { ProviderError } from "../../workers/platform/provider-http";
import { INVALID_APP_ID, LATEST_2018_03_22, NOT_ALLOWED, type Recorded, replay } from "./fixtures";

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe("Open Exchange Rates provider (recorded answers)", () => {
  it("asks latest.json with the app id and the platform's currencies, and reads the rates exactly", async () => {
    const seen: Recorded[] = [];
    const provider = openExchangeRatesProvider("app-123", replay(200, LATEST_2018_03_22, seen));
    const snapshot = await provider.latest();
    expect(seen).toHaveLength(1);
    const url = new URL(seen[0].url);
    expect(`${url.origin}${url.pathname}`).toBe(`${OXR_BASE_URL}/latest.json`);
    expect(seen[0].method).toBe("GET");
    expect(url.searchParams.get("app_id")).toBe("app-123");
    expect(url.searchParams.get("symbols")?.split(",").sort()).toEqual([
      "IDR",
      "MYR",
      "PHP",
      "SGD",
      "THB",
      "USD",
      "VND",
    ]);
    expect(snapshot).toEqual({
      provider: "openexchangerates",
      perUsd: {
        THB: "31.2785",
        SGD: "1.315632",
        IDR: "13762.313762",
        MYR: "3.9138",
        PHP: "52.3625",
        VND: "22785.432006",
        USD: "1",
      },
      publishedAt: Date.UTC(2018, 2, 22, 18, 0, 0),
    });
    expect(provider.fixed).toBe(false);
  });

  it("the fixed development table holds the same recorded figures", () => {
    expect(FIXED_RATES.perUsd.THB).toBe("31.2785");
    expect(FIXED_RATES.perUsd.VND).toBe("22785.432006");
    expect(FIXED_RATES.publishedAt).toBe(1521741600 * 1000);
  });

  it("an invalid app id is a permanent failure, named by the provider's code, without the key", async () => {
    const err = await failure(openExchangeRatesProvider("secret-app-id", replay(401, INVALID_APP_ID)).latest());
    expect(err.retryable).toBe(false);
    expect(err.status).toBe(401);
    expect(err.providerCode).toBe("invalid_app_id");
    expect(err.message).not.toContain("secret-app-id");
  });

  it("not_allowed comes as a 429 but retrying never helps: not retryable", async () => {
    const err = await failure(openExchangeRatesProvider("a", replay(429, NOT_ALLOWED)).latest());
    expect(err.retryable).toBe(false);
    expect(err.providerCode).toBe("not_allowed");
  });

  it("an outage (503 without a body) may pass: retryable", async () => {
    const err = await failure(openExchangeRatesProvider("a", replay(503, "")).latest());
    expect(err.retryable).toBe(true);
  });

  it("no answer at all (network failure) is retryable", async () => {
    const down = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    const err = await failure(openExchangeRatesProvider("a", down).latest());
    expect(err.retryable).toBe(true);
    expect(err.status).toBeUndefined();
  });

  it("refuses an answer missing one of the platform's currencies, or with a zero, text or another base", async () => {
    const missing = LATEST_2018_03_22.replace('"VND": 22785.432006', '"XAU": 0.00075364');
    const zero = LATEST_2018_03_22.replace('"THB": 31.2785', '"THB": 0');
    const text = LATEST_2018_03_22.replace('"THB": 31.2785', '"THB": "31.2785"');
    const euro = LATEST_2018_03_22.replace('"base": "USD"', '"base": "EUR"');
    for (const body of [missing, zero, text, euro, "not json"]) {
      const err = await failure(openExchangeRatesProvider("a", replay(200, body)).latest());
      expect(err.provider).toBe("openexchangerates");
    }
  });
});
