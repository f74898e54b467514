import { eq, sql } from "drizzle-orm";
import { outboundMessages } from "../../d1/schema";
import type { EventActor, EventEnvelope } from "../../schemas/events";
import type { Channel, Locale } from "../../schemas/messaging";
import { type ConsumerDeps, consumeOnce, type EventConsumer } from "../platform/consume";
import { type Database, database, nowMs } from "../platform/db";
import { newId } from "../platform/ids";
import { logEvent } from "../platform/log";
import { createEvent, recordEvent } from "../platform/outbox";
import { decryptPii, encryptPii, piiLookupHash } from "../platform/pii";
import { type Outbound, outboundFor } from "./outbound";

export const MESSAGE_REQUESTED = "message.requested";

export type MessageCategory = "security" | "transactional" | "chat" | "promotional";

export interface MessageRequest {
  channel: Channel;
  to: string;
  locale: Locale;
  subject?: string;
  body: string;
  category: MessageCategory;
}

interface StoredContent {
  to: string;
  subject?: string;
  body: string;
}

/**
 * The D1 writes that ask for a message to be sent: the tracked message (content encrypted) and
 * its `message.requested` event. Add them to the batch of the state change that caused the message.
 */
export async function messageWrites(env: Env, db: Database, request: MessageRequest, actor?: EventActor) {
  const id = newId("msg");
  const now = nowMs();
  const content: StoredContent = { to: request.to, subject: request.subject, body: request.body };
  const event = createEvent(
    MESSAGE_REQUESTED,
    { messageId: id, channel: request.channel },
    {
      actor,
      subject: { type: "message", id },
    },
  );
  const writes = [
    db.insert(outboundMessages).values({
      id,
      channel: request.channel,
      recipientHash: await piiLookupHash(env, request.to),
      contentEnc: await encryptPii(env, JSON.stringify(content)),
      locale: request.locale,
      category: request.category,
      status: "pending",
      createdAt: now,
      updatedAt: now,
    }),
    recordEvent(db, "notifications", event),
  ] as const;
  return { messageId: id, event, writes };
}

export interface MessagingDeps extends ConsumerDeps {
  outbound(channel: Channel): Outbound;
}

export function messagingDeps(env: Env): MessagingDeps {
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  return { fetch: fetchFn, outbound: (channel) => outboundFor(env, channel, fetchFn) };
}

/** Sends a requested message through its channel's provider and records the receipt. */
export const deliverMessage: EventConsumer<MessagingDeps> = {
  name: "messaging.deliver",
  async handle(event, env, deps) {
    const db = database(env);
    const messageId = String(event.data.messageId);
    const message = await db.select().from(outboundMessages).where(eq(outboundMessages.id, messageId)).get();
    if (!message || message.status === "sent") return [];
    const content = JSON.parse(await decryptPii(env, message.contentEnc)) as StoredContent;
    const provider = deps.outbound(message.channel);
    try {
      const receipt = await provider.send({
        channel: message.channel,
        to: content.to,
        locale: message.locale,
        subject: content.subject,
        body: content.body,
      });
      return [
        db
          .update(outboundMessages)
          .set({
            status: "sent",
            attempts: sql`${outboundMessages.attempts} + 1`,
            provider: receipt.provider,
            providerMessageId: receipt.providerMessageId,
            lastError: null,
            updatedAt: nowMs(),
          })
          .where(eq(outboundMessages.id, messageId)),
      ];
    } catch (err) {
      await db
        .update(outboundMessages)
        .set({
          attempts: sql`${outboundMessages.attempts} + 1`,
          provider: provider.name,
          lastError: err instanceof Error ? err.message.slice(0, 500) : String(err),
          updatedAt: nowMs(),
        })
        .where(eq(outboundMessages.id, messageId));
      throw err;
    }
  },
  async onDeadLetter(event, env) {
    await database(env)
      .update(outboundMessages)
      .set({ status: "failed", updatedAt: nowMs() })
      .where(eq(outboundMessages.id, String(event.data.messageId)));
  },
};

/**
 * Delivers a committed message in the current request instead of waiting for the queue (people
 * are waiting for their sign-in code). Applied through the same exactly-once consumer, so the
 * queue's later delivery of the same event changes nothing; if this attempt fails, the queue retries.
 */
export async function deliverNow(
  env: Env,
  event: EventEnvelope,
  deps: MessagingDeps = messagingDeps(env),
): Promise<void> {
  try {
    await consumeOnce(deliverMessage, event, env, deps);
  } catch (err) {
    logEvent("warn", "immediate_delivery_failed", {
      eventId: event.id,
      error: err instanceof Error ? err.message : String(err),
    });
  }
}
