import { base64Encode, constantTimeEqual, hmac } from "../../platform/crypto";
import type { ProviderReceipt, ReceiptVerdict } from "../receipts";

/** Where Twilio is told to report each message's status (the `StatusCallback` of every send). */
export const TWILIO_STATUS_PATH = "/api/v1/notifications/webhooks/twilio";

/**
 * Twilio's message statuses (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values)
 * and what each means for us: the handset has it, it never will, or it is on its way.
 */
const OUTCOMES: Record<string, ProviderReceipt["outcome"]> = {
  delivered: "delivered",
  read: "delivered",
  undelivered: "failed",
  failed: "failed",
  canceled: "failed",
};

/**
 * A Twilio status callback, verified the way Twilio documents it: `X-Twilio-Signature` is the
 * base64 HMAC-SHA1, keyed with the account's auth token, of the full callback URL followed by
 * every POST parameter's name and value, sorted by name. `urls` are the URLs this request may
 * have been signed for (as received, and as we told Twilio), since a proxy can rewrite the host.
 */
export async function verifyTwilioStatus(
  config: { accountSid: string; authToken: string },
  request: { urls: string[]; signature: string | null; form: URLSearchParams },
  now: number,
): Promise<ReceiptVerdict> {
  if (!request.signature) return { ok: false, authentic: false, reason: "no X-Twilio-Signature header" };
  let authentic = false;
  for (const url of new Set(request.urls)) {
    const expected = await twilioSignature(config.authToken, url, request.form);
    if (await constantTimeEqual(expected, request.signature)) authentic = true;
  }
  if (!authentic) return { ok: false, authentic: false, reason: "X-Twilio-Signature does not match" };
  if (request.form.get("AccountSid") !== config.accountSid) {
    return { ok: false, authentic: false, reason: "the callback is for another Twilio account" };
  }
  const sid = request.form.get("MessageSid") ?? request.form.get("SmsSid");
  const status = request.form.get("MessageStatus") ?? request.form.get("SmsStatus");
  if (!sid || !status) return { ok: false, authentic: true, reason: "MessageSid and MessageStatus are required" };
  const outcome = OUTCOMES[status] ?? "progress";
  const errorCode = request.form.get("ErrorCode");
  return {
    ok: true,
    receipt: {
      provider: "twilio",
      receiptKey: `${sid}:${status}`,
      providerMessageId: sid,
      outcome,
      providerStatus: status,
      detail: outcome === "failed" ? `Twilio ${status}${errorCode ? ` (error ${errorCode})` : ""}` : null,
      occurredAt: now,
    },
  };
}

/** base64(HMAC-SHA1(authToken, url + name1 + value1 + name2 + value2 ...)), parameters sorted by name. */
export async function twilioSignature(authToken: string, url: string, form: URLSearchParams): Promise<string> {
  const pairs = [...form.entries()].sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  const data = url + pairs.map(([name, value]) => name + value).join("");
  return base64Encode(await hmac("SHA-1", authToken, data));
}

/** Twilio sorts by code unit, as its own libraries do, not by locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
