import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { liveRates } from "../../workers/logistics";
import { readConfig } from "../../workers/platform/config";
import { quoteShipping } from "../../workers/shipping";
import { BASE } from "../support/http";
import { json, type RecordedCall } from "../support/recording-fetch";
import { BITESHIP_RATES } from "./biteship-fixtures";
import { masterData } from "./ghn-fixtures";
import {
  ADDRESS,
  call,
  checkout,
  expectJson,
  expectProblem,
  guestBody,
  guestCart,
  postOrders,
  sellerWithProduct,
} from "./helpers";

// POST /shipping/rates priced live by Biteship (JNE, J&T, SiCepat in Indonesia) and GHN (Vietnam):
// the shop's pickup address gives Biteship its origin postal code, the buyer's city and province give
// GHN its district and ward; what an address lacks keeps the rate card and is named in `fallback`.

const GHN_API = "https://dev-online-gateway.ghn.vn/shiip/public-api";
const GHN_AREA = { city: "Phường 14, Quận 10", province: "Hồ Chí Minh" };

/** Live rates on, every courier here, a timeout and cache as given (locally live rates are off). */
function liveConfig({ timeoutMs = 2000, cacheSeconds = 0, couriers = ["ninjavan", "biteship", "ghn"] } = {}) {
  const config = readConfig(env);
  return {
    ...config,
    logistics: {
      ...config.logistics,
      liveRates: true,
      couriers,
      timeoutMs,
      ratesCacheSeconds: cacheSeconds,
    },
  };
}

/** Vietnam's GHN tests: Ninja Van also sells there (its own cards), but only GHN is switched on. */
const GHN_ONLY = liveConfig({ couriers: ["ghn"] });

/**
 * A courier API stand-in that answers by path (calls made together arrive in any order), recording
 * each request: Biteship's rates, GHN's master data (Quận 10) and fee.
 */
function couriersApi(fee = 41_000) {
  const calls: RecordedCall[] = [];
  const [provinces, districts, wards] = masterData();
  const lists: Record<string, Response> = { province: provinces, district: districts, ward: wards };
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({
      url,
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : "",
    });
    if (url === "https://api.biteship.com/v1/rates/couriers") return json(200, BITESHIP_RATES);
    const list = url.match(/\/master-data\/(province|district|ward)$/)?.[1];
    if (list) return lists[list].clone();
    if (url === `${GHN_API}/v2/shipping-order/fee`) {
      return json(200, { code: 200, message: "Success", data: { total: fee, service_fee: fee, insurance_fee: 0 } });
    }
    throw new Error(`unexpected request ${url}`);
  }) as typeof fetch;
  return { fetchFn, calls };
}

type Fetch = typeof fetch;

interface Rates {
  options: { id: string; courier: string; cost: { amount: number; currency: string }; source?: string }[];
  shops: { reason?: string; reasonDetail?: string }[];
  fallback?: { courier: string; reason: string; detail?: string }[];
}

