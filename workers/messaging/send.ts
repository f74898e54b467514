import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { outboundMessages } from "../../d1/schema/messaging";
import type { Channel } from "../../schemas/messaging";
import { runBounded } from "../platform/consume";
import { type Database, database, inList, nowMs } from "../platform/db";
import { recordMetric } from "../platform/metrics";
import { decryptPii } from "../platform/pii";
import { withRequestId } from "../platform/request-context";
import type { Outbound, OutboundMessage, SendReceipt } from "./provider";
import { receiptWrites } from "./receipts";

/** A tracked message as stored: its content encrypted (StoredContent). */
export type OutboundRow = typeof outboundMessages.$inferSelect;

/** What a tracked message's encrypted content holds. */
export interface StoredContent {
  to: string;
  subject?: string;
  body: string;
  data?: Record<string, string>;
  collapseKey?: string;
  urgent?: boolean;
}

/** The outbound of each channel (messaging's MessagingDeps has it). */
type Outbounds = { outbound(channel: Channel): Outbound };

/** A tracked message to send, with the request it belongs to (for the provider call's logs). */
export interface SendItem {
  message: OutboundRow;
  requestId?: string;
}

/** What became of one message: its provider took it (with its receipt), or the send failed. */
export type SendOutcome = { ok: true; receipt: SendReceipt } | { ok: false; error: unknown };

/**
 * Providers without a batch call get one request per message: FCM HTTP v1 takes one message per
 * request and its batch endpoint is retired, so a batch's pushes go out concurrently; the runtime
 * queues those above its open-connection limit.
 */
const SEND_CONCURRENCY = 16;

/** An error as recorded in lastError: its message, at most 500 characters. */
export function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 500);
}

async function outboundMessageOf(env: Env, message: OutboundRow): Promise<OutboundMessage> {
  const content = JSON.parse(await decryptPii(env, message.contentEnc)) as StoredContent;
  return {
    channel: message.channel,
    to: content.to,
    locale: message.locale,
    subject: content.subject,
    body: content.body,
    data: content.data,
    collapseKey: content.collapseKey,
    urgent: content.urgent,
    // The provider's idempotency key: a retry never sends twice where the provider supports it.
    idempotencyKey: message.id,
  };
}

/** One channel's messages through its provider: one call when it takes many, else one each. */
async function sendThrough(env: Env, provider: Outbound, items: SendItem[]): Promise<SendOutcome[]> {
  let messages: OutboundMessage[];
  try {
    messages = await Promise.all(items.map((item) => outboundMessageOf(env, item.message)));
  } catch (error) {
    return items.map(() => ({ ok: false, error }));
  }
  if (provider.sendMany && items.length > 1) {
    try {
      return (await provider.sendMany(messages)).map((receipt) => ({ ok: true, receipt }));
    } catch (error) {
      return items.map(() => ({ ok: false, error }));
    }
  }
  const out: SendOutcome[] = [];
  await runBounded([...items.entries()], SEND_CONCURRENCY, async ([i, item]) => {
    const send = () => provider.send(messages[i] as OutboundMessage);
    try {
      out[i] = { ok: true, receipt: await (item.requestId ? withRequestId(item.requestId, send) : send()) };
    } catch (error) {
      out[i] = { ok: false, error };
    }
  });
  return out;
}

/**
 * Sends tracked messages through their channels' providers and answers each one's outcome, in
 * order. Nothing about a success is written here: the caller commits `sentMessagesWrites` with its
 * own records. A failure's attempt and error are recorded at once (one batch for all of them), so
 * the caller only has to retry (or dead-letter) the event that asked for it.
 */
