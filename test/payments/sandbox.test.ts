import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SANDBOX_SIGNATURE_HEADER, SandboxGateway, signSandboxEvent } from "../../workers/payments/gateways/sandbox";
import type { CreatePaymentInput } from "../../workers/payments/gateways/types";
import { money } from "../../workers/platform/money";
import { gatewayFailure } from "./helpers";

const SECRET = "sandbox-dev-secret-5b1f0c9e7a3d4e2f";
const NOW = new Date("2026-03-05T07:30:00Z");
const PAYMENT_ID = "pay_01JNQ7ZK3M9X2V4B6C8D0E1F2G";

const input = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  paymentId: PAYMENT_ID,
  amount: money(15_000_000, "IDR"),
  method: "bca_va",
  description: "Tchat order",
  returnUrl: "https://app.tchat.example/payments/return?order=ID-260305-0001",
  locale: "id",
  expiresAt: new Date("2026-03-05T07:45:00Z"),
  ...overrides,
});

describe("SandboxGateway.createPayment", () => {
  const sandbox = new SandboxGateway({ webhookSecret: SECRET });

  it("accepts any method in our currencies and answers deterministically", async () => {
    expect(sandbox.supports("bca_va", "IDR")).toBe(true);
    expect(sandbox.supports("anything-at-all", "VND")).toBe(true);
    expect(sandbox.supports("card", "EUR")).toBe(false);

    const va = await sandbox.createPayment(input());
    const again = await sandbox.createPayment(input());
    expect(va).toEqual(again);
    expect(va.providerRef).toBe(`sbx_${PAYMENT_ID}`);
    expect(va.nextAction).toMatchObject({
      type: "virtual_account",
      bank: "BCA",
      expiresAt: "2026-03-05T07:45:00.000Z",
    });
    expect(va.nextAction.type === "virtual_account" && va.nextAction.accountNumber).toMatch(/^8808\d{12}$/);
    const other = await sandbox.createPayment(input({ paymentId: "pay_other" }));
    expect(other.nextAction).not.toEqual(va.nextAction);

    const qris = await sandbox.createPayment(input({ method: "qris" }));
    expect(qris.nextAction).toEqual({
      type: "qr",
      qrString: `SANDBOX|QRIS|${PAYMENT_ID}|150000.00|IDR`,
      expiresAt: "2026-03-05T07:45:00.000Z",
    });
    const promptpay = await sandbox.createPayment(input({ method: "promptpay", amount: money(129_950, "THB") }));
    expect(promptpay.nextAction).toMatchObject({ type: "qr", qrString: `SANDBOX|PROMPTPAY|${PAYMENT_ID}|1299.50|THB` });

    const card = await sandbox.createPayment(input({ method: "card", amount: money(129_950, "THB") }));
    expect(card.nextAction).toEqual({
      type: "redirect",
      url: `https://app.tchat.example/payments/return?order=ID-260305-0001&sandboxPayment=${PAYMENT_ID}`,
    });
  });

  it("stands in for Stripe's regional methods with Stripe's rules: PayNow QR, FPX redirect with its bank", async () => {
    expect(sandbox.supports("paynow", "SGD")).toBe(true);
    expect(sandbox.supports("paynow", "MYR")).toBe(false);
    expect(sandbox.supports("fpx", "SGD")).toBe(false);
    expect(sandbox.supports("grabpay", "MYR")).toBe(true);
    const paynow = await sandbox.createPayment(input({ method: "paynow", amount: money(4_590, "SGD") }));
    expect(paynow.nextAction).toEqual({
      type: "qr",
      qrString: `SANDBOX|PAYNOW|${PAYMENT_ID}|45.90|SGD`,
      expiresAt: "2026-03-05T07:45:00.000Z",
    });
    const fpx = await sandbox.createPayment(input({ method: "fpx", amount: money(12_900, "MYR"), bank: "rhb" }));
    expect(fpx.nextAction).toEqual({
      type: "redirect",
      url: `https://app.tchat.example/payments/return?order=ID-260305-0001&sandboxPayment=${PAYMENT_ID}`,
      bank: "rhb",
    });
    for (const bad of [
      input({ method: "fpx", amount: money(12_900, "MYR") }),
      input({ method: "fpx", amount: money(12_900, "MYR"), bank: "dbs" }),
      input({ method: "grabpay", amount: money(12_900, "MYR"), bank: "rhb" }),
      input({ method: "paynow", amount: money(12_900, "MYR") }),
    ]) {
      expect(await gatewayFailure(sandbox.createPayment(bad))).toMatchObject({ retryable: false });
    }
  });

  it("refuses a currency we do not have", async () => {
    const error = await gatewayFailure(
      sandbox.createPayment(input({ amount: { amount: 100, currency: "EUR" } as unknown as ReturnType<typeof money> })),
    );
    expect(error.retryable).toBe(false);
  });

  it("refunds at once", async () => {
    expect(
      await sandbox.refund({
        paymentId: PAYMENT_ID,
        providerRef: `sbx_${PAYMENT_ID}`,
        amount: money(5_000_000, "IDR"),
      }),
    ).toEqual({ providerRefundRef: `sbx_rf_${PAYMENT_ID}-refund-5000000`, status: "succeeded" });
  });
});

