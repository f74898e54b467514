import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  ADDRESS,
  call,
  checkout,
  count,
  createProduct,
  expectConserved,
  expectJson,
  expectProblem,
  getOrder,
  guestBody,
  guestCart,
  guestOrder,
  level,
  newAccount,
  type Order,
  orderStatus,
  type Payment,
  pay,
  postOrders,
  postPayment,
  seller,
  sellerWithProduct,
  simulate,
  userCart,
} from "./helpers";

describe("multi-shop checkout", () => {
  it("a cart with two shops' products gives two orders, each with its own shipping, paid together", async () => {
    const a = await sellerWithProduct("TH", { stock: 10, weightGrams: 400 });
    const a2 = await createProduct(a.token, a.shop, { stock: 10, weightGrams: 2_600 });
    const b = await sellerWithProduct("TH", { stock: 10, weightGrams: 300 });
    const cartToken = await guestCart([
      { productId: a.product.id, quantity: 1 },
      { productId: b.product.id, quantity: 2 },
      { productId: a2.id, quantity: 1 },
    ]);
    const quote = await expectJson<{
      shops: { shopId: string; options: { id: string; cost: { amount: number } }[] }[];
    }>(
      await call("POST", "/api/v1/shipping/rates", {
        cartToken,
        body: { destination: { country: "TH", postalCode: "10110" } },
      }),
      200,
    );
    const orders = await checkout({ cartToken });
    expect(orders).toHaveLength(2);
    const ofA = orders.find((o) => o.shopId === a.shop.id)!;
    const ofB = orders.find((o) => o.shopId === b.shop.id)!;
    expect(ofA.items.map((i) => i.productId).sort()).toEqual([a.product.id, a2.id].sort());
    expect(ofB.items).toMatchObject([{ productId: b.product.id, quantity: 2 }]);
    // Each parcel priced on its own weight: 3 kg from shop A, 600 g from shop B.
    for (const o of [ofA, ofB]) {
      const cheapest = quote.shops.find((s) => s.shopId === o.shopId)!.options[0];
      expect(o.shippingCost.amount).toBe(cheapest.cost.amount);
      expect(o.total.amount).toBe(o.subtotal.amount - o.discount.amount + o.shippingCost.amount + o.tax.amount);
    }
    expect(ofA.shippingCost.amount).toBeGreaterThan(ofB.shippingCost.amount);
    expect(ofA.number).not.toBe(ofB.number);
    expect(ofA.reservationExpiresAt).toBe(ofB.reservationExpiresAt);
    expect((await level(a.product.id)).reserved).toBe(1);
    expect((await level(a2.id)).reserved).toBe(1);
    expect((await level(b.product.id)).reserved).toBe(2);
    // The cart is empty now.
    expect(
      (await expectJson<{ itemCount: number }>(await call("GET", "/api/v1/cart", { cartToken }), 200)).itemCount,
    ).toBe(0);

    // One payment for both; each order is paid and its own stock sold.
    const payment = await pay({ cartToken }, [ofA.id, ofB.id]);
    expect(payment.amount.amount).toBe(ofA.total.amount + ofB.total.amount);
    await simulate({ cartToken }, payment.id);
    for (const o of [ofA, ofB]) expect((await getOrder({ cartToken }, o.id)).status).toBe("paid");
    expect(await level(a.product.id)).toMatchObject({ sold: 1, reserved: 0 });
    expect(await level(a2.id)).toMatchObject({ sold: 1, reserved: 0 });
    expect(await level(b.product.id)).toMatchObject({ sold: 2, reserved: 0 });
    // Each shop sees only its own order.
    const pageA = await expectJson<{ items: Order[] }>(
      await call("GET", `/api/v1/shops/${a.shop.id}/orders`, { token: a.token }),
      200,
    );
    expect(pageA.items.map((o) => o.id)).toEqual([ofA.id]);
    await expectProblem(await call("GET", `/api/v1/orders/${ofB.id}`, { token: a.token }), 403, "forbidden");
  });

  it("short stock on one shop's SKU: 409 insufficient_stock and nothing reserved on the other shop's SKU", async () => {
    const a = await sellerWithProduct("TH", { stock: 10 });
    const b = await sellerWithProduct("TH", { stock: 2 });
    const cartToken = await guestCart([
      { productId: a.product.id, quantity: 3 },
      { productId: b.product.id, quantity: 2 },
    ]);
    // Someone buys one of B's two units first.
    await guestOrder(b.product.id, 1);
    const problem = await expectProblem(await postOrders({ cartToken }, guestBody()), 409, "insufficient_stock");
    expect(problem.errors).toEqual([{ path: `items.p:${b.product.id}`, message: "requested 2, available 1" }]);
    expect(await expectConserved(a.product.id, 10)).toMatchObject({ available: 10, reserved: 0 });
    expect(await expectConserved(b.product.id, 2)).toMatchObject({ available: 1, reserved: 1 });
    expect(await count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", a.product.id)).toBe(0);
    // The cart is kept for another try.
    expect(
      (await expectJson<{ itemCount: number }>(await call("GET", "/api/v1/cart", { cartToken }), 200)).itemCount,
    ).toBe(5);
  });

  it("a product withdrawn after it went into the cart: 409, nothing reserved", async () => {
    const s = await sellerWithProduct("TH", { stock: 10 });
    const keep = await createProduct(s.token, s.shop, { stock: 10 });
    const cartToken = await guestCart([
      { productId: s.product.id, quantity: 1 },
      { productId: keep.id, quantity: 1 },
    ]);
    await env.DB.prepare("UPDATE products SET status = 'archived' WHERE id = ?").bind(s.product.id).run();
    await expectProblem(await postOrders({ cartToken }, guestBody()), 409, "conflict");
    expect(await level(keep.id)).toMatchObject({ reserved: 0, available: 10 });
  });

  it("refuses an empty cart, a guest without contactEmail, or no address (422); prices come from the catalog, not the cart", async () => {
    const { product, token } = await sellerWithProduct("TH", { stock: 10, price: { amount: 10_000, currency: "THB" } });
    const empty = await guestCart([{ productId: product.id, quantity: 1 }]);
    await call("DELETE", "/api/v1/cart", { cartToken: empty });
    await expectProblem(await postOrders({ cartToken: empty }, guestBody()), 422, "validation_failed");
    await expectProblem(await postOrders({}, guestBody()), 422, "validation_failed");
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    const noEmail = await expectProblem(
      await postOrders({ cartToken }, { shippingAddress: ADDRESS.TH }),
      422,
      "validation_failed",
    );
    expect(noEmail.errors?.[0].path).toBe("contactEmail");
    await expectProblem(await postOrders({ cartToken }, { contactEmail: "a@example.com" }), 422, "validation_failed");
    await expectProblem(
      await postOrders({ cartToken }, guestBody("TH", { shippingAddress: { ...ADDRESS.TH, postalCode: "1" } })),
      422,
      "validation_failed",
    );
    await expectProblem(await postOrders({ cartToken }, guestBody("TH", { total: 1 })), 422, "validation_failed");
    // The seller raises the price after it went into the cart: the order charges the new price.
    expect(
      (
        await call("PATCH", `/api/v1/products/${product.id}`, {
          token,
          body: { price: { amount: 12_000, currency: "THB" } },
        })
      ).status,
    ).toBe(200);
    const [order] = await checkout({ cartToken });
    expect(order.items[0].unitPrice.amount).toBe(12_000);
  });
});

describe("who sees an order", () => {
  it("a guest's orders and payments: same X-Cart-Token only; another token 404; a signed-in stranger 403", async () => {
    const { product, token: sellerToken } = await sellerWithProduct("TH", { stock: 10 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const payment = await pay({ cartToken }, [order.id]);
    const other = await guestCart([{ productId: product.id, quantity: 1 }]);
    const stranger = await newAccount("TH");

    for (const path of [
      `/api/v1/orders/${order.id}`,
      `/api/v1/orders/${order.id}/timeline`,
      `/api/v1/orders/${order.id}/invoice`,
      `/api/v1/payments/${payment.id}`,
    ]) {
      expect((await call("GET", path, { cartToken })).status, path).toBe(200);
      await expectProblem(await call("GET", path, { cartToken: other }), 404, "not_found");
      await expectProblem(await call("GET", path), 404, "not_found");
      await expectProblem(await call("GET", path, { token: stranger.token }), 403, "forbidden");
    }
    // Writes too.
    await expectProblem(
      await call("POST", `/api/v1/orders/${order.id}/cancel`, { cartToken: other }),
      404,
      "not_found",
    );
    await expectProblem(
      await call("POST", `/api/v1/orders/${order.id}/cancel`, { token: stranger.token }),
      403,
      "forbidden",
    );
    await expectProblem(
      await call("POST", `/api/v1/payments/${payment.id}/simulate`, { cartToken: other, body: { outcome: "success" } }),
      404,
      "not_found",
    );
    await expectProblem(
      await call("POST", `/api/v1/payments/${payment.id}/simulate`, {
        token: stranger.token,
        body: { outcome: "success" },
      }),
      403,
      "forbidden",
    );
    expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment" });

    // Lists: each guest sees their own only; without a token 401.
    const mine = await expectJson<{ items: Order[] }>(await call("GET", "/api/v1/orders", { cartToken }), 200);
    expect(mine.items.map((o) => o.id)).toEqual([order.id]);
    expect(
      (await expectJson<{ items: Order[] }>(await call("GET", "/api/v1/orders", { cartToken: other }), 200)).items,
    ).toEqual([]);
    expect(
      (await expectJson<{ items: Order[] }>(await call("GET", "/api/v1/orders", { token: stranger.token }), 200)).items,
    ).toEqual([]);
    await expectProblem(await call("GET", "/api/v1/orders"), 401, "unauthorized");
    // The shop's owner sees it.
    expect((await call("GET", `/api/v1/orders/${order.id}`, { token: sellerToken })).status).toBe(200);
    await expectProblem(await call("GET", `/api/v1/payments/${payment.id}`, { token: sellerToken }), 403, "forbidden");
  });

  it("the address and contact email are encrypted at rest; the guest's token is never stored", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const stored = JSON.stringify(await env.DB.prepare("SELECT * FROM orders WHERE id = ?").bind(order.id).first());
    for (const plain of ["Sukhumvit", "Watthana", "guest@example.com", "812345678", cartToken])
      expect(stored).not.toContain(plain);
    expect(order.shippingAddress).toMatchObject({
      street: "1 Sukhumvit Soi 11",
      phone: "+66812345678",
      postalCode: "10110",
    });
  });

  it("a signed-in buyer checks out with a saved address (shippingAddressId); not someone else's", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const buyer = await newAccount("TH");
    const address = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/users/me/addresses", {
        token: buyer.token,
        body: { ...ADDRESS.TH, label: "Home", isPrimary: true },
      }),
      201,
    );
    const thief = await newAccount("TH");
    await userCart(thief.token, [{ productId: product.id, quantity: 1 }]);
    const problem = await expectProblem(
      await postOrders({ token: thief.token }, { shippingAddressId: address.id }),
      422,
      "validation_failed",
    );
    expect(problem.errors?.[0].path).toBe("shippingAddressId");
    // A guest may not use saved addresses.
    const guest = await guestCart([{ productId: product.id, quantity: 1 }]);
    await expectProblem(
      await postOrders({ cartToken: guest }, { shippingAddressId: address.id, contactEmail: "g@example.com" }),
      422,
      "validation_failed",
    );

    await userCart(buyer.token, [{ productId: product.id, quantity: 2 }]);
    const [order] = await checkout({ token: buyer.token }, { shippingAddressId: address.id });
    expect(order).toMatchObject({
      customerId: buyer.userId,
      status: "pending_payment",
      shippingAddress: {
        recipientName: ADDRESS.TH.recipientName,
        street: ADDRESS.TH.street,
        postalCode: "10110",
        country: "TH",
        phone: "+66812345678",
      },
      items: [{ productId: product.id, quantity: 2 }],
    });
    // The buyer's own payment works; the stranger's can't read it.
    const payment = await expectJson<Payment>(
      await postPayment({ token: buyer.token }, { orderIds: [order.id], gateway: "sandbox", method: "bca_va" }),
      201,
    );
    expect(payment.nextAction).toMatchObject({ type: "virtual_account", bank: "BCA" });
    await expectProblem(await call("GET", `/api/v1/payments/${payment.id}`, { token: thief.token }), 403, "forbidden");
    // A guest token does not reach a user's order.
    await expectProblem(await call("GET", `/api/v1/orders/${order.id}`, { cartToken: guest }), 404, "not_found");
  });

  it("the sandbox simulate endpoint only simulates sandbox payments, and the unknown are 404", async () => {
    const s = await seller("TH");
    const p = await createProduct(s.token, s.shop, { stock: 3 });
    const { cartToken, order } = await guestOrder(p.id, 1);
    await env.DB.prepare(
      "INSERT INTO payments (id, order_ids, guest_token_hash, gateway, method, amount, currency, status, created_at, updated_at) VALUES ('pay_omise_sim', ?, (SELECT guest_token_hash FROM orders WHERE id = ?), 'omise', 'promptpay', ?, 'THB', 'pending', 0, 0)",
    )
      .bind(JSON.stringify([order.id]), order.id, order.total.amount)
      .run();
    await expectProblem(
      await call("POST", "/api/v1/payments/pay_omise_sim/simulate", { cartToken, body: { outcome: "success" } }),
      409,
      "conflict",
    );
    await expectProblem(
      await call("POST", "/api/v1/payments/pay_nope/simulate", { cartToken, body: { outcome: "success" } }),
      404,
      "not_found",
    );
    await expectProblem(await call("GET", "/api/v1/payments/pay_nope", { cartToken }), 404, "not_found");
    expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment" });
  });
});