export async function sendOutboundMessages(env: Env, deps: Outbounds, items: SendItem[]): Promise<SendOutcome[]> {
  const byChannel = new Map<OutboundRow["channel"], number[]>();
  for (const [i, item] of items.entries()) {
    byChannel.set(item.message.channel, [...(byChannel.get(item.message.channel) ?? []), i]);
  }
  const out: SendOutcome[] = [];
  const failures: BatchItem<"sqlite">[] = [];
  const db = database(env);
  await Promise.all(
    [...byChannel].map(async ([channel, indexes]) => {
      let provider: Outbound;
      try {
        provider = deps.outbound(channel);
      } catch (error) {
        for (const i of indexes) out[i] = { ok: false, error };
        return;
      }
      const outcomes = await sendThrough(
        env,
        provider,
        indexes.map((i) => items[i] as SendItem),
      );
      for (const [k, outcome] of outcomes.entries()) {
        const i = indexes[k] as number;
        out[i] = outcome;
        recordMetric(env, { kind: "notification", channel, outcome: outcome.ok ? "sent" : "failed" });
        if (!outcome.ok)
          failures.push(failedAttemptWrite(db, (items[i] as SendItem).message.id, provider, outcome.error));
      }
    }),
  );
  const [first, ...rest] = failures;
  if (first) await db.batch([first, ...rest]);
  return out;
}

function failedAttemptWrite(db: Database, id: string, provider: Outbound, err: unknown) {
  return db
    .update(outboundMessages)
    .set({
      attempts: sql`${outboundMessages.attempts} + 1`,
      provider: provider.name,
      lastError: errorText(err),
      updatedAt: nowMs(),
    })
    .where(eq(outboundMessages.id, id));
}

/**
 * The provider and provider message id of each row an update records sent (`id`: the updated
 * table's id column), as SQL for its `set`: every row its own values in one statement. The values
 * travel as one JSON parameter (drizzle's batch cannot run raw statements with parameters, so the
 * update stays a builder and each row looks its values up by id).
 */
export function receiptColumns(sent: readonly { id: string; receipt: SendReceipt }[], id: SQLiteColumn) {
  const rows = JSON.stringify(
    sent.map((s) => ({ id: s.id, provider: s.receipt.provider, providerMessageId: s.receipt.providerMessageId })),
  );
  const field = (name: "provider" | "providerMessageId") =>
    sql<string>`(SELECT json_extract(value, ${`$.${name}`}) FROM json_each(${rows})
      WHERE json_extract(value, '$.id') = ${id})`;
  return { provider: field("provider"), providerMessageId: field("providerMessageId") };
}

/**
 * The writes that record sent messages (status, attempt, the provider's id for each) and apply any
 * receipt their providers already sent (or the dev outbox's own): three statements for a whole
 * queue batch.
 */
export function sentMessagesWrites(
  db: Database,
  sent: readonly { id: string; receipt: SendReceipt }[],
  at: number,
): BatchItem<"sqlite">[] {
  if (sent.length === 0) return [];
  const ids = sent.map((s) => s.id);
  return [
    db
      .update(outboundMessages)
      .set({
        status: "sent",
        attempts: sql`${outboundMessages.attempts} + 1`,
        ...receiptColumns(sent, outboundMessages.id),
        lastError: null,
        updatedAt: at,
      })
      .where(inList(outboundMessages.id, ids)),
    ...receiptWrites(db, { messageIds: ids }, at),
  ];
}

/**
 * Sends one tracked message through its channel's provider. On success it returns the receipt and
 * the writes that record it (to commit with the caller's own writes); on failure it records the
 * attempt and the error at once, then rethrows so the queue retries (or dead-letters) the event.
 */
export async function sendOutboundMessage(
  env: Env,
  deps: Outbounds,
  message: OutboundRow,
): Promise<{ receipt: SendReceipt; writes: BatchItem<"sqlite">[] }> {
  const [outcome] = await sendOutboundMessages(env, deps, [{ message }]);
  if (!outcome?.ok) throw outcome?.error;
  const writes = sentMessagesWrites(database(env), [{ id: message.id, receipt: outcome.receipt }], nowMs());
  return { receipt: outcome.receipt, writes };
}
