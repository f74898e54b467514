import { describe, expect, it } from "vitest";
import { accounts } from "../chat/helpers";
import {
  ADDRESS,
  count,
  guestBody,
  guestCart,
  level,
  type Order,
  type Payment,
  sellerWithProduct,
  userCart,
} from "../orders/helpers";
import { advanceTime } from "../support/clock";
import { expectJson } from "../support/http";
import { expectLimited, uniqueIp, withVars } from "./limits";

// Checkout and payments count exactly (a RateLimiter object per key); a cart addition counts its
// account in the Cart object and its network through slots the isolate leases (write-limits.ts).
// Each test lowers its limit through the env, as the Worker reads it.

const WINDOW = 600;
const signedIn = { shippingAddress: ADDRESS.TH };

const cartItems = async (call: ReturnType<typeof withVars>, who: { token?: string; cartToken?: string }) =>
  (await expectJson<{ itemCount: number }>(await call("GET", "/api/v1/cart", who), 200)).itemCount;

describe("checkout (POST /api/v1/orders)", () => {
  it("per account: the third within the window is 429, takes nothing; a replayed key is free; later it goes", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const [buyer] = await accounts(1);
    const call = withVars({ WRITE_LIMIT_CHECKOUT: `2,1000,${WINDOW}` });
    const as = { token: buyer.token, ip: uniqueIp() };
    const firstKey = crypto.randomUUID();
    for (const key of [firstKey, crypto.randomUUID()]) {
      await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
      await expectJson(await call("POST", "/api/v1/orders", { ...as, body: signedIn, idempotencyKey: key }), 201);
    }
    // A retry of an answered key replays its answer and costs no slot.
    const replay = await call("POST", "/api/v1/orders", { ...as, body: signedIn, idempotencyKey: firstKey });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");

    await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
    const stock = await level(product.id);
    const refusedKey = crypto.randomUUID();
    await expectLimited(
      await call("POST", "/api/v1/orders", { ...as, body: signedIn, idempotencyKey: refusedKey }),
      WINDOW,
    );
    expect(await count("SELECT count(*) AS n FROM orders WHERE customer_id = ?", buyer.userId)).toBe(2);
    expect(await cartItems(call, as)).toBe(1);
    expect(await level(product.id)).toEqual(stock);

    // The refused key was given back: once the window is over, retrying it checks out.
    advanceTime(WINDOW * 1000);
    const later = await call("POST", "/api/v1/orders", { ...as, body: signedIn, idempotencyKey: refusedKey });
    expect((await expectJson<{ orders: Order[] }>(later, 201)).orders).toHaveLength(1);
    expect(await cartItems(call, as)).toBe(0);
  });

  it("per IP for guests: the third guest from one network is 429; another network is not", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const carts = await Promise.all([1, 2, 3, 4].map(() => guestCart([{ productId: product.id, quantity: 1 }])));
    const call = withVars({ WRITE_LIMIT_CHECKOUT: `1000,2,${WINDOW}` });
    const ip = uniqueIp();
    const send = (cartToken: string, from = ip) =>
      call("POST", "/api/v1/orders", { cartToken, ip: from, body: guestBody(), idempotencyKey: crypto.randomUUID() });
    await expectJson(await send(carts[0]), 201);
    await expectJson(await send(carts[1]), 201);
    await expectLimited(await send(carts[2]), WINDOW, "this network");
    expect(await cartItems(call, { cartToken: carts[2] })).toBe(1);
    await expectJson(await send(carts[3], uniqueIp()), 201);
  });
});

describe("payments (POST /api/v1/payments)", () => {
  it("per account: the third within the window is 429 and starts no payment; later it goes", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const [buyer] = await accounts(1);
    const orders: Order[] = [];
    for (let i = 0; i < 3; i++) {
      await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
      const res = await withVars({})("POST", "/api/v1/orders", {
        token: buyer.token,
        body: signedIn,
        idempotencyKey: crypto.randomUUID(),
      });
      orders.push(...(await expectJson<{ orders: Order[] }>(res, 201)).orders);
    }
    const call = withVars({ WRITE_LIMIT_PAYMENT: `2,1000,${WINDOW}` });
    const as = { token: buyer.token, ip: uniqueIp() };
    const pay = (order: Order) =>
      call("POST", "/api/v1/payments", {
        ...as,
        body: { orderIds: [order.id], gateway: "sandbox", method: "qris" },
        idempotencyKey: crypto.randomUUID(),
      });
    await expectJson<Payment>(await pay(orders[0]), 201);
    await expectJson<Payment>(await pay(orders[1]), 201);
    await expectLimited(await pay(orders[2]), WINDOW);
    expect(await count("SELECT count(*) AS n FROM payments WHERE customer_id = ?", buyer.userId)).toBe(2);
    advanceTime(WINDOW * 1000);
    await expectJson<Payment>(await pay(orders[2]), 201);
  });

  it("50 concurrent requests with a limit of 10: exactly 10 pass the limit", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const [buyer] = await accounts(1);
    await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
    const placed = await withVars({})("POST", "/api/v1/orders", {
      token: buyer.token,
      body: signedIn,
      idempotencyKey: crypto.randomUUID(),
    });
    const [order] = (await expectJson<{ orders: Order[] }>(placed, 201)).orders;
    const call = withVars({ WRITE_LIMIT_PAYMENT: "10,100000,60" });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        call("POST", "/api/v1/payments", {
          token: buyer.token,
          body: { orderIds: [order.id], gateway: "sandbox", method: "qris" },
          idempotencyKey: crypto.randomUUID(),
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    expect(statuses.filter((s) => s !== 429 && s < 500)).toHaveLength(10);
  });
});

describe("cart additions (POST /api/v1/cart/items)", () => {
  it("per account: the third within the window is 429 and leaves the cart as it was", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const [buyer] = await accounts(1);
    const call = withVars({ WRITE_LIMIT_CART: `2,1000,${WINDOW}` });
    const as = { token: buyer.token, ip: uniqueIp() };
    const add = () => call("POST", "/api/v1/cart/items", { ...as, body: { productId: product.id, quantity: 1 } });
    await expectJson(await add(), 200);
    await expectJson(await add(), 200);
    await expectLimited(await add(), WINDOW);
    const cart = await expectJson<{ items: { quantity: number }[] }>(await call("GET", "/api/v1/cart", as), 200);
    expect(cart.items.map((i) => i.quantity)).toEqual([2]);
    advanceTime(WINDOW * 1000);
    await expectJson(await add(), 200);
  });

  it("per IP: a network that made two new guest carts gets no third", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const call = withVars({ WRITE_LIMIT_CART: `1000,2,${WINDOW}` });
    const ip = uniqueIp();
    const add = () => call("POST", "/api/v1/cart/items", { ip, body: { productId: product.id, quantity: 1 } });
    for (let i = 0; i < 2; i++) expect((await add()).headers.get("X-Cart-Token")).toBeTruthy();
    const refused = await add();
    expect(refused.headers.get("X-Cart-Token")).toBeNull();
    await expectLimited(refused, WINDOW, "this network");
  });
});
