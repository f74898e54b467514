import { describe, expect, it } from "vitest";
import {
  addItem,
  type Cart,
  call,
  clearCart,
  deleteItem,
  expectCart,
  expectJson,
  expectProblem,
  getCart,
  newAccount,
  newProduct,
  newShop,
  patchItem,
  setPrice,
  setStatus,
  softDelete,
  stock,
} from "./helpers";

describe("guest carts by X-Cart-Token", () => {
  it("a request without a token gets an empty cart and a new 256-bit token, stored nothing yet", async () => {
    const res = await getCart();
    const cart = await expectCart(res);
    const token = res.headers.get("X-Cart-Token");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(cart).toMatchObject({ items: [], itemCount: 0, subtotal: null, currency: null, updatedAt: null });
    expect(cart.id).toMatch(/^[0-9a-f]{64}$/);

    const again = await getCart();
    expect(again.headers.get("X-Cart-Token")).not.toBe(token);
  });

  it("round trip: the token from the first add names the cart on every later call", async () => {
    const product = await newProduct({ price: 12_500, stock: 10, name: "ผ้าไหมไทย" });
    const first = await addItem({ productId: product.id, quantity: 2 });
    const cart = await expectCart(first);
    const token = first.headers.get("X-Cart-Token")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]).toMatchObject({
      productId: product.id,
      name: "ผ้าไหมไทย",
      quantity: 2,
      unitPrice: { amount: 12_500, currency: "THB" },
      lineTotal: { amount: 25_000, currency: "THB" },
      available: 10,
      purchasable: true,
      priceChanged: false,
      shopId: product.shopId,
    });
    expect(cart.items[0].variantId).toBeUndefined();
    expect(cart).toMatchObject({ subtotal: { amount: 25_000, currency: "THB" }, itemCount: 2, currency: "THB" });

    const read = await getCart({ cartToken: token });
    expect(read.headers.get("X-Cart-Token")).toBe(token);
    const same = await expectCart(read);
    expect(same.id).toBe(cart.id);
    expect(same.items.map((i) => i.quantity)).toEqual([2]);

    // Another guest sees nothing of it.
    const other = await expectCart(await getCart());
    expect(other.items).toEqual([]);
    expect(other.id).not.toBe(cart.id);
  });

  it("a malformed token is 422, never a silently new cart", async () => {
    for (const bad of ["short", "x".repeat(44), `${"a".repeat(42)}!`]) {
      const p = await expectProblem(await getCart({ cartToken: bad }), 422, "validation_failed");
      expect(p.errors?.[0].path).toBe("X-Cart-Token");
    }
  });

  it("expiresAt is 30 days after the last change", async () => {
    const product = await newProduct();
    const res = await addItem({ productId: product.id, quantity: 1 });
    const cart = await expectCart(res);
    const updated = Date.parse(cart.updatedAt!);
    expect(Math.abs(updated - Date.now())).toBeLessThan(10_000);
    expect(Date.parse(cart.expiresAt!) - updated).toBe(30 * 24 * 3600 * 1000);
  });
});

describe("a signed-in user's cart", () => {
  it("is theirs alone: another user, a guest, or a guest token can't see or change it", async () => {
    const alice = await newAccount();
    const bob = await newAccount();
    const product = await newProduct({ stock: 5 });
    const mine = await expectCart(await addItem({ productId: product.id, quantity: 1 }, { token: alice.token }));
    const lineId = mine.items[0].id;

    // A signed-in response carries no guest token.
    const aliceRead = await getCart({ token: alice.token });
    expect(aliceRead.headers.get("X-Cart-Token")).toBeNull();
    expect((await expectCart(aliceRead)).items).toHaveLength(1);

    expect((await expectCart(await getCart({ token: bob.token }))).items).toEqual([]);
    await expectProblem(await patchItem(lineId, { quantity: 3 }, { token: bob.token }), 404, "not_found");
    await expectProblem(await deleteItem(lineId, { token: bob.token }), 404, "not_found");
    await expectProblem(await patchItem(lineId, { quantity: 3 }), 404, "not_found");
    const guest = await getCart();
    await expectProblem(await deleteItem(lineId, { cartToken: guest.headers.get("X-Cart-Token")! }), 404, "not_found");
    await expectCart(await clearCart({ token: bob.token }));

    const still = await expectCart(await getCart({ token: alice.token }));
    expect(still.items.map((i) => [i.id, i.quantity])).toEqual([[lineId, 1]]);
  });

  it("a Bearer token wins over an X-Cart-Token sent with it", async () => {
    const user = await newAccount();
    const product = await newProduct();
    const guestRes = await addItem({ productId: product.id, quantity: 1 });
    const guestToken = guestRes.headers.get("X-Cart-Token")!;
    const res = await getCart({ token: user.token, cartToken: guestToken });
    expect((await expectCart(res)).items).toEqual([]);
  });

  it("an invalid Bearer token is 401, not a guest cart", async () => {
    await expectProblem(await getCart({ token: "not.a.jwt" }), 401, "unauthorized");
  });
});

