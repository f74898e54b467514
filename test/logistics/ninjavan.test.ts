import { describe, expect, it } from "vitest";
import { labelPdf, NinjaVanCourier } from "../../workers/logistics";
import { ProviderError } from "../../workers/platform/provider-http";
import { json, recordingFetch, rejection } from "../support/recording-fetch";

// Ninja Van per api-docs.ninjavan.co: OAuth client credentials, Order API 4.2, cancel 2.2, waybill,
// tracking events, and webhooks signed X-Ninjavan-Hmac-Sha256 = base64(HMAC-SHA256(secret, body)).

const NOW = Date.UTC(2026, 11, 7, 3, 0);
let clientSeq = 0;

function courier(fetchFn: typeof fetch, secret = "nv-secret") {
  // A fresh client id per test: access tokens are cached per client.
  clientSeq += 1;
  return new NinjaVanCourier({
    baseUrl: "https://api-sandbox.ninjavan.co",
    clientId: `client-${clientSeq}-${crypto.randomUUID()}`,
    clientSecret: secret,
    country: "SG",
    timeoutMs: 2000,
    fetchFn,
    now: () => NOW,
  });
}

const token = () =>
  json(200, { access_token: "tok-123", expires: NOW / 1000 + 3600, token_type: "bearer", expires_in: 3600 });

const party = (country: string) => ({
  name: "Tan Wei Ming",
  phone: "+6581234567",
  street: "1 Raffles Place",
  city: "Singapore",
  province: "Singapore",
  postalCode: "048616",
  country,
});

async function nvSignature(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)));
  return btoa(String.fromCharCode(...mac));
}

