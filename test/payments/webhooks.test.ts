import { env } from "cloudflare:test";
import { Buffer } from "node:buffer";
import { createHash, createHmac } from "node:crypto";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { expireOverdueOrders } from "../../workers/orders/expiry";
import { signSandboxEvent } from "../../workers/payments/gateways";
import { runScheduled } from "../../workers/scheduled";
import {
  call,
  checkout,
  count,
  deliver,
  expectConserved,
  expectJson,
  expectProblem,
  guestBody,
  guestCart,
  guestOrder,
  level,
  makeOverdue,
  type Order,
  orderStatus,
  outboxCount,
  pay,
  paymentRow,
  rows,
  sandboxEvent,
  sellerWithProduct,
  simulate,
  timelineCount,
} from "../orders/helpers";
import { capturedLogs, insertPayment } from "./flows";

// Refusals and rejections are logged: captured here (and checked where the contract asks for it), not printed.
const logs = capturedLogs();

/** What must hold after a paid order, however many times its webhook came. */
async function expectPaidOnce(order: Order, productId: string, quantity: number, received: number) {
  expect(await orderStatus(order.id)).toMatchObject({ status: "paid", payment_status: "paid" });
  expect(await timelineCount(order.id, "status.paid")).toBe(1);
  expect(await outboxCount(order.id, "order.paid")).toBe(1);
  expect(await outboxCount(order.id, "payment.success")).toBe(1);
  expect(await count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", order.id)).toBe(0);
  const l = await expectConserved(productId, received);
  expect(l.sold).toBe(quantity);
  expect(l.reserved).toBe(0);
}

/** Nothing about the order or its payment changed. */
async function expectUntouched(order: Order, paymentId: string, productId: string, quantity: number) {
  expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment", paid_by_payment_id: null });
  expect((await paymentRow(paymentId))?.status).toBe("pending");
  expect(await timelineCount(order.id, "status.paid")).toBe(0);
  expect(await outboxCount(order.id, "order.paid")).toBe(0);
  expect(await outboxCount(order.id, "payment.success")).toBe(0);
  expect(await level(productId)).toMatchObject({ reserved: quantity, sold: 0 });
}

describe("sandbox webhook: verified, applied once", () => {
  it("delivered 5 times in a row changes the order once and commits the stock once", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 2);
    const payment = await pay({ cartToken }, [order.id]);
    const event = await sandboxEvent(payment.id, payment.amount);
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await expectJson<{ applied: boolean; duplicate: boolean }>(await deliver("sandbox", event), 200));
    expect(answers[0]).toEqual({ received: true, applied: true, duplicate: false });
    for (const a of answers.slice(1)) expect(a).toEqual({ received: true, applied: false, duplicate: true });
    await expectPaidOnce(order, product.id, 2, 5);
    expect((await paymentRow(payment.id))?.status).toBe("succeeded");
    expect(await count("SELECT count(*) AS n FROM payment_events WHERE payment_id = ?", payment.id)).toBe(1);
    const order2 = await expectJson<Order>(await call("GET", `/api/v1/orders/${order.id}`, { cartToken }), 200);
    expect(order2).toMatchObject({ status: "paid", paymentStatus: "paid" });
    // The events reach the order queue (the outbox is drained after the request and by the cron).
    await runScheduled(env);
    const published = await rows<{ type: string }>(
      `SELECT type FROM outbox_events WHERE published_at IS NOT NULL AND queue = 'order_events'
         AND (json_extract(envelope, '$.data.orderId') = ? OR json_extract(envelope, '$.data.orderIds[0]') = ?) ORDER BY type`,
      order.id,
      order.id,
    );
    expect(published.map((r) => r.type)).toEqual(["order.created", "order.paid", "payment.success"]);
  });

  it("delivered 5 times at once (plus the simulate endpoint, the same event) changes the order once", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 3);
    const payment = await pay({ cartToken }, [order.id]);
    // Re-signed copies (other timestamps) of the same event id are still the same event.
    const copies = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        signSandboxEvent(
          env.SANDBOX_WEBHOOK_SECRET,
          { paymentId: payment.id, outcome: "succeeded", amount: payment.amount as never },
          new Date(Date.now() - i * 1000),
        ),
      ),
    );
    const statuses = await Promise.all([
      ...copies.map(async (c) => (await deliver("sandbox", c)).status),
      call("POST", `/api/v1/payments/${payment.id}/simulate`, { cartToken, body: { outcome: "success" } }).then(
        (r) => r.status,
      ),
    ]);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    await expectPaidOnce(order, product.id, 3, 5);
    expect(await count("SELECT count(*) AS n FROM payment_events WHERE payment_id = ?", payment.id)).toBe(1);
  });

  it("a forged, tampered, unsigned or stale webhook is 401 and changes nothing", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const payment = await pay({ cartToken }, [order.id]);
    const genuine = await sandboxEvent(payment.id, payment.amount);

    const forged = await signSandboxEvent("not-the-secret", {
      paymentId: payment.id,
      outcome: "succeeded",
      amount: payment.amount as never,
    });
    await expectProblem(await deliver("sandbox", forged), 401, "unauthorized");
    const tampered = {
      rawBody: genuine.rawBody.replace(`"amount":${payment.amount.amount}`, '"amount":100'),
      headers: genuine.headers,
    };
    expect(tampered.rawBody).not.toBe(genuine.rawBody);
    await expectProblem(await deliver("sandbox", tampered), 401, "unauthorized");
    await expectProblem(
      await deliver("sandbox", {
        rawBody: genuine.rawBody,
        headers: new Headers({ "Content-Type": "application/json" }),
      }),
      401,
      "unauthorized",
    );
    const stale = await signSandboxEvent(
      env.SANDBOX_WEBHOOK_SECRET,
      { paymentId: payment.id, outcome: "succeeded", amount: payment.amount as never },
      new Date(Date.now() - 3600_000),
    );
    await expectProblem(await deliver("sandbox", stale), 401, "unauthorized");
    // Another gateway's endpoint does not accept a sandbox signature either.
    await expectProblem(await deliver("stripe", genuine), 401, "unauthorized");

    await expectUntouched(order, payment.id, product.id, 1);
    expect(await count("SELECT count(*) AS n FROM payment_events WHERE payment_id = ?", payment.id)).toBe(0);
    // The genuine one still works afterwards.
    expect((await deliver("sandbox", genuine)).status).toBe(200);
    await expectPaidOnce(order, product.id, 1, 5);
  });

  it("a correctly signed event with the wrong amount or currency is refused (422), logged, and changes nothing", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const payment = await pay({ cartToken }, [order.id]);
    const short = await sandboxEvent(
      payment.id,
      { amount: payment.amount.amount - 100, currency: "THB" },
      "succeeded",
      "evt_short",
    );
    const problem = await expectProblem(await deliver("sandbox", short), 422, "validation_failed");
    expect(problem.detail).toContain("differs");
    // Redelivered: still refused, and logged again.
    await expectProblem(await deliver("sandbox", short), 422, "validation_failed");
    const wrongCurrency = await sandboxEvent(
      payment.id,
      { amount: payment.amount.amount, currency: "USD" },
      "succeeded",
      "evt_usd",
    );
    await expectProblem(await deliver("sandbox", wrongCurrency), 422, "validation_failed");

    const logged = await rows<{ event_id: string; reason: string; amount: number }>(
      "SELECT event_id, reason, amount FROM payment_event_refusals WHERE payment_id = ? ORDER BY id",
      payment.id,
    );
    expect(logged.map((r) => r.event_id)).toEqual(["evt_short", "evt_short", "evt_usd"]);
    expect(logged[0]).toMatchObject({ amount: payment.amount.amount - 100 });
    expect(logged[0].reason).toContain("amount");
    expect(logged[2].reason).toContain("currency");
    expect(logs.filter((l) => l.msg === "webhook_refused" && l.paymentId === payment.id)).toHaveLength(3);
    // A refusal is not remembered as the event: the dedupe table holds none of them.
    expect(await count("SELECT count(*) AS n FROM payment_events WHERE payment_id = ?", payment.id)).toBe(0);
    await expectUntouched(order, payment.id, product.id, 1);

    // The real event still pays it.
    expect((await deliver("sandbox", await sandboxEvent(payment.id, payment.amount))).status).toBe(200);
    await expectPaidOnce(order, product.id, 1, 5);
  });

  it("an event for an unknown payment is refused and logged; a failure event marks the payment failed, the order stays payable", async () => {
    const unknown = await sandboxEvent(
      "pay_does_not_exist",
      { amount: 1000, currency: "THB" },
      "succeeded",
      "evt_unknown",
    );
    await expectProblem(await deliver("sandbox", unknown), 422, "validation_failed");
    expect(await count("SELECT count(*) AS n FROM payment_event_refusals WHERE event_id = 'evt_unknown'")).toBe(1);
    expect(await count("SELECT count(*) AS n FROM payment_events WHERE event_id = 'evt_unknown'")).toBe(0);

    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const first = await pay({ cartToken }, [order.id]);
    expect((await simulate({ cartToken }, first.id, "failure")).status).toBe("failed");
    expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment", payment_status: "failed" });
    expect(await timelineCount(order.id, "payment.failed")).toBe(1);
    expect(await outboxCount(order.id, "payment.failed")).toBe(1);
    // Paying again with another payment works.
    const second = await pay({ cartToken }, [order.id]);
    expect((await simulate({ cartToken }, second.id)).status).toBe("succeeded");
    await expectPaidOnce(order, product.id, 1, 5);
  });
});

