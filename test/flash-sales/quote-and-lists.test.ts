import { describe, expect, it } from "vitest";
import {
  ADDRESS,
  call,
  checkout,
  expectJson,
  guestBody,
  guestCart,
  newAccount,
  type Order,
  pay,
  sellerWithProduct,
  simulate,
  userCart,
} from "../orders/helpers";
import { getSale, liveSale } from "./helpers";

const SALE = { amount: 79_900, currency: "THB" };
const NORMAL = 129_900;

interface Quote {
  subtotal: { amount: number };
  total: { amount: number };
  orders: { items: { quantity: number; unitPrice: { amount: number } }[] }[];
}

interface Listed {
  id: string;
  flashSale?: { saleId: string; price: { amount: number }; remaining: number };
}

const quote = async (cartToken: string) =>
  expectJson<Quote>(await call("POST", "/api/v1/checkout/quote", { cartToken, body: guestBody() }), 200);

describe("flash sale in the checkout quote", () => {
  it("quotes the sale price for the units the order would get, the same as the order placed", async () => {
    const { token, shop, product } = await sellerWithProduct("TH", { stock: 20 });
    await liveSale(token, shop.id, [{ productId: product.id, salePrice: SALE, quota: 10, perUserLimit: 2 }]);
    const cartToken = await guestCart([{ productId: product.id, quantity: 3 }]);

    const quoted = await quote(cartToken);
    expect(quoted.orders[0].items.map((i) => [i.quantity, i.unitPrice.amount])).toEqual([
      [2, SALE.amount],
      [1, NORMAL],
    ]);
    expect(quoted.subtotal.amount).toBe(2 * SALE.amount + NORMAL);

    const [order] = await checkout({ cartToken }, guestBody());
    expect(order.items.map((i) => [i.quantity, i.unitPrice.amount])).toEqual([
      [2, SALE.amount],
      [1, NORMAL],
    ]);
    expect(order.total.amount).toBe(quoted.total.amount);
  });

  it("quotes the normal price once the quota is taken", async () => {
    const { token, shop, product } = await sellerWithProduct("TH", { stock: 20 });
    await liveSale(token, shop.id, [{ productId: product.id, salePrice: SALE, quota: 1 }]);
    await checkout({ cartToken: await guestCart([{ productId: product.id, quantity: 1 }]) }, guestBody());
    const quoted = await quote(await guestCart([{ productId: product.id, quantity: 1 }]));
    expect(quoted.orders[0].items.map((i) => i.unitPrice.amount)).toEqual([NORMAL]);
  });
});

describe("flash sale on product lists", () => {
  it("shows the live sale on the catalog list and the shop's products", async () => {
    const { token, shop, product } = await sellerWithProduct("TH", { stock: 20 });
    const other = await sellerWithProduct("TH", { stock: 5 });
    const sale = await liveSale(token, shop.id, [{ productId: product.id, salePrice: SALE, quota: 7 }]);
    const expected = { saleId: sale.id, price: SALE, remaining: 7 };

    const list = await expectJson<{ items: Listed[] }>(await call("GET", `/api/v1/products?shopId=${shop.id}`), 200);
    expect(list.items.find((p) => p.id === product.id)?.flashSale).toMatchObject(expected);
    const own = await expectJson<{ items: Listed[] }>(await call("GET", `/api/v1/shops/${shop.id}/products`), 200);
    expect(own.items.find((p) => p.id === product.id)?.flashSale).toMatchObject(expected);
    const theirs = await expectJson<{ items: Listed[] }>(
      await call("GET", `/api/v1/shops/${other.shop.id}/products`),
      200,
    );
    expect(theirs.items.find((p) => p.id === other.product.id)?.flashSale).toBeUndefined();
  });
});

describe("flash-sale units of a paid order that is cancelled", () => {
  it("go back to the sale's quota once, however often the cancel runs", async () => {
    const { token, shop, product } = await sellerWithProduct("TH", { stock: 20 });
    const sale = await liveSale(token, shop.id, [{ productId: product.id, salePrice: SALE, quota: 3 }]);
    const buyer = await newAccount("TH");
    const bought: Order[] = [];
    for (const quantity of [2, 1]) {
      await userCart(buyer.token, [{ productId: product.id, quantity }]);
      const [order] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH });
      expect(order.items.map((i) => i.unitPrice.amount)).toEqual([SALE.amount]);
      await simulate({ token: buyer.token }, (await pay({ token: buyer.token }, [order.id])).id);
      bought.push(order);
    }
    expect((await getSale(sale.id)).items[0]).toMatchObject({ sold: 3, remaining: 0 });

    const cancel = () => call("POST", `/api/v1/orders/${bought[0].id}/cancel`, { token: buyer.token });
    expect((await cancel()).status).toBe(200);
    // A retried cancel runs the stock step again: the units must not come back twice.
    expect((await cancel()).status).toBe(409);
    expect((await getSale(sale.id)).items[0]).toMatchObject({ sold: 1, remaining: 2 });

    await userCart(buyer.token, [{ productId: product.id, quantity: 3 }]);
    const [again] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH });
    expect(again.items.map((i) => [i.quantity, i.unitPrice.amount])).toEqual([
      [2, SALE.amount],
      [1, NORMAL],
    ]);
  });
});
