import { afterEach, describe, expect, it, vi } from "vitest";
import {
  call,
  count,
  expectJson,
  expectProblem,
  guestOrder,
  orderStatus,
  type Payment,
  pay,
  paymentRow,
  postPayment,
  rows,
  sellerWithProduct,
  timelineCount,
} from "../orders/helpers";
import type { RecordedCall } from "../support/recording-fetch";
import { capturedLogs } from "./flows";
import { json } from "./helpers";

const logs = capturedLogs();

/**
 * Stripe's API as the Worker reaches it (its global fetch): each POST /v1/payment_intents answers a
 * new PaymentIntent (or `create` decides), cancels answer a cancelled one; every call is recorded.
 */
function stripeApi(create?: (n: number) => Response) {
  const calls: RecordedCall[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({
      url,
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: String(init?.body ?? ""),
    });
    const form = new URLSearchParams(String(init?.body ?? ""));
    const id = `pi_3QxYzAB2eZvKYlo21Race${String(calls.length).padStart(3, "0")}`;
    const intent = (fields: Record<string, unknown>) =>
      json(200, {
        object: "payment_intent",
        amount: Number(form.get("amount") ?? 0),
        currency: form.get("currency") ?? "thb",
        metadata: { paymentId: form.get("metadata[paymentId]") },
        client_secret: `${id}_secret_x`,
        next_action: null,
        id,
        ...fields,
      });
    if (url.endsWith("/cancel")) return intent({ id: url.split("/").at(-2), status: "canceled" });
    if (url === "https://api.stripe.com/v1/payment_intents")
      return create ? create(calls.length) : intent({ status: "requires_payment_method" });
    throw new TypeError("unexpected Stripe call");
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

const creates = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === "POST" && c.url === "https://api.stripe.com/v1/payment_intents");

describe("one order, one open payment", () => {
  it("the same request again returns the open payment, without calling the gateway again", async () => {
    const calls = stripeApi();
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const first = await pay({ cartToken }, [order.id], "stripe", "card");
    const again = await pay({ cartToken }, [order.id], "stripe", "card");
    expect(again).toEqual(first);
    expect(creates(calls)).toHaveLength(1);
    expect(await count("SELECT count(*) AS n FROM payments WHERE order_ids LIKE ?", `%${order.id}%`)).toBe(1);
  });

  it("another method replaces the open payment: cancelled at its gateway, marked superseded", async () => {
    const calls = stripeApi();
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const card = await pay({ cartToken }, [order.id], "stripe", "card");
    const qr = await pay({ cartToken }, [order.id], "sandbox", "promptpay");
    expect(qr.id).not.toBe(card.id);
    const cancels = calls.filter((c) => c.url.endsWith("/cancel"));
    expect(cancels).toHaveLength(1);
    expect(cancels[0].url).toBe(
      `https://api.stripe.com/v1/payment_intents/${(await paymentRow(card.id))?.provider_ref}/cancel`,
    );
    expect(new URLSearchParams(cancels[0].body).get("cancellation_reason")).toBe("abandoned");
    const replaced = await expectJson<Payment>(await call("GET", `/api/v1/payments/${card.id}`, { cartToken }), 200);
    expect(replaced.status).toBe("superseded");
    expect(await timelineCount(order.id, "payment.superseded")).toBe(1);
    expect(await rows("SELECT payment_id FROM open_payments WHERE order_id = ?", order.id)).toEqual([
      { payment_id: qr.id },
    ]);
    // A sandbox payment replaced in turn is cancelled at the sandbox: it can no longer be paid there.
    const va = await pay({ cartToken }, [order.id], "sandbox", "bca_va");
    const late = await call("POST", `/api/v1/payments/${qr.id}/simulate`, { cartToken, body: { outcome: "success" } });
    await expectProblem(late, 409, "conflict");
    expect((await paymentRow(va.id))?.status).toBe("pending");
    expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment" });
  });

  it("20 identical requests racing: exactly one payment, one gateway call, every answer that payment", async () => {
    const calls = stripeApi();
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const body = { orderIds: [order.id], gateway: "stripe", method: "card" };
    const answers = await Promise.all(Array.from({ length: 20 }, () => postPayment({ cartToken }, body)));
    const payments = await Promise.all(answers.map((r) => expectJson<Payment>(r, 201)));
    expect(new Set(payments.map((p) => p.id)).size).toBe(1);
    expect(payments.every((p) => p.status === "pending" && p.nextAction?.type === "none")).toBe(true);
    expect(creates(calls)).toHaveLength(1);
    expect(await count("SELECT count(*) AS n FROM payments WHERE order_ids LIKE ?", `%${order.id}%`)).toBe(1);
  });

  it("20 requests with different methods racing: exactly one open payment, one gateway call per winner", async () => {
    const calls = stripeApi();
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const bodies = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? { orderIds: [order.id], gateway: "stripe", method: "card" }
        : { orderIds: [order.id], gateway: "sandbox", method: "promptpay" },
    );
    const answers = await Promise.all(bodies.map((b) => postPayment({ cartToken }, b)));
    for (const r of answers) expect([201, 409]).toContain(r.status);
    const made = await rows<{ id: string; gateway: string; status: string }>(
      "SELECT id, gateway, status FROM payments WHERE order_ids LIKE ?",
      `%${order.id}%`,
    );
    expect(made.filter((p) => p.status === "pending")).toHaveLength(1);
    expect(made.filter((p) => p.status !== "pending").every((p) => p.status === "superseded")).toBe(true);
    expect(creates(calls)).toHaveLength(made.filter((p) => p.gateway === "stripe").length);
    const open = await rows<{ payment_id: string }>(
      "SELECT payment_id FROM open_payments WHERE order_id = ?",
      order.id,
    );
    expect(open).toEqual([{ payment_id: made.find((p) => p.status === "pending")?.id }]);
  });
});

describe("a gateway answer is checked before use", () => {
  it("a malformed answer to a new payment is 503 service_unavailable; the order stays payable", async () => {
    stripeApi(() => json(200, { id: 42, object: "payment_intent" }));
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1);
    const res = await postPayment({ cartToken }, { orderIds: [order.id], gateway: "stripe", method: "card" });
    const problem = await expectProblem(res, 503, "service_unavailable");
    expect(problem.detail).toContain("stripe");
    expect(res.headers.get("Retry-After")).toBeTruthy();
    expect(await orderStatus(order.id)).toMatchObject({ status: "pending_payment", paid_by_payment_id: null });
    expect(await count("SELECT count(*) AS n FROM open_payments WHERE order_id = ?", order.id)).toBe(0);
    expect(
      await count(
        "SELECT count(*) AS n FROM payments WHERE order_ids LIKE ? AND provider_ref IS NOT NULL",
        `%${order.id}%`,
      ),
    ).toBe(0);
    // The gateway answers properly again: the next request goes through.
    vi.unstubAllGlobals();
    stripeApi();
    expect((await pay({ cartToken }, [order.id], "stripe", "card")).status).toBe("pending");
    expect(logs.some((l) => l.msg === "payment_cancel_failed")).toBe(false);
  });
});
