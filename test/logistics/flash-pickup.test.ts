import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import { shipments } from "../../d1/schema/logistics";
import { FlashCourier, PickupBusy } from "../../workers/logistics";
import { ApiError } from "../../workers/platform/errors";
import { ProviderError } from "../../workers/platform/provider-http";
import { json, recordingFetch, rejection } from "../support/recording-fetch";
import { API, MCH_ID, NONCE, ok, refused, SECRET, sha256Upper } from "./flash-fixtures";
import { bookedFlashShipment, call, expectProblem, orderFor } from "./helpers";

// Flash Express courier pickups (POST /open/v1/notify): one open pickup per merchant, so the shop's
// open pickup of the day (POST /open/v1/notifications) is looked for before a courier is ordered.

/** 2026-12-07 09:00 in Bangkok (02:00 UTC): the day whose pickups are listed. */
const NOW = Date.parse("2026-12-07T02:00:00Z");
const READY = NOW + 30 * 60_000;

const flash = (fetchFn: typeof fetch) =>
  new FlashCourier({
    baseUrl: API,
    mchId: MCH_ID,
    secretKey: SECRET,
    timeoutMs: 2000,
    fetchFn,
    nonce: () => NONCE,
    now: () => NOW,
  });

/** The shop's pickup address as shopParty gives it once the shop has one (district, province, postal code). */
const shop = {
  name: "ร้านสยามลิฟวิ่ง",
  phone: "+66 53 123 456",
  street: "12 ถนนนิมมานเหมินท์",
  city: "เมืองเชียงใหม่",
  province: "เชียงใหม่",
  postalCode: "50200",
  country: "TH",
};
const pickup = (from = shop) => ({ trackingNumber: "TH014276DR9A", from, readyAt: READY, shopId: "shp_flash_pickup" });

/** POST /open/v1/notify's answer, as integrations record it. */
const NOTIFIED = {
  ticketPickupId: 3049032,
  staffInfoId: 17245,
  staffInfoName: "สมศักดิ์",
  staffInfoPhone: "0812223333",
  upCountryNote: "",
  timeoutAtText: "2026-12-07 13:00-17:00",
  ticketMessage: "The courier will arrive between 13:00 and 17:00",
  notice: "",
};

/** One row of POST /open/v1/notifications. */
const listed = (ticketPickupId: number, state: number, srcPhone = "053123456", srcPostalCode = "50200") => ({
  ticketPickupId,
  srcName: "ร้านสยามลิฟวิ่ง",
  srcPhone,
  srcProvinceName: "เชียงใหม่",
  srcCityName: "เมืองเชียงใหม่",
  srcPostalCode,
  srcDetailAddress: "12 ถนนนิมมานเหมินท์",
  estimateParcelNumber: 1,
  remark: "Parcel TH0100000000",
  staffInfoName: "สมศักดิ์",
  staffInfoPhone: "0812223333",
  state,
  stateText: state === 0 ? "Open" : state === 1 ? "Assigned" : "Completed",
});

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));
const signOf = async (fields: Record<string, string>) =>
  sha256Upper(
    `${Object.keys(fields)
      .sort()
      .map((k) => `${k}=${fields[k]}`)
      .join("&")}&key=${SECRET}`,
  );

