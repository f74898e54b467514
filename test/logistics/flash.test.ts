import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { liveRates, UnpricedAddress } from "../../workers/logistics";
import { readConfig } from "../../workers/platform/config";
import { ApiError } from "../../workers/platform/errors";
import { ProviderError } from "../../workers/platform/provider-http";
import { quoteShipping } from "../../workers/shipping";
import { json, recordingFetch, rejection } from "../support/recording-fetch";
import {
  API,
  CREATED,
  courier,
  ESTIMATE,
  MCH_ID,
  NONCE,
  ok,
  PDF,
  refused,
  routes,
  SECRET,
  sha256Upper,
} from "./flash-fixtures";

// Flash Express per its Open API: every call a form POST carrying mchId, nonceStr and sign (SHA-256,
// upper-case hex, of the non-blank parameters sorted by name as k=v&..., then &key=<secret>),
// answered by `{ code, message, data }` with code 1 for success.

const shop = {
  name: "ร้านสยามลิฟวิ่ง",
  phone: "053123456",
  street: "ถนนนิมมานเหมินท์ เชียงใหม่ 50200",
  city: "",
  province: "",
  postalCode: "",
  country: "TH",
};
const buyer = {
  name: "สมชาย ใจดี",
  // E.164 as our addresses hold it; Flash is sent the national form.
  phone: "+66 81 234 5678",
  street: "1 Sukhumvit Soi 11",
  city: "Watthana",
  province: "Bangkok",
  postalCode: "10110",
  country: "TH",
};
const booking = (cod?: number) => ({
  reference: "shp_01JFLASH0000000000000001",
  orderNumber: "TC-TH-000777",
  service: "standard",
  from: shop,
  to: buyer,
  parcels: [{ weightGrams: 1200, lengthCm: 30, widthCm: 20, heightCm: 10.5 }],
  ...(cod ? { cod: { amount: cod, currency: "THB" as const } } : {}),
});

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