describe("Ninja Van courier", () => {
  it("books an order: OAuth token first, then POST /sg/4.2/orders with the parcel, COD and a stable requested tracking number", async () => {
    const { fetchFn, calls } = recordingFetch(
      token(),
      json(200, { tracking_number: "NVSGTCHAT000123", service_type: "Parcel", service_level: "Standard" }),
    );
    const booking = await courier(fetchFn).book({
      reference: "shp_01JABCDEF0123456789XYZ",
      orderNumber: "TC-SG-000123",
      service: "standard",
      from: party("SG"),
      to: party("SG"),
      parcels: [{ weightGrams: 1500, lengthCm: 30, widthCm: 20, heightCm: 10 }],
      cod: { amount: 4550, currency: "SGD" },
    });
    // The pickup is scheduled with the order: tomorrow 09:00–12:00 Singapore time.
    expect(booking).toEqual({
      trackingNumber: "NVSGTCHAT000123",
      pickup: {
        reference: "NVSGTCHAT000123",
        from: Date.parse("2026-12-08T01:00:00Z"),
        until: Date.parse("2026-12-08T04:00:00Z"),
      },
    });

    expect(calls[0].url).toBe("https://api-sandbox.ninjavan.co/sg/2.0/oauth/access_token");
    expect(calls[0].method).toBe("POST");
    expect(JSON.parse(calls[0].body)).toMatchObject({ client_secret: "nv-secret", grant_type: "client_credentials" });

    expect(calls[1].url).toBe("https://api-sandbox.ninjavan.co/sg/4.2/orders");
    expect(calls[1].headers.get("Authorization")).toBe("Bearer tok-123");
    const body = JSON.parse(calls[1].body);
    expect(body).toMatchObject({
      service_type: "Parcel",
      service_level: "Standard",
      requested_tracking_number: "456789XYZ",
      reference: { merchant_order_number: "TC-SG-000123" },
      from: { name: "Tan Wei Ming", address: { country: "SG", postcode: "048616", address_type: "office" } },
      to: { address: { address_type: "home" } },
      parcel_job: {
        is_pickup_required: true,
        pickup_date: "2026-12-08",
        delivery_start_date: "2026-12-09",
        pickup_timeslot: { start_time: "09:00", end_time: "12:00", timezone: "Asia/Singapore" },
        cash_on_delivery: 45.5,
        dimensions: { weight: 1.5, length: 30, width: 20, height: 10 },
      },
    });
  });

  it("reuses the access token, cancels with DELETE /sg/2.2/orders/{tn} and reads tracking events", async () => {
    const { fetchFn, calls } = recordingFetch(
      token(),
      json(200, { trackingId: "NVSGTCHAT000123", status: "Cancelled", updatedAt: "2026-12-07T03:00:00Z" }),
      json(200, {
        tracking_number: "NVSGTCHAT000123",
        is_full_history_available: true,
        events: [
          { id: 11, status: "Pending Pickup", timestamp: "2026-12-07T03:00:00Z" },
          { id: 12, status: "Picked Up, In Transit To Origin Hub", timestamp: "2026-12-08T02:00:00Z" },
          { id: 13, status: "On Vehicle for Delivery", timestamp: "2026-12-09T01:00:00Z" },
          { id: 14, status: "Delivered, Received by Customer", timestamp: "2026-12-09T05:00:00Z" },
        ],
      }),
    );
    const nv = courier(fetchFn);
    await nv.cancel("NVSGTCHAT000123");
    const events = await nv.track("NVSGTCHAT000123");
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "POST https://api-sandbox.ninjavan.co/sg/2.0/oauth/access_token",
      "DELETE https://api-sandbox.ninjavan.co/sg/2.2/orders/NVSGTCHAT000123",
      "GET https://api-sandbox.ninjavan.co/sg/1.0/orders/tracking-events/NVSGTCHAT000123",
    ]);
    expect(events.map((e) => [e.status, e.eventKey])).toEqual([
      ["picked_up", "nv:12"],
      ["out_for_delivery", "nv:13"],
      ["delivered", "nv:14"],
    ]);
    expect(events[2].at).toBe(Date.parse("2026-12-09T05:00:00Z"));
  });

  it("prices a parcel with the Tariff API: POST /sg/1.0/public/price with service, weight and both addresses", async () => {
    const { fetchFn, calls } = recordingFetch(
      token(),
      json(200, { data: { total_fee: 7.5 } }),
      json(200, { price: 9, currency: "MYR" }),
    );
    const nv = courier(fetchFn);
    const request = {
      service: "express",
      from: { country: "SG", postalCode: "018956" },
      to: { country: "SG", postalCode: "048616" },
      weightGrams: 1250,
      currency: "SGD" as const,
    };
    expect(await nv.rate(request)).toEqual({ amount: 750, currency: "SGD" });
    expect(calls[1].url).toBe("https://api-sandbox.ninjavan.co/sg/1.0/public/price");
    expect(calls[1].headers.get("Authorization")).toBe("Bearer tok-123");
    expect(JSON.parse(calls[1].body)).toEqual({
      service_type: "Parcel",
      service_level: "Express",
      weight: 1.25,
      from: { address: { country: "SG", postcode: "018956" } },
      to: { address: { country: "SG", postcode: "048616" } },
    });
    // An estimate in another currency than the buyer's is no price at all: the rate card stands.
    expect(await nv.rate(request)).toBeNull();
  });

  it("fetches the waybill PDF as bytes", async () => {
    const pdf = labelPdf(["Ninja Van", "NVSGTCHAT000123"]);
    const { fetchFn, calls } = recordingFetch(
      token(),
      new Response(pdf, { status: 200, headers: { "Content-Type": "application/pdf" } }),
    );
    const bytes = await courier(fetchFn).label("NVSGTCHAT000123");
    expect(calls[1].url).toBe("https://api-sandbox.ninjavan.co/sg/2.0/reports/waybill?tids=NVSGTCHAT000123&h=0");
    expect(calls[1].headers.get("Authorization")).toBe("Bearer tok-123");
    expect(bytes).toEqual(pdf);
  });

  it("turns refusals and outages into ProviderErrors that say whether to retry", async () => {
    const refused = recordingFetch(
      token(),
      json(400, { error: { title: "Invalid request", message: "to.address.postcode is invalid" } }),
    );
    const err = await rejection(
      courier(refused.fetchFn).book({
        reference: "shp_x",
        orderNumber: "1",
        service: "standard",
        from: party("SG"),
        to: party("SG"),
        parcels: [{ weightGrams: 500 }],
      }),
      ProviderError,
    );
    expect(err.retryable).toBe(false);
    expect(err.message).toContain("postcode is invalid");

    const down = recordingFetch(new Error("connect ECONNREFUSED"));
    expect((await rejection(courier(down.fetchFn).cancel("NV1"), ProviderError)).retryable).toBe(true);
    const badCredentials = recordingFetch(json(401, { error: { message: "invalid client" } }));
    expect((await rejection(courier(badCredentials.fetchFn).cancel("NV1"), ProviderError)).retryable).toBe(false);
  });

  it("verifies webhooks by X-Ninjavan-Hmac-Sha256 over the raw body; anything else is refused", async () => {
    const nv = courier(recordingFetch().fetchFn, "hook-secret");
    const rawBody = JSON.stringify({
      shipper_id: 1234,
      status: "Delivered, Received by Customer",
      tracking_id: "NVSGTCHAT000123",
      shipper_order_ref_no: "TC-SG-000123",
      timestamp: "2026-12-09T05:00:00+0800",
      id: "9f0c2c9e",
    });
    const signed = new Headers({ "X-Ninjavan-Hmac-Sha256": await nvSignature("hook-secret", rawBody) });
    expect(await nv.verifyWebhook({ rawBody, headers: signed })).toEqual([
      {
        trackingNumber: "NVSGTCHAT000123",
        eventKey: "nv:9f0c2c9e",
        status: "delivered",
        description: "Delivered, Received by Customer",
        at: Date.parse("2026-12-09T05:00:00+0800"),
      },
    ]);
    expect(await nv.verifyWebhook({ rawBody: rawBody.replace("Delivered", "Returned"), headers: signed })).toBeNull();
    const other = new Headers({ "X-Ninjavan-Hmac-Sha256": await nvSignature("another-secret", rawBody) });
    expect(await nv.verifyWebhook({ rawBody, headers: other })).toBeNull();
    expect(await nv.verifyWebhook({ rawBody, headers: new Headers() })).toBeNull();
    // A genuine webhook about a status we do not track is acknowledged with no update.
    const pending = JSON.stringify({ status: "Pending Pickup", tracking_id: "NV1", timestamp: "2026-12-07T03:00:00Z" });
    const pendingHeaders = new Headers({ "X-Ninjavan-Hmac-Sha256": await nvSignature("hook-secret", pending) });
    expect(await nv.verifyWebhook({ rawBody: pending, headers: pendingHeaders })).toEqual([]);
  });
});
