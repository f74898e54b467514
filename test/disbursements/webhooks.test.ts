import { env } from "cloudflare:test";
import { Buffer } from "node:buffer";
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { disbursements } from "../../d1/schema/disbursements";
import { outboxEvents } from "../../d1/schema/platform";
import { checkStaleDisbursements } from "../../workers/disbursements";
import { signSandboxDisbursement } from "../../workers/disbursements/providers/sandbox";
import { database } from "../../workers/platform/db";
import { encryptPii } from "../../workers/platform/pii";
import { call } from "../support/http";
import { json, recordingFetch } from "../support/recording-fetch";

// The webhook route and the status check against disbursements recorded in D1: verified first
// (401 and nothing changes otherwise), applied once with its disbursement.settled event, and a
// repeat or a late event changes nothing.

const db = database(env);

async function seed(
  provider: "xendit" | "omise" | "sandbox",
  status: "pending" | "requested" = "requested",
  extra = {},
) {
  const id = `wdr_${crypto.randomUUID().replace(/-/g, "").slice(0, 26)}`;
  const now = Date.now();
  const idr = provider === "xendit";
  await db.insert(disbursements).values({
    id,
    purpose: "withdrawal",
    ownerId: `usr_${crypto.randomUUID().slice(0, 8)}`,
    provider,
    country: idr ? "ID" : "TH",
    currency: idr ? "IDR" : "THB",
    amount: idr ? 15_000_000 : 250_000,
    bankCode: idr ? "BCA" : "KBANK",
    accountNumberEnc: await encryptPii(env, "1234567890"),
    accountNameEnc: await encryptPii(env, "Budi Santoso"),
    accountLast4: "7890",
    status,
    providerRef: status === "requested" ? `ref-${id}` : null,
    nextCheckAt: status === "requested" ? now + 60_000 : null,
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
  return id;
}

const rowOf = (id: string) => db.select().from(disbursements).where(eq(disbursements.id, id)).get();
async function eventsOf(id: string) {
  const rows = await db.select().from(outboxEvents).where(eq(outboxEvents.type, "disbursement.settled")).all();
  return rows.filter((r) => JSON.parse(r.envelope).data.disbursementId === id);
}

const post = (provider: string, headers: HeadersInit, rawBody: string) =>
  call("POST", `/api/v1/disbursements/webhook/${provider}`, {
    raw: rawBody,
    headers: { "Content-Type": "application/json", ...Object.fromEntries(new Headers(headers)) },
  });

const xenditBody = (id: string, status: string) =>
  JSON.stringify({
    event: status === "SUCCEEDED" ? "payout.succeeded" : "payout.failed",
    business_id: "5f27a14a9bf05c73dd040bc8",
    created: new Date().toISOString(),
    data: {
      id: `ref-${id}`,
      reference_id: id,
      status,
      amount: 150000,
      currency: "IDR",
      channel_code: "ID_BCA",
      failure_code: status === "FAILED" ? "INVALID_DESTINATION" : null,
    },
  });

describe("POST /api/v1/disbursements/webhook/:provider", () => {
  it("xendit: a verified outcome is applied once with one event; a repeat and a late one change nothing", async () => {
    const id = await seed("xendit");
    const token = { "x-callback-token": env.XENDIT_CALLBACK_TOKEN };
    const first = await post("xendit", token, xenditBody(id, "SUCCEEDED"));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, applied: true, duplicate: false });
    expect(await rowOf(id)).toMatchObject({ status: "succeeded", nextCheckAt: null });
    const again = await post("xendit", token, xenditBody(id, "SUCCEEDED"));
    expect(await again.json()).toEqual({ received: true, applied: false, duplicate: true });
    const late = await post("xendit", token, xenditBody(id, "FAILED"));
    expect(await late.json()).toMatchObject({ applied: false });
    expect(await rowOf(id)).toMatchObject({ status: "succeeded", failureCode: null });
    const events = await eventsOf(id);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].envelope).data).toMatchObject({
      disbursementId: id,
      outcome: "succeeded",
      purpose: "withdrawal",
      amount: 15_000_000,
      currency: "IDR",
    });
  });

  it("a forged or missing token is 401 and nothing changes", async () => {
    const id = await seed("xendit");
    const before = await rowOf(id);
    expect((await post("xendit", { "x-callback-token": "forged" }, xenditBody(id, "SUCCEEDED"))).status).toBe(401);
    expect((await post("xendit", {}, xenditBody(id, "SUCCEEDED"))).status).toBe(401);
    const forgedSandbox = await signSandboxDisbursement("not-the-secret", { disbursementId: id, status: "succeeded" });
    expect((await post("sandbox", forgedSandbox.headers, forgedSandbox.rawBody)).status).toBe(401);
    expect(await rowOf(id)).toEqual(before);
    expect(await eventsOf(id)).toHaveLength(0);
  });

  it("omise: a signed transfer.fail fails it with Omise's code", async () => {
    const id = await seed("omise");
    const rawBody = JSON.stringify({
      object: "event",
      id: `evnt_test_${id.slice(4, 20)}`,
      key: "transfer.fail",
      data: {
        object: "transfer",
        id: "trsf_test_5xbl4h2fk0s1ck6pw1b",
        amount: 250000,
        currency: "thb",
        sent: true,
        paid: false,
        failure_code: "insufficient_fund",
        metadata: { disbursement_id: id },
      },
    });
    const t = String(Math.floor(Date.now() / 1000));
    const sig = createHmac("sha256", Buffer.from(env.OMISE_WEBHOOK_SECRET, "base64"))
      .update(`${t}.${rawBody}`)
      .digest("hex");
    const res = await post("omise", { "Omise-Signature": sig, "Omise-Signature-Timestamp": t }, rawBody);
    expect(await res.json()).toMatchObject({ applied: true });
    expect(await rowOf(id)).toMatchObject({
      status: "failed",
      failureCode: "insufficient_fund",
      providerRef: "trsf_test_5xbl4h2fk0s1ck6pw1b",
    });
    expect(
      (await post("omise", { "Omise-Signature": "0".repeat(64), "Omise-Signature-Timestamp": t }, rawBody)).status,
    ).toBe(401);
  });

  it("an event for another provider's disbursement, or an unknown one, is received and not applied", async () => {
    const id = await seed("omise");
    const res = await post("xendit", { "x-callback-token": env.XENDIT_CALLBACK_TOKEN }, xenditBody(id, "SUCCEEDED"));
    expect(await res.json()).toMatchObject({ applied: false });
    expect(await rowOf(id)).toMatchObject({ status: "requested" });
    const unknown = await post(
      "xendit",
      { "x-callback-token": env.XENDIT_CALLBACK_TOKEN },
      xenditBody("wdr_unknown", "SUCCEEDED"),
    );
    expect(unknown.status).toBe(200);
  });
});

