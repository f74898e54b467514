import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { cartTokenHash, guestCartName } from "../../workers/cart";
import { expectLimited, uniqueIp, withVars } from "../platform/limits";
import { advanceTime } from "../support/clock";
import { expectProblem } from "../support/http";
import { count, guestBody, guestCart, sellerWithProduct } from "./helpers";

// The checkout's per-account limit is taken in the buyer's Cart object, in the same call as the
// hand-off (workers/cart/object/handoffs.ts); the per-IP one in a RateLimiter object, given back
// when the Cart refuses. Racing checkouts of one guest cart never pass more than the limit.

const WINDOW = 600;

const cartWindow = async (token: string) =>
  runInDurableObject(env.CART.getByName(await guestCartName(token)), (_, state) =>
    state.storage.kv.get<{ count: number; endsAt: number }>("checkout-limit"),
  );

/**
 * A guest whose checkout limit is 1 per window (100 per network) and who has just checked out
 * once; their cart is empty again, the product (5 in stock) still on sale.
 */
async function guestAtLimitAfterOneCheckout() {
  const { product } = await sellerWithProduct("TH", { stock: 5 });
  const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
  const call = withVars({ WRITE_LIMIT_CHECKOUT: `1,100,${WINDOW}` });
  const as = { cartToken, ip: uniqueIp(), body: guestBody() };
  expect((await call("POST", "/api/v1/orders", { ...as, idempotencyKey: crypto.randomUUID() })).status).toBe(201);
  return { product, cartToken, call, as };
}

describe("the checkout limit, taken with the Cart's hand-off", () => {
  it("20 racing guest checkouts of one cart, limit 5: exactly 5 pass the limit, the rest are 429 and give their network slot back", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 50 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 2 }]);
    const ip = uniqueIp();
    const send = (vars: string, token: string) =>
      withVars({ WRITE_LIMIT_CHECKOUT: vars })("POST", "/api/v1/orders", {
        cartToken: token,
        ip,
        body: guestBody(),
        idempotencyKey: crypto.randomUUID(),
      });

    const answers = await Promise.all(Array.from({ length: 20 }, () => send(`5,21,${WINDOW}`, cartToken)));
    const statuses = answers.map((r) => r.status);
    // One checkout took the lines; the other four within the limit found the cart empty.
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    for (const res of answers.filter((r) => r.status === 429)) await expectLimited(res, WINDOW);
    expect((await cartWindow(cartToken))?.count).toBe(5);
    expect(
      await count("SELECT count(*) AS n FROM orders WHERE guest_token_hash = ?", await cartTokenHash(cartToken)),
    ).toBe(1);

    // The 15 refused gave their network slots back: 5 of this IP's 6 are used, so one more guest
    // from it checks out and the next is refused for the network.
    const other = await guestCart([{ productId: product.id, quantity: 1 }]);
    const third = await guestCart([{ productId: product.id, quantity: 1 }]);
    expect((await send(`5,6,${WINDOW}`, other)).status).toBe(201);
    await expectLimited(await send(`5,6,${WINDOW}`, third), WINDOW, "this network");
  });

  it("a refused checkout takes nothing: the lines stay, no hand-off is recorded, the key may be retried later", async () => {
    const { product, cartToken, call, as } = await guestAtLimitAfterOneCheckout();
    const added = await call("POST", "/api/v1/cart/items", { cartToken, body: { productId: product.id, quantity: 1 } });
    expect(added.status).toBe(200);
    const key = crypto.randomUUID();
    await expectLimited(await call("POST", "/api/v1/orders", { ...as, idempotencyKey: key }), WINDOW);
    const handOffs = await runInDurableObject(env.CART.getByName(await guestCartName(cartToken)), (_, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM cart_handoffs").one(),
    );
    expect(handOffs.n).toBe(1);
    const cart = await call("GET", "/api/v1/cart", { cartToken });
    expect(((await cart.json()) as { itemCount: number }).itemCount).toBe(1);
    // The 429 gave the key back: the same key checks out once the window is over.
    advanceTime(WINDOW * 1000);
    expect((await call("POST", "/api/v1/orders", { ...as, idempotencyKey: key })).status).toBe(201);
  });

  it("a guest cart wiped at sign-in keeps its running checkout window", async () => {
    const { cartToken, call, as } = await guestAtLimitAfterOneCheckout();
    const stub = env.CART.getByName(await guestCartName(cartToken));
    await stub.destroy();
    expect((await cartWindow(cartToken))?.count).toBe(1);
    const refused = await call("POST", "/api/v1/orders", { ...as, idempotencyKey: crypto.randomUUID() });
    await expectProblem(refused, 429, "rate_limited");
  });
});