describe("signSandboxEvent + SandboxGateway.verifyWebhook", () => {
  const sandbox = new SandboxGateway({ webhookSecret: SECRET });

  it("signs like a real gateway (HMAC-SHA256 over '<t>.<body>') and verifies through the same path", async () => {
    const signed = await signSandboxEvent(
      SECRET,
      { paymentId: PAYMENT_ID, outcome: "succeeded", amount: money(15_000_000, "IDR") },
      NOW,
    );
    const t = Math.floor(NOW.getTime() / 1000);
    const expected = createHmac("sha256", SECRET).update(`${t}.${signed.rawBody}`).digest("hex");
    expect(signed.headers.get(SANDBOX_SIGNATURE_HEADER)).toBe(`t=${t},v1=${expected}`);

    const result = await sandbox.verifyWebhook(signed, NOW);
    expect(result).toEqual({
      ok: true,
      event: {
        eventId: `sandbox:${PAYMENT_ID}:succeeded`,
        paymentId: PAYMENT_ID,
        outcome: "succeeded",
        amount: money(15_000_000, "IDR"),
        providerRef: `sbx_${PAYMENT_ID}`,
        raw: JSON.parse(signed.rawBody),
      },
    });
  });

  it("gives a repeated simulation the same event id, so it is applied once", async () => {
    const a = await signSandboxEvent(SECRET, { paymentId: PAYMENT_ID, outcome: "failed" }, NOW);
    const b = await signSandboxEvent(
      SECRET,
      { paymentId: PAYMENT_ID, outcome: "failed" },
      new Date(NOW.getTime() + 5000),
    );
    const [ra, rb] = [await sandbox.verifyWebhook(a, NOW), await sandbox.verifyWebhook(b, NOW)];
    expect(ra.ok && rb.ok && ra.event.eventId === rb.event.eventId).toBe(true);
  });

  it("refuses another secret, a tampered body, a stale timestamp and a missing header", async () => {
    const good = await signSandboxEvent(
      SECRET,
      { paymentId: PAYMENT_ID, outcome: "succeeded", amount: money(100, "IDR") },
      NOW,
    );
    const other = await signSandboxEvent("someone-else", { paymentId: PAYMENT_ID, outcome: "succeeded" }, NOW);
    expect(await sandbox.verifyWebhook(other, NOW)).toMatchObject({ ok: false, authentic: false });
    const tampered = good.rawBody.replace('"amount":100', '"amount":1');
    expect(tampered).not.toBe(good.rawBody);
    expect(await sandbox.verifyWebhook({ headers: good.headers, rawBody: tampered }, NOW)).toMatchObject({
      ok: false,
      authentic: false,
    });
    expect(await sandbox.verifyWebhook(good, new Date(NOW.getTime() + 301_000))).toMatchObject({
      ok: false,
      authentic: false,
    });
    expect(await sandbox.verifyWebhook({ headers: new Headers(), rawBody: good.rawBody }, NOW)).toMatchObject({
      ok: false,
      authentic: false,
    });
  });

  it("refuses an authentic event whose amount is not valid Money", async () => {
    const bad = await signSandboxEvent(
      SECRET,
      { paymentId: PAYMENT_ID, outcome: "succeeded", amount: money(150, "IDR") },
      NOW,
    );
    expect(await sandbox.verifyWebhook(bad, NOW)).toMatchObject({ ok: false, authentic: true });
  });

  it("needs a secret", () => {
    expect(() => new SandboxGateway({ webhookSecret: "" })).toThrow(/SANDBOX_WEBHOOK_SECRET/);
  });
});

describe("SandboxGateway.fetchStatus and cancelPayment", () => {
  const reference = { paymentId: PAYMENT_ID, method: "qris", amount: money(15_000_000, "IDR") };

  it("answers from its ledger with the simulate event's id; a paid payment cannot be cancelled", async () => {
    const sandbox = new SandboxGateway({ webhookSecret: SECRET });
    expect(await sandbox.fetchStatus(reference)).toMatchObject({ found: true, event: { outcome: "pending" } });
    await sandbox.ledger.settle({ paymentId: PAYMENT_ID, outcome: "succeeded", amount: money(15_000_000, "IDR") });
    const status = await sandbox.fetchStatus(reference);
    const signed = await signSandboxEvent(SECRET, { paymentId: PAYMENT_ID, outcome: "succeeded" });
    expect(status).toMatchObject({
      found: true,
      event: { eventId: JSON.parse(signed.rawBody).id, outcome: "succeeded", amount: money(15_000_000, "IDR") },
    });
    expect(await sandbox.cancelPayment(reference)).toEqual({ cancelled: false, reason: "already paid" });
  });

  it("a cancelled payment stays cancelled: paying it afterwards does not stand", async () => {
    const sandbox = new SandboxGateway({ webhookSecret: SECRET });
    expect(await sandbox.cancelPayment(reference)).toEqual({ cancelled: true });
    const standing = await sandbox.ledger.settle({
      paymentId: PAYMENT_ID,
      outcome: "succeeded",
      amount: reference.amount,
    });
    expect(standing.outcome).toBe("cancelled");
    expect(await sandbox.fetchStatus(reference)).toMatchObject({ event: { outcome: "expired" } });
  });
});
