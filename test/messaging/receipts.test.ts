import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../schemas/events";
import { ResendEmail } from "../../workers/messaging/email/resend";
import { deliverMessage, type MessagingDeps, messageWrites } from "../../workers/messaging/messages";
import type { Outbound, OutboundMessage } from "../../workers/messaging/provider";
import { TwilioSms } from "../../workers/messaging/sms/twilio";
import { consumeOnce } from "../../workers/platform/consume";
import { database } from "../../workers/platform/db";
import {
  deliveriesOf,
  deliverToQueue,
  NOTIFICATIONS_QUEUE,
  notificationsOf,
  optedIn,
  type Person,
  priceDropFor,
  recordingDeps,
  register,
} from "../notifications/helpers";
import { BASE, call, expectJson, expectProblem } from "../support/http";
import { json, recordingFetch } from "../support/recording-fetch";

// The development values of .dev.vars.example, which the tests run with.
const TWILIO_SID = env.TWILIO_ACCOUNT_SID;
const TWILIO_TOKEN = env.TWILIO_AUTH_TOKEN;
const RESEND_SECRET = env.RESEND_WEBHOOK_SECRET;
const TWILIO_PATH = "/api/v1/notifications/webhooks/twilio";
const RESEND_PATH = "/api/v1/notifications/webhooks/resend";

// --- Signing, done here independently of the code under test -------------------------------------

const encoder = new TextEncoder();
const b64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

async function hmacBase64(hash: "SHA-1" | "SHA-256", key: Uint8Array, data: string) {
  const k = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash }, false, ["sign"]);
  return b64(await crypto.subtle.sign("HMAC", k, encoder.encode(data)));
}

/** Twilio's documented scheme: the URL, then each parameter name+value sorted by name, HMAC-SHA1. */
async function twilioSign(url: string, params: Record<string, string>, token = TWILIO_TOKEN) {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join("");
  return hmacBase64("SHA-1", encoder.encode(token), data);
}

async function twilioCallback(
  params: Record<string, string>,
  options: { signature?: string; signedUrl?: string } = {},
): Promise<Response> {
  const form = { AccountSid: TWILIO_SID, ApiVersion: "2010-04-01", ...params };
  const signature = options.signature ?? (await twilioSign(options.signedUrl ?? `${BASE}${TWILIO_PATH}`, form));
  return call("POST", TWILIO_PATH, {
    raw: new URLSearchParams(form).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature },
  });
}

/** Svix (Standard Webhooks): v1,base64(HMAC-SHA256(base64-decoded whsec_ key, "id.timestamp.body")). */
async function svixSign(id: string, timestamp: number, body: string, secret = RESEND_SECRET) {
  const key = Uint8Array.from(atob(secret.replace(/^whsec_/, "")), (c) => c.charCodeAt(0));
  return `v1,${await hmacBase64("SHA-256", key, `${id}.${timestamp}.${body}`)}`;
}

async function resendEvent(
  type: string,
  emailId: string,
  options: { id?: string; timestamp?: number; signature?: string; extra?: Record<string, unknown> } = {},
): Promise<Response> {
  const id = options.id ?? `msg_${crypto.randomUUID()}`;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    type,
    created_at: new Date(timestamp * 1000).toISOString(),
    data: {
      email_id: emailId,
      from: "Tchat <no-reply@tchat.example>",
      to: ["buyer@example.com"],
      subject: "Price drop",
      created_at: new Date(timestamp * 1000).toISOString(),
      ...options.extra,
    },
  });
  return call("POST", RESEND_PATH, {
    raw: body,
    headers: {
      "Content-Type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(timestamp),
      "svix-signature": options.signature ?? (await svixSign(id, timestamp, body)),
    },
  });
}

// --- Sending through the real provider classes over a recorded fetch ------------------------------

function depsWith(outbound: Outbound): MessagingDeps {
  return { fetch: (input, init) => fetch(input, init), outbound: () => outbound, enqueue: async () => {} };
}