describe("POST /cart/items", () => {
  it("adds to the same line for the same product and variant, and prices variants by their own price", async () => {
    const user = await newAccount();
    const product = await newProduct({
      price: 1_000_000,
      variants: [
        { name: "Navy, 8/256GB", price: 1_200_000, stock: 4 },
        { name: "Lilac, 8/128GB", stock: 3 },
      ],
    });
    const [navy, lilac] = product.variants;
    await expectCart(await addItem({ productId: product.id, variantId: navy.id, quantity: 1 }, user));
    await expectCart(await addItem({ productId: product.id, variantId: lilac.id, quantity: 2 }, user));
    const cart = await expectCart(await addItem({ productId: product.id, variantId: navy.id, quantity: 2 }, user));
    expect(cart.items).toHaveLength(2);
    const byVariant = Object.fromEntries(cart.items.map((i) => [i.variantId, i]));
    expect(byVariant[navy.id]).toMatchObject({
      quantity: 3,
      variantName: "Navy, 8/256GB",
      unitPrice: { amount: 1_200_000 },
      lineTotal: { amount: 3_600_000 },
      available: 4,
    });
    expect(byVariant[lilac.id]).toMatchObject({ quantity: 2, unitPrice: { amount: 1_000_000 }, available: 3 });
    expect(cart.subtotal).toEqual({ amount: 5_600_000, currency: "THB" });
    expect(cart.itemCount).toBe(5);
  });

  it("more than available is 409 insufficient_stock, counting what the line already holds", async () => {
    const product = await newProduct({ stock: 3 });
    const res = await addItem({ productId: product.id, quantity: 2 });
    const token = res.headers.get("X-Cart-Token")!;
    await expectCart(res);
    const p = await expectProblem(
      await addItem({ productId: product.id, quantity: 2 }, { cartToken: token }),
      409,
      "insufficient_stock",
    );
    expect(p.detail).toContain("Only 3 in stock");
    await expectProblem(await addItem({ productId: product.id, quantity: 4 }), 409, "insufficient_stock");
    const cart = await expectCart(await getCart({ cartToken: token }));
    expect(cart.items[0].quantity).toBe(2);

    const soldOut = await newProduct({ stock: 0 });
    const q = await expectProblem(await addItem({ productId: soldOut.id, quantity: 1 }), 409, "insufficient_stock");
    expect(q.detail).toMatch(/out of stock/);
  });

  it("a product in another currency than the cart's is 409 currency_mismatch", async () => {
    const thai = await newProduct({ shop: await newShop("TH") });
    const indo = await newProduct({ shop: await newShop("ID"), price: 15_000_000 });
    const res = await addItem({ productId: thai.id, quantity: 1 });
    const token = res.headers.get("X-Cart-Token")!;
    await expectCart(res);
    const p = await expectProblem(
      await addItem({ productId: indo.id, quantity: 1 }, { cartToken: token }),
      409,
      "currency_mismatch",
    );
    expect(p.detail).toContain("THB");
    expect(p.detail).toContain("IDR");

    // Once empty, the next first line sets the currency again.
    const emptied = await expectCart(await clearCart({ cartToken: token }));
    expect(emptied).toMatchObject({ items: [], currency: null, subtotal: null });
    const idr = await expectCart(await addItem({ productId: indo.id, quantity: 1 }, { cartToken: token }));
    expect(idr.currency).toBe("IDR");
    expect(idr.subtotal).toEqual({ amount: 15_000_000, currency: "IDR" });
  });

  it("unknown, draft, archived and deleted products are 404; a product with variants needs one (422)", async () => {
    await expectProblem(await addItem({ productId: "prd_nope", quantity: 1 }), 404, "not_found");
    const draft = await newProduct({ status: "draft" });
    await expectProblem(await addItem({ productId: draft.id, quantity: 1 }), 404, "not_found");
    const archived = await newProduct({ status: "archived" });
    await expectProblem(await addItem({ productId: archived.id, quantity: 1 }), 404, "not_found");
    const deleted = await newProduct();
    await softDelete(deleted.id);
    await expectProblem(await addItem({ productId: deleted.id, quantity: 1 }), 404, "not_found");

    const withVariants = await newProduct({ variants: [{ name: "Red", stock: 5 }] });
    const p = await expectProblem(await addItem({ productId: withVariants.id, quantity: 1 }), 422, "validation_failed");
    expect(p.errors?.[0].path).toBe("variantId");
    await expectProblem(
      await addItem({ productId: withVariants.id, variantId: "var_other", quantity: 1 }),
      404,
      "not_found",
    );
    const plain = await newProduct();
    await expectProblem(
      await addItem({ productId: plain.id, variantId: withVariants.variants[0].id, quantity: 1 }),
      404,
      "not_found",
    );
  });

  it("bad input is 422 problem+json (quantity 1..99, integers, no extra fields); bad JSON is 400", async () => {
    const product = await newProduct();
    const bodies: [unknown, string][] = [
      [{ productId: product.id, quantity: 0 }, "quantity"],
      [{ productId: product.id, quantity: 100 }, "quantity"],
      [{ productId: product.id, quantity: 1.5 }, "quantity"],
      [{ productId: product.id, quantity: "2" }, "quantity"],
      [{ productId: product.id }, "quantity"],
      [{ quantity: 1 }, "productId"],
      [{ productId: "", quantity: 1 }, "productId"],
      [{ productId: "a#b", quantity: 1 }, "productId"],
      [{ productId: product.id, quantity: 1, price: 1 }, ""],
      [[], ""],
    ];
    for (const [body, path] of bodies) {
      const p = await expectProblem(await addItem(body), 422, "validation_failed");
      if (path) expect(p.errors?.map((e) => e.path)).toContain(path);
    }
    await expectProblem(
      await call("POST", "/api/v1/cart/items", { raw: "{not json", headers: { "Content-Type": "application/json" } }),
      400,
      "bad_request",
    );
  });

  it("a line holds at most 99 units (422)", async () => {
    const product = await newProduct({ stock: 500 });
    const res = await addItem({ productId: product.id, quantity: 99 });
    const token = res.headers.get("X-Cart-Token")!;
    await expectCart(res);
    const p = await expectProblem(
      await addItem({ productId: product.id, quantity: 1 }, { cartToken: token }),
      422,
      "validation_failed",
    );
    expect(p.errors?.[0].path).toBe("quantity");
  });
});

