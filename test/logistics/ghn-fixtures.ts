import { GhnCourier } from "../../workers/logistics";
import { json } from "../support/recording-fetch";

// Recorded GHN answers (api.ghn.vn, "shiip public-api" v2), shared by the GHN courier's tests.

export const API = "https://dev-online-gateway.ghn.vn/shiip/public-api";
export const SECRET = "ghn-callback-secret-0123456789";

export function courier(fetchFn: typeof fetch, extra: Partial<ConstructorParameters<typeof GhnCourier>[0]> = {}) {
  // A token of its own per test: master data is cached per origin and account.
  return new GhnCourier({
    baseUrl: "https://dev-online-gateway.ghn.vn",
    token: `tok-${crypto.randomUUID()}`,
    shopId: "885",
    webhookSecret: SECRET,
    timeoutMs: 2000,
    fetchFn,
    ...extra,
  });
}

export const ok = (data: unknown) => json(200, { code: 200, message: "Success", data });

/** GHN's master data for Quận 10, TP Hồ Chí Minh, as its lists spell it. */
export const masterData = () => [
  ok([
    { ProvinceID: 201, ProvinceName: "Hà Nội", NameExtension: ["Hà Nội", "TP. Hà Nội", "hanoi"] },
    {
      ProvinceID: 202,
      ProvinceName: "Hồ Chí Minh",
      NameExtension: ["Hồ Chí Minh", "TP.Hồ Chí Minh", "TP Hồ Chí Minh"],
    },
  ]),
  ok([
    { DistrictID: 1443, ProvinceID: 202, DistrictName: "Quận 1", NameExtension: ["Quận 1", "Q1"] },
    { DistrictID: 1452, ProvinceID: 202, DistrictName: "Quận 10", NameExtension: ["Quận 10", "Q10"] },
  ]),
  ok([
    { WardCode: "21013", DistrictID: 1452, WardName: "Phường 13", NameExtension: ["Phường 13", "P13"] },
    { WardCode: "21014", DistrictID: 1452, WardName: "Phường 14", NameExtension: ["Phường 14", "P14"] },
  ]),
];

/** A shipping-order/detail answer: the log so far and the current status. */
export function detail(status: string, updated: string, orderCode = "GAN6UKB7") {
  const log = [
    { status: "ready_to_pick", updated_date: "2026-12-07T03:00:00Z" },
    { status: "picked", updated_date: "2026-12-08T02:00:00Z" },
    { status: "storing", updated_date: "2026-12-08T06:00:00Z" },
    { status: "delivering", updated_date: "2026-12-09T01:00:00Z" },
    { status: "delivery_fail", updated_date: "2026-12-09T02:00:00Z" },
    { status: "delivered", updated_date: "2026-12-09T05:00:00Z" },
  ].filter((e) => Date.parse(e.updated_date) <= Date.parse(updated));
  return { order_code: orderCode, client_order_code: "shp_x", status, updated_date: updated, log };
}
