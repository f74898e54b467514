import { describe, expect, it } from "vitest";
import {
  ADDRESS,
  call,
  checkout,
  expectJson,
  expectProblem,
  guestBody,
  guestCart,
  level,
  newAccount,
  type Order,
  pay,
  postOrders,
  sellerWithProduct,
  simulate,
  userCart,
} from "./helpers";
import { Probe, probedApp } from "./probed";

// Issue 12, "Stock hoarding": one guest token made 5 unpaid orders holding 495 of 500 units; one
// account made 300 unpaid orders in a row. Open unpaid orders and the units they hold are capped per
// buyer (account or guest token) and per IP; past a cap the checkout is 409 and changes nothing.

const itemsIn = async (who: { cartToken?: string; token?: string }) =>
  (await expectJson<{ items: { quantity: number }[] }>(await call("GET", "/api/v1/cart", who), 200)).items;

const addToCart = async (who: { cartToken?: string; token?: string }, productId: string, quantity: number) =>
  expect((await call("POST", "/api/v1/cart/items", { ...who, body: { productId, quantity } })).status).toBe(200);

describe("per buyer", () => {
  it("an account stops at CHECKOUT_MAX_OPEN_ORDERS_PER_BUYER (10 locally, as in production)", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 500 });
    const buyer = await newAccount("TH");
    const body = { shippingAddress: ADDRESS.TH };
    for (let i = 0; i < 10; i++) {
      await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
      await checkout({ token: buyer.token }, body);
    }
    await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
    const problem = await expectProblem(await postOrders({ token: buyer.token }, body), 409, "conflict");
    expect(problem.detail).toContain("at most 10 open at a time");
    expect(problem.detail).toContain("Pay or cancel one of your unpaid orders");
    // Nothing was taken: the line is still in the cart, only the ten orders hold stock.
    expect(await itemsIn({ token: buyer.token })).toMatchObject([{ quantity: 1 }]);
    expect((await level(product.id)).reserved).toBe(10);
  });

  it("a guest token: the fourth open order is refused until one is cancelled", async () => {
    const checkoutAs = probedApp(new Probe(), { CHECKOUT_MAX_OPEN_ORDERS_PER_BUYER: "3" });
    const { product } = await sellerWithProduct("TH", { stock: 500 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    const orders: Order[] = [];
    for (let i = 0; i < 3; i++) {
      if (i > 0) await addToCart({ cartToken }, product.id, 1);
      orders.push(
        ...(await expectJson<{ orders: Order[] }>(await checkoutAs({ cartToken, body: guestBody() }), 201)).orders,
      );
    }
    await addToCart({ cartToken }, product.id, 1);
    const problem = await expectProblem(await checkoutAs({ cartToken, body: guestBody() }), 409, "conflict");
    expect(problem.detail).toContain("at most 3 open at a time");
    expect(problem.errors).toEqual([{ path: "orders", message: "at most 3 unpaid orders per buyer" }]);
    expect(await itemsIn({ cartToken })).toHaveLength(1);

    expect((await call("POST", `/api/v1/orders/${orders[0].id}/cancel`, { cartToken })).status).toBe(200);
    expect((await checkoutAs({ cartToken, body: guestBody() })).status).toBe(201);
  });

  it("units held: a checkout past CHECKOUT_MAX_HELD_UNITS_PER_BUYER is refused; paying frees the room", async () => {
    const checkoutAs = probedApp(new Probe(), { CHECKOUT_MAX_HELD_UNITS_PER_BUYER: "10" });
    const { product } = await sellerWithProduct("TH", { stock: 500 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 6 }]);
    const [first] = (await expectJson<{ orders: Order[] }>(await checkoutAs({ cartToken, body: guestBody() }), 201))
      .orders;
    await addToCart({ cartToken }, product.id, 5);
    const problem = await expectProblem(await checkoutAs({ cartToken, body: guestBody() }), 409, "conflict");
    expect(problem.detail).toContain("already hold 6 units");
    expect(problem.detail).toContain("at most 10 units");
    expect((await level(product.id)).reserved).toBe(6);

    await simulate({ cartToken }, (await pay({ cartToken }, [first.id])).id);
    expect((await checkoutAs({ cartToken, body: guestBody() })).status).toBe(201);
    expect(await level(product.id)).toMatchObject({ reserved: 5, sold: 6 });
  });
});

describe("per IP", () => {
  it("guest tokens from one IP share CHECKOUT_MAX_OPEN_ORDERS_PER_IP; another IP is not affected", async () => {
    const checkoutAs = probedApp(new Probe(), { CHECKOUT_MAX_OPEN_ORDERS_PER_IP: "2" });
    const { product } = await sellerWithProduct("TH", { stock: 50 });
    const ip = "203.0.113.7";
    for (let i = 0; i < 2; i++) {
      const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
      expect((await checkoutAs({ cartToken, ip, body: guestBody() })).status).toBe(201);
    }
    const third = await guestCart([{ productId: product.id, quantity: 1 }]);
    const problem = await expectProblem(await checkoutAs({ cartToken: third, ip, body: guestBody() }), 409, "conflict");
    expect(problem.detail).toContain("at most 2 orders");
    expect(problem.detail).toContain("per IP address");
    expect((await checkoutAs({ cartToken: third, ip: "198.51.100.9", body: guestBody() })).status).toBe(201);
  });

  it("20 concurrent checkouts from one IP with a cap of 5: exactly 5 orders, the rest change nothing", async () => {
    const checkoutAs = probedApp(new Probe(), { CHECKOUT_MAX_OPEN_ORDERS_PER_IP: "5" });
    const { product } = await sellerWithProduct("TH", { stock: 100 });
    const carts = await Promise.all(
      Array.from({ length: 20 }, () => guestCart([{ productId: product.id, quantity: 2 }])),
    );
    const ip = "203.0.113.20";
    const statuses = await Promise.all(
      carts.map(async (cartToken) => (await checkoutAs({ cartToken, ip, body: guestBody() })).status),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    expect((await level(product.id)).reserved).toBe(10);
    const leftInCarts = await Promise.all(carts.map(async (cartToken) => (await itemsIn({ cartToken })).length));
    expect(leftInCarts.filter((n) => n === 1)).toHaveLength(15);
  });

  it("a checkout that passed the first check loses at the write when a racing one took the last room", async () => {
    const vars = { CHECKOUT_MAX_OPEN_ORDERS_PER_IP: "1" };
    const slow = new Probe();
    let release: () => void = () => {};
    slow.pauses.set(
      "reserved",
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    const slowCheckout = probedApp(slow, vars);
    const fastCheckout = probedApp(new Probe(), vars);
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const [a, b] = await Promise.all([1, 2].map(() => guestCart([{ productId: product.id, quantity: 3 }])));
    const ip = "203.0.113.30";

    const pending = slowCheckout({ cartToken: a, ip, body: guestBody() });
    while (!slow.passed.includes("reserved")) await new Promise((r) => setTimeout(r, 10));
    expect((await fastCheckout({ cartToken: b, ip, body: guestBody() })).status).toBe(201);
    release();
    const problem = await expectProblem(await pending, 409, "conflict");
    expect(problem.detail).toContain("per IP address");
    // The loser's hold and cart line came back.
    expect((await level(product.id)).reserved).toBe(3);
    expect(await itemsIn({ cartToken: a })).toMatchObject([{ quantity: 3 }]);
  });
});
