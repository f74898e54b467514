import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import type { Cart as CartObject } from "../../durable-objects/cart";
import { CHECKOUT_POINTS } from "../../workers/orders";
import { sha256Hex, stableId } from "../../workers/platform/ids";
import { guestCart as cartObject } from "../cart/helpers";
import { advanceTime } from "../support/clock";
import {
  count,
  expectJson,
  expectProblem,
  guestBody,
  guestCart,
  level,
  type Order,
  sellerWithProduct,
} from "./helpers";
import { expectReservedMatchesOrders, holdings, Probe, probedApp, voucher } from "./probed";

// Issue 13, "What must hold" for checkout: a retry after a crash at any step, with the same
// Idempotency-Key, completes the same orders (one per shop, once) or leaves everything as it was; a
// checkout never retried is abandoned by its cart, which takes its lines back and releases its holds.

const probe = new Probe();
const placeOrders = probedApp(probe);
let errors: MockInstance;

beforeEach(() => {
  probe.reset();
  // A crash is answered 500 (and logged as an error) before the retry: kept out of the test output.
  errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

async function twoShopCart() {
  const a = await sellerWithProduct("TH", { stock: 10 });
  const b = await sellerWithProduct("TH", { stock: 10 });
  const code = await voucher({ code: `CRASH-${crypto.randomUUID().slice(0, 8).toUpperCase()}`, usageLimit: 5 });
  const cartToken = await guestCart([
    { productId: a.product.id, quantity: 2 },
    { productId: b.product.id, quantity: 1 },
  ]);
  return {
    cartToken,
    code,
    products: [a.product.id, b.product.id],
    body: guestBody("TH", { voucherCode: code }),
    key: crypto.randomUUID(),
  };
}

/** The checkout id a guest's key stands for (the scope keeps the cart token hashed). */
async function checkoutIdOf(cartToken: string, key: string): Promise<string> {
  return stableId("chk", 0, `cart:${await sha256Hex(cartToken)}\n${key}`);
}

const handOffOf = async (cartToken: string, checkoutId: string) =>
  runInDurableObject(
    await cartObject(cartToken),
    (_i: CartObject, state) =>
      state.storage.sql
        .exec<{ state: string; holds_released: number }>(
          "SELECT state, holds_released FROM cart_handoffs WHERE checkout_id = ?",
          checkoutId,
        )
        .toArray()[0],
  );

/** Runs the cart's alarm as if the hand-off's check were due now. */
async function fireHandOffCheck(cartToken: string): Promise<void> {
  const stub = await cartObject(cartToken);
  await runInDurableObject(stub, async (_i: CartObject, state) => {
    state.storage.sql.exec("UPDATE cart_handoffs SET check_at = ?", Date.now() - 1);
    await state.storage.setAlarm(Date.now() - 1);
  });
  expect(await runDurableObjectAlarm(stub)).toBe(true);
}

describe("without a voucher, a crash while the quote and the reservation run together", () => {
  it.each(["quoted", "reserved"] as const)("crash after %s: the retry makes the same orders, once", async (point) => {
    const { cartToken, products, key } = await twoShopCart();
    const body = guestBody("TH");
    probe.failAt = point;
    probe.crash = true;
    expect((await placeOrders({ cartToken, body, idempotencyKey: key })).status).toBe(500);
    probe.reset();
    const { orders } = await expectJson<{ orders: Order[] }>(
      await placeOrders({ cartToken, body, idempotencyKey: key }),
      201,
    );
    expect(orders).toHaveLength(2);
    expect(
      await count("SELECT count(*) AS n FROM orders WHERE checkout_id = ?", await checkoutIdOf(cartToken, key)),
    ).toBe(2);
    for (const id of products) await expectReservedMatchesOrders(id);
  });
});

describe("a crash between any two steps, then a retry with the same key", () => {
  it.each(CHECKOUT_POINTS)("crash after %s: the retry makes the same orders, once", async (point) => {
    const { cartToken, code, products, body, key } = await twoShopCart();
    probe.failAt = point;
    probe.crash = true;
    expect((await placeOrders({ cartToken, body, idempotencyKey: key })).status).toBe(500);
    probe.reset();

    const retry = await placeOrders({ cartToken, body, idempotencyKey: key });
    const { orders } = await expectJson<{ orders: Order[] }>(retry, 201);
    // Past the commit point the answer was already stored with the orders: the retry replays it.
    expect(retry.headers.get("Idempotent-Replayed")).toBe(point === "written" ? "true" : null);
    expect(orders.map((o) => o.items.map((i) => [i.productId, i.quantity]))).toEqual([
      [[products[0], 2]],
      [[products[1], 1]],
    ]);
    const checkoutId = await checkoutIdOf(cartToken, key);
    expect(await count("SELECT count(*) AS n FROM orders WHERE checkout_id = ?", checkoutId)).toBe(2);
    const after = await holdings({ cartToken }, products, code);
    // The cart's lines were handed exactly once (to these orders), the voucher counted once.
    expect(after).toMatchObject({ cart: [], orders: 2, voucher: { used: 1, redemptions: 2 } });
    for (const id of products) await expectReservedMatchesOrders(id);
    expect(
      await count(
        "SELECT count(*) AS n FROM outbox_events WHERE type = 'order.created' AND json_extract(envelope, '$.data.checkoutId') = ?",
        checkoutId,
      ),
    ).toBe(2);

    const again = await placeOrders({ cartToken, body, idempotencyKey: key });
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await expectJson<{ orders: Order[] }>(again, 201)).orders).toEqual(orders);
  });

  it("a process killed with the key still locked: once the lock runs out, a retry takes over", async () => {
    const { cartToken, code, products, body, key } = await twoShopCart();
    const dead = new Probe();
    dead.pauses.set("reserved", new Promise<void>(() => {}));
    const killed = probedApp(dead);
    void killed({ cartToken, body, idempotencyKey: key });
    while (!dead.passed.includes("reserved")) await new Promise((r) => setTimeout(r, 10));

    advanceTime(61_000);
    const { orders } = await expectJson<{ orders: Order[] }>(
      await placeOrders({ cartToken, body, idempotencyKey: key }),
      201,
    );
    expect(orders).toHaveLength(2);
    expect(await holdings({ cartToken }, products, code)).toMatchObject({
      cart: [],
      orders: 2,
      voucher: { used: 1, redemptions: 2 },
    });
    for (const id of products) await expectReservedMatchesOrders(id);
  });

  it("a failure that gave everything back: the same key checks out afresh", async () => {
    const { cartToken, code, products, body, key } = await twoShopCart();
    const before = await holdings({ cartToken }, products, code);
    probe.failAt = "reserved";
    expect((await placeOrders({ cartToken, body, idempotencyKey: key })).status).toBe(500);
    expect(await holdings({ cartToken }, products, code)).toEqual(before);
    probe.reset();
    expect((await placeOrders({ cartToken, body, idempotencyKey: key })).status).toBe(201);
    for (const id of products) await expectReservedMatchesOrders(id);
  });
});

