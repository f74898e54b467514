import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { cartTokenHash, guestCartName } from "../../workers/cart";
import {
  count,
  expectJson,
  expectProblem,
  guestOrder,
  type Order,
  type Payment,
  sellerWithProduct,
} from "../orders/helpers";
import { expectLimited, uniqueIp, withVars } from "../platform/limits";
import { advanceTime } from "../support/clock";

// A guest's payment limit (WRITE_LIMIT_PAYMENT per cart token) is taken in their Cart object, at
// the same time as the network's slot and the Idempotency-Key claim (write-limits.ts,
// idempotentLimited): exact under a race, a replay costs nothing, a refusal gives back what the
// other limit took.

const WINDOW = 600;

const paymentWindow = async (token: string) =>
  runInDurableObject(env.CART.getByName(await guestCartName(token)), (_, state) =>
    state.storage.kv.get<{ count: number; endsAt: number }>("payment-limit"),
  );

function payer(vars: string, ip = uniqueIp()) {
  const call = withVars({ WRITE_LIMIT_PAYMENT: vars });
  return (cartToken: string, order: Order, idempotencyKey: string = crypto.randomUUID()) =>
    call("POST", "/api/v1/payments", {
      cartToken,
      ip,
      idempotencyKey,
      body: { orderIds: [order.id], gateway: "sandbox", method: "qris" },
    });
}

describe("a guest's payment limit, in their Cart object", () => {
  it("20 racing payments of one guest, limit 5: exactly 5 pass the limit, the rest give their network slot back", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const { cartToken, order } = await guestOrder(product.id);
    const ip = uniqueIp();
    const answers = await Promise.all(Array.from({ length: 20 }, () => payer(`5,21,${WINDOW}`, ip)(cartToken, order)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(statuses.filter((s) => s !== 429 && s < 500)).toHaveLength(5);
    for (const res of answers.filter((r) => r.status === 429)) await expectLimited(res, WINDOW);
    expect((await paymentWindow(cartToken))?.count).toBe(5);

    // 5 of the network's 6 slots are used: one more guest from it pays, the next is refused for the network.
    const others = await Promise.all([1, 2].map(() => guestOrder(product.id)));
    await expectJson<Payment>(await payer(`5,6,${WINDOW}`, ip)(others[0].cartToken, others[0].order), 201);
    await expectLimited(await payer(`5,6,${WINDOW}`, ip)(others[1].cartToken, others[1].order), WINDOW, "this network");
    // The network's refusal gave the guest's own slot back.
    expect((await paymentWindow(others[1].cartToken))?.count).toBe(0);
  });

  it("a replayed key costs no slot; a refused key is given back and goes once the window is over", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const { cartToken, order } = await guestOrder(product.id);
    const pay = payer(`1,1000,${WINDOW}`);
    const key = crypto.randomUUID();
    const first = await expectJson<Payment>(await pay(cartToken, order, key), 201);
    const replay = await pay(cartToken, order, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await paymentWindow(cartToken))?.count).toBe(1);

    const refusedKey = crypto.randomUUID();
    await expectLimited(await pay(cartToken, order, refusedKey), WINDOW);
    const hash = await cartTokenHash(cartToken);
    expect(await count("SELECT count(*) AS n FROM payments WHERE guest_token_hash = ?", hash)).toBe(1);
    advanceTime(WINDOW * 1000);
    const later = await expectJson<Payment>(await pay(cartToken, order, refusedKey), 201);
    // The same payment request again: the open payment comes back (open-payments.ts), no second one.
    expect(later.id).toBe(first.id);
  });

  it("a guest cart wiped at sign-in keeps its running payment window", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const { cartToken, order } = await guestOrder(product.id);
    const pay = payer(`1,1000,${WINDOW}`);
    await expectJson<Payment>(await pay(cartToken, order), 201);
    await env.CART.getByName(await guestCartName(cartToken)).destroy();
    expect((await paymentWindow(cartToken))?.count).toBe(1);
    await expectLimited(await pay(cartToken, order), WINDOW);
  });

  it("a cart token this server could not have issued is 422, and takes no network slot", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const { order } = await guestOrder(product.id);
    const ip = uniqueIp();
    await expectProblem(await payer(`5,1,${WINDOW}`, ip)("not-a-token", order), 422, "validation_failed");
    const { cartToken, order: theirs } = await guestOrder(product.id);
    await expectJson<Payment>(await payer(`5,1,${WINDOW}`, ip)(cartToken, theirs), 201);
  });
});
