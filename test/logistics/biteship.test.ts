import { describe, expect, it } from "vitest";
import { BiteshipCourier, UnpricedAddress } from "../../workers/logistics";
import { ApiError } from "../../workers/platform/errors";
import { ProviderError } from "../../workers/platform/provider-http";
import { json, recordingFetch, rejection } from "../support/recording-fetch";
import { BITESHIP_ORDER, BITESHIP_RATES, biteshipStatusWebhook } from "./biteship-fixtures";

// Biteship per biteship.com/en/docs/api: Authorization with the API key, POST /v1/rates/couriers,
// POST /v1/orders, GET /v1/orders/{id}, POST /v1/orders/{id}/cancel, and webhooks carrying the
// header and secret set with them in Biteship's dashboard.

const NOW = Date.UTC(2026, 11, 7, 3, 0);
const KEY = "biteship_test.key-123";
const HEADER = "X-Biteship-Webhook-Secret";

function courier(fetchFn: typeof fetch, webhookSecret = "hook-secret") {
  return new BiteshipCourier({
    baseUrl: "https://api.biteship.com",
    apiKey: KEY,
    webhookHeader: HEADER,
    webhookSecret,
    timeoutMs: 2000,
    fetchFn,
    now: () => NOW,
  });
}

const shop = {
  name: "Toko Batik Sari",
  phone: "+6281234567890",
  email: "sari@example.id",
  street: "Jl. Malioboro No. 12, Yogyakarta 55271",
  city: "",
  province: "",
  postalCode: "",
  country: "ID",
};
const buyer = {
  name: "Budi Santoso",
  phone: "+6281298765432",
  street: "Jl. R.A. Kartini No. 5",
  city: "Jakarta Selatan",
  province: "DKI Jakarta",
  postalCode: "12440",
  country: "ID",
};

const booking = (cod?: number) => ({
  reference: "shp_01JABCDEF0123456789XYZ",
  orderNumber: "TC-ID-000123",
  service: "jne_reg",
  from: shop,
  to: buyer,
  parcels: [{ weightGrams: 1500, lengthCm: 30, widthCm: 20, heightCm: 10 }],
  declaredValue: { amount: 25_000_000, currency: "IDR" as const },
  ...(cod ? { cod: { amount: cod, currency: "IDR" as const } } : {}),
});

