import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { completeOrdersPastReturnWindow } from "../../workers/returns";
import { ADDRESS, call, expectJson, expectProblem, type Order, orderStatus, timeline } from "../orders/helpers";
import { advanceTime } from "../support/clock";
import { orderIn, requestReturn } from "./helpers";

const DAY = 86_400_000;

const changeAddress = (token: string, orderId: string, body: unknown) =>
  call("PATCH", `/api/v1/orders/${orderId}/shipping-address`, { token, body });

describe("changing the delivery address", () => {
  it("before shipment: the buyer's new address, on the timeline; after: 409 invalid_transition", async () => {
    const d = await orderIn("processing", 1);
    const address = { ...ADDRESS.TH, street: "99 Sukhumvit Soi 11", recipientName: "Somchai New" };
    const order = await expectJson<Order>(
      await changeAddress(d.buyer.token, d.order.id, { shippingAddress: address }),
      200,
    );
    expect(order.shippingAddress).toMatchObject({ street: "99 Sukhumvit Soi 11", recipientName: "Somchai New" });
    expect(
      (await timeline({ token: d.buyer.token }, d.order.id)).some((e) => e.type === "shipping_address.changed"),
    ).toBe(true);
    await expectProblem(
      await changeAddress(d.seller.token, d.order.id, { shippingAddress: address }),
      403,
      "forbidden",
    );
    const shipped = await orderIn("shipped", 1);
    await expectProblem(
      await changeAddress(shipped.buyer.token, shipped.order.id, { shippingAddress: address }),
      409,
      "invalid_transition",
    );
  });

  it("refuses an address in another country and a saved address that is not the buyer's", async () => {
    const d = await orderIn("paid", 1);
    await expectProblem(
      await changeAddress(d.buyer.token, d.order.id, { shippingAddress: ADDRESS.SG }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await changeAddress(d.buyer.token, d.order.id, { shippingAddressId: "adr_not_mine" }),
      422,
      "validation_failed",
    );
  });
});

describe("completing orders after the return window", () => {
  it("completes a delivered order once RETURN_WINDOW_DAYS passed, but not one with an open return", async () => {
    const quiet = await orderIn("delivered", 1);
    const returning = await orderIn("delivered", 1);
    const res = await requestReturn(returning.buyer.token, returning.order.id, {
      items: [{ productId: returning.productId, quantity: 1 }],
      reason: "Broken",
    });
    expect(res.status).toBe(201);
    await completeOrdersPastReturnWindow(env);
    expect((await orderStatus(quiet.order.id))?.status).toBe("delivered");
    advanceTime(7 * DAY + 60_000);
    await completeOrdersPastReturnWindow(env);
    await completeOrdersPastReturnWindow(env);
    expect((await orderStatus(quiet.order.id))?.status).toBe("completed");
    expect((await orderStatus(returning.order.id))?.status).toBe("delivered");
    const completedEvents = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE type = 'order.completed' AND json_extract(envelope, '$.data.orderId') = ?",
    )
      .bind(quiet.order.id)
      .first<{ n: number }>();
    expect(completedEvents?.n).toBe(1);
  });
});
