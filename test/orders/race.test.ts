import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { inventoryKey, inventoryStub, stockLevel } from "../../workers/inventory";
import { expireOverdueOrders } from "../../workers/orders/expiry";
import {
  call,
  count,
  expectConserved,
  expectJson,
  expectProblem,
  guestBody,
  guestCart,
  level,
  makeOverdue,
  type Order,
  pay,
  postOrders,
  rows,
  sellerWithProduct,
  simulate,
} from "./helpers";

const OF_PRODUCT = "WHERE id IN (SELECT order_id FROM order_items WHERE product_id = ?)";

/** Builds `n` guest carts, `parallel` at a time (each its own cart token). */
async function buildCarts(productId: string, n: number, quantity = 1, parallel = 25): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i += parallel) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(parallel, n - i) }, () => guestCart([{ productId, quantity }])),
    );
    tokens.push(...batch);
  }
  return tokens;
}

/**
 * Samples the SKU's level back to back while `work` runs (no timers: they starve while the isolate
 * serves hundreds of requests); every sample must satisfy
 * available + reserved + sold == received. Returns the samples taken.
 */
async function sampleWhile<T>(productId: string, received: number, work: Promise<T>) {
  let done = false;
  const samples: { available: number; reserved: number; sold: number }[] = [];
  const sampler = (async () => {
    while (!done) {
      const l = await level(productId);
      samples.push({ available: l.available, reserved: l.reserved, sold: l.sold });
    }
  })();
  const result = await work.finally(() => {
    done = true;
  });
  await sampler;
  for (const s of samples) expect(s.available + s.reserved + s.sold, JSON.stringify(s)).toBe(received);
  return { result, samples };
}

