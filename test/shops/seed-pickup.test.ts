import { describe, expect, it } from "vitest";
import { checkPostalCode } from "../../workers/identity";
import { SEED_SHOPS } from "../../workers/shops";
import { API, courier, masterData, ok } from "../logistics/ghn-fixtures";
import { recordingFetch } from "../support/recording-fetch";

// The demo shops' pickup addresses: every one complete, its postal code valid for its country, and
// the Vietnamese one placed by GHN's master-data resolution (its recorded lists for Quận 10).

describe("seeded pickup addresses", () => {
  it("every demo shop has one, complete, with its country's postal code, and keeps its one-line address", () => {
    for (const shop of SEED_SHOPS) {
      const pickup = shop.contact.pickupAddress;
      expect(pickup, shop.key).toBeDefined();
      if (!pickup) continue;
      for (const field of [pickup.street, pickup.city, pickup.province]) expect(field.trim(), shop.key).not.toBe("");
      expect(checkPostalCode(shop.country, pickup.postalCode), shop.key).toBe(pickup.postalCode);
      expect(shop.contact.address, shop.key).toBeTruthy();
    }
    const thai = SEED_SHOPS.filter((s) => s.country === "TH").map((s) => s.contact.pickupAddress?.postalCode);
    expect(thai).toEqual(["10330", "50200"]);
  });

  it("GHN places the Vietnamese shop's pickup ward and district in its master data", async () => {
    const saigon = SEED_SHOPS.find((s) => s.country === "VN")?.contact.pickupAddress;
    if (!saigon) throw new Error("no Vietnamese demo shop");
    const fee = ok({ total: 22_000, service_fee: 22_000, insurance_fee: 0 });
    const { fetchFn, calls } = recordingFetch(...masterData(), fee);
    const price = await courier(fetchFn).rate({
      service: "standard",
      from: { country: "VN" },
      to: { country: "VN", ...saigon },
      weightGrams: 500,
      currency: "VND",
    });
    expect(price).toEqual({ amount: 22_000, currency: "VND" });
    expect(calls.at(-1)?.url).toBe(`${API}/v2/shipping-order/fee`);
    expect(JSON.parse(calls.at(-1)?.body ?? "{}")).toMatchObject({ to_district_id: 1452, to_ward_code: "21014" });
  });
});
