import { eq } from "drizzle-orm";
import { devOutbox } from "../../d1/schema/messaging";
import type { Channel } from "../../schemas/messaging";
import { readConfig } from "../platform/config";
import { type Database, database, isUniqueViolation, nowMs } from "../platform/db";
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
    // Like Resend: a message sent again under its key (a retry after a crash between the send and
    // its commit) is the first one, not a second email in the inbox.
    const first = await this.sentBefore(message.idempotencyKey);
    if (first) return first;
    const at = nowMs();
    const id = newId("dob", at);
    try {
      await this.record(id, message, at);
    } catch (err) {
      const raced = isUniqueViolation(err) ? await this.sentBefore(message.idempotencyKey) : undefined;
      if (!raced) throw err;
      return raced;
    }
    return { provider: this.name, providerMessageId: id };
  }

  private async sentBefore(key: string | undefined): Promise<SendReceipt | undefined> {
    if (!key) return undefined;
    const row = await this.db
      .select({ id: devOutbox.id })
      .from(devOutbox)
      .where(eq(devOutbox.idempotencyKey, key))
      .get();
    return row ? { provider: this.name, providerMessageId: row.id } : undefined;
  }

  private async record(id: string, message: OutboundMessage, at: number): Promise<void> {
    await this.db.batch([
      this.db.insert(devOutbox).values({
        id,
        channel: message.channel,
        recipient: message.to,
        locale: message.locale,
        subject: message.subject ?? null,
        body: message.body,
        createdAt: at,
        idempotencyKey: message.idempotencyKey ?? null,
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
