import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { consumeOnce } from "../../workers/platform/consume";
import { consumersFor, defaultQueueDeps } from "../../workers/queue";
import { applyOrderEvent, balance, netOf, newSeller, orderEvent, thb } from "../earnings/helpers";
import { notificationsOf } from "../notifications/helpers";
import { ADDRESS, call, checkout, expectJson, pay, rows, simulate, userCart } from "../orders/helpers";
import { grantAdmin, register } from "../support/accounts";

// A refund by hand of a whole payment refunds its order like any refund: the order moves to
// refunded (timeline: by hand, by the operator), the order.refunded event takes the money off the
// shop's earnings and tells the buyer in their language; a retry with the key changes nothing more.

describe("a whole payment refunded by hand", () => {
  it("moves the order to refunded once, with its event for earnings and the buyer's notification", async () => {
    const s = await newSeller();
    const buyer = await register({ emailPrefix: "refund-vi", country: "TH", locale: "vi" });
    await userCart(buyer.accessToken, [{ productId: s.product.id, quantity: 1 }]);
    const [order] = await checkout({ token: buyer.accessToken }, { shippingAddress: ADDRESS.TH });
    const payment = await pay({ token: buyer.accessToken }, [order.id]);
    await simulate({ token: buyer.accessToken }, payment.id);
    await applyOrderEvent(order.id, "order.paid");
    expect(await balance(s)).toMatchObject({ pending: thb(netOf(order)) });

    const operator = await register({ emailPrefix: "refund-ops" });
    await grantAdmin(operator.user.id);
    const key = crypto.randomUUID();
    const refund = () =>
      call("POST", `/api/v1/admin/payments/${payment.id}/refund`, {
        token: operator.accessToken,
        idempotencyKey: key,
        body: { reason: "Seller closed the shop" },
      });
    const first = await expectJson<{ id: string }>(await refund(), 201);
    const again = await expectJson<{ id: string }>(await refund(), 201);
    expect(again.id).toBe(first.id);

    const moved = await expectJson<{ status: string; paymentStatus: string }>(
      await call("GET", `/api/v1/orders/${order.id}`, { token: buyer.accessToken }),
      200,
    );
    expect(moved).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    const timeline = await rows<{ actor_type: string; actor_id: string; data: string }>(
      "SELECT actor_type, actor_id, data FROM order_events WHERE order_id = ? AND type = 'status.refunded'",
      order.id,
    );
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ actor_type: "admin", actor_id: operator.user.id });
    expect(JSON.parse(timeline[0].data)).toMatchObject({
      from: "paid",
      byHand: true,
      refundId: first.id,
      paymentId: payment.id,
      reason: "Seller closed the shop",
    });
    const events = await rows<{ n: number }>(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE type = 'order.refunded' AND json_extract(envelope, '$.data.orderId') = ?",
      order.id,
    );
    expect(events[0].n).toBe(1);
    expect((await orderEvent(order.id, "order.refunded")).data).toMatchObject({ byHand: true, refundId: first.id });

    // Earnings: the sale comes off pending (the queue may have applied the event already).
    await applyOrderEvent(order.id, "order.refunded");
    expect(await balance(s)).toMatchObject({ pending: thb(0) });

    // The buyer is told once, in Vietnamese (the queue may have composed it already).
    const refunded = await orderEvent(order.id, "order.refunded");
    const compose = consumersFor("order.refunded").find((c) => c.name === "notifications.compose");
    await consumeOnce(compose!, refunded, env, defaultQueueDeps(env));
    await consumeOnce(compose!, refunded, env, defaultQueueDeps(env));
    const told = await notificationsOf(buyer.user.id, "order.refunded");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ locale: "vi", title: `Đơn hàng ${order.number} đã được hoàn tiền` });
    expect(told[0].body).toContain("đã được hoàn lại");
  });

  it("a part refund leaves the order as it is", async () => {
    const s = await newSeller();
    const buyer = await register({ emailPrefix: "refund-part", country: "TH" });
    await userCart(buyer.accessToken, [{ productId: s.product.id, quantity: 1 }]);
    const [order] = await checkout({ token: buyer.accessToken }, { shippingAddress: ADDRESS.TH });
    const payment = await pay({ token: buyer.accessToken }, [order.id]);
    await simulate({ token: buyer.accessToken }, payment.id);
    const operator = await register({ emailPrefix: "refund-ops" });
    await grantAdmin(operator.user.id);
    const part = { amount: Math.floor(order.total.amount / 2), currency: order.total.currency };
    await expectJson(
      await call("POST", `/api/v1/admin/payments/${payment.id}/refund`, {
        token: operator.accessToken,
        idempotencyKey: crypto.randomUUID(),
        body: { amount: part, reason: "Late delivery" },
      }),
      201,
    );
    const after = await expectJson<{ status: string }>(
      await call("GET", `/api/v1/orders/${order.id}`, { token: buyer.accessToken }),
      200,
    );
    expect(after.status).toBe("paid");
    const events = await rows<{ n: number }>(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE type = 'order.refunded' AND json_extract(envelope, '$.data.orderId') = ?",
      order.id,
    );
    expect(events[0].n).toBe(0);
  });
});