const twilioSid = () => `SM${crypto.randomUUID().replace(/-/g, "")}`;

/** Sends an SMS through TwilioSms (recorded fetch answering 201 with `sid`); returns the tracked message id. */
async function sendSmsThroughTwilio(sid: string) {
  const { fetchFn, calls } = recordingFetch(json(201, { sid, status: "queued" }));
  const twilio = new TwilioSms(
    {
      accountSid: TWILIO_SID,
      authToken: TWILIO_TOKEN,
      from: "+15005550006",
      statusCallbackUrl: `${env.API_BASE_URL}${TWILIO_PATH}`,
    },
    fetchFn,
  );
  const db = database(env);
  const { messageId, event, writes } = await messageWrites(env, db, {
    channel: "sms",
    to: "+66812345678",
    locale: "th",
    body: "Tchat: รหัสเข้าสู่ระบบคือ 123456",
    category: "security",
  });
  await db.batch([...writes]);
  await consumeOnce(deliverMessage, event, env, depsWith(twilio));
  return { messageId, requests: calls };
}

async function messageRow(id: string) {
  return env.DB.prepare("SELECT status, provider, provider_message_id, last_error FROM outbound_messages WHERE id = ?")
    .bind(id)
    .first<{ status: string; provider: string; provider_message_id: string; last_error: string | null }>();
}

async function receiptsFor(providerMessageId: string) {
  const { results } = await env.DB.prepare(
    "SELECT provider, receipt_key, outcome, provider_status, detail FROM provider_receipts WHERE provider_message_id = ? ORDER BY received_at",
  )
    .bind(providerMessageId)
    .all();
  return results;
}

/** An opted-in user's price-drop notification with its deliveries still pending. */
async function pendingEmail(person: Person) {
  const compose = recordingDeps();
  await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: await priceDropFor(person) }], compose.deps);
  const [notification] = await notificationsOf(person.userId, "promotion.price_drop");
  const deliveries = await deliveriesOf(notification.id);
  const deliverEvents = new Map(compose.enqueued.map((m) => [String(m.body.data.deliveryId), m.body]));
  return { notification, deliveries, deliverEvents };
}

/** Sends the email delivery through ResendEmail (recorded fetch answering with `emailId`). */
async function sendEmailThroughResend(deliver: EventEnvelope, emailId: string) {
  const { fetchFn } = recordingFetch(json(200, { id: emailId }));
  const resend = new ResendEmail({ apiKey: "re_test", from: "Tchat <no-reply@tchat.example>" }, fetchFn);
  const result = await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: deliver }], depsWith(resend));
  expect(result.explicitAcks).toHaveLength(1);
}