describe("the status check (webhooks that never came)", () => {
  const payout = (id: string, status: string) => ({
    id: `ref-${id}`,
    reference_id: id,
    status,
    amount: 150000,
    currency: "IDR",
  });

  it("asks the provider about a requested one past its check time and applies a final answer once", async () => {
    const id = await seed("xendit", "requested", { nextCheckAt: Date.now() - 1 });
    const other = await seed("xendit", "requested", { nextCheckAt: Date.now() - 1, updatedAt: Date.now() + 1 });
    const { fetchFn, calls } = recordingFetch(json(200, payout(id, "SUCCEEDED")), json(200, payout(other, "ACCEPTED")));
    await checkStaleDisbursements(env, fetchFn);
    const asked = calls.map((c) => c.url);
    expect(asked).toContain(`https://api.xendit.co/v2/payouts/ref-${id}`);
    expect(await rowOf(id)).toMatchObject({ status: "succeeded" });
    expect(await eventsOf(id)).toHaveLength(1);
    // Still on its way: asked again later, backing off.
    const still = await rowOf(other);
    expect(still).toMatchObject({ status: "requested", checks: 1 });
    expect(still?.nextCheckAt).toBeGreaterThan(Date.now() + 60_000);
  });

  it("sends a pending one whose answer was lost again, under the same idempotency key", async () => {
    const id = await seed("xendit", "pending", { createdAt: Date.now() - 3_600_000 });
    const { fetchFn, calls } = recordingFetch(json(200, payout(id, "ACCEPTED")));
    await checkStaleDisbursements(env, fetchFn);
    const sent = calls.find((c) => c.url === "https://api.xendit.co/v2/payouts");
    expect(sent?.headers.get("Idempotency-Key")).toBe(id);
    expect(JSON.parse(sent?.body ?? "{}")).toMatchObject({
      reference_id: id,
      channel_code: "ID_BCA",
      channel_properties: { account_number: "1234567890" },
    });
    expect(await rowOf(id)).toMatchObject({ status: "requested", providerRef: `ref-${id}` });
  });
});

describe("a provider that refuses a disbursement for good", () => {
  it("fails it at once with the provider's code and announces it (the owner gets the money back)", async () => {
    const id = await seed("xendit", "pending", { createdAt: Date.now() - 3_600_000 });
    const { fetchFn } = recordingFetch(
      json(400, { error_code: "RECIPIENT_ACCOUNT_NUMBER_ERROR", message: "Account number is invalid" }),
    );
    await checkStaleDisbursements(env, fetchFn);
    expect(await rowOf(id)).toMatchObject({ status: "failed", failureCode: "RECIPIENT_ACCOUNT_NUMBER_ERROR" });
    const [event] = await eventsOf(id);
    expect(JSON.parse(event.envelope).data).toMatchObject({
      outcome: "failed",
      failureCode: "RECIPIENT_ACCOUNT_NUMBER_ERROR",
    });
  });

  it("one it could not reach stays pending, to be sent again later", async () => {
    const id = await seed("xendit", "pending", { createdAt: Date.now() - 3_600_000 });
    const { fetchFn } = recordingFetch(json(503, { error_code: "SERVER_ERROR", message: "unavailable" }));
    await checkStaleDisbursements(env, fetchFn);
    expect(await rowOf(id)).toMatchObject({ status: "pending" });
    expect(await eventsOf(id)).toHaveLength(0);
  });
});
