import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { CHECKOUT_POINTS } from "../../workers/orders";
import { stock } from "../cart/helpers";
import { checkout, expectJson, expectProblem, guestBody, guestCart, type Order, sellerWithProduct } from "./helpers";
import { holdings, Probe, probedApp, voucher } from "./probed";

// Issue 12, "Checkout clean-up": a checkout that fails after it checked a voucher or reserved stock
// gives everything back, once: vouchers, stock and the cart are exactly as before. (The voucher's use
// is counted in the orders' own batch, so a failure before it never counted one.)

const probe = new Probe();
const placeOrders = probedApp(probe);
let errors: MockInstance;

beforeEach(() => {
  probe.reset();
  // An injected failure is a 500, which the app logs as an error: kept out of the test output.
  errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

/** A guest cart with two shops' products (2 + 1 units) and a platform voucher for it. */
async function twoShopCart() {
  const a = await sellerWithProduct("TH", { stock: 10 });
  const b = await sellerWithProduct("TH", { stock: 10 });
  const code = await voucher({ code: `TEN-${crypto.randomUUID().slice(0, 8).toUpperCase()}`, usageLimit: 3 });
  const cartToken = await guestCart([
    { productId: a.product.id, quantity: 2 },
    { productId: b.product.id, quantity: 1 },
  ]);
  const products = [a.product.id, b.product.id];
  return { cartToken, code, products, body: guestBody("TH", { voucherCode: code }) };
}

describe("a failure at any step before the orders are written gives everything back", () => {
  const beforeCommit = CHECKOUT_POINTS.filter((p) => p !== "written");

  it.each(beforeCommit)("failure after %s: cart, stock and voucher exactly as before", async (point) => {
    const { cartToken, code, products, body } = await twoShopCart();
    const before = await holdings({ cartToken }, products, code);
    expect(before.cart).toHaveLength(2);

    probe.failAt = point;
    await expectProblem(await placeOrders({ cartToken, body }), 500, "internal_error");
    expect(probe.passed).toContain(point);
    expect(await holdings({ cartToken }, products, code)).toEqual(before);

    // Nothing is left half-taken: the same cart checks out afterwards, the voucher counted once.
    probe.failAt = null;
    const { orders } = await expectJson<{ orders: Order[] }>(await placeOrders({ cartToken, body }), 201);
    expect(orders).toHaveLength(2);
    const after = await holdings({ cartToken }, products, code);
    expect(after.cart).toEqual([]);
    expect(after.voucher).toEqual({ used: 1, redemptions: 2 });
    expect(after.stock.map((s) => s.reserved)).toEqual([2, 1]);
  });

  it("stock short on the later shop: 409, no voucher use counted, the first shop's hold given back", async () => {
    const { cartToken, code, products, body } = await twoShopCart();
    await stock(products[1], 0);
    const before = await holdings({ cartToken }, products, code);
    const problem = await expectProblem(await placeOrders({ cartToken, body }), 409, "insufficient_stock");
    expect(problem.errors?.map((e) => e.path)).toEqual([`items.p:${products[1]}`]);
    expect(probe.passed).toEqual(["handed", "priced", "quoted", "claimed"]);
    expect(await holdings({ cartToken }, products, code)).toEqual(before);
  });

  it("a voucher used up meanwhile: 409 voucher_unavailable and nothing else taken", async () => {
    const { cartToken, products, body } = await twoShopCart();
    const code = await voucher({ code: "LASTONE", usageLimit: 1 });
    const other = await guestCart([{ productId: products[0], quantity: 1 }]);
    await checkout({ cartToken: other }, guestBody("TH", { voucherCode: code }));
    const before = await holdings({ cartToken }, products, code);
    await expectProblem(
      await placeOrders({ cartToken, body: { ...(body as object), voucherCode: code } }),
      409,
      "voucher_unavailable",
    );
    expect(await holdings({ cartToken }, products, code)).toEqual(before);
  });
});

describe("a failure after the orders are written undoes nothing", () => {
  it("the orders keep their stock, voucher use and the cart's lines", async () => {
    const { cartToken, code, products, body } = await twoShopCart();
    probe.failAt = "written";
    expect((await placeOrders({ cartToken, body })).status).toBe(500);
    const after = await holdings({ cartToken }, products, code);
    expect(after).toMatchObject({ cart: [], orders: 2, voucher: { used: 1, redemptions: 2 } });
    expect(after.stock.map((s) => s.reserved)).toEqual([2, 1]);
  });
});

describe("without a voucher (the couriers' held prices read while the stock is reserved)", () => {
  it.each(["quoted", "claimed", "reserved"] as const)(
    "failure after %s: the holds taken meanwhile are given back, cart and stock as before",
    async (point) => {
      const { cartToken, products } = await twoShopCart();
      const body = guestBody("TH");
      const before = await holdings({ cartToken }, products);
      probe.failAt = point;
      await expectProblem(await placeOrders({ cartToken, body }), 500, "internal_error");
      expect(await holdings({ cartToken }, products)).toEqual(before);

      probe.failAt = null;
      await expectJson<{ orders: Order[] }>(await placeOrders({ cartToken, body }), 201);
      expect((await holdings({ cartToken }, products)).stock.map((s) => s.reserved)).toEqual([2, 1]);
    },
  );

  it("a shop that cannot deliver: 422 before any stock is held", async () => {
    const { cartToken, products } = await twoShopCart();
    const before = await holdings({ cartToken }, products);
    await expectProblem(await placeOrders({ cartToken, body: guestBody("ID") }), 422, "validation_failed");
    expect(probe.passed).toEqual(["handed", "priced"]);
    expect((await holdings({ cartToken }, products)).stock).toEqual(before.stock);
  });
});
