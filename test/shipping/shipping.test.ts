import { describe, expect, it } from "vitest";
import type { Currency } from "../../workers/platform/money";
import {
  chargeableGrams,
  parcelGrams,
  quoteShipping,
  RATE_CARDS,
  shippingCost,
  shippingOptionById,
} from "../../workers/shipping";
import {
  addItem,
  expectJson,
  expectProblem,
  guestWith,
  newAccount,
  newProduct,
  newShop,
  shippingRates,
} from "../cart/helpers";

interface Option {
  id: string;
  courier: string;
  service: string;
  cost: { amount: number; currency: string };
  etd: { minDays: number; maxDays: number };
}

interface Rates {
  options: Option[];
  shops: { shopId: string; country: string; weightGrams: number; options: Option[]; reason?: string }[];
  currency: string;
}

const CURRENCY: Record<string, Currency> = { TH: "THB", SG: "SGD", ID: "IDR", MY: "MYR", PH: "PHP", VN: "VND" };

/** Cost per option id for one parcel of `grams` shipped within `country`. */
function costs(country: string, grams: number): Record<string, number> {
  const options = quoteShipping({
    items: [{ weightGrams: grams, quantity: 1 }],
    destination: { country },
    shopCountry: country,
    currency: CURRENCY[country],
  });
  return Object.fromEntries(options.map((o) => [o.id, o.cost.amount]));
}