describe("real gateways' webhooks: each verified its own way, applied once", () => {
  it("Stripe: Stripe-Signature (the stripe package's test header) over payment_intent.succeeded", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { order } = await guestOrder(product.id, 1);
    const paymentId = await insertPayment(order, "stripe", "card");
    const payload = JSON.stringify({
      id: `evt_${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`,
      object: "event",
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      type: "payment_intent.succeeded",
      livemode: false,
      data: {
        object: {
          id: "pi_3QxYzAB2eZvKYlo21ABCdEFg",
          object: "payment_intent",
          amount: order.total.amount,
          amount_received: order.total.amount,
          currency: "thb",
          status: "succeeded",
          metadata: { paymentId },
        },
      },
    });
    // The Workers build of `stripe` signs with SubtleCrypto, so the async form of generateTestHeaderString.
    const sign = async (secret: string) =>
      new Headers({
        "Content-Type": "application/json",
        "Stripe-Signature": await Stripe.webhooks.generateTestHeaderStringAsync({
          payload,
          secret,
          cryptoProvider: Stripe.createSubtleCryptoProvider(),
        }),
      });
    await expectProblem(
      await deliver("stripe", { rawBody: payload, headers: await sign("whsec_forged") }),
      401,
      "unauthorized",
    );
    await expectProblem(
      await deliver("stripe", {
        rawBody: payload.replace('"amount_received":', '"amount_received":1,"x":'),
        headers: await sign(env.STRIPE_WEBHOOK_SECRET),
      }),
      401,
      "unauthorized",
    );
    await expectUntouched(order, paymentId, product.id, 1);

    for (let i = 0; i < 2; i++) {
      expect(
        (await deliver("stripe", { rawBody: payload, headers: await sign(env.STRIPE_WEBHOOK_SECRET) })).status,
      ).toBe(200);
    }
    await expectPaidOnce(order, product.id, 1, 5);
    expect(await paymentRow(paymentId)).toMatchObject({
      status: "succeeded",
      provider_ref: "pi_3QxYzAB2eZvKYlo21ABCdEFg",
    });
  });

  it("Midtrans: signature_key = SHA-512(order_id + status_code + gross_amount + server key)", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { order } = await guestOrder(product.id, 1, "ID");
    expect(order.total.currency).toBe("IDR");
    const paymentId = await insertPayment(order, "midtrans", "bca_va");
    const grossAmount = `${order.total.amount / 100}.00`;
    const notification = (serverKey: string, gross = grossAmount) => ({
      transaction_time: "2026-11-22 12:00:00",
      transaction_status: "settlement",
      transaction_id: "9aed5972-5b6a-401e-894b-a32c91ed1a3a",
      status_message: "midtrans payment notification",
      status_code: "200",
      signature_key: createHash("sha512").update(`${paymentId}200${gross}${serverKey}`).digest("hex"),
      payment_type: "bank_transfer",
      order_id: paymentId,
      merchant_id: "G141532850",
      gross_amount: gross,
      fraud_status: "accept",
      currency: "IDR",
      va_numbers: [{ va_number: "812785002530231", bank: "bca" }],
    });
    const send = (body: unknown) =>
      deliver("midtrans", {
        rawBody: JSON.stringify(body),
        headers: new Headers({ "Content-Type": "application/json" }),
      });
    await expectProblem(await send(notification("SB-Mid-server-forged")), 401, "unauthorized");
    // The amount edited after signing breaks the signature.
    await expectProblem(
      await send({ ...notification(env.MIDTRANS_SERVER_KEY), gross_amount: "1000.00" }),
      401,
      "unauthorized",
    );
    await expectUntouched(order, paymentId, product.id, 1);

    for (let i = 0; i < 2; i++) expect((await send(notification(env.MIDTRANS_SERVER_KEY))).status).toBe(200);
    await expectPaidOnce(order, product.id, 1, 5);
  });

  it("Xendit: the x-callback-token of the account, VA paid callback", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { order } = await guestOrder(product.id, 1, "ID");
    const paymentId = await insertPayment(order, "xendit", "bni_va");
    const body = JSON.stringify({
      id: "57fb4e076fa3fa296b7f5a97",
      payment_id: "demo-1476087608947-8e9ad5e6b1",
      callback_virtual_account_id: "57fb4df9af86ce19778ad359",
      owner_id: "57b4e5181473eeb61c11f9b9",
      external_id: paymentId,
      account_number: "1547",
      bank_code: "BNI",
      amount: order.total.amount / 100,
      currency: "IDR",
      transaction_timestamp: "2026-11-22T05:00:00.000Z",
      merchant_code: "77517",
    });
    const send = (token?: string) =>
      deliver("xendit", {
        rawBody: body,
        headers: new Headers({ "Content-Type": "application/json", ...(token ? { "x-callback-token": token } : {}) }),
      });
    await expectProblem(await send("forged-token"), 401, "unauthorized");
    await expectProblem(await send(), 401, "unauthorized");
    await expectUntouched(order, paymentId, product.id, 1);
    for (let i = 0; i < 2; i++) expect((await send(env.XENDIT_CALLBACK_TOKEN)).status).toBe(200);
    await expectPaidOnce(order, product.id, 1, 5);
  });

  it("Omise: Omise-Signature = HMAC-SHA256(base64-decoded secret, timestamp.body)", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { order } = await guestOrder(product.id, 1);
    const paymentId = await insertPayment(order, "omise", "promptpay");
    const body = JSON.stringify({
      object: "event",
      id: "evnt_test_5xuy4w91xuyw0v2psxk",
      livemode: false,
      key: "charge.complete",
      created_at: new Date().toISOString(),
      data: {
        object: "charge",
        id: "chrg_test_5xuy4w8zc3iiy1ylxgg",
        amount: order.total.amount,
        currency: "THB",
        status: "successful",
        paid: true,
        metadata: { paymentId },
      },
    });
    const send = (key: Buffer, timestamp = Math.floor(Date.now() / 1000)) =>
      deliver("omise", {
        rawBody: body,
        headers: new Headers({
          "Content-Type": "application/json",
          "Omise-Signature": createHmac("sha256", key).update(`${timestamp}.${body}`).digest("hex"),
          "Omise-Signature-Timestamp": String(timestamp),
        }),
      });
    const secret = Buffer.from(env.OMISE_WEBHOOK_SECRET, "base64");
    // Keyed with the secret's text instead of its decoded bytes, or another key: 401.
    await expectProblem(await send(Buffer.from(env.OMISE_WEBHOOK_SECRET, "utf8")), 401, "unauthorized");
    await expectProblem(await send(Buffer.from("another-secret")), 401, "unauthorized");
    await expectProblem(await send(secret, Math.floor(Date.now() / 1000) - 3600), 401, "unauthorized");
    await expectUntouched(order, paymentId, product.id, 1);
    for (let i = 0; i < 2; i++) expect((await send(secret)).status).toBe(200);
    await expectPaidOnce(order, product.id, 1, 5);
  });
});

