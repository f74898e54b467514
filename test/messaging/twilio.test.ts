import { describe, expect, it } from "vitest";
import { renderAccountMessage } from "../../workers/i18n/catalog";
import type { OutboundMessage } from "../../workers/messaging/provider";
import { TwilioSms, twilioFromEnv } from "../../workers/messaging/sms/twilio";
import { ProviderError } from "../../workers/platform/provider-http";
import { json, recordingFetch, rejection } from "../support/recording-fetch";

const ACCOUNT_SID = "AC1234567890abcdef1234567890abcdef";
const AUTH_TOKEN = "test_auth_token_0123456789abcdef";
// base64("AC1234567890abcdef1234567890abcdef:test_auth_token_0123456789abcdef"), computed outside the code under test.
const BASIC = "Basic QUMxMjM0NTY3ODkwYWJjZGVmMTIzNDU2Nzg5MGFiY2RlZjp0ZXN0X2F1dGhfdG9rZW5fMDEyMzQ1Njc4OWFiY2RlZg==";
const MESSAGE_SID = "SM0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const TO = "+66812345678";
const FROM = "+15017122661";

/** A 201 Created as Twilio documents it for POST .../Messages.json (a Message resource, status "queued"). */
function twilioCreated(to: string, body: string) {
  return json(201, {
    account_sid: ACCOUNT_SID,
    api_version: "2010-04-01",
    body,
    date_created: "Thu, 05 Mar 2026 07:30:00 +0000",
    date_sent: null,
    date_updated: "Thu, 05 Mar 2026 07:30:00 +0000",
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    from: FROM,
    messaging_service_sid: null,
    num_media: "0",
    num_segments: "1",
    price: null,
    price_unit: "USD",
    sid: MESSAGE_SID,
    status: "queued",
    subresource_uris: {
      media: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}/Media.json`,
    },
    to,
    uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}.json`,
  });
}

function twilioError(status: number, code: number, message: string, headers: Record<string, string> = {}) {
  return json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);
}

const thaiOtp = renderAccountMessage("otp_code", "sms", "th", { code: "483920", minutes: 5, appName: "Tchat" }).body;
const sms = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  channel: "sms",
  to: TO,
  locale: "th",
  body: thaiOtp,
  ...overrides,
});

const sendFailure = (twilio: TwilioSms, message = sms()) => rejection(twilio.send(message), ProviderError);

