import { describe, expect, it } from "vitest";
import { labelPdf, UnpricedAddress } from "../../workers/logistics";
import { ApiError } from "../../workers/platform/errors";
import { ProviderError } from "../../workers/platform/provider-http";
import { json, recordingFetch, rejection } from "../support/recording-fetch";
import { API, courier, detail, masterData, ok } from "./ghn-fixtures";

// GHN (Giao Hàng Nhanh) per api.ghn.vn "shiip public-api" v2: headers Token and ShopId, answers
// { code, message, data }; master data (province, district, ward) for the ids fee and create take;
// unsigned callbacks proven by a secret in their URL and read again through shipping-order/detail.

const buyer = {
  name: "Nguyễn Văn An",
  phone: "0987654321",
  street: "72 Thành Thái",
  city: "phuong 14, quan 10",
  province: "TP. Hồ Chí Minh",
  postalCode: "700000",
  country: "VN",
};
const shop = {
  ...buyer,
  name: "Tiệm Áo Sài Gòn",
  phone: "0909999999",
  street: "123 Đường 3/2",
  city: "",
  province: "",
};

const booking = (cod?: number) => ({
  reference: "shp_01JGHN0000000000000000AB",
  orderNumber: "TC-VN-000777",
  service: "standard",
  from: shop,
  to: buyer,
  parcels: [{ weightGrams: 1200, lengthCm: 30, widthCm: 20, heightCm: 9.5 }],
  ...(cod ? { cod: { amount: cod, currency: "VND" as const } } : {}),
});

