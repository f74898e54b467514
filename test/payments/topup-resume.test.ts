import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments } from "../../d1/schema/payments";
import { MidtransGateway } from "../../workers/payments/gateways/midtrans";
import type { CreatePaymentInput } from "../../workers/payments/gateways/types";
import type { PaymentRow } from "../../workers/payments/present";
import { callTopupGateway } from "../../workers/payments/topup-gateway";
import { database, nowMs } from "../../workers/platform/db";
import { money } from "../../workers/platform/money";
import { gatewayFailure, json, recordingFetch } from "./helpers";

// A top-up retried after a crash resumes its payment at the gateway (workers/payments/topup-gateway.ts),
// against Midtrans's recorded Core API answers: Midtrans refuses a second charge under the same
// order_id (status_code 406), so a retry whose first call may have reached it reads the charge back
// with GET /v2/{order_id}/status instead of charging again.

const SERVER_KEY = "SB-Mid-server-TQ3mDev9pLx2aB7cK1zR4wYe";
const SANDBOX = "https://api.sandbox.midtrans.com";
const TX = "be03df7d-2f97-4c8c-a53c-8959f1b67295";
const gateway = (fetchFn: typeof fetch) => new MidtransGateway({ serverKey: SERVER_KEY }, fetchFn);

/** A top-up payment row as recordTopupPayment left it; `called`: its gateway call had started. */
async function topupPayment(called: boolean): Promise<PaymentRow> {
  const id = `pay_${crypto.randomUUID().replaceAll("-", "")}`;
  const createdAt = nowMs() - 60_000; // older than the start timeout: the request that made it died
  await database(env)
    .insert(payments)
    .values({
      id,
      orderIds: [],
      customerId: `usr_${crypto.randomUUID()}`,
      gateway: "midtrans",
      method: "bca_va",
      amount: 15_000_000,
      currency: "IDR",
      status: "pending",
      walletTransactionId: `wtx_${crypto.randomUUID()}`,
      createdAt,
      updatedAt: called ? createdAt + 5 : createdAt,
    });
  return (await database(env).select().from(payments).where(eq(payments.id, id)).get())!;
}

const input = (payment: PaymentRow): CreatePaymentInput => ({
  paymentId: payment.id,
  amount: money(15_000_000, "IDR"),
  method: "bca_va",
  description: "Tchat wallet top-up",
  returnUrl: "https://app.tchat.example/wallet",
  locale: "id",
  expiresAt: new Date(Date.now() + 15 * 60_000),
});

/** The Core API's pending BCA VA transaction (the charge answer and the status answer share it). */
const pendingVa = (orderId: string) => ({
  status_code: "201",
  status_message: "Success, transaction is found",
  transaction_id: TX,
  order_id: orderId,
  merchant_id: "G812785002",
  gross_amount: "150000.00",
  currency: "IDR",
  payment_type: "bank_transfer",
  transaction_time: "2026-03-05 14:30:00",
  transaction_status: "pending",
  fraud_status: "accept",
  va_numbers: [{ bank: "bca", va_number: "12785002530231" }],
  expiry_time: "2026-03-05 14:45:00",
});

describe("top-up retried after a crash", () => {
  it("crashed after the payment row, before the gateway: the retry charges under the same payment id", async () => {
    const payment = await topupPayment(false);
    const { fetchFn, calls } = recordingFetch(json(201, pendingVa(payment.id)));
    const resumed = await callTopupGateway(env, gateway(fetchFn), payment, input(payment));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`POST ${SANDBOX}/v2/charge`]);
    expect(JSON.parse(calls[0].body).transaction_details.order_id).toBe(payment.id);
    expect(resumed).toMatchObject({ id: payment.id, status: "pending", providerRef: TX });
    expect(resumed.nextAction).toMatchObject({ type: "virtual_account", accountNumber: "12785002530231" });
  });

  it("crashed while Midtrans answered: the retry reads the charge back, charges nothing twice", async () => {
    const payment = await topupPayment(true);
    const { fetchFn, calls } = recordingFetch(json(200, pendingVa(payment.id)));
    const resumed = await callTopupGateway(env, gateway(fetchFn), payment, input(payment));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET ${SANDBOX}/v2/${payment.id}/status`]);
    expect(resumed).toMatchObject({ id: payment.id, status: "pending", providerRef: TX });
    expect(resumed.nextAction).toMatchObject({ type: "virtual_account", accountNumber: "12785002530231" });
    // A later retry finds the stored nextAction and asks nothing more (topups.ts skips the call).
    const row = await database(env).select().from(payments).where(eq(payments.id, payment.id)).get();
    expect(row?.nextAction).toMatchObject({ accountNumber: "12785002530231" });
  });

  it("the call started but never reached Midtrans (404 on the lookup): the retry charges", async () => {
    const payment = await topupPayment(true);
    const { fetchFn, calls } = recordingFetch(
      json(404, { status_code: "404", status_message: "Transaction doesn't exist.", id: crypto.randomUUID() }),
      json(201, pendingVa(payment.id)),
    );
    const resumed = await callTopupGateway(env, gateway(fetchFn), payment, input(payment));
    expect(calls.map((c) => c.method)).toEqual(["GET", "POST"]);
    expect(resumed.nextAction).toMatchObject({ accountNumber: "12785002530231" });
  });

  it("without the lookup a second charge would be refused: Midtrans answers 406 for a used order_id", async () => {
    const payment = await topupPayment(true);
    const { fetchFn } = recordingFetch(
      json(200, {
        id: crypto.randomUUID(),
        status_code: "406",
        status_message: "Duplicate order ID. Order ID has already been utilized previously.",
      }),
    );
    await gatewayFailure(gateway(fetchFn).createPayment(input(payment)));
  });

  it("a call younger than the start timeout may still be answering: the retry waits (409), asks nothing", async () => {
    const payment = await topupPayment(true);
    const fresh = { ...payment, updatedAt: nowMs() };
    const { fetchFn, calls } = recordingFetch();
    await expect(callTopupGateway(env, gateway(fetchFn), fresh, input(fresh))).rejects.toMatchObject({
      code: "conflict",
    });
    expect(calls).toHaveLength(0);
  });
});