describe("invoice", () => {
  const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, " ");

  it("Thai: labels in Thai, baht with satang", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop, {
      name: "เสื้อยืด <b>ลายไทย</b>",
      price: { amount: 129_951, currency: "THB" },
      stock: 5,
    });
    const { cartToken, order } = await guestOrder(product.id, 2);
    const res = await call("GET", `/api/v1/orders/${order.id}/invoice?locale=th`, { cartToken });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    const html = plain(await res.text());
    expect(html).toContain('<html lang="th-TH">');
    expect(html).toContain("ใบแจ้งหนี้");
    expect(html).toContain("ภาษีมูลค่าเพิ่ม");
    expect(html).toContain(order.number);
    expect(html).toContain("฿1,299.51");
    expect(html).toContain("฿2,599.02");
    const total = order.total.amount;
    expect(html).toContain(
      `฿${Math.floor(total / 100).toLocaleString("en-US")}.${String(total % 100).padStart(2, "0")}`,
    );
    // Names are escaped, never markup.
    expect(html).toContain("&lt;b&gt;ลายไทย&lt;/b&gt;");
    expect(html).not.toContain("<b>ลายไทย</b>");
  });

  it("Indonesian: rupiah without decimals", async () => {
    const s = await seller("ID");
    const product = await createProduct(s.token, s.shop, { price: { amount: 1_499_900, currency: "IDR" }, stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1, "ID");
    const html = plain(await (await call("GET", `/api/v1/orders/${order.id}/invoice?locale=id`, { cartToken })).text());
    expect(html).toContain('<html lang="id-ID">');
    expect(html).toContain("Faktur");
    expect(html).toContain("Ongkos kirim");
    expect(html).toContain("Rp 14.999<");
    const rupiah = (order.total.amount / 100).toLocaleString("de-DE");
    expect(html).toContain(`Rp ${rupiah}<`);
    expect(html).not.toMatch(/Rp [\d.]+,\d\d/);
  });

  it("Vietnamese: dong, no minor unit", async () => {
    const s = await seller("VN");
    const product = await createProduct(s.token, s.shop, { price: { amount: 149_999, currency: "VND" }, stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1, "VN");
    const html = plain(await (await call("GET", `/api/v1/orders/${order.id}/invoice?locale=vi`, { cartToken })).text());
    expect(html).toContain('<html lang="vi-VN">');
    expect(html).toContain("Hóa đơn");
    expect(html).toContain("Tổng cộng");
    expect(html).toContain("149.999 ₫");
    expect(html).toContain(`${order.total.amount.toLocaleString("de-DE")} ₫`);
  });
});
