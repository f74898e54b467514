import { env } from "cloudflare:test";
import { Buffer } from "node:buffer";
import { createHash, createHmac } from "node:crypto";
import Stripe from "stripe";
import { afterEach, beforeEach, vi } from "vitest";
import type { Order } from "../orders/helpers";

// Payments of every gateway inside the tests: rows written straight into D1 (the gateways' APIs
// are not reachable here) and webhooks signed each gateway's own way with the development secrets.

/**
 * A pending payment row of `gateway` for one order, as startPayment leaves it once the gateway
 * answered (provider ref and next action set, the order's open payment).
 */
export async function insertPayment(
  order: Order,
  gateway: string,
  method: string,
  providerRef = `ref_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`,
  createdAt = Date.now(),
): Promise<string> {
  const id = `pay_${gateway}_${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO payments (id, order_ids, gateway, method, amount, currency, status, provider_ref, next_action, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, '{"type":"none"}', ?, ?)`,
    ).bind(
      id,
      JSON.stringify([order.id]),
      gateway,
      method,
      order.total.amount,
      order.total.currency,
      providerRef,
      createdAt,
      createdAt,
    ),
    env.DB.prepare("INSERT OR REPLACE INTO open_payments (order_id, payment_id, created_at) VALUES (?, ?, ?)").bind(
      order.id,
      id,
      createdAt,
    ),
  ]);
  return id;
}

export interface SignedWebhook {
  rawBody: string;
  headers: Headers;
}

/** A Midtrans notification, signed: signature_key = SHA-512(order_id + status_code + gross_amount + server key). */
export function midtransNotification(
  paymentId: string,
  grossAmount: string,
  fields: Record<string, unknown> = {},
): SignedWebhook {
  const body: Record<string, unknown> = {
    transaction_time: "2026-11-22 12:00:00",
    transaction_status: "settlement",
    transaction_id: "9aed5972-5b6a-401e-894b-a32c91ed1a3a",
    status_message: "midtrans payment notification",
    status_code: "200",
    payment_type: "bank_transfer",
    order_id: paymentId,
    merchant_id: "G141532850",
    gross_amount: grossAmount,
    fraud_status: "accept",
    currency: "IDR",
    ...fields,
  };
  body.signature_key = createHash("sha512")
    .update(`${body.order_id}${body.status_code}${body.gross_amount}${env.MIDTRANS_SERVER_KEY}`)
    .digest("hex");
  return { rawBody: JSON.stringify(body), headers: new Headers({ "Content-Type": "application/json" }) };
}

/** A Stripe payment_intent.succeeded event, signed with the stripe package's test header. */
export async function stripeSucceeded(paymentId: string, amount: number, currency: string): Promise<SignedWebhook> {
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
        amount,
        amount_received: amount,
        currency: currency.toLowerCase(),
        status: "succeeded",
        metadata: { paymentId },
      },
    },
  });
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: env.STRIPE_WEBHOOK_SECRET,
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
  return {
    rawBody: payload,
    headers: new Headers({ "Content-Type": "application/json", "Stripe-Signature": signature }),
  };
}

/** A Xendit fixed-VA paid callback with the account's x-callback-token (amount in rupiah). */
export function xenditVaPaid(paymentId: string, rupiah: number): SignedWebhook {
  return {
    rawBody: JSON.stringify({
      id: "57fb4e076fa3fa296b7f5a97",
      payment_id: `demo-${crypto.randomUUID().slice(0, 8)}`,
      callback_virtual_account_id: "57fb4df9af86ce19778ad359",
      external_id: paymentId,
      account_number: "1547",
      bank_code: "BNI",
      amount: rupiah,
      currency: "IDR",
      transaction_timestamp: "2026-11-22T05:00:00.000Z",
      merchant_code: "77517",
    }),
    headers: new Headers({ "Content-Type": "application/json", "x-callback-token": env.XENDIT_CALLBACK_TOKEN }),
  };
}

/** An Omise charge.complete event, signed: HMAC-SHA256(base64-decoded secret, "<timestamp>.<body>"). */
export function omiseChargeComplete(paymentId: string, amount: number, currency = "THB"): SignedWebhook {
  const body = JSON.stringify({
    object: "event",
    id: `evnt_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 19)}`,
    livemode: false,
    key: "charge.complete",
    created_at: new Date().toISOString(),
    data: {
      object: "charge",
      id: "chrg_test_5xuy4w8zc3iiy1ylxgg",
      amount,
      currency,
      status: "successful",
      paid: true,
      metadata: { paymentId },
    },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const key = Buffer.from(env.OMISE_WEBHOOK_SECRET, "base64");
  return {
    rawBody: body,
    headers: new Headers({
      "Content-Type": "application/json",
      "Omise-Signature": createHmac("sha256", key).update(`${timestamp}.${body}`).digest("hex"),
      "Omise-Signature-Timestamp": String(timestamp),
    }),
  };
}

/**
 * The structured log lines (msg and fields) written during each test of the calling file, kept
 * off the test output; a test asserts the ones it expects.
 */
export function capturedLogs(): { msg: string; [field: string]: unknown }[] {
  const lines: { msg: string; [field: string]: unknown }[] = [];
  beforeEach(() => {
    lines.length = 0;
    for (const level of ["log", "warn", "error"] as const)
      vi.spyOn(console, level).mockImplementation((line: unknown) => {
        lines.push(JSON.parse(String(line)));
      });
  });
  afterEach(() => vi.restoreAllMocks());
  return lines;
}
