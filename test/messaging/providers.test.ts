import { env } from "cloudflare:test";
import { decodeProtectedHeader, importSPKI, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { ResendEmail, resendFromEnv } from "../../workers/messaging/email/resend";
import { NoProviderError, outboundFor } from "../../workers/messaging/outbound";
import type { OutboundMessage } from "../../workers/messaging/provider";
import { FcmPush, fcmFromEnv, isUnregisteredToken } from "../../workers/messaging/push/fcm";
import { parseServiceAccount } from "../../workers/messaging/push/google-auth";
import { renderNotification } from "../../workers/notifications/templates/render";
import { ProviderError } from "../../workers/platform/provider-http";
import { json, recordingFetch, rejection } from "../support/recording-fetch";

const failure = (promise: Promise<unknown>) => rejection(promise, ProviderError);

// ---------------------------------------------------------------- Resend

const RESEND_KEY = "re_123456789_test_key";
const FROM = "Tchat <no-reply@tchat.example>";
const paidEmail = renderNotification(
  "order.paid",
  "email",
  "th",
  {
    number: "TH-260305-0001",
    shop: "Bangkok Gadget Hub",
    total: { amount: 129_900, currency: "THB" },
    items: 1,
    link: "https://app.tchat.example/orders/ord_1",
  },
  "Asia/Bangkok",
);
const email = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  channel: "email",
  to: "somying@example.com",
  locale: "th",
  subject: paidEmail.title,
  body: paidEmail.body,
  idempotencyKey: "msg_01JD3Q8M2X4N6P8R0T2V4X6Z8B",
  ...overrides,
});