describe("Biteship courier", () => {
  it("prices a service with POST /v1/rates/couriers between two postal codes, in rupiah", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, BITESHIP_RATES), json(200, BITESHIP_RATES));
    const bs = courier(fetchFn);
    const request = {
      service: "sicepat_best",
      from: { country: "ID", postalCode: "55271" },
      to: { country: "ID", postalCode: "12440" },
      weightGrams: 1250,
      currency: "IDR" as const,
    };
    expect(await bs.rate(request)).toEqual({ amount: 1_200_000, currency: "IDR" });
    expect(calls[0].method).toBe("POST");
    expect(calls[0].url).toBe("https://api.biteship.com/v1/rates/couriers");
    expect(calls[0].headers.get("Authorization")).toBe(KEY);
    expect(calls[0].headers.get("Content-Type")).toBe("application/json");
    expect(JSON.parse(calls[0].body)).toEqual({
      origin_postal_code: 55271,
      destination_postal_code: 12440,
      couriers: "sicepat",
      items: [{ name: "Parcel", value: 0, quantity: 1, weight: 1250 }],
    });
    // A service Biteship did not price (J&T EZ is not in the answer) is no price: the rate card stands.
    expect(await bs.rate({ ...request, service: "jnt_ez" })).toBeNull();
    // Without the shop's postal code (neither its field nor its address line) nothing is asked: the end is named.
    const unpriced = await rejection(
      bs.rate({ ...request, from: { country: "ID", street: "Jl. Malioboro No. 12" } }),
      UnpricedAddress,
    );
    expect(unpriced.side).toBe("origin");
    expect(unpriced.message).toMatch(/kode pos/);
    expect(calls).toHaveLength(2);
  });

  it("books POST /v1/orders with both ends, the courier service, our reference and the parcel", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, BITESHIP_ORDER));
    const booked = await courier(fetchFn).book(booking());
    expect(booked).toEqual({
      trackingNumber: "5dd599ebdefcd4158eb8470b",
      pickup: { reference: "5dd599ebdefcd4158eb8470b", from: NOW, until: NOW + 24 * 3_600_000 },
    });
    expect(calls[0].url).toBe("https://api.biteship.com/v1/orders");
    expect(calls[0].headers.get("Authorization")).toBe(KEY);
    expect(JSON.parse(calls[0].body)).toEqual({
      shipper_contact_name: "Toko Batik Sari",
      shipper_contact_phone: "+6281234567890",
      shipper_contact_email: "sari@example.id",
      shipper_organization: "Toko Batik Sari",
      origin_contact_name: "Toko Batik Sari",
      origin_contact_phone: "+6281234567890",
      origin_contact_email: "sari@example.id",
      origin_address: "Jl. Malioboro No. 12, Yogyakarta 55271",
      origin_postal_code: 55271,
      origin_collection_method: "pickup",
      destination_contact_name: "Budi Santoso",
      destination_contact_phone: "+6281298765432",
      destination_address: "Jl. R.A. Kartini No. 5, Jakarta Selatan, DKI Jakarta",
      destination_postal_code: 12440,
      courier_company: "jne",
      courier_type: "reg",
      delivery_type: "now",
      reference_id: "shp_01JABCDEF0123456789XYZ",
      order_note: "Order TC-ID-000123",
      items: [
        { name: "Order TC-ID-000123", value: 250000, quantity: 1, weight: 1500, length: 30, width: 20, height: 10 },
      ],
    });
  });

  it("books cash on delivery as destination_cash_on_delivery in whole rupiah, paid over in 7 days", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, BITESHIP_ORDER));
    await courier(fetchFn).book(booking(50_000_000));
    expect(JSON.parse(calls[0].body)).toMatchObject({
      destination_cash_on_delivery: 500000,
      destination_cash_on_delivery_type: "7_days",
    });
  });

  it("takes a repeated booking's refusal naming our reference as the order already booked", async () => {
    const { fetchFn } = recordingFetch(
      json(400, {
        success: false,
        error: "Reference ID already exists",
        code: 40002036,
        details: { reference_id: "shp_01JABCDEF0123456789XYZ", order_id: "5dd599ebdefcd4158eb8470b" },
      }),
    );
    expect((await courier(fetchFn).book(booking())).trackingNumber).toBe("5dd599ebdefcd4158eb8470b");
  });

  it("refuses a booking without the shop's postal code before calling, and reports Biteship's refusals", async () => {
    const none = recordingFetch();
    const noPostal = { ...booking(), from: { ...shop, street: "Jl. Malioboro No. 12, Yogyakarta" } };
    const err = await rejection(courier(none.fetchFn).book(noPostal), ApiError);
    expect(err.code).toBe("validation_failed");
    expect(none.calls).toHaveLength(0);

    const refused = recordingFetch(
      json(400, { success: false, error: "Courier is not available for cash on delivery service", code: 40002009 }),
    );
    const providerErr = await rejection(courier(refused.fetchFn).book(booking(50_000_000)), ProviderError);
    expect(providerErr.retryable).toBe(false);
    expect(providerErr.message).toContain("40002009");
    expect(providerErr.message).toContain("not available for cash on delivery");
    const down = recordingFetch(new Error("connect ECONNREFUSED"));
    expect((await rejection(courier(down.fetchFn).book(booking()), ProviderError)).retryable).toBe(true);
  });

  it("cancels with POST /v1/orders/{id}/cancel and a reason code", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, { success: true, object: "order", id: "5dd599ebdefcd4158eb8470b", status: "cancelled" }),
    );
    await courier(fetchFn).cancel("5dd599ebdefcd4158eb8470b");
    expect(`${calls[0].method} ${calls[0].url}`).toBe(
      "POST https://api.biteship.com/v1/orders/5dd599ebdefcd4158eb8470b/cancel",
    );
    expect(calls[0].headers.get("Authorization")).toBe(KEY);
    expect(JSON.parse(calls[0].body)).toEqual({
      cancellation_reason_code: "others",
      cancellation_reason: "Cancelled by the seller before pickup",
    });
    const late = recordingFetch(json(400, { success: false, error: "Order can not be cancelled", code: 40002030 }));
    expect((await rejection(courier(late.fetchFn).cancel("x"), ProviderError)).retryable).toBe(false);
  });

  it("tracks by GET /v1/orders/{id}: the courier's history in our words, each status once", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, BITESHIP_ORDER));
    const events = await courier(fetchFn).track("5dd599ebdefcd4158eb8470b");
    expect(`${calls[0].method} ${calls[0].url}`).toBe(
      "GET https://api.biteship.com/v1/orders/5dd599ebdefcd4158eb8470b",
    );
    expect(calls[0].headers.get("Authorization")).toBe(KEY);
    // Each carries its courier's note: their own words, shown as given, so no detail of ours.
    expect(events).toEqual([
      {
        trackingNumber: "5dd599ebdefcd4158eb8470b",
        eventKey: "bs:picked",
        status: "picked_up",
        description: "Item has been picked and ready to be shipped.",
        at: Date.parse("2026-12-07T14:43:00+07:00"),
      },
      {
        trackingNumber: "5dd599ebdefcd4158eb8470b",
        eventKey: "bs:dropping_off",
        status: "in_transit",
        description: "Item is on the way to customer.",
        at: Date.parse("2026-12-08T09:29:00+07:00"),
      },
      {
        trackingNumber: "5dd599ebdefcd4158eb8470b",
        eventKey: "bs:delivered",
        status: "delivered",
        description: "Item has been delivered.",
        at: Date.parse("2026-12-08T11:15:00+07:00"),
      },
    ]);
  });

  it("draws its own label PDF from the order: courier, waybill, both ends and the COD amount", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, BITESHIP_ORDER));
    const pdf = new TextDecoder().decode(await courier(fetchFn).label("5dd599ebdefcd4158eb8470b"));
    expect(calls[0].url).toBe("https://api.biteship.com/v1/orders/5dd599ebdefcd4158eb8470b");
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf).toContain("(Biteship - JNE REG)");
    expect(pdf).toContain("(Waybill: WYB-1112223333443)");
    expect(pdf).toContain("(To: Budi Santoso +6281298765432)");
    expect(pdf).toContain("(COD: IDR 500000)");
  });

  it("verifies webhooks by the header and secret set in Biteship's dashboard; forged ones are refused", async () => {
    const bs = courier(recordingFetch().fetchFn, "hook-secret");
    const rawBody = JSON.stringify(biteshipStatusWebhook("delivered"));
    const signed = new Headers({ [HEADER]: "hook-secret", "Content-Type": "application/json" });
    expect(await bs.verifyWebhook({ rawBody, headers: signed })).toEqual([
      {
        trackingNumber: "5dd599ebdefcd4158eb8470b",
        eventKey: "bs:delivered",
        status: "delivered",
        description: "Delivered.",
        detail: "delivered_to_recipient",
        at: Date.parse("2026-12-08T11:15:00+07:00"),
      },
    ]);
    // The same webhook again names the same event (the key), so it is applied once.
    const again = await bs.verifyWebhook({ rawBody, headers: signed });
    expect(again?.[0].eventKey).toBe("bs:delivered");
    expect(await bs.verifyWebhook({ rawBody, headers: new Headers({ [HEADER]: "guessed" }) })).toBeNull();
    expect(await bs.verifyWebhook({ rawBody, headers: new Headers({ "X-Other": "hook-secret" }) })).toBeNull();
    expect(await bs.verifyWebhook({ rawBody, headers: new Headers() })).toBeNull();
    expect(await courier(recordingFetch().fetchFn, "").verifyWebhook({ rawBody, headers: signed })).toBeNull();
    // A genuine order.waybill_id event, or a status we do not track, is acknowledged with no update.
    const waybill = JSON.stringify({
      event: "order.waybill_id",
      order_id: "5dd599ebdefcd4158eb8470b",
      courier_waybill_id: "WYB-1",
    });
    expect(await bs.verifyWebhook({ rawBody: waybill, headers: signed })).toEqual([]);
    const allocated = JSON.stringify(biteshipStatusWebhook("allocated"));
    expect(await bs.verifyWebhook({ rawBody: allocated, headers: signed })).toEqual([]);
  });
});