describe("rate tables", () => {
  it("Indonesia: JNE REG/YES, J&T EZ, SiCepat REG/BEST per kg, in whole rupiah", () => {
    expect(costs("ID", 800)).toEqual({
      "id-sicepat-reg": 900_000,
      "id-jnt-ez": 1_000_000,
      "id-jne-reg": 1_100_000,
      "id-sicepat-best": 1_600_000,
      "id-jne-yes": 1_900_000,
    });
    // 2.3 kg: the first kg plus 2 started kilograms.
    expect(costs("ID", 2_300)).toEqual({
      "id-sicepat-reg": 2_700_000,
      "id-jnt-ez": 3_000_000,
      "id-jne-reg": 3_300_000,
      "id-sicepat-best": 4_800_000,
      "id-jne-yes": 5_700_000,
    });
    for (const amount of Object.values(costs("ID", 7_777))) expect(amount % 100).toBe(0);
  });

  it("Thailand: Ninja Van Standard/Express and Flash Standard, per 500 g after the first kg", () => {
    expect(costs("TH", 1_000)).toEqual({
      "th-flash-standard": 3_500,
      "th-ninjavan-standard": 4_500,
      "th-ninjavan-express": 6_500,
    });
    expect(costs("TH", 2_300)).toEqual({
      "th-flash-standard": 6_500,
      "th-ninjavan-standard": 7_500,
      "th-ninjavan-express": 11_000,
    });
    expect(costs("TH", 1_001)).toEqual({
      "th-flash-standard": 4_500,
      "th-ninjavan-standard": 5_500,
      "th-ninjavan-express": 8_000,
    });
  });

  it("Singapore, Malaysia, the Philippines: Ninja Van Standard/Express per kg", () => {
    expect(costs("SG", 3_000)).toEqual({ "sg-ninjavan-standard": 800, "sg-ninjavan-express": 1_200 });
    expect(costs("MY", 1_000)).toEqual({ "my-ninjavan-standard": 600, "my-ninjavan-express": 900 });
    expect(costs("MY", 4_500)).toEqual({ "my-ninjavan-standard": 1_400, "my-ninjavan-express": 2_100 });
    expect(costs("PH", 1_001)).toEqual({ "ph-ninjavan-standard": 12_500, "ph-ninjavan-express": 18_000 });
  });

  it("Vietnam: GHN Standard and Ninja Van Standard/Express, per 500 g, in whole dong", () => {
    expect(costs("VN", 500)).toEqual({
      "vn-ninjavan-standard": 20_000,
      "vn-ghn-standard": 22_000,
      "vn-ninjavan-express": 30_000,
    });
    expect(costs("VN", 1_200)).toEqual({
      "vn-ninjavan-standard": 25_000,
      "vn-ghn-standard": 27_000,
      "vn-ninjavan-express": 38_000,
    });
  });

  it("every card is in its country's currency with an etd range; ids resolve", () => {
    for (const card of RATE_CARDS) {
      expect(card.currency).toBe(CURRENCY[card.country]);
      expect(card.etd.minDays).toBeLessThanOrEqual(card.etd.maxDays);
      expect(shippingOptionById(card.id)).toBe(card);
    }
    expect(shippingOptionById("th-ninjavan-express")).toMatchObject({
      courier: "Ninja Van",
      service: "Express",
      book: { courier: "ninjavan", service: "express" },
    });
    expect(shippingOptionById("id-jne-yes")?.book).toEqual({ courier: "biteship", service: "jne_yes" });
    expect(shippingOptionById("nope")).toBeUndefined();
    const jne = shippingOptionById("id-jne-reg")!;
    expect(shippingCost(jne, 10_000)).toEqual({ amount: 11_000_000, currency: "IDR" });
  });

  it("weights: the default for a product without one, volumetric L×W×H/6000 when larger", () => {
    expect(chargeableGrams({ weightGrams: null, quantity: 1 })).toBe(500);
    expect(chargeableGrams({ weightGrams: null, quantity: 1 }, 750)).toBe(750);
    // 30 × 20 × 15 cm = 9000 cm³ → 1.5 kg volumetric beats 400 g actual.
    const pillow = { weightGrams: 400, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 150 }, quantity: 2 };
    expect(chargeableGrams(pillow)).toBe(1_500);
    // A dense item keeps its actual weight.
    expect(
      chargeableGrams({ weightGrams: 2_000, dimensions: { lengthMm: 100, widthMm: 100, heightMm: 100 }, quantity: 1 }),
    ).toBe(2_000);
    expect(parcelGrams([pillow, { weightGrams: 250, quantity: 4 }])).toBe(4_000);
  });

  it("domestic only, in the destination's currency, up to 50 kg", () => {
    const items = [{ weightGrams: 500, quantity: 1 }];
    expect(quoteShipping({ items, destination: { country: "ID" }, shopCountry: "TH", currency: "THB" })).toEqual([]);
    expect(quoteShipping({ items, destination: { country: "TH" }, shopCountry: "TH", currency: "USD" })).toEqual([]);
    expect(quoteShipping({ items: [], destination: { country: "TH" }, shopCountry: "TH", currency: "THB" })).toEqual(
      [],
    );
    const heavy = [{ weightGrams: 50_001, quantity: 1 }];
    expect(quoteShipping({ items: heavy, destination: { country: "TH" }, shopCountry: "TH", currency: "THB" })).toEqual(
      [],
    );
  });
});