describe("Twilio status callbacks", () => {
  it("every SMS asks Twilio to report to our callback; a signed 'delivered' marks it delivered, once", async () => {
    const sid = twilioSid();
    const { messageId, requests } = await sendSmsThroughTwilio(sid);
    const form = new URLSearchParams(requests[0].body);
    expect(form.get("StatusCallback")).toBe(`${env.API_BASE_URL}${TWILIO_PATH}`);
    expect(await messageRow(messageId)).toMatchObject({ status: "sent", provider: "twilio", provider_message_id: sid });

    // "sent" (handed to the carrier) is progress: recorded, nothing settles.
    const sent = await twilioCallback({ MessageSid: sid, MessageStatus: "sent" });
    expect(await expectJson(sent, 200)).toEqual({ received: true, duplicate: false, applied: false });
    expect((await messageRow(messageId))?.status).toBe("sent");

    const delivered = await twilioCallback({ MessageSid: sid, MessageStatus: "delivered" });
    expect(await expectJson(delivered, 200)).toEqual({ received: true, duplicate: false, applied: true });
    expect((await messageRow(messageId))?.status).toBe("delivered");

    const again = await twilioCallback({ MessageSid: sid, MessageStatus: "delivered" });
    expect(await expectJson(again, 200)).toEqual({ received: true, duplicate: true, applied: false });
    expect(await receiptsFor(sid)).toEqual([
      { provider: "twilio", receipt_key: `${sid}:sent`, outcome: "progress", provider_status: "sent", detail: null },
      {
        provider: "twilio",
        receipt_key: `${sid}:delivered`,
        outcome: "delivered",
        provider_status: "delivered",
        detail: null,
      },
    ]);
  });

  it("'undelivered' marks it failed with Twilio's error code; a later status cannot revive it", async () => {
    const sid = twilioSid();
    const { messageId } = await sendSmsThroughTwilio(sid);
    await expectJson(await twilioCallback({ MessageSid: sid, MessageStatus: "undelivered", ErrorCode: "30003" }), 200);
    expect(await messageRow(messageId)).toMatchObject({
      status: "failed",
      last_error: "Twilio undelivered (error 30003)",
    });
    await expectJson(await twilioCallback({ MessageSid: sid, MessageStatus: "delivered" }), 200);
    expect((await messageRow(messageId))?.status).toBe("failed");
  });

  it("a callback that overtakes the send's commit is kept and applied when the send is recorded", async () => {
    const sid = twilioSid();
    const early = await twilioCallback({ MessageSid: sid, MessageStatus: "delivered" });
    expect(await expectJson(early, 200)).toEqual({ received: true, duplicate: false, applied: false });
    const { messageId } = await sendSmsThroughTwilio(sid);
    expect((await messageRow(messageId))?.status).toBe("delivered");
  });

  it("accepts a signature over our public callback URL (a proxy may rewrite the host)", async () => {
    const sid = twilioSid();
    const { messageId } = await sendSmsThroughTwilio(sid);
    const res = await twilioCallback(
      { MessageSid: sid, MessageStatus: "delivered" },
      { signedUrl: `${env.API_BASE_URL}${TWILIO_PATH}` },
    );
    await expectJson(res, 200);
    expect((await messageRow(messageId))?.status).toBe("delivered");
  });

  it("refuses forged, unsigned, foreign-account and malformed callbacks, changing nothing", async () => {
    const sid = twilioSid();
    const { messageId } = await sendSmsThroughTwilio(sid);
    const params = { MessageSid: sid, MessageStatus: "delivered" };

    const forged = await twilioCallback(params, {
      signature: await twilioSign(
        `${BASE}${TWILIO_PATH}`,
        { ...params, AccountSid: TWILIO_SID, ApiVersion: "2010-04-01" },
        "not-the-token",
      ),
    });
    expect((await expectProblem(forged, 401, "unauthorized")).detail).toMatch(/X-Twilio-Signature does not match/);
    const unsigned = await call("POST", TWILIO_PATH, {
      raw: new URLSearchParams({ AccountSid: TWILIO_SID, ...params }).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    await expectProblem(unsigned, 401, "unauthorized");
    const foreign = await twilioCallback({ ...params, AccountSid: "AC99999999999999999999999999999999" });
    expect((await expectProblem(foreign, 401, "unauthorized")).detail).toMatch(/another Twilio account/);
    // Signed over other parameters than those sent: a tampered status.
    const tampered = await twilioCallback(params, {
      signature: await twilioSign(`${BASE}${TWILIO_PATH}`, {
        AccountSid: TWILIO_SID,
        ApiVersion: "2010-04-01",
        MessageSid: sid,
        MessageStatus: "undelivered",
      }),
    });
    await expectProblem(tampered, 401, "unauthorized");
    const asJson = await call("POST", TWILIO_PATH, { body: params, headers: { "X-Twilio-Signature": "x" } });
    await expectProblem(asJson, 415, "unsupported_media_type");
    const noSid = await twilioCallback({ MessageStatus: "delivered" });
    expect((await expectProblem(noSid, 422, "validation_failed")).detail).toMatch(/MessageSid/);

    expect((await messageRow(messageId))?.status).toBe("sent");
    expect(await receiptsFor(sid)).toEqual([]);
  });
});

describe("Resend webhooks", () => {
  it("email.delivered marks the notification's email delivered; GET /notifications/:id shows when", async () => {
    const person = await optedIn();
    const { notification, deliveries, deliverEvents } = await pendingEmail(person);
    const email = deliveries.find((d) => d.channel === "email")!;
    const emailId = crypto.randomUUID();
    await sendEmailThroughResend(deliverEvents.get(email.id)!, emailId);
    expect((await deliveriesOf(notification.id)).find((d) => d.id === email.id)).toMatchObject({
      status: "sent",
      provider: "resend",
      provider_message_id: emailId,
    });

    const svixId = `msg_${crypto.randomUUID()}`;
    const res = await resendEvent("email.delivered", emailId, { id: svixId });
    expect(await expectJson(res, 200)).toEqual({ received: true, duplicate: false, applied: true });
    const replay = await resendEvent("email.delivered", emailId, { id: svixId });
    expect(await expectJson(replay, 200)).toEqual({ received: true, duplicate: true, applied: false });

    const detail = await expectJson<{ deliveries: { channel: string; status: string; deliveredAt: string | null }[] }>(
      await call("GET", `/api/v1/notifications/${notification.id}`, { token: person.token }),
      200,
    );
    const shown = detail.deliveries.find((d) => d.channel === "email")!;
    expect(shown.status).toBe("delivered");
    expect(Date.parse(shown.deliveredAt!)).toBeGreaterThan(Date.now() - 60_000);
    const row = await env.DB.prepare("SELECT status FROM outbound_messages WHERE id = ?")
      .bind(email.outbound_message_id)
      .first<{ status: string }>();
    expect(row?.status).toBe("delivered");
  });

  it("email.bounced marks it failed with the bounce's reason, the address kept out", async () => {
    const person = await optedIn();
    const { notification, deliveries, deliverEvents } = await pendingEmail(person);
    const email = deliveries.find((d) => d.channel === "email")!;
    const emailId = crypto.randomUUID();
    await sendEmailThroughResend(deliverEvents.get(email.id)!, emailId);
    // Opened/clicked/complaints are progress only.
    expect(await expectJson(await resendEvent("email.delivery_delayed", emailId), 200)).toMatchObject({
      applied: false,
    });
    const res = await resendEvent("email.bounced", emailId, {
      extra: { bounce: { type: "Permanent", subType: "General", message: "buyer@example.com does not exist" } },
    });
    expect(await expectJson(res, 200)).toMatchObject({ applied: true });
    const row = (await deliveriesOf(notification.id)).find((d) => d.id === email.id)!;
    expect(row.status).toBe("failed");
    expect(row.last_error).toBe("Resend email.bounced: Permanent: General: b***@example.com does not exist");
  });

  it("accepts any of several signatures (secret rotation); refuses bad, stale and unsigned events", async () => {
    const emailId = crypto.randomUUID();
    const id = `msg_${crypto.randomUUID()}`;
    const ts = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      type: "email.opened",
      created_at: new Date().toISOString(),
      data: { email_id: emailId },
    });
    const good = await svixSign(id, ts, body);
    const rotated = await call("POST", RESEND_PATH, {
      raw: body,
      headers: {
        "svix-id": id,
        "svix-timestamp": String(ts),
        "svix-signature": `v1,${btoa("an old secret's signature")} ${good}`,
      },
    });
    expect(await expectJson(rotated, 200)).toEqual({ received: true, duplicate: false, applied: false });

    const wrongKey = await resendEvent("email.delivered", emailId, {
      signature: await svixSign("x", ts, body, "whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA=="),
    });
    await expectProblem(wrongKey, 401, "unauthorized");
    const stale = Math.floor(Date.now() / 1000) - 600;
    const old = await resendEvent("email.delivered", emailId, { timestamp: stale });
    expect((await expectProblem(old, 401, "unauthorized")).detail).toMatch(/too old/);
    const unsigned = await call("POST", RESEND_PATH, { raw: body, headers: { "Content-Type": "application/json" } });
    expect((await expectProblem(unsigned, 401, "unauthorized")).detail).toMatch(/svix-id/);
    // Signed, but not an email event we can read.
    const noEmail = JSON.stringify({ type: "contact.created", data: {} });
    const signedJunk = await call("POST", RESEND_PATH, {
      raw: noEmail,
      headers: { "svix-id": "j1", "svix-timestamp": String(ts), "svix-signature": await svixSign("j1", ts, noEmail) },
    });
    await expectProblem(signedJunk, 422, "validation_failed");
    expect(await receiptsFor(emailId)).toHaveLength(1);
  });
});