function expectFormPost(call: { method: string; headers: Headers }) {
  expect(call.method).toBe("POST");
  expect(call.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
}

describe("Flash Express courier", () => {
  it("prices with POST /open/v1/orders/estimate_rate, signed over the sorted parameters, in satang", async () => {
    const { fetchFn, calls } = recordingFetch(ok(ESTIMATE));
    const request = {
      service: "standard",
      from: { country: "TH", postalCode: "50200", city: "เมืองเชียงใหม่", province: "เชียงใหม่" },
      to: { country: "TH", postalCode: "10110", city: "Watthana", province: "Bangkok" },
      weightGrams: 1249.6,
      currency: "THB" as const,
    };
    expect(await courier(fetchFn).rate(request)).toEqual({ amount: 3500, currency: "THB" });
    expect(calls[0].url).toBe(`${API}/open/v1/orders/estimate_rate`);
    expectFormPost(calls[0]);
    expect(calls[0].headers.get("Accept")).toBe("application/json");
    expect(calls[0].headers.get("Accept-Language")).toBe("en");
    const canonical =
      "dstCityName=Watthana&dstPostalCode=10110&dstProvinceName=Bangkok&expressCategory=1" +
      `&mchId=${MCH_ID}&nonceStr=${NONCE}&srcCityName=เมืองเชียงใหม่&srcPostalCode=50200` +
      `&srcProvinceName=เชียงใหม่&weight=1250&key=${SECRET}`;
    expect(form(calls[0].body)).toEqual({
      mchId: MCH_ID,
      nonceStr: NONCE,
      srcProvinceName: "เชียงใหม่",
      srcCityName: "เมืองเชียงใหม่",
      srcPostalCode: "50200",
      dstProvinceName: "Bangkok",
      dstCityName: "Watthana",
      dstPostalCode: "10110",
      weight: "1250",
      expressCategory: "1",
      sign: await sha256Upper(canonical),
    });
  });

  it("asks nothing where it cannot price (no shop district, no postal code, abroad, another currency): the rate card stands", async () => {
    const { fetchFn, calls } = recordingFetch();
    const flash = courier(fetchFn);
    const base = {
      service: "standard",
      from: { country: "TH", postalCode: "50200" },
      to: { country: "TH", postalCode: "10110", city: "Watthana", province: "Bangkok" },
      weightGrams: 500,
      currency: "THB" as const,
    };
    expect((await rejection(flash.rate(base), UnpricedAddress)).side).toBe("origin");
    const placed = { ...base, from: { ...base.from, city: "เมืองเชียงใหม่", province: "เชียงใหม่" } };
    expect(await flash.rate({ ...placed, currency: "SGD" })).toBeNull();
    expect(await flash.rate({ ...placed, service: "express" })).toBeNull();
    const short = { ...placed, to: { ...placed.to, postalCode: "1011" } };
    expect((await rejection(flash.rate(short), UnpricedAddress)).side).toBe("destination");
    expect(calls).toHaveLength(0);
  });

  it("a rate call that hangs gives up after the timeout with a retryable error (live rates then keep the card)", async () => {
    // A courier that never answers: only the call's own timeout (its abort signal) ends the wait.
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as unknown as typeof fetch;
    const err = await rejection(
      courier(hanging, { timeoutMs: 50 }).rate({
        service: "standard",
        from: { country: "TH", postalCode: "50200", city: "เมืองเชียงใหม่", province: "เชียงใหม่" },
        to: { country: "TH", postalCode: "10110", city: "Watthana", province: "Bangkok" },
        weightGrams: 500,
        currency: "THB",
      }),
      ProviderError,
    );
    expect(err.retryable).toBe(true);
    expect((err.cause as { name?: string }).name).toBe("TimeoutError");
  });

  it("live rates keep the TH rate card's Flash Express price while the shop has no district: origin_unresolved", async () => {
    const config = readConfig(env);
    const live = {
      ...config,
      logistics: { ...config.logistics, liveRates: true, timeoutMs: 50, ratesCacheSeconds: 0 },
    };
    const options = quoteShipping({
      items: [{ weightGrams: 800, quantity: 1 }],
      destination: { country: "TH" },
      shopCountry: "TH",
      currency: "THB",
    });
    expect(options.map((o) => o.courier)).toContain("Flash Express");
    const { fetchFn, calls } = recordingFetch();
    const answer = await liveRates(
      env,
      live,
      {
        shopId: "shp_flash_no_district",
        shopCountry: "TH",
        destination: { country: "TH", postalCode: "10110", city: "Watthana", province: "Bangkok" },
        grams: 800,
        currency: "THB",
        options,
      },
      fetchFn,
    );
    expect(answer.options).toEqual(options);
    expect(answer.fallback).toContainEqual(
      expect.objectContaining({
        courier: "flash",
        reason: "origin_unresolved",
        detail: expect.stringMatching(/district/),
      }),
    );
    expect(calls.filter((c) => c.url.startsWith(config.logistics.flashBaseUrl))).toHaveLength(0);
  });

  it("books with POST /open/v3/orders: the shop as sender, our shipment id as outTradeNo, COD in satang", async () => {
    const { fetchFn, calls } = recordingFetch(ok(CREATED));
    expect(await courier(fetchFn).book(booking(129_950))).toEqual({ trackingNumber: "TH014276DR9A" });
    expect(calls[0].url).toBe(`${API}/open/v3/orders`);
    expectFormPost(calls[0]);
    const fields = {
      articleCategory: "99",
      codAmount: "129950",
      codEnabled: "1",
      dstCityName: "Watthana",
      dstDetailAddress: "1 Sukhumvit Soi 11",
      dstName: "สมชาย ใจดี",
      dstPhone: "0812345678",
      dstPostalCode: "10110",
      dstProvinceName: "Bangkok",
      expressCategory: "1",
      height: "11",
      insured: "0",
      length: "30",
      mchId: MCH_ID,
      nonceStr: NONCE,
      outTradeNo: "shp_01JFLASH0000000000000001",
      remark: "Order TC-TH-000777",
      srcDetailAddress: "ถนนนิมมานเหมินท์ เชียงใหม่ 50200",
      srcName: "ร้านสยามลิฟวิ่ง",
      srcPhone: "053123456",
      srcPostalCode: "50200",
      weight: "1200",
      width: "20",
    };
    // The documented rule spelled out: every non-blank parameter by name, then the key.
    const canonical = `${Object.entries(fields)
      .map(([k, v]) => `${k}=${v}`)
      .join("&")}&key=${SECRET}`;
    expect(form(calls[0].body)).toEqual({ ...fields, sign: await sha256Upper(canonical) });
  });

  it("a prepaid parcel carries codEnabled 0; COD in another currency and a shop without postal code are refused before any call", async () => {
    const { fetchFn, calls } = recordingFetch(ok(CREATED));
    await courier(fetchFn).book(booking());
    expect(form(calls[0].body)).toMatchObject({ codEnabled: "0" });
    expect(form(calls[0].body).codAmount).toBeUndefined();

    const none = recordingFetch();
    const flash = courier(none.fetchFn);
    const baht = await rejection(flash.book({ ...booking(), cod: { amount: 5000, currency: "SGD" } }), ApiError);
    expect(baht.code).toBe("cod_not_allowed");
    const noPostal = await rejection(
      flash.book({ ...booking(), from: { ...shop, street: "ถนนนิมมานเหมินท์" } }),
      ApiError,
    );
    expect(noPostal.code).toBe("validation_failed");
    const noDistrict = await rejection(flash.book({ ...booking(), to: { ...buyer, city: "" } }), ApiError);
    expect(noDistrict.code).toBe("validation_failed");
    expect(none.calls).toHaveLength(0);
  });

  it("maps Flash's refusals: 1003 (booked already) a conflict to act on, 1004 final, its internal error 0 retryable", async () => {
    const again = recordingFetch(refused(1003, "Order is exists"));
    expect((await rejection(courier(again.fetchFn).book(booking()), ApiError)).code).toBe("conflict");
    const address = recordingFetch(refused(1004, "Sender address does not match"));
    const final = await rejection(courier(address.fetchFn).book(booking()), ProviderError);
    expect([final.retryable, final.providerCode]).toEqual([false, 1004]);
    const internal = recordingFetch(refused(0, "internal server error"));
    expect((await rejection(courier(internal.fetchFn).book(booking()), ProviderError)).retryable).toBe(true);
    const down = recordingFetch(json(502, { message: "Bad gateway" }));
    expect((await rejection(courier(down.fetchFn).book(booking()), ProviderError)).retryable).toBe(true);
  });

  it("cancels with POST /open/v1/orders/{pno}/cancel; a parcel already picked up (1015) is refused for good", async () => {
    const { fetchFn, calls } = recordingFetch(ok(null), refused(1015, "Parcel is picked up, not allowed to cancel"));
    const flash = courier(fetchFn);
    await flash.cancel("TH014276DR9A");
    expect(calls[0].url).toBe(`${API}/open/v1/orders/TH014276DR9A/cancel`);
    expectFormPost(calls[0]);
    const sign = await sha256Upper(`mchId=${MCH_ID}&nonceStr=${NONCE}&key=${SECRET}`);
    expect(form(calls[0].body)).toEqual({ mchId: MCH_ID, nonceStr: NONCE, sign });
    const picked = await rejection(flash.cancel("TH014276DR9A"), ProviderError);
    expect([picked.retryable, picked.providerCode]).toEqual([false, 1015]);
  });

  it("prints the label with POST /open/v1/orders/{pno}/pre_print: the PDF as it comes, a JSON refusal an error", async () => {
    const pdf = new Response(PDF, { status: 200, headers: { "Content-Type": "application/pdf" } });
    const { fetchFn, calls } = recordingFetch(pdf, refused(1006, "order not found"));
    const flash = courier(fetchFn);
    expect(new TextDecoder().decode(await flash.label("TH014276DR9A"))).toMatch(/^%PDF-/);
    expect(calls[0].url).toBe(`${API}/open/v1/orders/TH014276DR9A/pre_print`);
    expectFormPost(calls[0]);
    expect(calls[0].headers.get("Accept")).toBe("application/pdf");
    const sign = await sha256Upper(`mchId=${MCH_ID}&nonceStr=${NONCE}&key=${SECRET}`);
    expect(form(calls[0].body)).toEqual({ mchId: MCH_ID, nonceStr: NONCE, sign });
    const err = await rejection(flash.label("NOPE"), ProviderError);
    expect([err.retryable, err.providerCode]).toEqual([false, 1006]);
  });

  it("tracks with POST /open/v1/orders/{pno}/routes: each route once, oldest first, in our words", async () => {
    const start = 1_765_000_000;
    const log = routes("TH014276DR9A", 6, start);
    // A route Flash repeats, and one that moves nothing (a change of details), change nothing.
    log.routes.push(
      { ...log.routes[0] },
      { routeAction: "CHANGE_PARCEL_INFO", message: "x", state: 2, routedAt: start + 1 },
    );
    const { fetchFn, calls } = recordingFetch(ok(log));
    const updates = await courier(fetchFn).track("TH014276DR9A");
    expect(calls[0].url).toBe(`${API}/open/v1/orders/TH014276DR9A/routes`);
    expectFormPost(calls[0]);
    expect(updates.map((u) => [u.status, u.eventKey, u.at])).toEqual([
      ["picked_up", `flash:RECEIVED@${start}`, start * 1000],
      ["in_transit", `flash:RECEIVE_WAREHOUSE_SCAN@${start + 600}`, (start + 600) * 1000],
      ["in_transit", `flash:SHIPMENT_WAREHOUSE_SCAN@${start + 1200}`, (start + 1200) * 1000],
      ["in_transit", `flash:ARRIVAL_WAREHOUSE_SCAN@${start + 1800}`, (start + 1800) * 1000],
      ["out_for_delivery", `flash:DELIVERY_TICKET_CREATION_SCAN@${start + 2400}`, (start + 2400) * 1000],
      ["delivered", `flash:DELIVERY_CONFIRM@${start + 3000}`, (start + 3000) * 1000],
    ]);
    // Our English sentence stays as API clients read it; its detail is what the reader's page words.
    expect(updates.map((u) => [u.description, u.detail])).toEqual([
      ["Picked up by Flash Express.", "picked_up_by_courier"],
      ["Received at a Flash Express branch.", "at_branch"],
      ["Sent on from a Flash Express branch.", "left_branch"],
      ["Arrived at a Flash Express branch.", "at_branch"],
      ["Out for delivery.", "out_for_delivery"],
      ["Delivered to the recipient.", "delivered_to_recipient"],
    ]);
  });

  it("a failed attempt is part of the round; the return is the failure; a parcel back home is returned", async () => {
    const start = 1_765_000_000;
    const log = [
      { routeAction: "RECEIVED", message: "picked up", state: 1 },
      { routeAction: "DELIVERY_TICKET_CREATION_SCAN", message: "out", state: 3 },
      { routeAction: "DIFFICULTY_HANDOVER", message: "nobody home", state: 6 },
      { routeAction: "SYSTEM_AUTO_RETURN", message: "returning", state: 2 },
    ];
    const back = {
      ...routes("TH0142RETURN", 4, start, log),
      state: 7,
      stateText: "Returned",
      stateChangeAt: start + 9000,
    };
    const { fetchFn } = recordingFetch(ok(back));
    const updates = await courier(fetchFn).track("TH0142RETURN");
    expect(updates.map((u) => u.status)).toEqual([
      "picked_up",
      "out_for_delivery",
      "out_for_delivery",
      "failed",
      "returned",
    ]);
    expect(updates.map((u) => u.detail)).toEqual([
      "picked_up_by_courier",
      "out_for_delivery",
      "delivery_attempt_failed",
      "being_returned",
      "returned_to_shop",
    ]);
    expect(updates.at(-1)?.eventKey).toBe(`flash:state7@${start + 9000}`);
  });
});