describe("money is never kept for nothing", () => {
  it("a payment succeeding for an order that already expired is refunded; the order stays expired", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 2);
    const payment = await pay({ cartToken }, [order.id]);
    await makeOverdue(order.id);
    expect(await expireOverdueOrders(env)).toBeGreaterThanOrEqual(1);
    expect(await expectConserved(product.id, 5)).toMatchObject({ available: 5, reserved: 0, sold: 0 });

    const after = await simulate({ cartToken }, payment.id);
    expect(after).toMatchObject({ status: "refunded", refunded: payment.amount });
    expect(await orderStatus(order.id)).toMatchObject({ status: "expired", payment_status: "refunded" });
    const refunds = await rows<{ payment_id: string; amount: number; status: string }>(
      "SELECT payment_id, amount, status FROM refunds WHERE order_id = ?",
      order.id,
    );
    expect(refunds).toEqual([{ payment_id: payment.id, amount: order.total.amount, status: "succeeded" }]);
    expect(await timelineCount(order.id, "payment.late")).toBe(1);
    expect(await timelineCount(order.id, "status.paid")).toBe(0);
    expect(await outboxCount(order.id, "order.paid")).toBe(0);
    // Nothing was sold.
    expect(await expectConserved(product.id, 5)).toMatchObject({ available: 5, reserved: 0, sold: 0 });
    // A redelivery refunds nothing twice.
    expect((await deliver("sandbox", await sandboxEvent(payment.id, payment.amount))).status).toBe(200);
    expect(await count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", order.id)).toBe(1);
  });

  // A payment replaced by a newer request is cancelled at its gateway, but a payer may have paid it
  // before the cancel landed: its webhook still arrives, and then two payments paid one order.
  it("a second payment for an order that is already paid is refunded; the first stands", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const first = await pay({ cartToken }, [order.id], "sandbox", "qris");
    const second = await pay({ cartToken }, [order.id], "sandbox", "bca_va");
    expect((await paymentRow(first.id))?.status).toBe("superseded");
    expect((await deliver("sandbox", await sandboxEvent(first.id, first.amount))).status).toBe(200);
    expect((await paymentRow(first.id))?.status).toBe("succeeded");
    expect((await simulate({ cartToken }, second.id)).status).toBe("refunded");
    expect(await orderStatus(order.id)).toMatchObject({
      status: "paid",
      paid_by_payment_id: first.id,
      payment_status: "paid",
    });
    expect(await rows("SELECT payment_id, status FROM refunds WHERE order_id = ?", order.id)).toEqual([
      { payment_id: second.id, status: "succeeded" },
    ]);
    expect(await timelineCount(order.id, "status.paid")).toBe(1);
    expect(await expectConserved(product.id, 5)).toMatchObject({ sold: 1, reserved: 0 });
  });

  // Refunds are one per (payment, order): refunding a duplicate payment never blocks the refund of
  // the payment that paid the order.
  it("after a duplicate payment was refunded, cancelling the order still refunds the payment that paid it", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const first = await pay({ cartToken }, [order.id], "sandbox", "qris");
    const second = await pay({ cartToken }, [order.id], "sandbox", "bca_va");
    await deliver("sandbox", await sandboxEvent(first.id, first.amount));
    await simulate({ cartToken }, second.id);
    const res = await call("POST", `/api/v1/orders/${order.id}/cancel`, { cartToken });
    expect(res.status).toBe(200);
    expect((await paymentRow(first.id))?.status).toBe("refunded");
    expect(await orderStatus(order.id)).toMatchObject({ status: "refunded" });
  });

  it("two payments for one order succeeding at the same moment: exactly one pays, the other is refunded", async () => {
    for (let round = 0; round < 3; round++) {
      const { product } = await sellerWithProduct("TH", { stock: 5 });
      const { cartToken, order } = await guestOrder(product.id, 1);
      const a = await pay({ cartToken }, [order.id], "sandbox", "qris");
      const b = await pay({ cartToken }, [order.id], "sandbox", "promptpay");
      // a was replaced by b but paid anyway (its webhook), at the very moment b is paid.
      await Promise.all([deliver("sandbox", await sandboxEvent(a.id, a.amount)), simulate({ cartToken }, b.id)]);
      const paidBy = (await orderStatus(order.id))?.paid_by_payment_id;
      expect([a.id, b.id]).toContain(paidBy);
      const loser = paidBy === a.id ? b : a;
      expect((await paymentRow(paidBy as string))?.status).toBe("succeeded");
      expect((await paymentRow(loser.id))?.status).toBe("refunded");
      expect(await rows("SELECT payment_id FROM refunds WHERE order_id = ?", order.id)).toEqual([
        { payment_id: loser.id },
      ]);
      expect(await timelineCount(order.id, "status.paid")).toBe(1);
      expect(await expectConserved(product.id, 5)).toMatchObject({ sold: 1, reserved: 0 });
    }
  });

  it("one payment for two shops' orders that both expired is refunded in full", async () => {
    const a = await sellerWithProduct("TH", { stock: 5 });
    const b = await sellerWithProduct("TH", { stock: 5 });
    const cartToken = await guestCart([
      { productId: a.product.id, quantity: 1 },
      { productId: b.product.id, quantity: 1 },
    ]);
    const orders = await checkout({ cartToken }, guestBody());
    expect(orders).toHaveLength(2);
    const payment = await pay(
      { cartToken },
      orders.map((o) => o.id),
    );
    for (const o of orders) await makeOverdue(o.id);
    await expireOverdueOrders(env);
    const after = await simulate({ cartToken }, payment.id);
    expect(after.refunded).toEqual(payment.amount);
    expect(after.status).toBe("refunded");
    for (const o of orders)
      expect(await orderStatus(o.id)).toMatchObject({ status: "expired", payment_status: "refunded" });
  });
});