describe("push and in-app receipts from the app", () => {
  it("PUT /notifications/:id/delivered marks this device's push and the in-app copy delivered", async () => {
    const person = await optedIn();
    const login = await expectJson<{ accessToken: string }>(
      await call("POST", "/api/v1/auth/login", { body: { email: person.email, password: "Sawasdee2026" } }),
      200,
    );
    const device = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/notifications/devices", {
        token: person.token,
        body: { token: `fcm-${crypto.randomUUID()}-${crypto.randomUUID()}`, platform: "android" },
      }),
      201,
    );
    const { notification, deliveries, deliverEvents } = await pendingEmail(person);
    const push = deliveries.find((d) => d.channel === "push")!;
    expect(push.target).toBe(device.id);
    // FCM answers with a message name and never calls back.
    const fcm: Outbound = {
      name: "fcm",
      async send(message: OutboundMessage) {
        expect(message.data?.notificationId).toBe(notification.id);
        return { provider: "fcm", providerMessageId: `projects/tchat/messages/${crypto.randomUUID()}` };
      },
    };
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: deliverEvents.get(push.id)! }], depsWith(fcm));
    const status = async (channel: string) =>
      (await deliveriesOf(notification.id)).find((d) => d.channel === channel)?.status;
    expect(await status("push")).toBe("sent");
    expect(await status("inApp")).toBe("sent");

    // Another session of the same person has no device: only the in-app copy is confirmed.
    const other = await call("PUT", `/api/v1/notifications/${notification.id}/delivered`, { token: login.accessToken });
    expect(other.status).toBe(204);
    expect(await status("inApp")).toBe("delivered");
    expect(await status("push")).toBe("sent");

    const mine = await call("PUT", `/api/v1/notifications/${notification.id}/delivered`, { token: person.token });
    expect(mine.status).toBe(204);
    expect(await status("push")).toBe("delivered");
    const again = await call("PUT", `/api/v1/notifications/${notification.id}/delivered`, { token: person.token });
    expect(again.status).toBe(204);

    const stranger = await register("en");
    await expectProblem(
      await call("PUT", `/api/v1/notifications/${notification.id}/delivered`, { token: stranger.token }),
      404,
      "not_found",
    );
    await expectProblem(await call("PUT", `/api/v1/notifications/${notification.id}/delivered`), 401, "unauthorized");
  });

  it("reading a notification confirms its in-app delivery", async () => {
    const person = await optedIn();
    const { notification } = await pendingEmail(person);
    expect((await deliveriesOf(notification.id)).find((d) => d.channel === "inApp")?.status).toBe("sent");
    const res = await call("PUT", `/api/v1/notifications/${notification.id}/read`, { token: person.token });
    expect(res.status).toBe(204);
    expect((await deliveriesOf(notification.id)).find((d) => d.channel === "inApp")?.status).toBe("delivered");
  });

  it("the dev outbox reports delivery at once, like a provider's callback", async () => {
    const person = await optedIn();
    const { notification, deliveries, deliverEvents } = await pendingEmail(person);
    const email = deliveries.find((d) => d.channel === "email")!;
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: deliverEvents.get(email.id)! }], recordingDeps().deps);
    const row = (await deliveriesOf(notification.id)).find((d) => d.id === email.id)!;
    expect(row).toMatchObject({ status: "delivered", provider: "dev_outbox" });
  });
});
