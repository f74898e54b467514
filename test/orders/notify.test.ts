import { describe, expect, it } from "vitest";
import {
  ADDRESS,
  call,
  checkout,
  deliver,
  expectJson,
  newAccount,
  pay,
  sandboxEvent,
  sellerWithProduct,
  userCart,
} from "./helpers";

interface Notification {
  id: string;
  type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

async function notifications(token: string): Promise<Notification[]> {
  return (
    await expectJson<{ items: Notification[] }>(await call("GET", "/api/v1/notifications?limit=50", { token }), 200)
  ).items;
}

/** Polls until `pick` finds something (the outbox drains to the queue, whose consumer writes the inbox). */
async function eventually<T>(read: () => Promise<T[]>, pick: (items: T[]) => T[], timeoutMs = 20_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = pick(await read());
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("a paid order is announced", () => {
  it("notifies its buyer and the shop's owner in-app, each once, however often the webhook came", async () => {
    const s = await sellerWithProduct("TH", { stock: 5 });
    const buyer = await newAccount("TH");
    await userCart(buyer.token, [{ productId: s.product.id, quantity: 1 }]);
    const [order] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH });
    const payment = await pay({ token: buyer.token }, [order.id]);
    const event = await sandboxEvent(payment.id, payment.amount);
    await Promise.all(Array.from({ length: 3 }, () => deliver("sandbox", event)));
    expect((await deliver("sandbox", event)).status).toBe(200);

    const aboutOrder = (items: Notification[], type: string) =>
      items.filter((n) => n.type === type && JSON.stringify(n.data).includes(order.id));
    const forBuyer = await eventually(
      () => notifications(buyer.token),
      (items) => aboutOrder(items, "order.paid"),
    );
    const forSeller = await eventually(
      () => notifications(s.token),
      (items) => aboutOrder(items, "seller.order_paid"),
    );
    expect(forBuyer).toHaveLength(1);
    expect(forSeller).toHaveLength(1);
    expect(forBuyer[0].title).toContain(order.number);
    expect(forSeller[0].title).toContain(order.number);
    // Still once a moment later (a duplicate delivery would have landed by now).
    await new Promise((r) => setTimeout(r, 1_500));
    expect(aboutOrder(await notifications(buyer.token), "order.paid")).toHaveLength(1);
    expect(aboutOrder(await notifications(s.token), "seller.order_paid")).toHaveLength(1);
    // Neither sees the other's.
    expect(aboutOrder(await notifications(buyer.token), "seller.order_paid")).toEqual([]);
    expect(aboutOrder(await notifications(s.token), "order.paid")).toEqual([]);
  }, 60_000);
});