/** POST /shipping/rates through the app, its couriers asked through `fetchFn` with `config`. */
async function rates(cartToken: string, destination: Record<string, string>, fetchFn: Fetch, config = liveConfig()) {
  const ctx = createExecutionContext();
  const app = createApp({ liveRates: (e, _config, request) => liveRates(e, config, request, fetchFn) });
  const res = await app.fetch(
    new Request(`${BASE}/api/v1/shipping/rates`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Cart-Token": cartToken },
      body: JSON.stringify({ destination }),
    }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return expectJson<Rates>(res, 200);
}

/** A shop of `country` whose contact address is `address`, and a guest cart with one of its products. */
async function shopCart(country: "ID" | "VN", address?: string) {
  const seller = await sellerWithProduct(country);
  if (address) {
    const res = await call("PATCH", `/api/v1/shops/${seller.shop.id}`, {
      token: seller.token,
      body: { contact: { phone: "0812345678", address } },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  return { seller, cartToken: await guestCart([{ productId: seller.product.id, quantity: 1 }]) };
}

const cards = (country: "ID" | "VN", currency: "IDR" | "VND") =>
  quoteShipping({
    items: [{ weightGrams: 500, quantity: 1 }],
    destination: { country },
    shopCountry: country,
    currency,
  });

const JOGJA = "Jl. Malioboro No. 12, Yogyakarta 55271";

describe("live rates from Biteship (Indonesia)", () => {
  it("prices JNE, J&T and SiCepat from the shop's postal code to the buyer's, and checkout charges that price", async () => {
    const { cartToken } = await shopCart("ID", JOGJA);
    const api = couriersApi();
    const answer = await rates(cartToken, { country: "ID", postalCode: ADDRESS.ID.postalCode }, api.fetchFn);

    // One call per courier company (its services share the answer), each between the two postal codes.
    expect(api.calls).toHaveLength(3);
    for (const c of api.calls) {
      expect(c.method).toBe("POST");
      expect(c.url).toBe("https://api.biteship.com/v1/rates/couriers");
      expect(c.headers.get("Authorization")).toBe(env.BITESHIP_API_KEY);
    }
    expect(api.calls.map((c) => JSON.parse(c.body)).sort((a, b) => a.couriers.localeCompare(b.couriers))).toEqual(
      ["jne", "jnt", "sicepat"].map((couriers) => ({
        origin_postal_code: 55271,
        destination_postal_code: 10110,
        couriers,
        items: [{ name: "Parcel", value: 0, quantity: 1, weight: 500 }],
      })),
    );
    // Biteship priced JNE REG (18,000) and SiCepat BEST (12,000); the others keep their cards, unnamed (no price is no fault).
    const byId = new Map(answer.options.map((o) => [o.id, o]));
    expect(byId.get("id-jne-reg")).toMatchObject({ cost: { amount: 1_800_000, currency: "IDR" }, source: "courier" });
    expect(byId.get("id-sicepat-best")).toMatchObject({ cost: { amount: 1_200_000 }, source: "courier" });
    const card = new Map(cards("ID", "IDR").map((o) => [o.id, o.cost]));
    expect(byId.get("id-jnt-ez")?.cost).toEqual(card.get("id-jnt-ez"));
    expect(byId.get("id-jnt-ez")?.source).toBeUndefined();
    expect(answer.fallback).toBeUndefined();

    const [order] = await checkout({ cartToken }, guestBody("ID", { shippingOptionId: "id-sicepat-best" }));
    expect(order.shippingCost).toEqual({ amount: 1_200_000, currency: "IDR" });
  });

  it("a second quote within the cache asks Biteship nothing", async () => {
    const { cartToken } = await shopCart("ID", JOGJA);
    const api = couriersApi();
    const config = liveConfig({ cacheSeconds: 300 });
    const first = await rates(cartToken, { country: "ID", postalCode: "12440" }, api.fetchFn, config);
    expect(api.calls).toHaveLength(3);
    const again = await rates(cartToken, { country: "ID", postalCode: "12440" }, api.fetchFn, config);
    expect(api.calls).toHaveLength(3);
    expect(again.options).toEqual(first.options);
    expect(again.options.filter((o) => o.source === "courier").map((o) => o.id)).toEqual([
      "id-sicepat-best",
      "id-jne-reg",
    ]);
  });

  it("a new pickup address within the cache asks Biteship again, from the new postal code", async () => {
    const { seller, cartToken } = await shopCart("ID", JOGJA);
    const api = couriersApi();
    const config = liveConfig({ cacheSeconds: 300 });
    const origins = () => api.calls.map((c) => JSON.parse(c.body).origin_postal_code);
    await rates(cartToken, { country: "ID", postalCode: "12440" }, api.fetchFn, config);
    expect(origins()).toEqual([55271, 55271, 55271]);

    const pickupAddress = { street: "Jl. Legian No. 1", city: "Kuta", province: "Bali", postalCode: "80361" };
    const res = await call("PATCH", `/api/v1/shops/${seller.shop.id}`, {
      token: seller.token,
      body: { contact: { phone: "0812345678", pickupAddress } },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    await rates(cartToken, { country: "ID", postalCode: "12440" }, api.fetchFn, config);
    expect(origins()).toEqual([55271, 55271, 55271, 80361, 80361, 80361]);
    // The new origin's prices are cached in their turn.
    await rates(cartToken, { country: "ID", postalCode: "12440" }, api.fetchFn, config);
    expect(api.calls).toHaveLength(6);
  });

  it("Biteship not answering in time leaves the rate cards, and the answer says so", async () => {
    const { cartToken } = await shopCart("ID", JOGJA);
    const hanging = (() => new Promise<Response>(() => {})) as unknown as Fetch;
    const answer = await rates(
      cartToken,
      { country: "ID", postalCode: "12440" },
      hanging,
      liveConfig({ timeoutMs: 50 }),
    );
    expect(answer.options.map(({ id, cost }) => ({ id, cost }))).toEqual(
      cards("ID", "IDR").map(({ id, cost }) => ({ id, cost })),
    );
    expect(answer.options.every((o) => o.source === undefined)).toBe(true);
    expect(answer.fallback).toEqual([{ courier: "biteship", reason: "timeout" }]);
  });

  it("a shop address without a postal code keeps the cards: origin_unresolved, and Biteship is not asked", async () => {
    const { cartToken } = await shopCart("ID", "Jl. Malioboro No. 12, Yogyakarta");
    const api = couriersApi();
    const answer = await rates(cartToken, { country: "ID", postalCode: "12440" }, api.fetchFn);
    expect(api.calls).toHaveLength(0);
    expect(answer.options.every((o) => o.source === undefined)).toBe(true);
    expect(answer.fallback).toEqual([
      { courier: "biteship", reason: "origin_unresolved", detail: expect.stringMatching(/postal code/) },
    ]);
  });
});

describe("live rates from GHN (Vietnam)", () => {
  it("prices GHN by the buyer's district and ward, and the checkout to that address charges it", async () => {
    const { cartToken } = await shopCart("VN");
    const api = couriersApi(41_000);
    const answer = await rates(cartToken, { country: "VN", postalCode: "70000", ...GHN_AREA }, api.fetchFn, GHN_ONLY);

    const fee = api.calls.filter((c) => c.url === `${GHN_API}/v2/shipping-order/fee`);
    expect(fee).toHaveLength(1);
    expect(fee[0].headers.get("Token")).toBe(env.GHN_TOKEN);
    expect(fee[0].headers.get("ShopId")).toBe(env.GHN_SHOP_ID);
    // The pickup is the GHN shop's registered district (as booking): only the destination is sent.
    expect(JSON.parse(fee[0].body)).toEqual({
      service_type_id: 2,
      to_district_id: 1452,
      to_ward_code: "21014",
      weight: 500,
    });
    // Each master-data list is read at most once (a day's cache per isolate).
    const lists = api.calls.filter((c) => c.url.includes("/master-data/")).map((c) => c.url.split("/").pop());
    expect(new Set(lists).size).toBe(lists.length);
    const ghn = answer.options.find((o) => o.id === "vn-ghn-standard");
    expect(ghn).toMatchObject({ cost: { amount: 41_000, currency: "VND" }, source: "courier" });
    // Ninja Van's cards are its own to price, not GHN's: they stand unless Ninja Van is asked.
    expect(answer.options.find((o) => o.id === "vn-ninjavan-express")?.source).toBeUndefined();
    expect(answer.fallback).toBeUndefined();

    const address = { ...ADDRESS.VN, ...GHN_AREA };
    const [order] = await checkout(
      { cartToken },
      guestBody("VN", { shippingAddress: address, shippingOptionId: "vn-ghn-standard" }),
    );
    expect(order.shippingCost).toEqual({ amount: 41_000, currency: "VND" });
  });

  it("a GHN price held for one ward is not charged to another ward of the same postal code", async () => {
    const { cartToken } = await shopCart("VN");
    await rates(cartToken, { country: "VN", postalCode: "70000", ...GHN_AREA }, couriersApi(99_000).fetchFn);
    const elsewhere = { ...ADDRESS.VN, city: "Phường 13, Quận 10", province: "Hồ Chí Minh" };
    const [order] = await checkout(
      { cartToken },
      guestBody("VN", { shippingAddress: elsewhere, shippingOptionId: "vn-ghn-standard" }),
    );
    const card = cards("VN", "VND").find((o) => o.id === "vn-ghn-standard")!;
    expect(card.cost.amount).not.toBe(99_000);
    expect(order.shippingCost).toEqual(card.cost);
  });

  it("a destination GHN cannot place keeps the GHN cards, with the reason and what to send", async () => {
    const { cartToken } = await shopCart("VN");
    const api = couriersApi();
    const bare = await rates(cartToken, { country: "VN", postalCode: "70000" }, api.fetchFn, GHN_ONLY);
    expect(api.calls).toHaveLength(0);
    expect(bare.options.find((o) => o.id === "vn-ghn-standard")?.source).toBeUndefined();
    expect(bare.fallback).toEqual([
      { courier: "ghn", reason: "destination_unresolved", detail: expect.stringMatching(/ward and district/) },
    ]);

    // A ward GHN's lists do not hold: the same.
    const unknown = await rates(
      cartToken,
      { country: "VN", postalCode: "70000", city: "Phường 99, Quận 10", province: "Hồ Chí Minh" },
      api.fetchFn,
      GHN_ONLY,
    );
    expect(api.calls.some((c) => c.url.endsWith("/v2/shipping-order/fee"))).toBe(false);
    expect(unknown.options.map((o) => o.cost)).toEqual(bare.options.map((o) => o.cost));
    expect(unknown.fallback?.[0]).toMatchObject({ courier: "ghn", reason: "destination_unresolved" });
  });
});

describe("cross-border", () => {
  it("is refused with a clear reason: no options, no courier asked, and checkout answers 422", async () => {
    const { cartToken } = await shopCart("ID", JOGJA);
    const api = couriersApi();
    const answer = await rates(cartToken, { country: "VN", postalCode: "70000", ...GHN_AREA }, api.fetchFn);
    expect(api.calls).toHaveLength(0);
    expect(answer.options).toEqual([]);
    expect(answer.shops[0]).toMatchObject({ reason: "not_domestic" });
    expect(answer.shops[0].reasonDetail).toMatch(/cross-border/);

    // Handed the cards of another country, live rates still ask no courier across the border.
    const direct = await liveRates(
      env,
      liveConfig(),
      {
        shopId: "shp_cross_border",
        shopCountry: "ID",
        destination: { country: "VN", postalCode: "70000", ...GHN_AREA },
        grams: 500,
        currency: "VND",
        options: cards("VN", "VND"),
      },
      api.fetchFn,
    );
    expect(api.calls).toHaveLength(0);
    expect(direct).toEqual({ options: cards("VN", "VND"), fallback: [] });

    const res = await postOrders({ cartToken }, guestBody("VN", { shippingAddress: { ...ADDRESS.VN, ...GHN_AREA } }));
    const problem = await expectProblem(res, 422, "validation_failed");
    expect(problem.detail).toMatch(/ships within ID only/);
  });
});
