import type { Channel } from "../../schemas/messaging";
import { readConfig } from "../platform/config";
import { type Database, database, nowMs } from "../platform/db";
import { newId } from "../platform/ids";
import { resendFromEnv } from "./email/resend";
import type { Outbound, OutboundMessage, SendReceipt } from "./provider";
import { fcmFromEnv } from "./push/fcm";
import { twilioFromEnv } from "./sms/twilio";
import { TWILIO_STATUS_PATH } from "./sms/twilio-status";

const INSERT_MANY = `INSERT INTO dev_outbox (id, channel, recipient, locale, subject, body, created_at, idempotency_key)
  SELECT json_extract(value, '$.id'), json_extract(value, '$.channel'), json_extract(value, '$.recipient'),
         json_extract(value, '$.locale'), json_extract(value, '$.subject'), json_extract(value, '$.body'),
         ?2, json_extract(value, '$.idempotencyKey')
    FROM json_each(?1) WHERE true
  ON CONFLICT DO NOTHING`;

/** Only the rows the insert wrote get a receipt (a key recorded before has its own). */
const RECEIPTS_OF_INSERTED = `INSERT INTO provider_receipts (provider, receipt_key, provider_message_id, outcome,
    provider_status, detail, occurred_at, received_at)
  SELECT ?2, id || ':delivered', id, 'delivered', 'recorded', NULL, created_at, created_at
    FROM dev_outbox WHERE id IN (SELECT json_extract(value, '$.id') FROM json_each(?1))
  ON CONFLICT DO NOTHING`;

const IDS_BY_KEY = `SELECT id, idempotency_key AS key FROM dev_outbox
  WHERE idempotency_key IN (SELECT value FROM json_each(?1))`;

/**
 * DEV_OUTBOX: records what would be sent, readable at GET /api/v1/dev/outbox. The outbox is the
 * message's last stop, so it reports delivery at once, the way a real provider's callback does
 * later: through a provider receipt, which the send's own commit applies.
 */
export class DevOutbox implements Outbound {
  readonly name = "dev_outbox";
  constructor(private readonly db: Database) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const [receipt] = await this.sendMany([message]);
    if (!receipt) throw new Error("the dev outbox recorded nothing for this message");
    return receipt;
  }

  /**
   * Records every message and its "delivered" receipt in one D1 batch (one round trip for a whole
   * queue batch of deliveries, where a send each cost three). Like Resend, a message sent again
   * under its key (a retry after a crash between the send and its commit) is the first one, not a
   * second email in the inbox: the insert skips a key already recorded, and the read that closes
   * the batch answers each key's one row, whichever attempt wrote it.
   */
  async sendMany(messages: OutboundMessage[]): Promise<SendReceipt[]> {
    if (messages.length === 0) return [];
    const at = nowMs();
    const rows = messages.map((m) => ({
      id: newId("dob", at),
      channel: m.channel,
      recipient: m.to,
      locale: m.locale,
      subject: m.subject ?? null,
      body: m.body,
      idempotencyKey: m.idempotencyKey ?? null,
    }));
    const json = JSON.stringify(rows);
    const keys = rows.flatMap((r) => (r.idempotencyKey === null ? [] : [r.idempotencyKey]));
    // One raw D1 batch (drizzle's batch cannot run raw statements with parameters): one transaction.
    const d1 = this.db.$client;
    const [, , recorded] = await d1.batch<{ id: string; key: string }>([
      d1.prepare(INSERT_MANY).bind(json, at),
      d1.prepare(RECEIPTS_OF_INSERTED).bind(json, this.name),
      d1.prepare(IDS_BY_KEY).bind(JSON.stringify(keys)),
    ]);
    const byKey = new Map((recorded?.results ?? []).map((r) => [r.key, r.id]));
    return rows.map((r) => ({
      provider: this.name,
      providerMessageId: (r.idempotencyKey === null ? undefined : byKey.get(r.idempotencyKey)) ?? r.id,
    }));
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