describe("PATCH and DELETE", () => {
  async function cartWith(quantity: number, onHand = 10) {
    const user = await newAccount();
    const product = await newProduct({ stock: onHand, price: 5_000 });
    const cart = await expectCart(await addItem({ productId: product.id, quantity }, user));
    return { user, product, lineId: cart.items[0].id };
  }

  it("PATCH sets the quantity; 0 removes the line", async () => {
    const { user, lineId } = await cartWith(2);
    const changed = await expectCart(await patchItem(lineId, { quantity: 5 }, user));
    expect(changed.items[0]).toMatchObject({ id: lineId, quantity: 5, lineTotal: { amount: 25_000 } });
    expect(changed.subtotal?.amount).toBe(25_000);
    const removed = await expectCart(await patchItem(lineId, { quantity: 0 }, user));
    expect(removed).toMatchObject({ items: [], itemCount: 0, currency: null, subtotal: null });
    await expectProblem(await patchItem(lineId, { quantity: 1 }, user), 404, "not_found");
  });

  it("PATCH above the stock is 409; lowering is always allowed", async () => {
    const { user, product, lineId } = await cartWith(4, 5);
    await expectProblem(await patchItem(lineId, { quantity: 6 }, user), 409, "insufficient_stock");
    await stock(product.id, 1);
    const lower = await expectCart(await patchItem(lineId, { quantity: 3 }, user));
    expect(lower.items[0]).toMatchObject({ quantity: 3, available: 1 });
    await expectProblem(await patchItem(lineId, { quantity: 4 }, user), 409, "insufficient_stock");
  });

  it("PATCH validates its body", async () => {
    const { user, lineId } = await cartWith(1);
    for (const body of [{ quantity: -1 }, { quantity: 100 }, { quantity: 2.5 }, {}, { quantity: 1, extra: true }]) {
      await expectProblem(await patchItem(lineId, body, user), 422, "validation_failed");
    }
  });

  it("DELETE an item removes it; an unknown id is 404", async () => {
    const user = await newAccount();
    const a = await newProduct();
    const b = await newProduct({ shop: { id: a.shopId, currency: a.currency } });
    await addItem({ productId: a.id, quantity: 1 }, user);
    const two = await expectCart(await addItem({ productId: b.id, quantity: 1 }, user));
    const left = await expectCart(await deleteItem(two.items[0].id, user));
    expect(left.items.map((i) => i.productId)).toEqual([b.id]);
    await expectProblem(await deleteItem(two.items[0].id, user), 404, "not_found");
  });

  it("DELETE /cart empties it", async () => {
    const { user } = await cartWith(3);
    const cleared = await expectCart(await clearCart(user));
    expect(cleared).toMatchObject({ items: [], itemCount: 0, currency: null });
    expect(cleared.updatedAt).not.toBeNull();
    expect((await expectCart(await getCart(user))).items).toEqual([]);
  });

  it("POST /cart and PUT /cart/items/:id are 405 with Allow", async () => {
    const res = await call("POST", "/api/v1/cart");
    await expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("Allow")).toContain("GET");
  });
});

