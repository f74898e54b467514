import { eq, sql } from "drizzle-orm";
import { outboundMessages } from "../../d1/schema";
import type { EventActor } from "../../schemas/events";
import type { Channel, Locale } from "../../schemas/messaging";
import type { ConsumerDeps, EventConsumer } from "../platform/consume";
import { type Database, database, nowMs } from "../platform/db";
import { newId } from "../platform/ids";
import { createEvent, recordEvent } from "../platform/outbox";
import { decryptPii, encryptPii, piiLookupHash } from "../platform/pii";
import type { Outbound } from "./outbound";

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
  return { messageId: id, writes };
}

export interface MessagingDeps extends ConsumerDeps {
  outbound(channel: Channel): Outbound;
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
