import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expireOverdueOrders } from "../../workers/orders/expiry";
import { checkStalePayments, orderMayExpire } from "../../workers/payments";
import { runScheduled } from "../../workers/scheduled";
import {
  call,
  count,
  deliver,
  expectConserved,
  expectJson,
  guestOrder,
  makeOverdue,
  type Order,
  orderStatus,
  outboxCount,
  pay,
  paymentRow,
  rows,
  sandboxEvent,
  sellerWithProduct,
  timelineCount,
} from "../orders/helpers";
import { advanceTime } from "../support/clock";
import { useFreshStorage } from "../support/fresh-storage";
import type { RecordedCall } from "../support/recording-fetch";
import { capturedLogs, insertPayment, midtransNotification } from "./flows";

// The cron jobs it runs work over the whole database, a bounded batch per run; other test files share it.
useFreshStorage();

const logs = capturedLogs();

import { basic, json } from "./helpers";

/**
 * A gateway answering recorded responses by request ("GET https://..." prefixes), each once.
 * Anything else is a network failure, as for a gateway that cannot be reached: other tests'
 * overdue orders met by the same sweep stay as they are.
 */
function gatewayAnswering(routes: Record<string, () => Response>) {
  const calls: RecordedCall[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const url = String(input);
    calls.push({
      url,
      method,
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : "",
    });
    const key = Object.keys(routes).find((k) => `${method} ${url}`.startsWith(k));
    if (!key) throw new TypeError("Network connection lost.");
    const answer = routes[key];
    delete routes[key];
    return answer();
  }) as typeof fetch;
  return { fetchFn, calls };
}

const sweep = (fetchFn: typeof fetch) => expireOverdueOrders(env, (order) => orderMayExpire(env, order, fetchFn));