describe("POST /shipping/rates", () => {
  it("prices the caller's cart by chargeable weight, cheapest first", async () => {
    const product = await newProduct({ weightGrams: 1_200, stock: 10 });
    const token = await guestWith([{ productId: product.id, quantity: 2 }]);
    const res = await shippingRates({ destination: { country: "th", postalCode: "10110" } }, { cartToken: token });
    const rates = await expectJson<Rates>(res, 200);
    expect(rates.currency).toBe("THB");
    expect(rates.options).toEqual([
      {
        id: "th-flash-standard",
        courier: "Flash Express",
        service: "Standard",
        cost: { amount: 6_500, currency: "THB" },
        etd: { minDays: 2, maxDays: 4 },
      },
      {
        id: "th-ninjavan-standard",
        courier: "Ninja Van",
        service: "Standard",
        cost: { amount: 7_500, currency: "THB" },
        etd: { minDays: 1, maxDays: 3 },
      },
      {
        id: "th-ninjavan-express",
        courier: "Ninja Van",
        service: "Express",
        cost: { amount: 11_000, currency: "THB" },
        etd: { minDays: 1, maxDays: 2 },
      },
    ]);
    expect(rates.shops).toEqual([
      { shopId: product.shopId, country: "TH", weightGrams: 2_400, options: rates.options },
    ]);
  });

  it("a multi-shop cart: options per shop, and the shared services with costs added up", async () => {
    const user = await newAccount();
    const a = await newProduct({ shop: await newShop("ID"), weightGrams: 500, price: 5_000_000 });
    const b = await newProduct({
      shop: await newShop("ID"),
      weightGrams: 300,
      dimensions: { lengthMm: 400, widthMm: 300, heightMm: 200 }, // 24000 cm³ → 4 kg volumetric
      price: 2_500_000,
    });
    await addItem({ productId: a.id, quantity: 1 }, user);
    await addItem({ productId: b.id, quantity: 1 }, user);
    const rates = await expectJson<Rates>(
      await shippingRates({ destination: { country: "ID", postalCode: "10110" } }, user),
      200,
    );
    const shopA = rates.shops.find((s) => s.shopId === a.shopId)!;
    const shopB = rates.shops.find((s) => s.shopId === b.shopId)!;
    expect(shopA.weightGrams).toBe(500);
    expect(shopB.weightGrams).toBe(4_000);
    expect(shopA.options.find((o) => o.id === "id-jne-reg")?.cost.amount).toBe(1_100_000);
    expect(shopB.options.find((o) => o.id === "id-jne-reg")?.cost.amount).toBe(4_400_000);
    expect(Object.fromEntries(rates.options.map((o) => [o.id, o.cost.amount]))).toEqual({
      "id-sicepat-reg": 900_000 + 3_600_000,
      "id-jnt-ez": 1_000_000 + 4_000_000,
      "id-jne-reg": 1_100_000 + 4_400_000,
      "id-sicepat-best": 1_600_000 + 6_400_000,
      "id-jne-yes": 1_900_000 + 7_600_000,
    });
  });

  it("a shop in another country than the destination has no options (domestic only)", async () => {
    const product = await newProduct({ shop: await newShop("TH") });
    const token = await guestWith([{ productId: product.id, quantity: 1 }]);
    const rates = await expectJson<Rates>(
      await shippingRates({ destination: { country: "VN", postalCode: "70000" } }, { cartToken: token }),
      200,
    );
    expect(rates.options).toEqual([]);
    expect(rates.shops).toEqual([
      {
        shopId: product.shopId,
        country: "TH",
        weightGrams: 500,
        options: [],
        reason: "not_domestic",
        reasonDetail: "This shop ships only within its own country; cross-border delivery is not offered.",
      },
    ]);
  });

  it("checks the postal code for the country, the country itself, and the body (422)", async () => {
    const product = await newProduct();
    const token = await guestWith([{ productId: product.id, quantity: 1 }]);
    const who = { cartToken: token };
    const bad = await expectProblem(
      await shippingRates({ destination: { country: "TH", postalCode: "01234" } }, who),
      422,
      "validation_failed",
    );
    expect(bad.errors?.[0].path).toBe("destination.postalCode");
    expect(bad.detail).toContain("5 digits");
    await expectProblem(
      await shippingRates({ destination: { country: "PH", postalCode: "10110" } }, who),
      422,
      "validation_failed",
    );
    await expectProblem(
      await shippingRates({ destination: { country: "US", postalCode: "94105" } }, who),
      422,
      "unsupported_country",
    );
    for (const body of [
      {},
      { destination: { country: "TH" } },
      { destination: "TH" },
      { destination: { country: "TH", postalCode: "10110", x: 1 } },
    ]) {
      await expectProblem(await shippingRates(body, who), 422, "validation_failed");
    }
  });

  it("an empty cart has nothing to ship (409)", async () => {
    await expectProblem(await shippingRates({ destination: { country: "TH", postalCode: "10110" } }), 409, "conflict");
    const user = await newAccount();
    await expectProblem(
      await shippingRates({ destination: { country: "TH", postalCode: "10110" } }, user),
      409,
      "conflict",
    );
  });
});