describe("200 concurrent checkouts for 50 units", () => {
  it("gives exactly 50 orders and 150 insufficient_stock, never more than 50 units out, nothing held for the losers", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 50 });
    await expectConserved(product.id, 50);
    const carts = await buildCarts(product.id, 200);
    expect(new Set(carts).size).toBe(200);
    await expectConserved(product.id, 50);

    // All 200 checkouts at once, each with its own cart and idempotency key.
    const { result: responses, samples } = await sampleWhile(
      product.id,
      50,
      Promise.all(
        carts.map(async (cartToken) => {
          const res = await postOrders({ cartToken }, guestBody());
          return { cartToken, status: res.status, text: await res.text() };
        }),
      ),
    );
    expect(samples.length).toBeGreaterThanOrEqual(3);

    const won = responses.filter((r) => r.status === 201);
    const lost = responses.filter((r) => r.status !== 201);
    expect(won).toHaveLength(50);
    expect(lost).toHaveLength(150);
    for (const r of lost) {
      expect(r.status, r.text).toBe(409);
      const problem = JSON.parse(r.text) as { code: string; errors: { path: string; message: string }[] };
      expect(problem.code).toBe("insufficient_stock");
      expect(problem.errors[0].path).toBe(`items.${inventoryKey(product.id)}`);
    }

    // The stock: 50 held by the 50 winners, none for anyone else.
    const after = await expectConserved(product.id, 50);
    expect(after).toMatchObject({ available: 0, reserved: 50, sold: 0 });
    const audit = await inventoryStub(env, inventoryKey(product.id)).audit();
    expect(audit.ok, audit.problems.join("; ")).toBe(true);
    expect(audit.liveHolds).toBe(50);
    expect(audit.liveHeldUnits).toBe(50);

    // Exactly 50 orders in D1, one unit each, each holding its own live reservation.
    const orders = won.map((r) => (JSON.parse(r.text) as { orders: Order[] }).orders);
    for (const set of orders) {
      expect(set).toHaveLength(1);
      expect(set[0]).toMatchObject({ status: "pending_payment", items: [{ productId: product.id, quantity: 1 }] });
    }
    expect(await count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", product.id)).toBe(50);
    expect(await count(`SELECT count(*) AS n FROM orders ${OF_PRODUCT}`, product.id)).toBe(50);
    const reservations = await rows<{ reservation_id: string }>(
      `SELECT reservation_id FROM orders ${OF_PRODUCT}`,
      product.id,
    );
    expect(new Set(reservations.map((r) => r.reservation_id)).size).toBe(50);
    const stub = inventoryStub(env, inventoryKey(product.id));
    for (const { reservation_id } of reservations) {
      expect(await stub.reservation(reservation_id)).toMatchObject({ status: "held", quantity: 1 });
    }

    // Winners' carts are emptied; losers keep theirs, to try again.
    const winner = won[0].cartToken;
    const loser = lost[0].cartToken;
    expect(
      (await expectJson<{ itemCount: number }>(await call("GET", "/api/v1/cart", { cartToken: winner }), 200))
        .itemCount,
    ).toBe(0);
    expect(
      (await expectJson<{ itemCount: number }>(await call("GET", "/api/v1/cart", { cartToken: loser }), 200)).itemCount,
    ).toBe(1);

    // Later steps keep the books balanced: 10 paid (sold), the other 40 expire (released).
    const paidOrders = orders.slice(0, 10).map((set, i) => ({ order: set[0], cartToken: won[i].cartToken }));
    await sampleWhile(
      product.id,
      50,
      Promise.all(
        paidOrders.map(async ({ order, cartToken }) => {
          const payment = await pay({ cartToken }, [order.id]);
          await simulate({ cartToken }, payment.id);
        }),
      ),
    );
    expect(await expectConserved(product.id, 50)).toMatchObject({ available: 0, reserved: 40, sold: 10 });

    for (const set of orders.slice(10)) await makeOverdue(set[0].id);
    await sampleWhile(product.id, 50, expireOverdueOrders(env));
    expect(await expectConserved(product.id, 50)).toMatchObject({ available: 40, reserved: 0, sold: 10 });
    expect(await count(`SELECT count(*) AS n FROM orders ${OF_PRODUCT} AND status = 'expired'`, product.id)).toBe(40);
    expect(await count(`SELECT count(*) AS n FROM orders ${OF_PRODUCT} AND status = 'paid'`, product.id)).toBe(10);

    // A loser retrying now gets a unit.
    const retry = await postOrders({ cartToken: loser }, guestBody());
    expect(retry.status, await retry.clone().text()).toBe(201);
    expect(await expectConserved(product.id, 50)).toMatchObject({ available: 39, reserved: 1, sold: 10 });
  }, 180_000);

  it("a 2-unit line racing 1-unit lines: the units handed out add up to the stock exactly", async () => {
    for (let round = 0; round < 3; round++) {
      const { product } = await sellerWithProduct("TH", { stock: 5 });
      const double = await guestCart([{ productId: product.id, quantity: 2 }]);
      const singles = await buildCarts(product.id, 6);
      const all = [double, ...singles];
      const { result } = await sampleWhile(
        product.id,
        5,
        Promise.all(
          all.map(async (cartToken) => {
            const res = await postOrders({ cartToken }, guestBody());
            return { cartToken, status: res.status, body: await res.text() };
          }),
        ),
      );
      let units = 0;
      for (const r of result) {
        if (r.status === 201) {
          units += (JSON.parse(r.body) as { orders: Order[] }).orders[0].items[0].quantity;
        } else {
          expect(r.status, r.body).toBe(409);
          expect(JSON.parse(r.body).code).toBe("insufficient_stock");
        }
      }
      const doubleWon = result[0].status === 201;
      // Whoever won, the 5 units are all held and none oversold.
      expect(units).toBe(5);
      expect(result.filter((r) => r.status === 201)).toHaveLength(doubleWon ? 4 : 5);
      expect(await expectConserved(product.id, 5)).toMatchObject({ available: 0, reserved: 5, sold: 0 });
    }
  }, 120_000);

  it("two lines of one SKU in one cart must fit together; short stock refuses the whole checkout", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 3 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 3 }]);
    // Someone else takes one unit first.
    const other = await guestCart([{ productId: product.id, quantity: 1 }]);
    expect((await postOrders({ cartToken: other }, guestBody())).status).toBe(201);
    const problem = await expectProblem(await postOrders({ cartToken }, guestBody()), 409, "insufficient_stock");
    expect(problem.errors?.[0]).toEqual({
      path: `items.${inventoryKey(product.id)}`,
      message: "requested 3, available 2",
    });
    expect(await expectConserved(product.id, 3)).toMatchObject({ available: 2, reserved: 1 });
  });

  it("a SKU sharded over 8 Inventory objects: 200 concurrent reservations for 50 units give exactly 50 (dev bench endpoint)", async () => {
    const key = `bench:race-${crypto.randomUUID().slice(0, 8)}`;
    const set = await call("PUT", "/api/v1/dev/bench/stock", { body: { key, shards: 8, onHand: 50 } });
    expect(await expectJson(set, 200)).toMatchObject({ key, shards: 8, onHand: 50, available: 50 });
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const res = await call("POST", "/api/v1/dev/bench/reserve", {
          body: { key, shards: 8, quantity: i % 7 === 0 ? 2 : 1 },
        });
        return { status: res.status, body: (await res.json()) as { quantity?: number; code?: string } };
      }),
    );
    const won = results.filter((r) => r.status === 201);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe("insufficient_stock");
    }
    const held = won.reduce((n, r) => n + (r.body.quantity ?? 0), 0);
    const level = await stockLevel(env, { key, shards: 8 });
    expect(level.available + level.reserved + level.sold).toBe(50);
    expect(level.reserved).toBe(held);
    expect(held).toBeLessThanOrEqual(50);
    // No unit is lost either: taking what is left one by one ends with exactly 50 held.
    let more = 0;
    while ((await call("POST", "/api/v1/dev/bench/reserve", { body: { key, shards: 8 } })).status === 201) more++;
    expect(more).toBe(level.available);
    expect(await stockLevel(env, { key, shards: 8 })).toMatchObject({ reserved: 50, available: 0 });
    for (let shard = 0; shard < 8; shard++) {
      const audit = await inventoryStub(env, key, shard).audit();
      expect(audit.ok, audit.problems.join("; ")).toBe(true);
    }
  }, 60_000);
});

describe("one cart checked out by several requests at once", () => {
  it("turns its lines into orders once: the other checkouts find the cart empty", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    const responses = await Promise.all(Array.from({ length: 5 }, () => postOrders({ cartToken }, guestBody())));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 422, 422, 422, 422]);
    const created = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM orders WHERE guest_token_hash IS NOT NULL AND id IN (SELECT order_id FROM order_items WHERE product_id = ?)",
    )
      .bind(product.id)
      .first<{ n: number }>();
    expect(created?.n).toBe(1);
    expect(await stockLevel(env, { key: inventoryKey(product.id) })).toMatchObject({ reserved: 1, available: 9 });
  });

  it("a checkout that fails gives the lines back to the cart", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 1 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    const bad = await postOrders(
      { cartToken },
      guestBody("TH", { shippingAddress: { ...guestBody().shippingAddress, postalCode: "1" } }),
    );
    expect(bad.status).toBe(422);
    const cart = (await (await call("GET", "/api/v1/cart", { cartToken })).json()) as {
      items: { productId: string; quantity: number }[];
    };
    expect(cart.items.map((i) => [i.productId, i.quantity])).toEqual([[product.id, 1]]);
  });
});