/** The order was paid once by this payment: never expired, stock sold, no refund. */
async function expectPaidNotExpired(order: Order, paymentId: string, productId: string) {
  expect(await orderStatus(order.id)).toMatchObject({ status: "paid", paid_by_payment_id: paymentId });
  expect((await paymentRow(paymentId))?.status).toBe("succeeded");
  expect(await timelineCount(order.id, "status.expired")).toBe(0);
  expect(await timelineCount(order.id, "status.paid")).toBe(1);
  expect(await outboxCount(order.id, "payment.success")).toBe(1);
  expect(await count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", order.id)).toBe(0);
  expect(await expectConserved(productId, 5)).toMatchObject({ sold: 1, reserved: 0 });
}

/** What GET /v2/{order_id}/status answers for a transaction (Midtrans's own fields). */
const midtransStatus = (paymentId: string, gross: string, transactionStatus = "settlement", statusCode = "200") =>
  json(200, {
    ...JSON.parse(
      midtransNotification(paymentId, gross, { transaction_status: transactionStatus, status_code: statusCode })
        .rawBody,
    ),
    status_message: "Success, transaction is found",
  });

const MIDTRANS = "https://api.sandbox.midtrans.com";

describe("a lost webhook never expires a paid order", () => {
  it("sandbox: paid at the gateway, webhook lost: the minute cron asks first and the order is paid, not expired", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const payment = await pay({ cartToken }, [order.id]);
    const simulated = await call("POST", `/api/v1/payments/${payment.id}/simulate`, {
      cartToken,
      body: { outcome: "success", webhook: "lose" },
    });
    expect((await expectJson<{ status: string }>(simulated, 200)).status).toBe("pending");
    await makeOverdue(order.id);
    await runScheduled(env);
    await expectPaidNotExpired(order, payment.id, product.id);
    // The lost webhook turns up after all: the same event, changing nothing twice.
    const late = await deliver("sandbox", await sandboxEvent(payment.id, payment.amount));
    expect(await expectJson(late, 200)).toMatchObject({ applied: false, duplicate: true });
    await expectPaidNotExpired(order, payment.id, product.id);
  });

  it("Midtrans: GET /v2/{order_id}/status with the server key; its settlement is the notification's event", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { order } = await guestOrder(product.id, 1, "ID");
    const paymentId = await insertPayment(order, "midtrans", "bca_va", "9aed5972-5b6a-401e-894b-a32c91ed1a3a");
    const gross = `${order.total.amount / 100}.00`;
    const gateway = gatewayAnswering({
      [`GET ${MIDTRANS}/v2/${paymentId}/status`]: () => midtransStatus(paymentId, gross),
    });
    await makeOverdue(order.id);
    await sweep(gateway.fetchFn);
    const asked = gateway.calls.filter((c) => c.url.includes(paymentId));
    expect(asked).toHaveLength(1);
    expect(asked[0].headers.get("Authorization")).toBe(basic(env.MIDTRANS_SERVER_KEY));
    await expectPaidNotExpired(order, paymentId, product.id);
    const late = await deliver("midtrans", midtransNotification(paymentId, gross));
    expect(await expectJson(late, 200)).toMatchObject({ applied: false, duplicate: true });
  });

  it("Stripe: GET /v1/payment_intents/{id} reporting succeeded pays the order", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { order } = await guestOrder(product.id, 1);
    const paymentId = await insertPayment(order, "stripe", "card", "pi_3QxYzAB2eZvKYlo21Status1");
    const gateway = gatewayAnswering({
      "GET https://api.stripe.com/v1/payment_intents/pi_3QxYzAB2eZvKYlo21Status1": () =>
        json(200, {
          id: "pi_3QxYzAB2eZvKYlo21Status1",
          object: "payment_intent",
          amount: order.total.amount,
          amount_received: order.total.amount,
          currency: "thb",
          status: "succeeded",
          metadata: { paymentId },
          client_secret: "pi_3QxYzAB2eZvKYlo21Status1_secret_x",
          next_action: null,
        }),
    });
    await makeOverdue(order.id);
    await sweep(gateway.fetchFn);
    const asked = gateway.calls.find((c) => c.url.includes("pi_3QxYzAB2eZvKYlo21Status1"));
    expect(asked?.headers.get("Authorization")).toBe(`Bearer ${env.STRIPE_SECRET_KEY}`);
    await expectPaidNotExpired(order, paymentId, product.id);
  });

  it("Xendit: a VA paid per GET /transactions?reference_id=, an e-wallet per GET /ewallets/charges/{id}", async () => {
    const va = await sellerWithProduct("ID", { stock: 5 });
    const { order: vaOrder } = await guestOrder(va.product.id, 1, "ID");
    const vaPayment = await insertPayment(vaOrder, "xendit", "bca_va", "65f0c1a2b3c4d5e6f7a8b9c0");
    const wallet = await sellerWithProduct("PH", { stock: 5 });
    const { order: walletOrder } = await guestOrder(wallet.product.id, 1, "PH");
    const walletPayment = await insertPayment(walletOrder, "xendit", "gcash", "ewc_bb8c3po-c3po-r2d2-status");
    const gateway = gatewayAnswering({
      [`GET https://api.xendit.co/transactions?reference_id=${vaPayment}&types=PAYMENT`]: () =>
        json(200, {
          has_more: false,
          data: [
            {
              id: "txn_65f0c1a2b3c4d5e6",
              product_id: "65f0c1a2b3c4d5e6f7a8b9c1",
              type: "PAYMENT",
              status: "SUCCESS",
              channel_category: "VIRTUAL_ACCOUNT",
              channel_code: "BCA",
              reference_id: vaPayment,
              currency: "IDR",
              amount: vaOrder.total.amount / 100,
              cashflow: "MONEY_IN",
            },
          ],
          links: [],
        }),
      "GET https://api.xendit.co/ewallets/charges/ewc_bb8c3po-c3po-r2d2-status": () =>
        json(200, {
          id: "ewc_bb8c3po-c3po-r2d2-status",
          reference_id: walletPayment,
          status: "SUCCEEDED",
          currency: "PHP",
          charge_amount: walletOrder.total.amount / 100,
          capture_amount: walletOrder.total.amount / 100,
          channel_code: "PH_GCASH",
          actions: null,
        }),
    });
    await makeOverdue(vaOrder.id);
    await makeOverdue(walletOrder.id);
    await sweep(gateway.fetchFn);
    for (const c of gateway.calls.filter((c) => c.url.startsWith("https://api.xendit.co")))
      expect(c.headers.get("Authorization")).toBe(basic(env.XENDIT_SECRET_KEY));
    await expectPaidNotExpired(vaOrder, vaPayment, va.product.id);
    await expectPaidNotExpired(walletOrder, walletPayment, wallet.product.id);
  });

  it("Omise: GET /charges/{id} reporting successful pays the order", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { order } = await guestOrder(product.id, 1);
    const paymentId = await insertPayment(order, "omise", "promptpay", "chrg_test_5xuystatus0000001");
    const gateway = gatewayAnswering({
      "GET https://api.omise.co/charges/chrg_test_5xuystatus0000001": () =>
        json(200, {
          object: "charge",
          id: "chrg_test_5xuystatus0000001",
          amount: order.total.amount,
          currency: "THB",
          status: "successful",
          paid: true,
          metadata: { paymentId },
        }),
    });
    await makeOverdue(order.id);
    await sweep(gateway.fetchFn);
    const asked = gateway.calls.find((c) => c.url.includes("chrg_test_5xuystatus0000001"));
    expect(asked?.headers.get("Authorization")).toBe(basic(env.OMISE_SECRET_KEY));
    expect(asked?.headers.get("Omise-Version")).toBe("2019-05-29");
    await expectPaidNotExpired(order, paymentId, product.id);
  });
});

