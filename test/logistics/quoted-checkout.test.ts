import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import type { LiveRates } from "../../workers/shipping";
import { BASE } from "../support/http";
import { ADDRESS, checkout, expectJson, guestBody, guestCart, sellerWithProduct } from "./helpers";

interface Option {
  id: string;
  courier: string;
  cost: { amount: number; currency: string };
  source?: string;
}

/** A courier that prices every option of Ninja Van at `amount` (what a live quote would answer). */
const courierPricing =
  (amount: number): LiveRates =>
  async (_env, _config, request) => ({
    options: request.options.map((o) =>
      o.courier === "Ninja Van"
        ? { ...o, cost: { amount, currency: request.currency }, source: "courier" as const }
        : o,
    ),
    fallback: [],
  });

/** POST /shipping/rates through the app with `liveRates` handed in. */
async function ratesWith(liveRates: LiveRates, cartToken: string, country: "MY" | "PH") {
  const ctx = createExecutionContext();
  const res = await createApp({ liveRates }).fetch(
    new Request(`${BASE}/api/v1/shipping/rates`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Cart-Token": cartToken },
      body: JSON.stringify({ destination: { country, postalCode: ADDRESS[country].postalCode } }),
    }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return expectJson<{ options: Option[] }>(res, 200);
}

describe("checkout charges the shipping price the buyer was shown", () => {
  it("a live courier quote from POST /shipping/rates is what the order's shipping costs", async () => {
    const seller = await sellerWithProduct("MY");
    const cartToken = await guestCart([{ productId: seller.product.id, quantity: 1 }]);
    const { options } = await ratesWith(courierPricing(1234), cartToken, "MY");
    const quoted = options.find((o) => o.source === "courier");
    expect(quoted?.cost).toEqual({ amount: 1234, currency: "MYR" });

    const [order] = await checkout({ cartToken }, guestBody("MY", { shippingOptionId: quoted!.id }));
    expect(order.shipping.optionId).toBe(quoted!.id);
    expect(order.shippingCost).toEqual({ amount: 1234, currency: "MYR" });
  });

  it("a newer quote replaces the older one; without any quote the card's price is charged", async () => {
    const seller = await sellerWithProduct("PH");
    const cartToken = await guestCart([{ productId: seller.product.id, quantity: 1 }]);
    await ratesWith(courierPricing(9_900), cartToken, "PH");
    const { options } = await ratesWith(courierPricing(8_800), cartToken, "PH");
    const quoted = options.find((o) => o.source === "courier")!;
    const [order] = await checkout({ cartToken }, guestBody("PH", { shippingOptionId: quoted.id }));
    expect(order.shippingCost).toEqual({ amount: 8_800, currency: "PHP" });

    // Another shop's parcel was never quoted live: its card price stands.
    const other = await sellerWithProduct("PH");
    const otherCart = await guestCart([{ productId: other.product.id, quantity: 1 }]);
    const cards = await ratesWith(async (_e, _c, r) => ({ options: [...r.options], fallback: [] }), otherCart, "PH");
    const card = cards.options.find((o) => o.id === quoted.id)!;
    const [plain] = await checkout({ cartToken: otherCart }, guestBody("PH", { shippingOptionId: quoted.id }));
    expect(plain.shippingCost).toEqual(card.cost);
    expect(card.cost.amount).not.toBe(8_800);
  });
});