describe("Flash Express pickups", () => {
  it("asks for today's open pickups, then POST /open/v1/notify with the shop as sender; the ticket is the reference", async () => {
    const { fetchFn, calls } = recordingFetch(ok([listed(3040000, 2)]), ok(NOTIFIED));
    const answer = await flash(fetchFn).requestPickup(pickup());
    expect(answer).toEqual({
      reference: "3049032",
      from: Date.parse("2026-12-07T06:00:00Z"),
      until: Date.parse("2026-12-07T10:00:00Z"),
    });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${API}/open/v1/notifications`,
      `POST ${API}/open/v1/notify`,
    ]);
    const list = { mchId: MCH_ID, nonceStr: NONCE, date: "2026-12-07" };
    expect(form(calls[0].body)).toEqual({ ...list, sign: await signOf(list) });
    const notify = {
      mchId: MCH_ID,
      nonceStr: NONCE,
      srcName: "ร้านสยามลิฟวิ่ง",
      srcPhone: "053123456",
      srcProvinceName: "เชียงใหม่",
      srcCityName: "เมืองเชียงใหม่",
      srcPostalCode: "50200",
      srcDetailAddress: "12 ถนนนิมมานเหมินท์",
      estimateParcelNumber: "1",
      remark: "Parcel TH014276DR9A",
    };
    expect(form(calls[1].body)).toEqual({ ...notify, sign: await signOf(notify) });
    expect(calls[1].headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
  });

  it("a shop with an open pickup today gets it back (a second parcel, or a retry after a crash): no second courier", async () => {
    const day = [listed(3040000, 2), listed(3041111, 0, "021234567", "10110"), listed(3049032, 1)];
    const { fetchFn, calls } = recordingFetch(ok(day), ok(day));
    const courier = flash(fetchFn);
    const first = await courier.requestPickup(pickup());
    const again = await courier.requestPickup({ ...pickup(), trackingNumber: "TH014276DR9B" });
    expect(first.reference).toBe("3049032");
    expect(again).toEqual(first);
    // Without a window in the list, the documented default: four hours from when the parcel is ready.
    expect([first.from, first.until]).toEqual([READY, READY + 4 * 3_600_000]);
    expect(calls.every((c) => c.url === `${API}/open/v1/notifications`)).toBe(true);
  });

  it("1010 (an open pickup exists, asked at the same moment) reads the list again and takes that one", async () => {
    const { fetchFn, calls } = recordingFetch(
      ok([]),
      refused(1010, "Imcomplete schedule of pickup is exists, no schedule of pickup is required"),
      ok([listed(3049032, 0)]),
    );
    expect((await flash(fetchFn).requestPickup(pickup())).reference).toBe("3049032");
    expect(calls).toHaveLength(3);
  });

  it("1010 with no open pickup of the shop's in the list (another shop's holds the account): PickupBusy, the pickup waits", async () => {
    const other = [listed(3041111, 0, "021234567", "10110")];
    const { fetchFn, calls } = recordingFetch(
      ok(other),
      refused(1010, "Imcomplete schedule of pickup is exists, no schedule of pickup is required"),
      ok(other),
    );
    await rejection(flash(fetchFn).requestPickup(pickup()), PickupBusy);
    expect(calls).toHaveLength(3);
  });

  it("Flash's refusals are final, its outages retryable; a shop without district, province or postal code asks nothing", async () => {
    const outOfRange = recordingFetch(ok([]), refused(1022, "Sender's address are not in service range yet"));
    const refusal = await rejection(flash(outOfRange.fetchFn).requestPickup(pickup()), ProviderError);
    expect([refusal.retryable, refusal.providerCode]).toEqual([false, 1022]);
    const down = recordingFetch(json(502, { message: "Bad gateway" }));
    expect((await rejection(flash(down.fetchFn).requestPickup(pickup()), ProviderError)).retryable).toBe(true);

    const none = recordingFetch();
    for (const from of [
      { ...shop, city: "" },
      { ...shop, province: " " },
      { ...shop, postalCode: "" },
    ]) {
      const err = await rejection(flash(none.fetchFn).requestPickup(pickup(from)), ApiError);
      expect([err.status, err.code]).toEqual([422, "validation_failed"]);
      expect(err.message).toMatch(/pickup address/);
    }
    expect(none.calls).toHaveLength(0);
  });

  it("POST /shipments/:id/pickup for a Flash parcel of a shop with no structured pickup address: 422 saying what to add, nothing written", async () => {
    const { seller, order } = await orderFor("TH");
    const db = drizzle(env.DB);
    const id = await bookedFlashShipment(order);
    const res = await call("POST", `/api/v1/shipments/${id}/pickup`, { token: seller.token, body: {} });
    const problem = await expectProblem(res, 422, "validation_failed");
    expect(JSON.stringify(problem)).toMatch(/pickup address/);
    const [row] = await db.select().from(shipments).where(eq(shipments.id, id));
    expect(row.pickupReference).toBeNull();
  });
});