describe("expiry when the gateway says unpaid, or cannot say", () => {
  it("a gateway that cannot be reached keeps the order for a later pass, at most PAYMENT_STATUS_MAX_WAIT_SECONDS", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { order } = await guestOrder(product.id, 1, "ID");
    const paymentId = await insertPayment(order, "midtrans", "bca_va");
    await makeOverdue(order.id);
    await sweep(gatewayAnswering({}).fetchFn);
    expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment" });
    expect((await paymentRow(paymentId))?.status).toBe("pending");
    expect(logs).toContainEqual(expect.objectContaining({ msg: "payment_status_unknown", paymentId }));
    expect(logs).toContainEqual(expect.objectContaining({ msg: "order_expiry_deferred", orderId: order.id }));
    advanceTime(1000 * (Number(env.PAYMENT_STATUS_MAX_WAIT_SECONDS) - 120));
    await sweep(gatewayAnswering({}).fetchFn);
    expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment" });
    advanceTime(120_000);
    await sweep(gatewayAnswering({}).fetchFn);
    expect(await orderStatus(order.id)).toMatchObject({ status: "expired" });
    expect(logs).toContainEqual(expect.objectContaining({ msg: "order_expired_unconfirmed", orderId: order.id }));
  });

  it("a malformed status answer is no answer: the order waits; an answer of another amount is refused and kept for review", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { order } = await guestOrder(product.id, 1, "ID");
    const paymentId = await insertPayment(order, "midtrans", "bca_va");
    await makeOverdue(order.id);
    const statusUrl = `GET ${MIDTRANS}/v2/${paymentId}/status`;
    await sweep(
      gatewayAnswering({ [statusUrl]: () => json(200, { status_code: "200", transaction_status: 7 }) }).fetchFn,
    );
    expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment" });
    await sweep(gatewayAnswering({ [statusUrl]: () => midtransStatus(paymentId, "1000.00") }).fetchFn);
    expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment" });
    expect((await paymentRow(paymentId))?.status).toBe("pending");
    expect(await rows("SELECT reason FROM payment_event_refusals WHERE payment_id = ?", paymentId)).toEqual([
      { reason: expect.stringContaining("differs") },
    ]);
  });

  it("pending at the gateway: the order expires; never created there (404): the payment fails and the order expires", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { order: waiting } = await guestOrder(product.id, 1, "ID");
    const { order: unknown } = await guestOrder(product.id, 1, "ID");
    const pending = await insertPayment(waiting, "midtrans", "bca_va");
    const missing = await insertPayment(unknown, "midtrans", "bca_va");
    const gross = `${waiting.total.amount / 100}.00`;
    const gateway = gatewayAnswering({
      [`GET ${MIDTRANS}/v2/${pending}/status`]: () => midtransStatus(pending, gross, "pending", "201"),
      [`GET ${MIDTRANS}/v2/${missing}/status`]: () =>
        json(404, { status_code: "404", status_message: "Transaction doesn't exist." }),
    });
    await makeOverdue(waiting.id);
    await makeOverdue(unknown.id);
    await sweep(gateway.fetchFn);
    expect(await orderStatus(waiting.id)).toMatchObject({ status: "expired" });
    expect(await orderStatus(unknown.id)).toMatchObject({ status: "expired" });
    expect((await paymentRow(pending))?.status).toBe("pending");
    expect((await paymentRow(missing))?.status).toBe("failed");
  });
});

