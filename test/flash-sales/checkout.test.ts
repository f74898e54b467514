import { describe, expect, it } from "vitest";
import {
  call,
  expectJson,
  guestBody,
  guestCart,
  type Order,
  postOrders,
  rows,
  sellerWithProduct,
} from "../orders/helpers";
import { advanceTime } from "../support/clock";
import { getSale, liveSale } from "./helpers";

const SALE = { amount: 79_900, currency: "THB" };

/** `n` guest carts of one unit each, `parallel` at a time. */
async function buildCarts(productId: string, n: number, parallel = 25): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, n - i) }, () => guestCart([{ productId, quantity: 1 }]));
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}

async function checkout(cartToken: string): Promise<Order[]> {
  return (await expectJson<{ orders: Order[] }>(await postOrders({ cartToken }, guestBody()), 201)).orders;
}

/** Units of the product in created orders, by unit price. */
async function unitsByPrice(productId: string): Promise<Map<number, number>> {
  const lines = await rows<{ unit_price: number; units: number }>(
    "SELECT unit_price, SUM(quantity) AS units FROM order_items WHERE product_id = ? GROUP BY unit_price",
    productId,
  );
  return new Map(lines.map((l) => [l.unit_price, l.units]));
}

function expectTotalsAddUp(order: Order) {
  const lines = order.items.reduce((n, i) => n + i.lineTotal.amount, 0);
  for (const i of order.items) expect(i.lineTotal.amount).toBe(i.unitPrice.amount * i.quantity);
  expect(order.subtotal.amount).toBe(lines);
  expect(order.total.amount).toBe(
    order.subtotal.amount - order.discount.amount + order.shippingCost.amount + order.tax.amount,
  );
}

describe("flash sale at checkout", () => {
  it("200 buyers racing on a 20-unit quota get exactly 20 units at the sale price", async () => {
    const { token, shop, product } = await sellerWithProduct("TH", { stock: 300 });
    const sale = await liveSale(token, shop.id, [{ productId: product.id, salePrice: SALE, quota: 20 }]);
    const carts = await buildCarts(product.id, 200);

    const responses = await Promise.all(
      carts.map(async (cartToken) => {
        const res = await postOrders({ cartToken }, guestBody());
        return { status: res.status, body: (await res.json()) as { orders: Order[] } };
      }),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const orders = responses.flatMap((r) => r.body.orders);
    expect(orders).toHaveLength(200);
    const atSale = orders.filter((o) => o.items[0].unitPrice.amount === SALE.amount);
    expect(atSale).toHaveLength(20);
    for (const o of orders) expectTotalsAddUp(o);
    expect(await unitsByPrice(product.id)).toEqual(
      new Map([
        [SALE.amount, 20],
        [129_900, 180],
      ]),
    );
    expect((await getSale(sale.id)).items[0]).toMatchObject({ quota: 20, remaining: 0 });
  }, 240_000);

  it("charges the normal price beyond the buyer's limit, shows the sale price in the cart", async () => {
    const { token, shop, product } = await sellerWithProduct("TH", { stock: 20 });
    await liveSale(token, shop.id, [{ productId: product.id, salePrice: SALE, quota: 10, perUserLimit: 2 }]);
    const cartToken = await guestCart([{ productId: product.id, quantity: 3 }]);
    const cart = await expectJson<{ items: { unitPrice: { amount: number } }[] }>(
      await call("GET", "/api/v1/cart", { cartToken }),
      200,
    );
    expect(cart.items[0].unitPrice.amount).toBe(SALE.amount);

    const [order] = await checkout(cartToken);
    expect(order.items.map((i) => [i.quantity, i.unitPrice.amount])).toEqual([
      [2, SALE.amount],
      [1, 129_900],
    ]);
    expectTotalsAddUp(order);
    expect(order.subtotal.amount).toBe(2 * SALE.amount + 129_900);
  });

  it("gives a cancelled unpaid order's sale units back, and charges the normal price after the end", async () => {
    const { token, shop, product } = await sellerWithProduct("TH", { stock: 20 });
    const sale = await liveSale(token, shop.id, [{ productId: product.id, salePrice: SALE, quota: 2 }]);
    const first = await guestCart([{ productId: product.id, quantity: 2 }]);
    const [order] = await checkout(first);
    expect(order.items.map((i) => i.unitPrice.amount)).toEqual([SALE.amount]);
    expect((await getSale(sale.id)).items[0].remaining).toBe(0);

    const late = await checkout(await guestCart([{ productId: product.id, quantity: 1 }]));
    expect(late[0].items[0].unitPrice.amount).toBe(129_900);

    await expectJson(await call("POST", `/api/v1/orders/${order.id}/cancel`, { cartToken: first }), 200);
    expect((await getSale(sale.id)).items[0].remaining).toBe(2);
    const again = await checkout(await guestCart([{ productId: product.id, quantity: 1 }]));
    expect(again[0].items[0].unitPrice.amount).toBe(SALE.amount);

    advanceTime(3_600_000);
    const after = await checkout(await guestCart([{ productId: product.id, quantity: 1 }]));
    expect(after[0].items[0].unitPrice.amount).toBe(129_900);
  });
});
