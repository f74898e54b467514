import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { liveRates } from "../../workers/logistics";
import { readConfig } from "../../workers/platform/config";
import { quoteShipping, RATE_CARDS } from "../../workers/shipping";
import { json, recordingFetch } from "../support/recording-fetch";
import { call, expectJson, guestCart, sellerWithProduct } from "./helpers";

/** The config with live courier rates on and a short timeout (locally they are off: no calls out). */
function liveConfig(timeoutMs = 50) {
  const config = readConfig(env);
  return { ...config, logistics: { ...config.logistics, liveRates: true, timeoutMs, ratesCacheSeconds: 0 } };
}

const cards = (country: "SG" | "MY" | "PH", grams: number, currency: "SGD" | "MYR" | "PHP") =>
  quoteShipping({
    items: [{ weightGrams: grams, quantity: 1 }],
    destination: { country },
    shopCountry: country,
    currency,
  });

describe("POST /shipping/rates with live courier prices", () => {
  it("a courier that times out still gives rates from the cards, and the answer says so", async () => {
    const options = cards("SG", 1500, "SGD");
    expect(options.length).toBeGreaterThan(0);
    const hanging = (() => new Promise<Response>(() => {})) as unknown as typeof fetch;
    const answer = await liveRates(
      env,
      liveConfig(),
      {
        shopId: "shp_rates_sg",
        shopCountry: "SG",
        destination: { country: "SG", postalCode: "048616" },
        grams: 1500,
        currency: "SGD",
        options,
      },
      hanging,
    );
    expect(answer.options).toEqual(options);
    expect(answer.fallback).toEqual([{ courier: "ninjavan", reason: "timeout" }]);
  });

  it("a courier that fails is named too; one that answers prices its own services", async () => {
    const options = cards("MY", 2000, "MYR");
    const failing = recordingFetch(json(503, { error: { message: "maintenance" } }));
    const failed = await liveRates(
      env,
      liveConfig(1000),
      {
        shopId: "shp_rates_my",
        shopCountry: "MY",
        destination: { country: "MY", postalCode: "50450" },
        grams: 2000,
        currency: "MYR",
        options,
      },
      failing.fetchFn,
    );
    expect(failed.options).toEqual(options);
    expect(failed.fallback).toEqual([{ courier: "ninjavan", reason: "error" }]);

    const answering = recordingFetch(
      json(200, { access_token: "t", expires_in: 3600 }),
      json(200, { data: { total_fee: 7.5 } }),
      json(200, { data: { total_fee: 11 } }),
    );
    const priced = await liveRates(
      env,
      liveConfig(1000),
      {
        shopId: "shp_rates_my",
        shopCountry: "MY",
        destination: { country: "MY", postalCode: "50450" },
        grams: 2000,
        currency: "MYR",
        options,
      },
      answering.fetchFn,
    );
    expect(priced.fallback).toEqual([]);
    expect(priced.options.map((o) => [o.id, o.cost.amount, o.source])).toEqual(
      expect.arrayContaining([
        ["my-ninjavan-standard", expect.any(Number), "courier"],
        ["my-ninjavan-express", expect.any(Number), "courier"],
      ]),
    );
    expect(answering.calls.filter((c) => c.url.endsWith("/my/1.0/public/price"))).toHaveLength(2);
  });

  it("cross-border is refused with a clear reason", async () => {
    const seller = await sellerWithProduct("TH");
    const cartToken = await guestCart([{ productId: seller.product.id, quantity: 1 }]);
    const rates = await expectJson<{ options: unknown[]; shops: { reason?: string; reasonDetail?: string }[] }>(
      await call("POST", "/api/v1/shipping/rates", {
        cartToken,
        body: { destination: { country: "VN", postalCode: "70000" } },
      }),
      200,
    );
    expect(rates.options).toEqual([]);
    expect(rates.shops[0]).toMatchObject({ reason: "not_domestic" });
    expect(rates.shops[0].reasonDetail).toMatch(/cross-border/);
  });
});

describe("rate cards and couriers", () => {
  it("every option a buyer can choose names a courier and service a seller can book in its country", async () => {
    const listed = new Map<string, Set<string>>();
    for (const country of new Set(RATE_CARDS.map((c) => c.country))) {
      const { items } = await expectJson<{ items: { id: string; services: { code: string }[] }[] }>(
        await call("GET", `/api/v1/couriers?country=${country}`),
        200,
      );
      listed.set(country, new Set(items.flatMap((c) => c.services.map((s) => `${c.id}/${s.code}`))));
    }
    const unbookable = RATE_CARDS.filter((c) => !listed.get(c.country)?.has(`${c.book.courier}/${c.book.service}`));
    expect(unbookable.map((c) => c.id)).toEqual([]);
  });
});
