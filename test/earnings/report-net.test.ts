import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { consumeOnce } from "../../workers/platform/consume";
import { createEvent } from "../../workers/platform/outbox";
import { consumersFor, defaultQueueDeps } from "../../workers/queue";
import { call, expectJson } from "../orders/helpers";
import { applyOrderEvent, newSeller, type Order, paidOrder, thb } from "./helpers";

interface Report {
  series: { refunds: { amount: number } }[];
  topProducts: { productId: string; units: number; revenue: { amount: number } }[];
}

const today = () => new Date().toISOString().slice(0, 10);

/** A refunded return of `quantity` units of the order's first line, as the returns domain announces it. */
function returnRefunded(order: Order, quantity: number) {
  const refund = order.items[0].unitPrice.amount * quantity;
  return createEvent("return.refunded", {
    returnId: `ret_${crypto.randomUUID().replaceAll("-", "")}`,
    orderId: order.id,
    shopId: order.shopId,
    customerId: null,
    number: "TC-TEST",
    refundAmount: { amount: refund, currency: "THB" as const },
    fullReturn: false,
    items: [{ productId: order.items[0].productId, quantity, refund }],
  });
}

describe("sales report top products", () => {
  it("counts a product's revenue net of its refunded returns, once however often the event comes", async () => {
    const s = await newSeller();
    const { order: first } = await paidOrder(s, 2);
    const { order: second } = await paidOrder(s, 3);
    for (const o of [first, second]) await applyOrderEvent(o.id, "order.paid");

    const ledger = consumersFor("return.refunded").find((c) => c.name === "earnings.ledger")!;
    const event = returnRefunded(first, 1);
    expect(await consumeOnce(ledger, event, env, defaultQueueDeps(env))).not.toBe("duplicate");
    await consumeOnce(ledger, event, env, defaultQueueDeps(env));

    const url = `/api/v1/shops/${s.shop.id}/reports/sales?from=${today()}&to=${today()}&granularity=day`;
    const report = await expectJson<Report>(await call("GET", url, { token: s.token }), 200);
    const sold = first.items[0].lineTotal.amount + second.items[0].lineTotal.amount;
    const refunded = first.items[0].unitPrice.amount;
    expect(report.series[0].refunds).toEqual(thb(refunded));
    expect(report.topProducts).toEqual([
      expect.objectContaining({ productId: s.product.id, units: 5, revenue: thb(sold - refunded) }),
    ]);
  });
});
