import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { d1CourierStores } from "../../workers/logistics";
import { ApiError } from "../../workers/platform/errors";
import { recordingFetch, rejection } from "../support/recording-fetch";
import { API, courier, masterData, ok } from "./ghn-fixtures";

// GHN books a parcel under a store (header ShopId) whose registered district is where it picks up:
// each seller gets its own, found (POST /v2/shop/all) or registered (POST /v2/shop/register) from
// its pickup address on its first booking, and kept in D1 (courier_stores) from then on.

const stores = d1CourierStores(env.DB);

/** A courier of its own (its token keeps master data apart) that keeps stores in D1. */
const ghn = (fetchFn: typeof fetch) => courier(fetchFn, { stores });

const buyer = {
  name: "Nguyễn Văn An",
  phone: "0987654321",
  street: "72 Thành Thái",
  city: "Phường 14, Quận 10",
  province: "Hồ Chí Minh",
  postalCode: "700000",
  country: "VN",
};
/** The shop's pickup address as shopParty gives it once the shop has one: ward and district in `city`. */
const shop = {
  name: "Tiệm Áo Sài Gòn",
  phone: "+84 909 999 999",
  street: "123 Đường 3/2",
  city: "Phường 13, Quận 10",
  province: "TP Hồ Chí Minh",
  postalCode: "700000",
  country: "VN",
};
const ADDRESS = "123 Đường 3/2, Phường 13, Quận 10, TP Hồ Chí Minh";

const booking = (shopId: string, reference = `shp_${crypto.randomUUID()}`) => ({
  reference,
  orderNumber: "TC-VN-000778",
  service: "standard",
  from: shop,
  to: buyer,
  parcels: [{ weightGrams: 800 }],
  shopId,
});

/** One of the token's stores as POST /v2/shop/all lists it. */
const store = (id: number, phone: string, address: string, districtId = 1452) => ({
  _id: id,
  name: "Tiệm Áo Sài Gòn",
  phone,
  address,
  ward_code: "21013",
  district_id: districtId,
  client_id: 2509992,
  status: 1,
});
const created = (code: string) => ok({ order_code: code, total_fee: 36300, expected_delivery_time: "2026-12-09" });
const shopCalls = (calls: { url: string }[]) => calls.filter((c) => c.url.includes("/v2/shop/")).map((c) => c.url);