describe("prices and availability are read fresh", () => {
  it("GET shows the catalog's current price and stock, and flags a changed price", async () => {
    const product = await newProduct({ price: 10_000, stock: 8 });
    const res = await addItem({ productId: product.id, quantity: 2 });
    const token = res.headers.get("X-Cart-Token")!;
    await setPrice(product.id, 12_000);
    await stock(product.id, 1);
    const cart = await expectJson<Cart>(await getCart({ cartToken: token }), 200);
    expect(cart.items[0]).toMatchObject({
      unitPrice: { amount: 12_000 },
      lineTotal: { amount: 24_000 },
      available: 1,
      priceChanged: true,
    });
    expect(cart.subtotal?.amount).toBe(24_000);
  });

  it("a product archived after it was added stays listed, unpurchasable, out of the subtotal", async () => {
    const shop = await newShop("TH");
    const keep = await newProduct({ shop, price: 1_000 });
    const gone = await newProduct({ shop, price: 9_999, name: "Soon archived" });
    const res = await addItem({ productId: keep.id, quantity: 1 });
    const token = res.headers.get("X-Cart-Token")!;
    await addItem({ productId: gone.id, quantity: 1 }, { cartToken: token });
    await setStatus(gone.id, "archived");
    const cart = await expectCart(await getCart({ cartToken: token }));
    const archived = cart.items.find((i) => i.productId === gone.id)!;
    expect(archived).toMatchObject({
      purchasable: false,
      available: 0,
      name: "Soon archived",
      unitPrice: { amount: 9_999 },
    });
    expect(cart.subtotal?.amount).toBe(1_000);
    expect(cart.itemCount).toBe(2);
  });
});
