import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expireOverdueOrders } from "../../workers/orders/expiry";
import { runScheduled } from "../../workers/scheduled";
import {
  count,
  deliver,
  expectConserved,
  getOrder,
  guestOrder,
  level,
  makeOverdue,
  orderStatus,
  outboxCount,
  pay,
  paymentRow,
  postPayment,
  rows,
  sandboxEvent,
  sellerWithProduct,
  timeline,
  timelineCount,
} from "./helpers";

describe("unpaid orders expire", () => {
  it("runScheduled expires an order past reservationExpiresAt and frees its stock; a second run changes nothing", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 7 });
    const { cartToken, order } = await guestOrder(product.id, 3);
    const { order: fresh } = await guestOrder(product.id, 1);
    expect(await expectConserved(product.id, 7)).toMatchObject({ available: 3, reserved: 4 });
    // reservationExpiresAt is 15 minutes out by default.
    const holdMs = Date.parse(order.reservationExpiresAt) - Date.parse(order.createdAt);
    expect(holdMs).toBe(900_000);

    await makeOverdue(order.id);
    await runScheduled(env);
    expect(await orderStatus(order.id)).toMatchObject({ status: "expired" });
    expect(await orderStatus(fresh.id)).toMatchObject({ status: "pending_payment" });
    expect(await expectConserved(product.id, 7)).toMatchObject({ available: 6, reserved: 1, sold: 0 });
    const expired = (await timeline({ cartToken }, order.id)).filter((e) => e.type === "status.expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      actor: { type: "system", id: null },
      data: { from: "pending_payment", to: "expired" },
    });
    expect(await outboxCount(order.id, "order.expired")).toBe(1);
    expect((await getOrder({ cartToken }, order.id)).status).toBe("expired");

    // Twice: nothing more happens.
    await runScheduled(env);
    expect(await expireOverdueOrders(env)).toBe(0);
    expect(await timelineCount(order.id, "status.expired")).toBe(1);
    expect(await outboxCount(order.id, "order.expired")).toBe(1);
    expect(await expectConserved(product.id, 7)).toMatchObject({ available: 6, reserved: 1, sold: 0 });
  });

  it("an expired order can no longer be paid", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 2 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    await makeOverdue(order.id);
    await expireOverdueOrders(env);
    const res = await postPayment({ cartToken }, { orderIds: [order.id], gateway: "sandbox", method: "qris" });
    expect(res.status, await res.clone().text()).toBe(409);
    expect(await level(product.id)).toMatchObject({ available: 2, reserved: 0 });
  });

  it("a payment webhook racing the sweep ends consistently: paid, or expired and refunded", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 12; round++) {
      const { product } = await sellerWithProduct("TH", { stock: 3 });
      const { cartToken, order } = await guestOrder(product.id, 2);
      const payment = await pay({ cartToken }, [order.id]);
      await makeOverdue(order.id);
      const event = await sandboxEvent(payment.id, payment.amount);
      // Both at once, the sweep held back by `round` D1 round trips so the two meet at a different
      // step each round (locally: the sweep wins the first few rounds, the webhook the later ones).
      const sweep = async () => {
        for (let i = 0; i < round; i++) await env.DB.prepare("SELECT 1").first();
        return expireOverdueOrders(env);
      };
      const [hook] = await Promise.all([deliver("sandbox", event), sweep()]);
      expect(hook.status).toBe(200);

      const status = await orderStatus(order.id);
      const pay2 = await paymentRow(payment.id);
      const refunds = await rows<{ payment_id: string; status: string }>(
        "SELECT payment_id, status FROM refunds WHERE order_id = ?",
        order.id,
      );
      if (status?.status === "paid") {
        outcomes.add("paid");
        expect(status).toMatchObject({ payment_status: "paid", paid_by_payment_id: payment.id });
        expect(pay2?.status).toBe("succeeded");
        expect(refunds).toEqual([]);
        expect(await expectConserved(product.id, 3)).toMatchObject({ sold: 2, reserved: 0, available: 1 });
        expect(await timelineCount(order.id, "status.expired")).toBe(0);
      } else {
        outcomes.add("expired");
        expect(status).toMatchObject({ status: "expired", payment_status: "refunded" });
        expect(pay2?.status).toBe("refunded");
        expect(refunds).toEqual([{ payment_id: payment.id, status: "succeeded" }]);
        expect(await expectConserved(product.id, 3)).toMatchObject({ sold: 0, reserved: 0, available: 3 });
        expect(await timelineCount(order.id, "status.paid")).toBe(0);
        expect(await outboxCount(order.id, "order.paid")).toBe(0);
      }
      // Exactly one terminal move either way.
      expect((await timelineCount(order.id, "status.paid")) + (await timelineCount(order.id, "status.expired"))).toBe(
        1,
      );
      // The sweep again, and the webhook again: nothing changes.
      await expireOverdueOrders(env);
      expect((await deliver("sandbox", event)).status).toBe(200);
      expect(await count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", order.id)).toBe(refunds.length);
      expect((await orderStatus(order.id))?.status).toBe(status?.status);
    }
    // Both endings are legitimate; which one happens depends on timing.
    expect([...outcomes].every((o) => o === "paid" || o === "expired")).toBe(true);
  });
});