describe("GHN stores per seller", () => {
  it("a shop's first booking registers its store from the pickup address and keeps it; the second and the cancel reuse it", async () => {
    const shopId = `shop_${crypto.randomUUID()}`;
    const { fetchFn, calls } = recordingFetch(
      ...masterData(),
      ok({ last_offset: 9001, shops: [store(9001, "0911111111", "1 Lê Lợi, Quận 1, TP Hồ Chí Minh", 1443)] }),
      ok({ shop_id: 197699 }),
      created("GAN6UKB7"),
      created("GAN6UKB8"),
      ok([{ order_code: "GAN6UKB8", result: true, message: "OK" }]),
    );
    const courier = ghn(fetchFn);
    expect(await courier.book(booking(shopId))).toEqual({ trackingNumber: "GAN6UKB7" });
    expect(shopCalls(calls)).toEqual([`${API}/v2/shop/all`, `${API}/v2/shop/register`]);
    const [list, register, create] = calls.slice(3);
    // Store calls take the token alone; the list is read from the start.
    expect(list.headers.get("ShopId")).toBeNull();
    expect(JSON.parse(list.body)).toEqual({ offset: 0, limit: 200, client_phone: "" });
    expect(register.headers.get("ShopId")).toBeNull();
    expect(JSON.parse(register.body)).toEqual({
      district_id: 1452,
      ward_code: "21013",
      name: "Tiệm Áo Sài Gòn",
      phone: "0909999999",
      address: ADDRESS,
    });
    expect(create.url).toBe(`${API}/v2/shipping-order/create`);
    expect(create.headers.get("ShopId")).toBe("197699");
    expect(await stores.get("ghn", shopId)).toEqual({ storeId: "197699", districtId: 1452, wardCode: "21013" });

    // The second booking: the kept store, no list, no registration.
    expect(await courier.book(booking(shopId))).toEqual({ trackingNumber: "GAN6UKB8" });
    expect(calls).toHaveLength(7);
    expect(calls[6].headers.get("ShopId")).toBe("197699");
    // Its parcels are cancelled under the store they were booked for.
    await courier.cancel("GAN6UKB8", shopId);
    expect(calls[7].url).toBe(`${API}/v2/switch-status/cancel`);
    expect(calls[7].headers.get("ShopId")).toBe("197699");
  });

  it("a crash after GHN registered the store (no row in D1) finds it by phone and address instead of registering twice", async () => {
    const shopId = `shop_${crypto.randomUUID()}`;
    const { fetchFn, calls } = recordingFetch(
      ...masterData(),
      // Two pages: the shop's store (registered before the crash) is on the second.
      ok({ last_offset: 4200, shops: Array.from({ length: 200 }, (_, i) => store(4001 + i, "0900000000", "x")) }),
      ok({ last_offset: 197699, shops: [store(197699, "0909 999 999", ADDRESS.toUpperCase())] }),
      created("GAN6UKC1"),
    );
    expect(await ghn(fetchFn).book(booking(shopId))).toEqual({ trackingNumber: "GAN6UKC1" });
    expect(shopCalls(calls)).toEqual([`${API}/v2/shop/all`, `${API}/v2/shop/all`]);
    expect(JSON.parse(calls[4].body)).toMatchObject({ offset: 4200 });
    expect(calls.at(-1)?.headers.get("ShopId")).toBe("197699");
    expect((await stores.get("ghn", shopId))?.storeId).toBe("197699");
  });

  it("prices from the shop's district and ward, under its store once it has one; pricing registers nothing", async () => {
    const shopId = `shop_${crypto.randomUUID()}`;
    await stores.put("ghn", shopId, { storeId: "197699", districtId: 1452, wardCode: "21013" });
    const fee = () => ok({ total: 22000, service_fee: 22000, insurance_fee: 0 });
    const { fetchFn, calls } = recordingFetch(...masterData(), fee(), fee());
    const courier = ghn(fetchFn);
    const request = {
      service: "standard",
      from: { country: "VN", street: shop.street, city: shop.city, province: shop.province },
      to: { country: "VN", postalCode: "700000", city: buyer.city, province: buyer.province },
      weightGrams: 800,
      currency: "VND" as const,
      shopId,
    };
    expect(await courier.rate(request)).toEqual({ amount: 22000, currency: "VND" });
    expect(calls[3].headers.get("ShopId")).toBe("197699");
    expect(JSON.parse(calls[3].body)).toEqual({
      service_type_id: 2,
      from_district_id: 1452,
      from_ward_code: "21013",
      to_district_id: 1452,
      to_ward_code: "21014",
      weight: 800,
    });
    // A shop with no store yet: the configured one, still from its own district.
    await courier.rate({ ...request, shopId: `shop_${crypto.randomUUID()}` });
    expect(calls[4].headers.get("ShopId")).toBe("885");
    expect(JSON.parse(calls[4].body)).toMatchObject({ from_district_id: 1452 });
    expect(shopCalls(calls)).toEqual([]);
  });

  it("a shop with no pickup address books under the configured store; one GHN cannot place is refused before booking", async () => {
    const { fetchFn, calls } = recordingFetch(...masterData(), created("GAN6UKD1"));
    const courier = ghn(fetchFn);
    const bare = { ...booking(`shop_${crypto.randomUUID()}`), from: { ...shop, city: "", province: "" } };
    expect(await courier.book(bare)).toEqual({ trackingNumber: "GAN6UKD1" });
    expect(calls.at(-1)?.headers.get("ShopId")).toBe("885");

    const nowhere = { ...booking(`shop_${crypto.randomUUID()}`), from: { ...shop, city: "Phường 99, Quận 77" } };
    const err = await rejection(courier.book(nowhere), ApiError);
    expect([err.status, err.code]).toEqual([422, "validation_failed"]);
    expect(err.message).toMatch(/pickup address/);
    expect(shopCalls(calls)).toEqual([]);
  });
});
