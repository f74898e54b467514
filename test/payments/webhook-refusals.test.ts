import { describe, expect, it } from "vitest";
import {
  count,
  deliver,
  expectJson,
  expectProblem,
  guestOrder,
  level,
  type Order,
  orderStatus,
  outboxCount,
  pay,
  paymentRow,
  rows,
  sandboxEvent,
  sellerWithProduct,
} from "../orders/helpers";
import {
  capturedLogs,
  insertPayment,
  midtransNotification,
  omiseChargeComplete,
  type SignedWebhook,
  stripeSucceeded,
  xenditVaPaid,
} from "./flows";

const logs = capturedLogs();

/** Nothing about the order or its payment changed, and the refusal was kept for review. */
async function expectRefusedUntouched(order: Order, paymentId: string, productId: string, gateway: string) {
  expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment", paid_by_payment_id: null });
  expect((await paymentRow(paymentId))?.status).toBe("pending");
  expect(await outboxCount(order.id, "payment.success")).toBe(0);
  expect(await level(productId)).toMatchObject({ reserved: 1, sold: 0 });
  expect(await count("SELECT count(*) AS n FROM payment_events WHERE payment_id = ?", paymentId)).toBe(0);
  const refusals = await rows<{ gateway: string; reason: string }>(
    "SELECT gateway, reason FROM payment_event_refusals WHERE payment_id = ?",
    paymentId,
  );
  expect(refusals).toEqual([{ gateway, reason: expect.stringContaining(`is not a ${gateway} payment`) }]);
  expect(logs).toContainEqual(expect.objectContaining({ msg: "webhook_refused", gateway, paymentId }));
}

/** A correctly signed webhook of `gateway` naming a payment of another gateway: 422, nothing changes. */
async function expectForeignRefused(gateway: string, webhook: SignedWebhook, order: Order, paymentId: string) {
  const problem = await expectProblem(await deliver(gateway, webhook), 422, "validation_failed");
  expect(problem.detail).toContain(`is not a ${gateway} payment`);
  await expectRefusedUntouched(order, paymentId, order.items[0].productId, gateway);
}

describe("a webhook settles only a payment of its own gateway", () => {
  it("Midtrans: a signed settlement naming a sandbox payment id is refused", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1, "ID");
    const payment = await pay({ cartToken }, [order.id], "sandbox", "bca_va");
    const gross = `${order.total.amount / 100}.00`;
    await expectForeignRefused("midtrans", midtransNotification(payment.id, gross), order, payment.id);
  });

  it("Stripe: a signed payment_intent.succeeded naming a sandbox payment is refused", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const payment = await pay({ cartToken }, [order.id], "sandbox", "card");
    const webhook = await stripeSucceeded(payment.id, order.total.amount, order.total.currency);
    await expectForeignRefused("stripe", webhook, order, payment.id);
  });

  it("Xendit: a VA paid callback naming a Midtrans payment is refused", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { order } = await guestOrder(product.id, 1, "ID");
    const paymentId = await insertPayment(order, "midtrans", "bni_va");
    await expectForeignRefused("xendit", xenditVaPaid(paymentId, order.total.amount / 100), order, paymentId);
  });

  it("Omise: a signed charge.complete naming a Stripe payment is refused", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { order } = await guestOrder(product.id, 1);
    const paymentId = await insertPayment(order, "stripe", "card");
    await expectForeignRefused("omise", omiseChargeComplete(paymentId, order.total.amount), order, paymentId);
  });

  it("sandbox: a signed sandbox event naming an Omise payment is refused; Omise's own webhook still pays it", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { order } = await guestOrder(product.id, 1);
    const paymentId = await insertPayment(order, "omise", "promptpay");
    await expectForeignRefused("sandbox", await sandboxEvent(paymentId, order.total), order, paymentId);
    expect((await deliver("omise", omiseChargeComplete(paymentId, order.total.amount))).status).toBe(200);
    expect(await orderStatus(order.id)).toMatchObject({ status: "paid", paid_by_payment_id: paymentId });
  });
});

describe("a refused webhook does not block the valid retry of the same event", () => {
  it("sandbox: the same event id refused for its amount, then delivered right, applies", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const payment = await pay({ cartToken }, [order.id]);
    const wrong = await sandboxEvent(
      payment.id,
      { ...payment.amount, amount: payment.amount.amount - 100 },
      "succeeded",
      "evt_retry",
    );
    await expectProblem(await deliver("sandbox", wrong), 422, "validation_failed");
    const right = await sandboxEvent(payment.id, payment.amount, "succeeded", "evt_retry");
    expect(await expectJson(await deliver("sandbox", right), 200)).toEqual({
      received: true,
      applied: true,
      duplicate: false,
    });
    expect(await orderStatus(order.id)).toMatchObject({ status: "paid", paid_by_payment_id: payment.id });
    // Once applied, the event is remembered: a redelivery changes nothing twice.
    expect(await expectJson(await deliver("sandbox", right), 200)).toMatchObject({ applied: false, duplicate: true });
    expect(await outboxCount(order.id, "payment.success")).toBe(1);
  });

  it("Midtrans: a settlement with another gross_amount is refused; the right one (same event id) applies", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { order } = await guestOrder(product.id, 1, "ID");
    const paymentId = await insertPayment(order, "midtrans", "bca_va");
    const short = midtransNotification(paymentId, `${order.total.amount / 100 - 1}.00`);
    const problem = await expectProblem(await deliver("midtrans", short), 422, "validation_failed");
    expect(problem.detail).toContain("differs");
    const right = midtransNotification(paymentId, `${order.total.amount / 100}.00`);
    expect(await expectJson(await deliver("midtrans", right), 200)).toMatchObject({ applied: true, duplicate: false });
    expect(await orderStatus(order.id)).toMatchObject({ status: "paid", paid_by_payment_id: paymentId });
    expect(await count("SELECT count(*) AS n FROM payment_event_refusals WHERE payment_id = ?", paymentId)).toBe(1);
  });
});
