import { devOutbox } from "../../d1/schema/messaging";
import type { Channel } from "../../schemas/messaging";
import { readConfig } from "../platform/config";
import { type Database, database, nowMs } from "../platform/db";
import { newId } from "../platform/ids";
import { resendFromEnv } from "./email/resend";
import type { Outbound, OutboundMessage, SendReceipt } from "./provider";
import { fcmFromEnv } from "./push/fcm";
import { receiptInsert } from "./receipts";
import { twilioFromEnv } from "./sms/twilio";
import { TWILIO_STATUS_PATH } from "./sms/twilio-status";

/**
 * DEV_OUTBOX: records what would be sent, readable at GET /api/v1/dev/outbox. The outbox is the
 * message's last stop, so it reports delivery at once, the way a real provider's callback does
 * later: through a provider receipt, which the send's own commit applies.
 */
export class DevOutbox implements Outbound {
  readonly name = "dev_outbox";
  constructor(private readonly db: Database) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const at = nowMs();
    const id = newId("dob", at);
    await this.db.batch([
      this.db.insert(devOutbox).values({
        id,
        channel: message.channel,
        recipient: message.to,
        locale: message.locale,
        subject: message.subject ?? null,
        body: message.body,
        createdAt: at,
      }),
      receiptInsert(
        this.db,
        {
          provider: this.name,
          receiptKey: `${id}:delivered`,
          providerMessageId: id,
          outcome: "delivered",
          providerStatus: "recorded",
          detail: null,
          occurredAt: at,
        },
        at,
      ),
    ]);
    return { provider: this.name, providerMessageId: id };
  }
}

export class NoProviderError extends Error {
  override name = "NoProviderError";
  /** Retrying cannot help until someone configures a provider: dead-lettered at once. */
  readonly retryable = false;
  constructor(channel: Channel) {
    super(`No ${channel} provider is configured for this environment; set one up or enable DEV_OUTBOX locally.`);
  }
}

/** The provider for a channel in this environment: the dev outbox locally, real providers otherwise. */
export function outboundFor(env: Env, channel: Channel, fetchFn: typeof fetch): Outbound {
  const config = readConfig(env);
  if (config.devOutbox) return new DevOutbox(database(env));
  if (channel === "sms" && config.smsProvider === "twilio") {
    const twilio = twilioFromEnv(env, fetchFn, { statusCallbackUrl: `${config.apiBaseUrl}${TWILIO_STATUS_PATH}` });
    if (twilio) return twilio;
  }
  const timeoutMs = config.notifications.providerTimeoutMs;
  if (channel === "email" && config.notifications.emailProvider === "resend") {
    const resend = resendFromEnv(env, fetchFn, { from: config.notifications.emailFrom, timeoutMs });
    if (resend) return resend;
  }
  if (channel === "push" && config.notifications.pushProvider === "fcm") {
    const fcm = fcmFromEnv(env, fetchFn, { timeoutMs });
    if (fcm) return fcm;
  }
  throw new NoProviderError(channel);
}
