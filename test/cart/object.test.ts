import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Cart as CartObject } from "../../durable-objects/cart";
import { CART_MIGRATIONS } from "../../workers/cart/object/schema";
import { applyMigrations } from "../../workers/platform/object-schema";
import {
  addItem,
  expectCart,
  expectProblem,
  getCart,
  guestCart,
  guestWith,
  newAccount,
  newProduct,
  patchItem,
  userCart,
} from "./helpers";

const DAY = 24 * 3600 * 1000;

/** Moves the cart's expiry into the past, as if 30 days had gone by. */
async function age(stub: DurableObjectStub<CartObject>) {
  await runInDurableObject(stub, (_instance: CartObject, state) => {
    state.storage.sql.exec("UPDATE cart_meta SET expires_at = ?", Date.now() - 1);
  });
}

const alarmAt = (stub: DurableObjectStub<CartObject>) =>
  runInDurableObject(stub, (_instance: CartObject, state) => state.storage.getAlarm());

describe("expiry by alarm", () => {
  it("the alarm is set 30 days after a change; a later change leaves it, and when it fires it moves to the last change's expiry", async () => {
    const user = await newAccount();
    const product = await newProduct({ stock: 10 });
    const first = await expectCart(await addItem({ productId: product.id, quantity: 1 }, user));
    const stub = userCart(user.userId);
    expect(await alarmAt(stub)).toBe(Date.parse(first.expiresAt!));
    await new Promise((r) => setTimeout(r, 5));
    const second = await expectCart(await patchItem(first.items[0].id, { quantity: 2 }, user));
    expect(Date.parse(second.expiresAt!)).toBeGreaterThan(Date.parse(first.expiresAt!));
    expect(Date.parse(second.expiresAt!) - Date.parse(second.updatedAt!)).toBe(30 * DAY);
    // Already due before the new expiry: no second write to the alarm store for this change.
    expect(await alarmAt(stub)).toBe(Date.parse(first.expiresAt!));
    // Firing early keeps the cart and re-arms at its expiry now.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await stub.snapshot()).lines.map((l) => l.quantity)).toEqual([2]);
    expect(await alarmAt(stub)).toBe(Date.parse(second.expiresAt!));
    // A new instance (eviction) knows no alarm of its own: its first change sets the alarm again.
    await evictDurableObject(stub);
    const third = await expectCart(await patchItem(first.items[0].id, { quantity: 3 }, user));
    expect(await alarmAt(stub)).toBe(Date.parse(third.expiresAt!));
  });

  it("deletes everything when it fires after the expiry; firing twice is harmless", async () => {
    const product = await newProduct({ stock: 10 });
    const token = await guestWith([{ productId: product.id, quantity: 3 }]);
    const stub = await guestCart(token);
    await age(stub);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.snapshot()).toEqual({ lines: [], currency: null, updatedAt: null, expiresAt: null });
    expect(await alarmAt(stub)).toBeNull();

    // At-least-once: the same alarm delivered again (or a stray one) finds nothing to do.
    expect(await runDurableObjectAlarm(stub)).toBe(false);
    await runInDurableObject(stub, (instance: CartObject) => instance.alarm());
    await runInDurableObject(stub, (instance: CartObject) => instance.alarm());
    expect(await stub.snapshot()).toEqual({ lines: [], currency: null, updatedAt: null, expiresAt: null });
    const tables = await runInDurableObject(
      stub,
      (_i: CartObject, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM cart_lines").one().n,
    );
    expect(tables).toBe(0);

    // The same token starts afresh.
    const fresh = await expectCart(await addItem({ productId: product.id, quantity: 1 }, { cartToken: token }));
    expect(fresh.items.map((i) => i.quantity)).toEqual([1]);
  });

  it("an alarm that fires before the expiry (the cart changed meanwhile) keeps the cart and re-arms", async () => {
    const product = await newProduct({ stock: 10 });
    const token = await guestWith([{ productId: product.id, quantity: 2 }]);
    const stub = await guestCart(token);
    const before = await stub.snapshot();
    await runInDurableObject(stub, (instance: CartObject) => instance.alarm());
    expect((await stub.snapshot()).lines.map((l) => l.quantity)).toEqual([2]);
    expect(await alarmAt(stub)).toBe(before.expiresAt);
  });

  it("a cart past its expiry reads as empty even before the alarm has run", async () => {
    const product = await newProduct({ stock: 10 });
    const token = await guestWith([{ productId: product.id, quantity: 2 }]);
    await age(await guestCart(token));
    const cart = await expectCart(await getCart({ cartToken: token }));
    expect(cart).toMatchObject({ items: [], currency: null, updatedAt: null, expiresAt: null });
  });
});