describe("TwilioSms", () => {
  it("POSTs the documented form to the account's Messages resource with Basic auth", async () => {
    const { fetchFn, calls } = recordingFetch(twilioCreated(TO, thaiOtp));
    const twilio = new TwilioSms({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }, fetchFn);

    const receipt = await twilio.send(sms());

    expect(receipt).toEqual({ provider: "twilio", providerMessageId: MESSAGE_SID });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.method).toBe("POST");
    expect(call.url).toBe(`https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(call.headers.get("Authorization")).toBe(BASIC);
    expect(call.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");

    const form = new URLSearchParams(call.body);
    expect([...form.keys()].sort()).toEqual(["Body", "From", "To"]);
    expect(form.get("To")).toBe(TO);
    expect(form.get("From")).toBe(FROM);
    expect(form.get("Body")).toBe(thaiOtp);
    expect(form.get("Body")).toMatch(/^Tchat: รหัสเข้าสู่ระบบคือ 483920 /);
    // Thai travels as percent-encoded UTF-8 ("ร" is U+0E23 = E0 B8 A3), "+" is an encoded plus.
    expect(call.body).toContain("%E0%B8%A3");
    expect(call.body).toContain("To=%2B66812345678");
  });

  it("sends through a Messaging Service instead of From when one is configured", async () => {
    const { fetchFn, calls } = recordingFetch(twilioCreated(TO, "hi"));
    const twilio = new TwilioSms(
      {
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        from: FROM,
        messagingServiceSid: "MG9752274e9e519418a7406176694466fa",
        apiBase: "https://twilio.mock.test/",
      },
      fetchFn,
    );
    await twilio.send(sms({ body: "hi" }));
    expect(calls[0].url).toBe(`https://twilio.mock.test/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    const form = new URLSearchParams(calls[0].body);
    expect(form.get("MessagingServiceSid")).toBe("MG9752274e9e519418a7406176694466fa");
    expect(form.has("From")).toBe(false);
  });

  it("turns a 400 with Twilio code 21211 into a non-retryable error carrying Twilio's message", async () => {
    const { fetchFn } = recordingFetch(
      twilioError(400, 21211, "The 'To' number +66012345678 is not a valid phone number."),
    );
    const twilio = new TwilioSms({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }, fetchFn);
    const error = await sendFailure(twilio, sms({ to: "+66012345678" }));
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(400);
    expect(error.providerCode).toBe(21211);
    expect(error.provider).toBe("twilio");
    expect(error.message).toContain("is not a valid phone number.");
    expect(error.message).toContain("21211");
    // The recipient's number is personal data; only its last digits stay in the stored error.
    expect(error.message).not.toContain("66012345678");
    expect(error.message).toContain("78 is not");
  });

  it("treats bad credentials as non-retryable", async () => {
    const { fetchFn } = recordingFetch(twilioError(401, 20003, "Authentication Error - invalid username"));
    const error = await sendFailure(
      new TwilioSms({ accountSid: ACCOUNT_SID, authToken: "wrong", from: FROM }, fetchFn),
    );
    expect(error).toMatchObject({ retryable: false, status: 401, providerCode: 20003 });
  });

  it("treats 429 as retryable and keeps Retry-After", async () => {
    const { fetchFn } = recordingFetch(twilioError(429, 20429, "Too Many Requests", { "Retry-After": "7" }));
    const error = await sendFailure(
      new TwilioSms({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }, fetchFn),
    );
    expect(error).toMatchObject({ retryable: true, status: 429, providerCode: 20429, retryAfterSeconds: 7 });
    expect(error.message).toContain("Too Many Requests");
  });

  it("treats 503 (even without a JSON body) as retryable", async () => {
    const { fetchFn } = recordingFetch(
      new Response("<html><body>Service Unavailable</body></html>", {
        status: 503,
        statusText: "Service Unavailable",
        headers: { "Content-Type": "text/html" },
      }),
    );
    const error = await sendFailure(
      new TwilioSms({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }, fetchFn),
    );
    expect(error).toMatchObject({ retryable: true, status: 503, providerCode: undefined });
  });

  it("treats a network failure as retryable", async () => {
    const { fetchFn } = recordingFetch(new TypeError("Network connection lost."));
    const error = await sendFailure(
      new TwilioSms({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }, fetchFn),
    );
    expect(error.retryable).toBe(true);
    expect(error.status).toBeUndefined();
    expect(error.message).toContain("Network connection lost.");
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("does not retry a 2xx it cannot read, since Twilio may already have sent the message", async () => {
    const { fetchFn } = recordingFetch(new Response("", { status: 201 }));
    const error = await sendFailure(
      new TwilioSms({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }, fetchFn),
    );
    expect(error).toMatchObject({ retryable: false, status: 201 });
  });

  it("rejects other channels and non-E.164 numbers without calling Twilio", async () => {
    const { fetchFn, calls } = recordingFetch();
    const twilio = new TwilioSms({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }, fetchFn);
    for (const message of [
      sms({ channel: "email", to: "somchai@example.com" }),
      sms({ channel: "push", to: "device-token" }),
      sms({ to: "0812345678" }),
    ]) {
      const error = await sendFailure(twilio, message);
      expect(error.retryable).toBe(false);
    }
    expect(calls).toHaveLength(0);
  });
});

describe("twilioFromEnv", () => {
  const { fetchFn } = recordingFetch();

  it("is undefined when Twilio is not configured (empty development values included)", () => {
    expect(twilioFromEnv({}, fetchFn)).toBeUndefined();
    expect(
      twilioFromEnv(
        { TWILIO_ACCOUNT_SID: "", TWILIO_AUTH_TOKEN: "", TWILIO_FROM: "", TWILIO_MESSAGING_SERVICE_SID: "" },
        fetchFn,
      ),
    ).toBeUndefined();
  });

  it("builds a sender from the environment", () => {
    const twilio = twilioFromEnv(
      { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM: FROM },
      fetchFn,
    );
    expect(twilio).toBeInstanceOf(TwilioSms);
    expect(twilio?.name).toBe("twilio");
  });

  it("refuses a half-done configuration, naming what is missing", () => {
    expect(() => twilioFromEnv({ TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_FROM: FROM }, fetchFn)).toThrow(
      /TWILIO_AUTH_TOKEN/,
    );
    expect(() => twilioFromEnv({ TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN }, fetchFn)).toThrow(
      /TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID/,
    );
  });
});
