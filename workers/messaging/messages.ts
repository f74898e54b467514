import { eq } from "drizzle-orm";
import { outboundMessages } from "../../d1/schema/messaging";
import type { EventActor, EventOf } from "../../schemas/events";
import type { Channel } from "../../schemas/messaging";
import type { Locale } from "../../schemas/platform";
import { type ConsumerDeps, consumeOnce, defineConsumer, type EventConsumer } from "../platform/consume";
import { type Database, database, nowMs } from "../platform/db";
import { newId } from "../platform/ids";
import { logEvent } from "../platform/log";
import { createEvent, recordEvent } from "../platform/outbox";
import { encryptPii, piiLookupHash } from "../platform/pii";
import { outboundFor } from "./outbound";
import type { Outbound } from "./provider";
import { type StoredContent, sendOutboundMessage } from "./send";

export const MESSAGE_REQUESTED = "message.requested";

export type MessageCategory = "security" | "transactional" | "chat" | "promotional";

export interface MessageRequest {
  channel: Channel;
  to: string;
  locale: Locale;
  subject?: string;
  body: string;
  category: MessageCategory;
  /** Push only: the app's data, collapse key and priority, kept with the content. */
  data?: Record<string, string>;
  collapseKey?: string;
  urgent?: boolean;
}

/**
 * The D1 writes that ask for a message to be sent: the tracked message (content encrypted) and
 * its `message.requested` event. Add them to the batch of the state change that caused the message.
 */
export async function messageWrites(env: Env, db: Database, request: MessageRequest, actor?: EventActor) {
  const id = newId("msg");
  const now = nowMs();
  const event = createEvent(
    MESSAGE_REQUESTED,
    { messageId: id, channel: request.channel },
    {
      actor,
      subject: { type: "message", id },
    },
  );
  const writes = [
    db.insert(outboundMessages).values(await outboundMessageRow(env, id, request, now)),
    recordEvent(db, "notifications", event),
  ] as const;
  return { messageId: id, event, writes };
}

/**
 * A tracked message row (content encrypted, recipient as keyed hash), pending. Notification
 * deliveries use it too, with their own ids and without a `message.requested` event.
 */
export async function outboundMessageRow(
  env: Env,
  id: string,
  request: MessageRequest,
  now = nowMs(),
): Promise<typeof outboundMessages.$inferInsert> {
  const content: StoredContent = {
    to: request.to,
    subject: request.subject,
    body: request.body,
    ...(request.data ? { data: request.data } : {}),
    ...(request.collapseKey ? { collapseKey: request.collapseKey } : {}),
    ...(request.urgent ? { urgent: true } : {}),
  };
  return {
    id,
    channel: request.channel,
    recipientHash: await piiLookupHash(env, request.to),
    contentEnc: await encryptPii(env, JSON.stringify(content)),
    locale: request.locale,
    category: request.category,
    status: "pending",
    createdAt: now,
    updatedAt: now,
  };
}

export interface MessagingDeps extends ConsumerDeps {
  outbound(channel: Channel): Outbound;
  /**
   * Puts notification deliveries on the notifications queue (default: the NOTIFICATIONS binding);
   * tests record them instead.
   */
  enqueue?(messages: { body: EventOf<"notification.deliver">; delaySeconds?: number }[]): Promise<void>;
  /** The clock of notification consumers (default Date.now); tests move it. */
  now?(): number;
}

export function messagingDeps(env: Env): MessagingDeps {
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  return { fetch: fetchFn, outbound: (channel) => outboundFor(env, channel, fetchFn) };
}

/** Sends a requested message through its channel's provider and records the receipt. */
export const deliverMessage: EventConsumer<MessagingDeps> = defineConsumer({
  name: "messaging.deliver",
  types: [MESSAGE_REQUESTED],
  async handle(event, env, deps) {
    const db = database(env);
    const { messageId } = event.data;
    const message = await db.select().from(outboundMessages).where(eq(outboundMessages.id, messageId)).get();
    if (message?.status !== "pending") return [];
    return (await sendOutboundMessage(env, deps, message)).writes;
  },
  async onDeadLetter(event, env) {
    await database(env)
      .update(outboundMessages)
      .set({ status: "failed", updatedAt: nowMs() })
      .where(eq(outboundMessages.id, event.data.messageId));
  },
});

/**
 * Delivers a committed message in the current request instead of waiting for the queue (people
 * are waiting for their sign-in code). Applied through the same exactly-once consumer, so the
 * queue's later delivery of the same event changes nothing; if this attempt fails, the queue retries.
 */
export async function deliverNow(
  env: Env,
  event: EventOf<"message.requested">,
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
