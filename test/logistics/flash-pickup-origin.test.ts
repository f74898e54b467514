import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { liveRates } from "../../workers/logistics";
import { shopParty } from "../../workers/logistics/booking";
import { readConfig } from "../../workers/platform/config";
import { database } from "../../workers/platform/db";
import { BASE } from "../support/http";
import { type RecordedCall, recordingFetch } from "../support/recording-fetch";
import { CREATED, courier, ESTIMATE, ok, sha256Upper } from "./flash-fixtures";
import { ADDRESS, call, expectJson, guestCart, sellerWithProduct } from "./helpers";

// A Thai shop's pickup address (Shop settings: contact.pickupAddress) is the origin Flash Express
// prices and books by: POST /shipping/rates asks estimate_rate with the shop's province, district and
// postal code instead of keeping the card (origin_unresolved), and the booking's sender block is it.

const PICKUP = {
  street: "12 ถนนนิมมานเหมินท์ ซอย 9",
  street2: "ชั้น 2",
  city: "สุเทพ, เมืองเชียงใหม่",
  province: "เชียงใหม่",
  postalCode: "50200",
};
const DESTINATION = { country: "TH", postalCode: "10110", city: "Watthana", province: "Bangkok" };

/** Live rates on, Flash Express the one courier switched on, no cache (locally live rates are off). */
function flashConfig() {
  const config = readConfig(env);
  return {
    ...config,
    logistics: { ...config.logistics, liveRates: true, couriers: ["flash"], timeoutMs: 2000, ratesCacheSeconds: 0 },
  };
}

/** A Thai shop with one product, its contact as given, and a guest cart holding the product. */
async function thaiShopCart(contact: Record<string, unknown>) {
  const seller = await sellerWithProduct("TH");
  const res = await call("PATCH", `/api/v1/shops/${seller.shop.id}`, { token: seller.token, body: { contact } });
  expect(res.status, await res.clone().text()).toBe(200);
  return { seller, cartToken: await guestCart([{ productId: seller.product.id, quantity: 1 }]) };
}

interface Rates {
  options: { id: string; courier: string; cost: { amount: number; currency: string }; source?: string }[];
  fallback?: { courier: string; reason: string; detail?: string }[];
}

/** POST /shipping/rates through the app, Flash asked through `fetchFn`. */
async function rates(cartToken: string, fetchFn: typeof fetch): Promise<Rates> {
  const config = flashConfig();
  const ctx = createExecutionContext();
  const app = createApp({ liveRates: (e, _config, request) => liveRates(e, config, request, fetchFn) });
  const res = await app.fetch(
    new Request(`${BASE}/api/v1/shipping/rates`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Cart-Token": cartToken },
      body: JSON.stringify({ destination: DESTINATION }),
    }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return expectJson<Rates>(res, 200);
}

const form = (call: RecordedCall) => Object.fromEntries(new URLSearchParams(call.body));

/** The sign Flash expects over `fields` (all but sign, non-blank, sorted by name, then &key=). */
async function expectedSign(fields: Record<string, string>) {
  const base = Object.keys(fields)
    .filter((k) => k !== "sign" && fields[k] !== "")
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join("&");
  return sha256Upper(`${base}&key=${env.FLASH_SECRET_KEY}`);
}

describe("Flash Express from the shop's pickup address", () => {
  it("POST /shipping/rates asks estimate_rate with srcProvinceName, srcCityName, srcPostalCode and prices the card", async () => {
    const { cartToken } = await thaiShopCart({ phone: "053 123 456", pickupAddress: PICKUP });
    const { fetchFn, calls } = recordingFetch(ok(ESTIMATE));
    const answer = await rates(cartToken, fetchFn);

    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe(`${env.FLASH_BASE_URL}/open/v1/orders/estimate_rate`);
    expect(calls[0].method).toBe("POST");
    const sent = form(calls[0]);
    expect(sent).toEqual({
      mchId: env.FLASH_MCH_ID,
      nonceStr: expect.stringMatching(/^[0-9a-f]{32}$/),
      srcProvinceName: "เชียงใหม่",
      srcCityName: "สุเทพ, เมืองเชียงใหม่",
      srcPostalCode: "50200",
      dstProvinceName: "Bangkok",
      dstCityName: "Watthana",
      dstPostalCode: "10110",
      weight: "500",
      expressCategory: "1",
      sign: expect.stringMatching(/^[0-9A-F]{64}$/),
    });
    expect(sent.sign).toBe(await expectedSign(sent));

    const flash = answer.options.find((o) => o.id === "th-flash-standard");
    expect(flash).toMatchObject({
      courier: "Flash Express",
      cost: { amount: 3500, currency: "THB" },
      source: "courier",
    });
    expect(answer.fallback).toBeUndefined();
  });

  it("a shop with only its one-line address keeps the card: origin_unresolved, telling the seller to fill in Shop settings", async () => {
    const { cartToken } = await thaiShopCart({ phone: "053 123 456", address: "ถนนนิมมานเหมินท์ เชียงใหม่ 50200" });
    const { fetchFn, calls } = recordingFetch();
    const answer = await rates(cartToken, fetchFn);
    expect(calls).toHaveLength(0);
    expect(answer.options.find((o) => o.id === "th-flash-standard")?.source).toBeUndefined();
    expect(answer.fallback).toEqual([
      {
        courier: "flash",
        reason: "origin_unresolved",
        detail: expect.stringMatching(/pickup address \(street, district, province and postal code\) in Shop settings/),
      },
    ]);
  });

  it("booking sends the sender block from the pickup address (street and street2 as its address line)", async () => {
    const { seller } = await thaiShopCart({ phone: "053 123 456", pickupAddress: PICKUP });
    const from = await shopParty(env, database(env), { shopId: seller.shop.id });
    expect(from).toEqual({
      name: seller.shop.name,
      phone: "+6653123456",
      street: "12 ถนนนิมมานเหมินท์ ซอย 9, ชั้น 2",
      city: "สุเทพ, เมืองเชียงใหม่",
      province: "เชียงใหม่",
      postalCode: "50200",
      country: "TH",
    });
    const { fetchFn, calls } = recordingFetch(ok(CREATED));
    const { recipientName, street, city, province, postalCode } = ADDRESS.TH;
    await courier(fetchFn).book({
      reference: "shp_01JFLASHPICKUP00000000001",
      orderNumber: "TC-TH-000778",
      service: "standard",
      from,
      to: { name: recipientName, phone: "+66812345678", street, city, province, postalCode, country: "TH" },
      parcels: [{ weightGrams: 800 }],
    });
    expect(calls[0].url).toMatch(/\/open\/v3\/orders$/);
    expect(form(calls[0])).toMatchObject({
      srcName: seller.shop.name,
      srcPhone: "053123456",
      srcProvinceName: "เชียงใหม่",
      srcCityName: "สุเทพ, เมืองเชียงใหม่",
      srcPostalCode: "50200",
      srcDetailAddress: "12 ถนนนิมมานเหมินท์ ซอย 9, ชั้น 2",
    });
  });

  it("without a pickup address the party is the one-line address alone, as before", async () => {
    const { seller } = await thaiShopCart({ phone: "053 123 456", address: "ถนนนิมมานเหมินท์ เชียงใหม่ 50200" });
    expect(await shopParty(env, database(env), { shopId: seller.shop.id })).toMatchObject({
      street: "ถนนนิมมานเหมินท์ เชียงใหม่ 50200",
      city: "",
      province: "",
      postalCode: "",
    });
  });
});
