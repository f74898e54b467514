import { Webhook, WebhookVerificationError } from "standardwebhooks";
import type { ProviderReceipt, ReceiptVerdict } from "../receipts";
import { redactEmails } from "./resend";

/**
 * Resend's email events (https://resend.com/docs/dashboard/webhooks/event-types) and what each
 * means for us: the recipient's server accepted it, it will never arrive, or it is news worth
 * keeping (sent, delayed, opened, clicked, marked as spam).
 */
const OUTCOMES: Record<string, ProviderReceipt["outcome"]> = {
  "email.delivered": "delivered",
  "email.bounced": "failed",
  "email.failed": "failed",
};

interface ResendEvent {
  type?: unknown;
  created_at?: unknown;
  data?: {
    email_id?: unknown;
    created_at?: unknown;
    bounce?: { type?: unknown; subType?: unknown; message?: unknown };
    failed?: { reason?: unknown };
  };
}

/**
 * A Resend webhook, verified with Svix's Standard Webhooks library: `svix-signature` holds one or
 * more `v1,<base64 HMAC-SHA256>` of "<svix-id>.<svix-timestamp>.<raw body>" under the endpoint's
 * `whsec_` secret (several during a rotation), and a timestamp more than 5 minutes off is a replay.
 * The Svix message id makes each event's receipt unique, so a redelivery is recognised.
 */
export function verifyResendWebhook(secret: string, headers: Headers, rawBody: string): ReceiptVerdict {
  const id = headers.get("svix-id") ?? headers.get("webhook-id");
  const timestamp = headers.get("svix-timestamp") ?? headers.get("webhook-timestamp");
  const signature = headers.get("svix-signature") ?? headers.get("webhook-signature");
  if (!id || !timestamp || !signature) {
    return { ok: false, authentic: false, reason: "svix-id, svix-timestamp and svix-signature are required" };
  }
  let event: ResendEvent;
  try {
    event = new Webhook(secret).verify(rawBody, {
      "webhook-id": id,
      "webhook-timestamp": timestamp,
      "webhook-signature": signature,
    }) as ResendEvent;
  } catch (err) {
    // A body that is signed but not JSON is authentic, just unreadable.
    if (err instanceof SyntaxError) return { ok: false, authentic: true, reason: "the body is not JSON" };
    const reason = err instanceof WebhookVerificationError ? err.message : "the signature cannot be checked";
    return { ok: false, authentic: false, reason };
  }
  const type = typeof event?.type === "string" ? event.type : undefined;
  const emailId = typeof event?.data?.email_id === "string" ? event.data.email_id : undefined;
  if (!type || !emailId) return { ok: false, authentic: true, reason: "type and data.email_id are required" };
  const outcome = OUTCOMES[type] ?? "progress";
  const occurredAt = Date.parse(String(event.created_at ?? event.data?.created_at ?? "")) || Number(timestamp) * 1000;
  return {
    ok: true,
    receipt: {
      provider: "resend",
      receiptKey: id,
      providerMessageId: emailId,
      outcome,
      providerStatus: type,
      detail: outcome === "failed" ? failureDetail(type, event) : null,
      occurredAt,
    },
  };
}

/** Why Resend gave up, without the recipient's address (it ends up in lastError and logs). */
function failureDetail(type: string, event: ResendEvent): string {
  const bounce = event.data?.bounce;
  const reason =
    type === "email.bounced"
      ? [bounce?.type, bounce?.subType, bounce?.message].filter((v) => typeof v === "string" && v).join(": ")
      : typeof event.data?.failed?.reason === "string"
        ? event.data.failed.reason
        : "";
  return redactEmails(`Resend ${type}${reason ? `: ${reason}` : ""}`).slice(0, 500);
}
