import { describe, expect, it } from "vitest";
import {
  count,
  expectConserved,
  guestBody,
  guestCart,
  type Order,
  postOrders,
  sellerWithProduct,
  userCart,
} from "../orders/helpers";
import { register } from "../support/accounts";

// OWASP API6:2023, Unrestricted Access to Sensitive Business Flows: bots going for a limited item.
// (The per-buyer caps on unpaid orders and held units are checkout's to add; this proves that
// however many bots race, the stock is never oversold and one request key buys once.)

const ORDERS_OF =
  "SELECT count(*) AS n FROM orders WHERE id IN (SELECT order_id FROM order_items WHERE product_id = ?)";

describe("API6: a limited item", () => {
  it("100 bots checking out at once for 20 units: exactly 20 orders, 80 insufficient_stock, nothing oversold", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 20 });
    const carts: string[] = [];
    for (let i = 0; i < 100; i += 25) {
      carts.push(
        ...(await Promise.all(Array.from({ length: 25 }, () => guestCart([{ productId: product.id, quantity: 1 }])))),
      );
    }
    const answers = await Promise.all(
      carts.map(async (cartToken) => {
        const res = await postOrders({ cartToken }, guestBody());
        return { status: res.status, text: await res.text() };
      }),
    );
    const won = answers.filter((a) => a.status === 201);
    expect(won).toHaveLength(20);
    for (const lost of answers.filter((a) => a.status !== 201)) {
      expect(lost.status, lost.text).toBe(409);
      expect(JSON.parse(lost.text).code).toBe("insufficient_stock");
    }
    expect(await count(ORDERS_OF, product.id)).toBe(20);
    expect(await expectConserved(product.id, 20)).toMatchObject({ available: 0, reserved: 20, sold: 0 });
  });

  it("one bot replaying one checkout 30 times at once with one Idempotency-Key: one order, one unit held", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const bot = await register({ emailPrefix: "api6-bot" });
    await userCart(bot.accessToken, [{ productId: product.id, quantity: 1 }]);
    const key = crypto.randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const res = await postOrders({ token: bot.accessToken }, guestBody(), key);
        return { status: res.status, text: await res.text() };
      }),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.length, JSON.stringify(answers.filter((a) => a.status !== 201).slice(0, 3))).toBeGreaterThan(0);
    const orderIds = new Set(
      created.flatMap((a) => (JSON.parse(a.text) as { orders: Order[] }).orders.map((o) => o.id)),
    );
    expect(orderIds.size).toBe(1);
    // Any answer that is not the replayed order says to wait and retry (the first is still running).
    for (const other of answers.filter((a) => a.status !== 201)) expect(other.status, other.text).toBe(409);
    expect(await count(ORDERS_OF, product.id)).toBe(1);
    expect(await expectConserved(product.id, 5)).toMatchObject({ available: 4, reserved: 1 });
  });
});