describe("ResendEmail", () => {
  it("POSTs the documented JSON to /emails with the API key and an idempotency key", async () => {
    // Resend answers 200 { id } (https://resend.com/docs/api-reference/emails/send-email).
    const { fetchFn, calls } = recordingFetch(json(200, { id: "49a3999c-0ce1-4ea6-ab68-afcd6dc2e794" }));
    const resend = new ResendEmail({ apiKey: RESEND_KEY, from: FROM }, fetchFn);
    const receipt = await resend.send(email());
    expect(receipt).toEqual({ provider: "resend", providerMessageId: "49a3999c-0ce1-4ea6-ab68-afcd6dc2e794" });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.method).toBe("POST");
    expect(call.url).toBe("https://api.resend.com/emails");
    expect(call.headers.get("Authorization")).toBe(`Bearer ${RESEND_KEY}`);
    expect(call.headers.get("Content-Type")).toBe("application/json");
    expect(call.headers.get("Idempotency-Key")).toBe("msg_01JD3Q8M2X4N6P8R0T2V4X6Z8B");
    expect(JSON.parse(call.body)).toEqual({
      from: FROM,
      to: ["somying@example.com"],
      subject: "ได้รับชำระเงินแล้ว: คำสั่งซื้อ TH-260305-0001",
      text: paidEmail.body,
    });
    expect(paidEmail.body).toContain("฿1,299.00");
  });

  it("classifies Resend's errors: rate limits, 5xx, network and in-flight idempotency retry; the rest do not", async () => {
    const cases: [Response | Error, boolean, string | undefined][] = [
      [
        json(
          429,
          { statusCode: 429, message: "Too many requests", name: "rate_limit_exceeded" },
          { "Retry-After": "2" },
        ),
        true,
        "rate_limit_exceeded",
      ],
      [
        json(500, { statusCode: 500, message: "Internal server error", name: "internal_server_error" }),
        true,
        "internal_server_error",
      ],
      [
        json(409, {
          statusCode: 409,
          message: "Same idempotency key in flight",
          name: "concurrent_idempotent_requests",
        }),
        true,
        "concurrent_idempotent_requests",
      ],
      [
        json(409, { statusCode: 409, message: "Key reused with another body", name: "invalid_idempotent_request" }),
        false,
        "invalid_idempotent_request",
      ],
      [
        json(422, { statusCode: 422, message: "Invalid `to` field: nobody@example", name: "validation_error" }),
        false,
        "validation_error",
      ],
      [
        json(403, { statusCode: 403, message: "API key is invalid", name: "invalid_api_key" }),
        false,
        "invalid_api_key",
      ],
      [new TypeError("network connection lost"), true, undefined],
    ];
    for (const [response, retryable, code] of cases) {
      const { fetchFn } = recordingFetch(response);
      const error = await failure(new ResendEmail({ apiKey: RESEND_KEY, from: FROM }, fetchFn).send(email()));
      expect(error.retryable, error.message).toBe(retryable);
      expect(error.providerCode).toBe(code);
    }
    const { fetchFn } = recordingFetch(
      json(422, { statusCode: 422, message: "Invalid `to` field: somying@example.com", name: "validation_error" }),
    );
    const redacted = await failure(new ResendEmail({ apiKey: RESEND_KEY, from: FROM }, fetchFn).send(email()));
    expect(redacted.message).not.toContain("somying@example.com");
    // Refused before any request.
    const none = recordingFetch();
    const resend = new ResendEmail({ apiKey: RESEND_KEY, from: FROM }, none.fetchFn);
    expect((await failure(resend.send(email({ to: "not an address" })))).retryable).toBe(false);
    expect((await failure(resend.send(email({ channel: "sms" })))).retryable).toBe(false);
    expect(none.calls).toEqual([]);
  });

  it("is configured from RESEND_API_KEY and EMAIL_PROVIDER; locally the dev outbox wins", () => {
    expect(resendFromEnv({}, fetch, { from: FROM })).toBeUndefined();
    expect(resendFromEnv({ RESEND_API_KEY: "re_x" }, fetch, { from: FROM })).toBeInstanceOf(ResendEmail);
    expect(outboundFor(env, "email", fetch).name).toBe("dev_outbox");
    const production = {
      ...env,
      DEV_OUTBOX: "false",
      EMAIL_PROVIDER: "resend",
      RESEND_API_KEY: "re_live",
      PUSH_PROVIDER: "",
    };
    expect(outboundFor(production, "email", fetch)).toBeInstanceOf(ResendEmail);
    const error = (() => {
      try {
        outboundFor(production, "push", fetch);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(NoProviderError);
    expect((error as NoProviderError).retryable).toBe(false);
  });
});

// ---------------------------------------------------------------- FCM HTTP v1

function pem(label: string, der: ArrayBuffer): string {
  const b64 = btoa(String.fromCharCode(...new Uint8Array(der)));
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)?.join("\n")}\n-----END ${label}-----\n`;
}

async function serviceAccount() {
  const pair = (await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  const privatePem = pem("PRIVATE KEY", (await crypto.subtle.exportKey("pkcs8", pair.privateKey)) as ArrayBuffer);
  const publicPem = pem("PUBLIC KEY", (await crypto.subtle.exportKey("spki", pair.publicKey)) as ArrayBuffer);
  const account = {
    type: "service_account",
    project_id: "tchat-test",
    private_key_id: "3f1d2a0c9b8e7d6c5b4a39281706f5e4d3c2b1a0",
    private_key: privatePem,
    client_email: `fcm-${crypto.randomUUID().slice(0, 8)}@tchat-test.iam.gserviceaccount.com`,
    client_id: "104857600000000000001",
    token_uri: "https://oauth2.googleapis.com/token",
  };
  return { account, publicPem };
}

/** Google's token endpoint answer for the JWT-bearer grant. */
const tokenResponse = (accessToken: string) =>
  json(200, { access_token: accessToken, expires_in: 3599, token_type: "Bearer" });
/** FCM's answer to messages:send: the Message with its name. */
const sent = (id: string) => json(200, { name: `projects/tchat-test/messages/${id}` });
const fcmError = (code: number, status: string, errorCode: string, message: string) =>
  json(code, {
    error: {
      code,
      message,
      status,
      details: [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode }],
    },
  });

const push = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  channel: "push",
  to: "eN3-token:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx",
  locale: "en",
  subject: "New paid order TH-260305-0001",
  body: "฿1,299.00, 1 item",
  data: { type: "seller.order_paid", notificationId: "ntf_1", orderId: "ord_1" },
  ...overrides,
});

describe("FcmPush (FCM HTTP v1 with a service account)", () => {
  it("exchanges a signed JWT for an access token, then POSTs the message; the token is reused", async () => {
    const { account, publicPem } = await serviceAccount();
    const { fetchFn, calls } = recordingFetch(
      tokenResponse("ya29.c.first-token"),
      sent("0:1500415314455276%31bd1c9631bd1c96"),
      sent("0:1500415314455277%31bd1c9631bd1c96"),
    );
    const fcm = new FcmPush({ serviceAccount: parseServiceAccount(JSON.stringify(account)) }, fetchFn);
    const receipt = await fcm.send(push({ urgent: true }));
    expect(receipt).toEqual({
      provider: "fcm",
      providerMessageId: "projects/tchat-test/messages/0:1500415314455276%31bd1c9631bd1c96",
    });

    // 1. The OAuth 2.0 token request (RFC 7523 JWT bearer grant).
    const [token, send] = calls;
    expect(token.method).toBe("POST");
    expect(token.url).toBe("https://oauth2.googleapis.com/token");
    expect(token.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(token.body);
    expect([...form.keys()].sort()).toEqual(["assertion", "grant_type"]);
    expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    const assertion = form.get("assertion")!;
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: "RS256", typ: "JWT", kid: account.private_key_id });
    const { payload } = await jwtVerify(assertion, await importSPKI(publicPem, "RS256"), {
      issuer: account.client_email,
      audience: "https://oauth2.googleapis.com/token",
    });
    expect(payload.scope).toBe("https://www.googleapis.com/auth/firebase.messaging");
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(Math.abs((payload.iat ?? 0) - Date.now() / 1000)).toBeLessThan(60);

    // 2. The send.
    expect(send.method).toBe("POST");
    expect(send.url).toBe("https://fcm.googleapis.com/v1/projects/tchat-test/messages:send");
    expect(send.headers.get("Authorization")).toBe("Bearer ya29.c.first-token");
    expect(send.headers.get("Content-Type")).toBe("application/json; charset=UTF-8");
    expect(JSON.parse(send.body)).toEqual({
      message: {
        token: "eN3-token:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx",
        notification: { title: "New paid order TH-260305-0001", body: "฿1,299.00, 1 item" },
        data: { type: "seller.order_paid", notificationId: "ntf_1", orderId: "ord_1" },
        android: { priority: "HIGH" },
        apns: { headers: { "apns-priority": "10" } },
      },
    });

    // A second push reuses the cached access token; collapse keys group a dialog's pushes.
    await fcm.send(push({ collapseKey: "dlg_42", data: undefined }));
    expect(calls).toHaveLength(3);
    expect(calls[2].headers.get("Authorization")).toBe("Bearer ya29.c.first-token");
    expect(JSON.parse(calls[2].body)).toEqual({
      message: {
        token: "eN3-token:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx",
        notification: { title: "New paid order TH-260305-0001", body: "฿1,299.00, 1 item" },
        android: { priority: "NORMAL", collapse_key: "dlg_42", notification: { tag: "dlg_42" } },
        apns: {
          headers: { "apns-priority": "5", "apns-collapse-id": "dlg_42" },
          payload: { aps: { "thread-id": "dlg_42" } },
        },
      },
    });
  });

  it("renews the access token once when FCM answers 401", async () => {
    const { account } = await serviceAccount();
    const { fetchFn, calls } = recordingFetch(
      tokenResponse("ya29.old"),
      json(401, {
        error: { code: 401, message: "Request had invalid authentication credentials.", status: "UNAUTHENTICATED" },
      }),
      tokenResponse("ya29.new"),
      sent("0:2"),
    );
    const fcm = new FcmPush({ serviceAccount: parseServiceAccount(JSON.stringify(account)) }, fetchFn);
    await fcm.send(push());
    expect(calls.map((c) => c.url)).toEqual([
      "https://oauth2.googleapis.com/token",
      "https://fcm.googleapis.com/v1/projects/tchat-test/messages:send",
      "https://oauth2.googleapis.com/token",
      "https://fcm.googleapis.com/v1/projects/tchat-test/messages:send",
    ]);
    expect(calls[3].headers.get("Authorization")).toBe("Bearer ya29.new");
  });

  it("classifies FCM's documented errors; UNREGISTERED means the device is gone", async () => {
    const cases: [Response, boolean, string][] = [
      [fcmError(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found."), false, "UNREGISTERED"],
      [
        fcmError(
          400,
          "INVALID_ARGUMENT",
          "INVALID_ARGUMENT",
          "The registration token is not a valid FCM registration token",
        ),
        false,
        "INVALID_ARGUMENT",
      ],
      [fcmError(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", "SenderId mismatch"), false, "SENDER_ID_MISMATCH"],
      [fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", "Quota exceeded."), true, "QUOTA_EXCEEDED"],
      [fcmError(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable."), true, "UNAVAILABLE"],
      [fcmError(500, "INTERNAL", "INTERNAL", "Internal error encountered."), true, "INTERNAL"],
    ];
    for (const [response, retryable, code] of cases) {
      const { account } = await serviceAccount();
      const { fetchFn } = recordingFetch(tokenResponse("ya29.t"), response);
      const error = await failure(new FcmPush({ serviceAccount: account }, fetchFn).send(push()));
      expect(error.retryable, error.message).toBe(retryable);
      expect(error.providerCode).toBe(code);
      expect(isUnregisteredToken(error)).toBe(code === "UNREGISTERED");
    }
    // A key Google refuses is not retried; the token endpoint being down is.
    const { account } = await serviceAccount();
    const refused = recordingFetch(json(400, { error: "invalid_grant", error_description: "Invalid JWT Signature." }));
    const grant = await failure(new FcmPush({ serviceAccount: account }, refused.fetchFn).send(push()));
    expect(grant).toMatchObject({ retryable: false, providerCode: "invalid_grant" });
    const down = recordingFetch(new TypeError("connection reset"));
    expect(
      (await failure(new FcmPush({ serviceAccount: (await serviceAccount()).account }, down.fetchFn).send(push())))
        .retryable,
    ).toBe(true);
  });

  it("is configured from FCM_SERVICE_ACCOUNT, which must be a service account key", async () => {
    expect(fcmFromEnv({}, fetch)).toBeUndefined();
    const { account } = await serviceAccount();
    expect(fcmFromEnv({ FCM_SERVICE_ACCOUNT: JSON.stringify(account) }, fetch)).toBeInstanceOf(FcmPush);
    expect(() => fcmFromEnv({ FCM_SERVICE_ACCOUNT: "{not json" }, fetch)).toThrow(/not JSON/);
    expect(() => fcmFromEnv({ FCM_SERVICE_ACCOUNT: JSON.stringify({ project_id: "x" }) }, fetch)).toThrow(
      /client_email, private_key/,
    );
  });
});
