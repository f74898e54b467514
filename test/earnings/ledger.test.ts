import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../schemas/events";
import { refundOrder } from "../../workers/earnings";
import { recordSale } from "../../workers/earnings/sales";
import { consumeOnce } from "../../workers/platform/consume";
import { consumersFor, defaultQueueDeps } from "../../workers/queue";
import { call, expectJson, rows } from "../orders/helpers";
import { applyOrderEvent, availableOrder, balance, complete, netOf, newSeller, paidOrder, thb } from "./helpers";

const entries = (orderId: string) =>
  rows<{ id: string; type: string; pending_delta: number; available_delta: number }>(
    "SELECT id, type, pending_delta, available_delta FROM earning_entries WHERE order_id = ? ORDER BY created_at, id",
    orderId,
  );

describe("a shop's earnings from its orders", () => {
  it("a paid order's total less the commission is pending; a replayed order.paid changes nothing", async () => {
    const s = await newSeller();
    const { order } = await paidOrder(s, 2);
    await applyOrderEvent(order.id, "order.paid");
    const net = netOf(order);
    expect(net).toBeLessThan(order.total.amount);
    expect(await balance(s)).toEqual({ currency: "THB", pending: thb(net), available: thb(0), paidOut: thb(0) });
    // Delivered again (and the sale asked for again): still one sale.
    expect(await applyOrderEvent(order.id, "order.paid")).toBe("duplicate");
    await recordSale(env, order.id);
    expect((await balance(s)).pending).toEqual(thb(net));
    expect(await entries(order.id)).toEqual([
      { id: `sale:${order.id}`, type: "sale", pending_delta: net, available_delta: 0 },
    ]);
  });

  it("becomes available when the order completes, once", async () => {
    const s = await newSeller();
    const order = await availableOrder(s);
    const net = netOf(order);
    expect(await balance(s)).toMatchObject({ pending: thb(0), available: thb(net), paidOut: thb(0) });
    expect(await applyOrderEvent(order.id, "order.completed")).toBe("duplicate");
    expect(await balance(s)).toMatchObject({ pending: thb(0), available: thb(net) });
    expect((await entries(order.id)).map((e) => e.type)).toEqual(["sale", "release"]);
  });

  it("a paid order cancelled and refunded comes off pending once, whichever of its events come and however often", async () => {
    const s = await newSeller();
    const kept = await paidOrder(s);
    const { buyer, order } = await paidOrder(s);
    await applyOrderEvent(kept.order.id, "order.paid");
    await applyOrderEvent(order.id, "order.paid");
    const res = await call("POST", `/api/v1/orders/${order.id}/cancel`, { token: buyer.token, body: {} });
    expect(res.status, await res.clone().text()).toBe(200);
    await applyOrderEvent(order.id, "order.cancelled");
    await applyOrderEvent(order.id, "order.refunded");
    // The same events again, and a new delivery of the refund under another id: nothing more.
    await applyOrderEvent(order.id, "order.cancelled");
    await refundOrder(env, order.id, "evt_again", "rest");
    expect(await balance(s)).toMatchObject({ pending: thb(netOf(kept.order)), available: thb(0) });
    const refunds = (await entries(order.id)).filter((e) => e.type === "refund");
    expect(refunds).toEqual([expect.objectContaining({ pending_delta: -netOf(order) })]);
  });

  it("a partial refund after completion comes off available in proportion, once per refund", async () => {
    const s = await newSeller();
    const order = await availableOrder(s);
    const net = netOf(order);
    const half = order.total.amount / 2;
    await refundOrder(env, order.id, "rfd_half", half);
    await refundOrder(env, order.id, "rfd_half", half);
    const share = Math.round((net * half) / order.total.amount);
    expect(await balance(s)).toMatchObject({ pending: thb(0), available: thb(net - share) });
    // A refund of everything left takes the rest and never more than the order paid.
    await refundOrder(env, order.id, "rfd_rest", order.total.amount);
    await refundOrder(env, order.id, "rfd_more", 100);
    expect(await balance(s)).toMatchObject({ available: thb(0) });
  });

  it("a return's refund comes off by its amount, once; the full return's order.refunded then finds the rest", async () => {
    const s = await newSeller();
    const { order } = await paidOrder(s, 2);
    await applyOrderEvent(order.id, "order.paid");
    const net = netOf(order);
    const half = Math.floor(order.total.amount / 200) * 100;
    const returned = (id: string, amount: number): EventEnvelope => ({
      id,
      type: "return.refunded",
      version: 1,
      occurredAt: new Date().toISOString(),
      requestId: `req_${id}`,
      actor: { type: "system", id: "returns" },
      data: {
        returnId: "ret_ledger_test_1",
        orderId: order.id,
        shopId: s.shop.id,
        customerId: null,
        number: order.number,
        refundAmount: { amount, currency: "THB" },
        fullReturn: false,
      },
    });
    const ledger = consumersFor("return.refunded").find((c) => c.name === "earnings.ledger");
    expect(ledger).toBeDefined();
    await consumeOnce(ledger!, returned("evt_return_1", half), env, defaultQueueDeps(env));
    // The same refund told again under another event id changes nothing: it is keyed by the return.
    await consumeOnce(ledger!, returned("evt_return_2", half), env, defaultQueueDeps(env));
    const share = Math.round((net * half) / order.total.amount);
    expect((await balance(s)).pending).toEqual(thb(net - share));
    await refundOrder(env, order.id, "evt_order_refunded", "rest");
    expect((await balance(s)).pending).toEqual(thb(0));
  });

  it("events of an order arriving out of order still count its sale first", async () => {
    const s = await newSeller();
    const { order } = await paidOrder(s);
    await complete(s, order.id);
    await applyOrderEvent(order.id, "order.completed");
    await applyOrderEvent(order.id, "order.paid");
    expect(await balance(s)).toMatchObject({ pending: thb(0), available: thb(netOf(order)) });
  });

  it("the balances are the sums of the statement's entries", async () => {
    const s = await newSeller();
    await availableOrder(s);
    const { order } = await paidOrder(s);
    await applyOrderEvent(order.id, "order.paid");
    const b = await balance(s);
    const statement = await expectJson<{ closing: { pending: unknown; available: unknown } }>(
      await call("GET", `/api/v1/shops/${s.shop.id}/statement`, { token: s.token }),
      200,
    );
    expect(statement.closing).toMatchObject({ pending: b.pending, available: b.available });
  });
});