describe("the cart's check on a hand-off", () => {
  it("a checkout that died and was never retried is abandoned: lines back, holds released", async () => {
    const { cartToken, code, products, body, key } = await twoShopCart();
    const before = await holdings({ cartToken }, products, code);
    probe.failAt = "reserved";
    probe.crash = true;
    expect((await placeOrders({ cartToken, body, idempotencyKey: key })).status).toBe(500);
    probe.reset();
    expect(await holdings({ cartToken }, products, code)).toMatchObject({ cart: [], orders: 0 });
    expect((await level(products[0])).reserved).toBe(2);

    await fireHandOffCheck(cartToken);
    expect(await holdings({ cartToken }, products, code)).toEqual(before);
    const checkoutId = await checkoutIdOf(cartToken, key);
    expect(await handOffOf(cartToken, checkoutId)).toEqual({ state: "abandoned", holds_released: 1 });
    // The alarm again (at-least-once) changes nothing.
    await runInDurableObject(await cartObject(cartToken), (i: CartObject) => i.alarm());
    expect(await holdings({ cartToken }, products, code)).toEqual(before);

    // A late retry of it is told so and changes nothing; a new checkout goes through.
    const late = await expectProblem(await placeOrders({ cartToken, body, idempotencyKey: key }), 409, "conflict");
    expect(late.detail).toContain("abandoned");
    expect(await holdings({ cartToken }, products, code)).toEqual(before);
    expect((await placeOrders({ cartToken, body })).status).toBe(201);
    for (const id of products) await expectReservedMatchesOrders(id);
  });

  it("a checkout still running (its key locked) is left alone", async () => {
    const { cartToken, products, body, key } = await twoShopCart();
    const slow = new Probe();
    slow.pauses.set("reserved", new Promise<void>(() => {}));
    void probedApp(slow)({ cartToken, body, idempotencyKey: key });
    while (!slow.passed.includes("reserved")) await new Promise((r) => setTimeout(r, 10));

    await fireHandOffCheck(cartToken);
    expect(await handOffOf(cartToken, await checkoutIdOf(cartToken, key))).toMatchObject({ state: "handed" });
    expect((await holdings({ cartToken }, products)).cart).toEqual([]);
    expect((await level(products[0])).reserved).toBe(2);
  });

  it("an attempt stalled past its lock and then abandoned can no longer write its orders", async () => {
    const { cartToken, code, products, body, key } = await twoShopCart();
    const before = await holdings({ cartToken }, products, code);
    const stalled = new Probe();
    let resume: () => void = () => {};
    stalled.pauses.set(
      "prepared",
      new Promise<void>((resolve) => {
        resume = resolve;
      }),
    );
    const pending = probedApp(stalled)({ cartToken, body, idempotencyKey: key });
    while (!stalled.passed.includes("prepared")) await new Promise((r) => setTimeout(r, 10));

    advanceTime(61_000);
    await fireHandOffCheck(cartToken);
    expect(await handOffOf(cartToken, await checkoutIdOf(cartToken, key))).toEqual({
      state: "abandoned",
      holds_released: 1,
    });
    resume();
    const problem = await expectProblem(await pending, 409, "conflict");
    expect(problem.detail).toContain("taken this checkout over");
    expect(await holdings({ cartToken }, products, code)).toEqual(before);
  });

  it("a checkout whose orders were written keeps them: the hand-off is done, nothing comes back", async () => {
    const { cartToken, code, products, body, key } = await twoShopCart();
    probe.failAt = "written";
    probe.crash = true;
    expect((await placeOrders({ cartToken, body, idempotencyKey: key })).status).toBe(500);
    await fireHandOffCheck(cartToken);
    expect(await handOffOf(cartToken, await checkoutIdOf(cartToken, key))).toMatchObject({ state: "ordered" });
    expect(await holdings({ cartToken }, products, code)).toMatchObject({ cart: [], orders: 2 });
    for (const id of products) await expectReservedMatchesOrders(id);
  });
});