describe("GHN courier", () => {
  it("prices a parcel: master data to district and ward, then POST /v2/shipping-order/fee; the lists are cached", async () => {
    const { fetchFn, calls } = recordingFetch(
      ...masterData(),
      ok({ total: 36300, service_fee: 36300, insurance_fee: 0 }),
      ok({ total: 41800, service_fee: 41800, insurance_fee: 0 }),
    );
    const ghn = courier(fetchFn);
    const request = {
      service: "standard",
      from: { country: "VN" },
      to: { country: "VN", postalCode: "700000", city: "Phường 14, Quận 10", province: "Hồ Chí Minh" },
      weightGrams: 1250,
      currency: "VND" as const,
    };
    expect(await ghn.rate(request)).toEqual({ amount: 36300, currency: "VND" });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET ${API}/master-data/province`,
      `POST ${API}/master-data/district`,
      `POST ${API}/master-data/ward`,
      `POST ${API}/v2/shipping-order/fee`,
    ]);
    expect(JSON.parse(calls[1].body)).toEqual({ province_id: 202 });
    expect(JSON.parse(calls[2].body)).toEqual({ district_id: 1452 });
    // Master data takes the token alone; shop calls carry ShopId too.
    expect(calls[0].headers.get("Token")).toMatch(/^tok-/);
    expect(calls[0].headers.get("ShopId")).toBeNull();
    expect(calls[3].headers.get("ShopId")).toBe("885");
    expect(calls[3].headers.get("Token")).toBe(calls[0].headers.get("Token"));
    expect(JSON.parse(calls[3].body)).toEqual({
      service_type_id: 2,
      to_district_id: 1452,
      to_ward_code: "21014",
      weight: 1250,
    });

    // The same area again: only the fee is asked.
    expect(await ghn.rate({ ...request, weightGrams: 3000 })).toEqual({ amount: 41800, currency: "VND" });
    expect(calls).toHaveLength(5);
    expect(JSON.parse(calls[4].body)).toMatchObject({ to_ward_code: "21014", weight: 3000 });

    // Without the address GHN prices by (a postal code alone): the destination is named, nothing asked.
    const unpriced = await rejection(
      ghn.rate({ ...request, to: { country: "VN", postalCode: "700000" } }),
      UnpricedAddress,
    );
    expect(unpriced.side).toBe("destination");
    // Outside dong, or a service GHN does not sell here: no price, no call.
    expect(await ghn.rate({ ...request, currency: "THB" })).toBeNull();
    expect(await ghn.rate({ ...request, service: "express" })).toBeNull();
    expect(calls).toHaveLength(5);
  });

  it("books with POST /v2/shipping-order/create: our shipment id as client_order_code, COD in dong", async () => {
    const { fetchFn, calls } = recordingFetch(
      ...masterData(),
      ok({ order_code: "GAN6UKB7", sort_code: "190-G-01-A9", total_fee: 33000 }),
    );
    expect(await courier(fetchFn).book(booking(250000))).toEqual({ trackingNumber: "GAN6UKB7" });
    const create = calls[3];
    expect(`${create.method} ${create.url}`).toBe(`POST ${API}/v2/shipping-order/create`);
    expect(create.headers.get("ShopId")).toBe("885");
    expect(create.headers.get("Content-Type")).toBe("application/json");
    expect(JSON.parse(create.body)).toEqual({
      payment_type_id: 1,
      required_note: "CHOXEMHANGKHONGTHU",
      client_order_code: "shp_01JGHN0000000000000000AB",
      from_name: "Tiệm Áo Sài Gòn",
      from_phone: "0909999999",
      from_address: "123 Đường 3/2",
      to_name: "Nguyễn Văn An",
      to_phone: "0987654321",
      to_address: "72 Thành Thái, phuong 14, quan 10, TP. Hồ Chí Minh",
      to_ward_code: "21014",
      to_district_id: 1452,
      cod_amount: 250000,
      content: "Order TC-VN-000777",
      weight: 1200,
      length: 30,
      width: 20,
      height: 10,
      service_type_id: 2,
    });
  });

  it("a prepaid parcel collects nothing; a retried booking finds the first one by client_order_code", async () => {
    const { fetchFn, calls } = recordingFetch(
      ...masterData(),
      json(400, { code: 400, message: "Mã đơn hàng của khách hàng đã tồn tại", code_message: "USER_ERR_COMMON" }),
      ok([{ order_code: "GAN6UKB7", client_order_code: "shp_01JGHN0000000000000000AB", status: "ready_to_pick" }]),
    );
    expect(await courier(fetchFn).book(booking())).toEqual({ trackingNumber: "GAN6UKB7" });
    expect(JSON.parse(calls[3].body)).toMatchObject({ cod_amount: 0 });
    expect(`${calls[4].method} ${calls[4].url}`).toBe(`POST ${API}/v2/shipping-order/detail-by-client-code`);
    expect(JSON.parse(calls[4].body)).toEqual({ client_order_code: "shp_01JGHN0000000000000000AB" });
  });

  it("refuses what GHN cannot book: an address outside its lists (422, nothing sent), a refusal in its words", async () => {
    const lost = recordingFetch(...masterData());
    const err = await rejection(
      courier(lost.fetchFn).book({ ...booking(), to: { ...buyer, city: "Phường 99, Quận 42" } }),
      ApiError,
    );
    expect(err.code).toBe("validation_failed");
    expect(lost.calls.some((c) => c.url.includes("/shipping-order/create"))).toBe(false);

    const refused = recordingFetch(
      ...masterData(),
      json(400, { code: 400, message: "Số điện thoại không hợp lệ", code_message: "PHONE_INVALID" }),
      ok([]),
    );
    const no = await rejection(courier(refused.fetchFn).book(booking()), ProviderError);
    expect(no.retryable).toBe(false);
    expect(no.providerCode).toBe("PHONE_INVALID");
    expect(no.message).toContain("Số điện thoại không hợp lệ");

    const down = recordingFetch(...masterData(), new Error("connect ECONNREFUSED"));
    expect((await rejection(courier(down.fetchFn).book(booking()), ProviderError)).retryable).toBe(true);
  });

  it("cancels with POST /v2/switch-status/cancel and reads the result of that order", async () => {
    const { fetchFn, calls } = recordingFetch(
      ok([{ order_code: "GAN6UKB7", result: true, message: "OK" }]),
      ok([{ order_code: "GAN6UKB8", result: false, message: "Đơn hàng đã lấy, không thể hủy" }]),
    );
    const ghn = courier(fetchFn);
    await ghn.cancel("GAN6UKB7");
    expect(`${calls[0].method} ${calls[0].url}`).toBe(`POST ${API}/v2/switch-status/cancel`);
    expect(calls[0].headers.get("ShopId")).toBe("885");
    expect(JSON.parse(calls[0].body)).toEqual({ order_codes: ["GAN6UKB7"] });
    const err = await rejection(ghn.cancel("GAN6UKB8"), ProviderError);
    expect(err.message).toContain("không thể hủy");
  });

  it("tracks with POST /v2/shipping-order/detail: its log in our words, in the order things happened", async () => {
    const { fetchFn, calls } = recordingFetch(ok(detail("delivered", "2026-12-09T05:00:00Z")));
    const events = await courier(fetchFn).track("GAN6UKB7");
    expect(`${calls[0].method} ${calls[0].url}`).toBe(`POST ${API}/v2/shipping-order/detail`);
    expect(JSON.parse(calls[0].body)).toEqual({ order_code: "GAN6UKB7" });
    expect(events.map((e) => [e.status, e.eventKey])).toEqual([
      ["picked_up", "ghn:picked@2026-12-08T02:00:00.000Z"],
      ["in_transit", "ghn:storing@2026-12-08T06:00:00.000Z"],
      ["out_for_delivery", "ghn:delivering@2026-12-09T01:00:00.000Z"],
      ["out_for_delivery", "ghn:delivery_fail@2026-12-09T02:00:00.000Z"],
      ["delivered", "ghn:delivered@2026-12-09T05:00:00.000Z"],
    ]);
    expect(events[3]).toMatchObject({
      description: "Delivery attempt failed; GHN will try again.",
      detail: "delivery_attempt_failed",
    });
    expect(events[4]).toMatchObject({ trackingNumber: "GAN6UKB7", at: Date.parse("2026-12-09T05:00:00Z") });
  });

  it("prints through a token: POST /v2/a5/gen-token, then the A5 page; its PDF is kept, an HTML page gives our label", async () => {
    const pdf = labelPdf(["GHN", "GAN6UKB7"]);
    const { fetchFn, calls } = recordingFetch(
      ok({ token: "e27db030-a1bf-11ea-b421-6a186c15e40e" }),
      new Response(pdf, { status: 200, headers: { "Content-Type": "application/pdf" } }),
      ok({ token: "f38ec141-b2c0-11ea-b421-6a186c15e40e" }),
      new Response("<html><body>GAN6UKB7</body></html>", { status: 200, headers: { "Content-Type": "text/html" } }),
    );
    const ghn = courier(fetchFn);
    expect(await ghn.label("GAN6UKB7")).toEqual(pdf);
    expect(`${calls[0].method} ${calls[0].url}`).toBe(`POST ${API}/v2/a5/gen-token`);
    expect(JSON.parse(calls[0].body)).toEqual({ order_codes: ["GAN6UKB7"] });
    expect(calls[1].url).toBe(
      "https://dev-online-gateway.ghn.vn/a5/public-api/printA5?token=e27db030-a1bf-11ea-b421-6a186c15e40e",
    );
    const drawn = new TextDecoder().decode(await ghn.label("GAN6UKB7"));
    expect(drawn.startsWith("%PDF-")).toBe(true);
    expect(drawn).toContain("Ma don hang: GAN6UKB7");
  });
});