describe("the cron asks about payments pending too long", () => {
  it("finds a paid one before its order is due, asks a pending one again only after PAYMENT_STATUS_CHECK_AFTER_SECONDS", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { order: paidOrder } = await guestOrder(product.id, 1, "ID");
    const { order: openOrder } = await guestOrder(product.id, 1, "ID");
    const after = Number(env.PAYMENT_STATUS_CHECK_AFTER_SECONDS) * 1000;
    const paid = await insertPayment(paidOrder, "midtrans", "bca_va", "tx-paid", Date.now() - after - 1000);
    const open = await insertPayment(openOrder, "midtrans", "bca_va", "tx-open", Date.now() - after - 1000);
    const gross = `${paidOrder.total.amount / 100}.00`;
    const gateway = gatewayAnswering({
      [`GET ${MIDTRANS}/v2/${paid}/status`]: () => midtransStatus(paid, gross),
      [`GET ${MIDTRANS}/v2/${open}/status`]: () => midtransStatus(open, gross, "pending", "201"),
    });
    expect(await checkStalePayments(env, gateway.fetchFn)).toBe(1);
    expect(await orderStatus(paidOrder.id)).toMatchObject({ status: "paid", paid_by_payment_id: paid });
    expect(await orderStatus(openOrder.id)).toMatchObject({ status: "pending_payment" });
    // Asked a minute later: nothing is due yet.
    advanceTime(60_000);
    const again = gatewayAnswering({});
    await checkStalePayments(env, again.fetchFn);
    expect(again.calls.filter((c) => c.url.includes(open))).toHaveLength(0);
    advanceTime(after);
    await checkStalePayments(env, again.fetchFn);
    expect(again.calls.filter((c) => c.url.includes(open))).toHaveLength(1);
  });

  it("a payment still pending whose orders ended is cancelled at its gateway and closed as expired", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const { order } = await guestOrder(product.id, 1, "ID");
    const after = Number(env.PAYMENT_STATUS_CHECK_AFTER_SECONDS) * 1000;
    const paymentId = await insertPayment(order, "midtrans", "bca_va", "tx-ended", Date.now() - after - 1000);
    await makeOverdue(order.id);
    await expireOverdueOrders(env);
    const gross = `${order.total.amount / 100}.00`;
    const gateway = gatewayAnswering({
      [`GET ${MIDTRANS}/v2/${paymentId}/status`]: () => midtransStatus(paymentId, gross, "pending", "201"),
      [`POST ${MIDTRANS}/v2/${paymentId}/cancel`]: () =>
        json(200, {
          status_code: "200",
          status_message: "Success, transaction is canceled",
          transaction_status: "cancel",
        }),
    });
    await checkStalePayments(env, gateway.fetchFn);
    expect((await paymentRow(paymentId))?.status).toBe("expired");
    expect(gateway.calls.filter((c) => c.method === "POST" && c.url.endsWith(`/v2/${paymentId}/cancel`))).toHaveLength(
      1,
    );
    expect(await count("SELECT count(*) AS n FROM open_payments WHERE payment_id = ?", paymentId)).toBe(0);
  });
});