describe("concurrency and restarts", () => {
  it("20 concurrent adds to one cart all succeed and the quantity is exactly their sum", async () => {
    const user = await newAccount();
    const product = await newProduct({ stock: 1000 });
    const quantities = Array.from({ length: 20 }, (_, i) => 1 + (i % 4)); // 1,2,3,4,... sums to 50
    const responses = await Promise.all(
      quantities.map((quantity) => addItem({ productId: product.id, quantity }, user)),
    );
    expect(responses.map((r) => r.status)).toEqual(quantities.map(() => 200));
    const cart = await expectCart(await getCart(user));
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0].quantity).toBe(50);
    expect(cart.itemCount).toBe(50);
  });

  it("20 concurrent adds of different products each get their own line", async () => {
    const user = await newAccount();
    const first = await newProduct({ stock: 5 });
    const shop = { id: first.shopId, currency: first.currency };
    const products = [first, ...(await Promise.all(Array.from({ length: 19 }, () => newProduct({ shop, stock: 5 }))))];
    const responses = await Promise.all(products.map((p) => addItem({ productId: p.id, quantity: 2 }, user)));
    expect(responses.map((r) => r.status)).toEqual(products.map(() => 200));
    const cart = await expectCart(await getCart(user));
    expect(cart.items).toHaveLength(20);
    expect(cart.itemCount).toBe(40);
  });

  it("concurrent adds past the stock: exactly the stock is taken, the rest are 409, none 5xx", async () => {
    const user = await newAccount();
    const product = await newProduct({ stock: 10 });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => addItem({ productId: product.id, quantity: 1 }, user)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    for (const res of responses.filter((r) => r.status !== 200)) await expectProblem(res, 409, "insufficient_stock");
    expect((await expectCart(await getCart(user))).items[0].quantity).toBe(10);
  });

  it("the cart survives the object's eviction (restart)", async () => {
    const product = await newProduct({ stock: 10, price: 4_200 });
    const token = await guestWith([{ productId: product.id, quantity: 3 }]);
    const stub = await guestCart(token);
    const before = await stub.snapshot();
    await evictDurableObject(stub);
    const after = await stub.snapshot();
    expect(after).toEqual(before);
    const cart = await expectCart(await getCart({ cartToken: token }));
    expect(cart).toMatchObject({ itemCount: 3, subtotal: { amount: 12_600, currency: "THB" } });
    expect(await alarmAt(stub)).toBe(before.expiresAt);
  });

  it("a cart holds at most CART_MAX_LINES lines (100): the next new line is cart_full", async () => {
    const stub = userCart("usr_full_cart");
    const line = (i: number) => ({
      productId: `prd_${i}`,
      variantId: null,
      quantity: 1,
      unitPrice: 100,
      currency: "THB" as const,
      name: `P${i}`,
      available: 5,
    });
    for (let i = 0; i < 100; i++) expect((await stub.add(line(i))).ok).toBe(true);
    expect(await stub.add(line(100))).toEqual({ ok: false, code: "cart_full", maxLines: 100 });
    // More of an existing line is still fine.
    expect(await stub.add(line(7))).toMatchObject({ ok: true, quantity: 2 });
  });

  it("RPC outcomes are values: bad arguments come back as invalid_argument", async () => {
    const stub = userCart("usr_rpc_checks");
    const add = await stub.add({
      productId: "",
      variantId: null,
      quantity: 1,
      unitPrice: 1,
      currency: "THB",
      name: "x",
      available: 1,
    });
    expect(add).toMatchObject({ ok: false, code: "invalid_argument" });
    expect(await stub.setQuantity({ lineId: "cli_x", quantity: -1, available: 1 })).toMatchObject({
      ok: false,
      code: "invalid_argument",
    });
    expect(await stub.remove("cli_missing")).toEqual({ ok: false, code: "not_found" });
  });

  it("setQuantity without `available`: a shrink is made at once, a raise changes nothing and answers needs_stock", async () => {
    const stub = userCart("usr_needs_stock");
    const line = { productId: "prd_ns", variantId: null, unitPrice: 100, currency: "THB" as const, name: "P" };
    const added = await stub.add({ ...line, quantity: 4, available: 10 });
    if (!added.ok) throw new Error("add refused");
    const lowered = await stub.setQuantity({ lineId: added.lineId, quantity: 2 });
    expect(lowered).toMatchObject({ ok: true, removed: false });
    if (lowered.ok) expect(lowered.cart.lines[0].quantity).toBe(2);
    const raise = await stub.setQuantity({ lineId: added.lineId, quantity: 5 });
    expect(raise).toMatchObject({ ok: false, code: "needs_stock" });
    if (!raise.ok && raise.code === "needs_stock") expect(raise.cart.lines[0].quantity).toBe(2);
    expect((await stub.snapshot()).lines[0].quantity).toBe(2);
    expect(await stub.setQuantity({ lineId: added.lineId, quantity: 5, available: 4 })).toMatchObject({
      ok: false,
      code: "insufficient_stock",
      available: 4,
      inCart: 2,
    });
    expect(await stub.setQuantity({ lineId: added.lineId, quantity: 5, available: 5 })).toMatchObject({ ok: true });
    expect(await stub.setQuantity({ lineId: "cli_missing", quantity: 1 })).toEqual({ ok: false, code: "not_found" });
  });
});

describe("schema", () => {
  /** The object's tables and indexes, their SQL with spacing and IF NOT EXISTS left out, and its version. */
  const schemaOf = (state: DurableObjectState) => ({
    objects: state.storage.sql
      .exec<{ type: string; name: string; sql: string | null }>(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY name",
      )
      .toArray()
      .map((o) => ({ ...o, sql: o.sql?.replace(/IF NOT EXISTS /g, "").replace(/\s+/g, " ") ?? null })),
    version: state.storage.sql.exec<{ version: number }>("SELECT version FROM schema_version").one().version,
  });

  it("a new cart's schema, made in one exec, is exactly what its migration steps build", async () => {
    const stub = env.CART.getByName(`schema-test:${crypto.randomUUID()}`);
    const fresh = await runInDurableObject(stub, (_instance: CartObject, state) => schemaOf(state));
    const stepped = await runInDurableObject(stub, async (_instance: CartObject, state) => {
      await state.storage.deleteAll();
      applyMigrations(state.storage, CART_MIGRATIONS);
      return schemaOf(state);
    });
    expect(fresh.objects.map((o) => o.name)).toContain("cart_handoffs");
    expect(fresh).toEqual(stepped);
    expect(fresh.version).toBe(CART_MIGRATIONS.length);
  });
});
