import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  notificationDeliveries,
  notificationDevices,
  notificationPreferences,
  notifications,
} from "../../d1/schema/notifications";
import type { EventOf } from "../../schemas/events";
import {
  abandonPendingMessage,
  errorText,
  isUnregisteredToken,
  type MessagingDeps,
  sendOutboundMessages,
  sentMessagesWrites,
  trackedMessagesQuery,
} from "../messaging";
import { readConfig } from "../platform/config";
import { defineConsumer, runBounded } from "../platform/consume";
import type { ManyOutcome } from "../platform/consume-many";
import { type Database, database, inList, nowMs } from "../platform/db";
import { recordEventOnce } from "../platform/outbox";
import { withRequestId } from "../platform/request-context";
import { clock, delayUntil, enqueueOf, type NotificationConsumer } from "./delivery-queue";
import { type DeliverySent, sentDeliveriesWrites } from "./delivery-receipts";
import { deliverEvent, NOTIFICATION_DELIVER } from "./events";
import { fromRow } from "./preferences";

type DeliveryRow = typeof notificationDeliveries.$inferSelect;

/** Gives up on a delivery: expired (no longer wanted or possible), with why; its message fails too. */
function expire(db: Database, d: DeliveryRow, reason: string, at: number): BatchItem<"sqlite">[] {
  return [
    db
      .update(notificationDeliveries)
      .set({ status: "expired", lastError: reason, updatedAt: at })
      .where(and(eq(notificationDeliveries.id, d.id), eq(notificationDeliveries.status, "pending"))),
    ...(d.outboundMessageId ? [abandonPendingMessage(db, d.outboundMessageId, at, reason)] : []),
  ];
}

/**
 * The deliveries `ids` names, each with its notification's category, its push device, the
 * recipient's preferences and its tracked message (messaging's, found through the delivery): two
 * queries at once, for one delivery or a whole queue batch of them. (Not one db.batch: a batch's
 * rows come back as objects, and the joined tables' same-named columns would overwrite each other.)
 */
async function loadDeliveries(db: Database, ids: string[]) {
  const [rows, messages] = await Promise.all([
    db
      .select({
        delivery: notificationDeliveries,
        category: notifications.category,
        deviceId: notificationDevices.id,
        preferences: notificationPreferences,
      })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .leftJoin(notificationDevices, eq(notificationDevices.id, notificationDeliveries.target))
      .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notificationDeliveries.userId))
      .where(inList(notificationDeliveries.id, ids)),
    trackedMessagesQuery(
      db,
      db
        .select({ id: notificationDeliveries.outboundMessageId })
        .from(notificationDeliveries)
        .where(inList(notificationDeliveries.id, ids)),
    ),
  ]);
  const byId = new Map(messages.map((m) => [m.id, m]));
  return new Map(
    rows.map((row) => {
      const messageId = row.delivery.outboundMessageId;
      return [row.delivery.id, { ...row, message: messageId ? byId.get(messageId) : undefined }] as const;
    }),
  );
}

type Loaded = NonNullable<ReturnType<Awaited<ReturnType<typeof loadDeliveries>>["get"]>>;

/**
 * Whether a pending delivery goes now: held by quiet hours still (`wait`), no longer wanted or
 * possible (`expire`, with why), or sent with its message.
 */
function verdictOn(
  found: Loaded,
  at: number,
): { wait: true } | { expire: string } | { send: NonNullable<Loaded["message"]> } {
  const d = found.delivery;
  if (d.expiresAt <= at) return { expire: "not sent before it expired" };
  if (d.notBefore !== null && d.notBefore - at > 1000) return { wait: true };
  if (d.userId && found.category !== "security") {
    // The recipient may have changed their mind while it waited (quiet hours, retries).
    const prefs = fromRow(found.preferences ?? undefined);
    if (!prefs.categories[found.category] || !prefs.channels[d.channel]) {
      return { expire: "turned off by the recipient before it was sent" };
    }
  }
  if (d.channel === "push" && !found.deviceId) return { expire: "the device is no longer registered" };
  if (!found.message) return { expire: "its message is gone" };
  return { send: found.message };
}

/**
 * Records a send that failed on its delivery (attempts, last error) and answers whether to retry
 * it; a push token FCM no longer knows is forgotten and the delivery expired instead.
 */
async function recordSendFailure(env: Env, d: DeliveryRow, err: unknown, at: number): Promise<boolean> {
  const db = database(env);
  const provider = (err as { provider?: unknown } | null)?.provider;
  const failed = db
    .update(notificationDeliveries)
    .set({
      attempts: sql`${notificationDeliveries.attempts} + 1`,
      provider: typeof provider === "string" ? provider : null,
      lastError: errorText(err),
      updatedAt: at,
    })
    .where(eq(notificationDeliveries.id, d.id));
  if (isUnregisteredToken(err)) {
    // The app was uninstalled or its token rotated: forget the device; nothing to retry.
    await db.batch([
      failed,
      db.delete(notificationDevices).where(eq(notificationDevices.id, d.target)),
      ...expire(db, d, "the push token is no longer registered", at),
    ]);
    return false;
  }
  await failed.run();
  return true;
}

/**
 * Puts a delivery still inside quiet hours back on the queue (the queue's delay is capped), and
 * returns the next hop's outbox row, committed with this event's "done": if the hop's message is
 * lost, the reconciler sends it again.
 */
async function waitAgain(
  env: Env,
  deps: MessagingDeps,
  event: EventOf<"notification.deliver">,
  d: DeliveryRow,
  at: number,
): Promise<BatchItem<"sqlite">[]> {
  const config = readConfig(env);
  const next = deliverEvent(d.id, d.notificationId, event.data.hop + 1);
  const delaySeconds = delayUntil(d.notBefore, at, config.notifications.maxDelaySeconds);
  await enqueueOf(env, deps)([{ body: next, delaySeconds }]);
  const checkDelayMs = delaySeconds * 1000 + config.outbox.deliveryTimeoutMs;
  return [recordEventOnce(database(env), "notifications", next, { published: { at: nowMs(), checkDelayMs } })];
}

type Send = { event: EventOf<"notification.deliver">; delivery: DeliveryRow; message: NonNullable<Loaded["message"]> };

/**
 * What one deliver event does with its delivery: nothing (gone or settled), wait again or expire
 * (the writes that record it), or send (answered, so that the batch's sends go out together).
 */
async function settle(
  env: Env,
  deps: MessagingDeps,
  event: EventOf<"notification.deliver">,
  found: Loaded | undefined,
  at: number,
): Promise<BatchItem<"sqlite">[] | Send> {
  // Gone, already settled (sent, failed, expired), or not a tracked message: nothing to do.
  if (found?.delivery.status !== "pending" || !found.delivery.outboundMessageId) return [];
  const d = found.delivery;
  const verdict = verdictOn(found, at);
  if ("wait" in verdict) return waitAgain(env, deps, event, d, at);
  if ("expire" in verdict) return expire(database(env), d, verdict.expire, at);
  return { event, delivery: d, message: verdict.send };
}

/**
 * Sends the batch's messages (messaging: one call to an outbound that takes many, else concurrent
 * requests) and returns the writes that record the sent ones: their tracked messages, then their
 * deliveries, each kind as one multi-row statement plus the receipts' settlements. A failed send
 * is recorded at once and reported in `failed`, to be retried alone.
 */
async function sendAll(
  env: Env,
  deps: MessagingDeps,
  sends: Send[],
  failed: Map<string, unknown>,
  at: number,
): Promise<BatchItem<"sqlite">[]> {
  if (sends.length === 0) return [];
  const db = database(env);
  const outcomes = await sendOutboundMessages(
    env,
    deps,
    sends.map((s) => ({ message: s.message, requestId: s.event.requestId })),
  );
  const sent: DeliverySent[] = [];
  await Promise.all(
    sends.map(async (s, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) {
        sent.push({ id: s.delivery.id, messageId: s.message.id, receipt: outcome.receipt });
      } else if (await recordSendFailure(env, s.delivery, outcome?.error, at)) {
        failed.set(s.event.id, outcome?.error);
      }
    }),
  );
  return [
    ...sentMessagesWrites(
      db,
      sent.map((s) => ({ id: s.messageId, receipt: s.receipt })),
      at,
    ),
    ...sentDeliveriesWrites(db, sent, at),
  ];
}

/** Waiting again enqueues a hop each; those few go concurrently. */
const SETTLE_CONCURRENCY = 16;

/**
 * settle for a queue batch: every delivery loaded in one round trip, the sends together, and
 * their records returned to commit with the events' "done" markers in one D1 batch. A send that
 * failed (recorded as alone) is reported failed: only its message is retried, so its neighbours
 * are never sent twice. A second event for a delivery already in the batch waits for a retry (it
 * must see the first one's outcome, committed only at the end of the batch).
 */
async function settleMany(
  env: Env,
  deps: MessagingDeps,
  events: EventOf<"notification.deliver">[],
): Promise<ManyOutcome> {
  const at = clock(deps);
  const loaded = await loadDeliveries(
    database(env),
    events.map((e) => e.data.deliveryId),
  );
  const writes: BatchItem<"sqlite">[][] = [];
  const sends: Send[] = [];
  const failed = new Map<string, unknown>();
  const taken = new Set<string>();
  await runBounded([...events.entries()], SETTLE_CONCURRENCY, async ([i, event]) => {
    const id = event.data.deliveryId;
    if (taken.has(id)) {
      failed.set(event.id, new Error(`delivery ${id} has an earlier event in this batch; retried after it`));
      return;
    }
    taken.add(id);
    try {
      const outcome = await withRequestId(event.requestId, () => settle(env, deps, event, loaded.get(id), at));
      if (Array.isArray(outcome)) writes[i] = outcome;
      else sends.push(outcome);
    } catch (err) {
      failed.set(event.id, err);
    }
  });
  writes.push(await sendAll(env, deps, sends, failed, at));
  return { writes: writes.flat(), failed };
}

/**
 * Sends one delivery (`notification.deliver`) through its channel's provider and records the
 * outcome on the delivery and its tracked message. Before sending it checks the delivery is still
 * wanted: not expired, not held by quiet hours (a deferral longer than a queue can delay hops
 * again), the channel and category still on, the push device still registered. A failure is
 * recorded and rethrown: the queue retries with backoff and jitter, and after the last retry the
 * dead-letter queue marks it failed.
 */
export const deliverNotification: NotificationConsumer = defineConsumer({
  name: "notifications.deliver",
  types: [NOTIFICATION_DELIVER],
  async handle(event, env, deps) {
    const { writes, failed } = await settleMany(env, deps, [event]);
    if (failed?.has(event.id)) throw failed.get(event.id);
    return writes;
  },
  // A queue batch's deliveries: loaded in one round trip, sent together, recorded in one commit.
  handleMany: (events, env, deps) => settleMany(env, deps, events),
  async onDeadLetter(event, env) {
    const db = database(env);
    const id = event.data.deliveryId;
    const d = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id)).get();
    if (!d) return;
    const at = Date.now();
    await db.batch([
      db
        .update(notificationDeliveries)
        .set({ status: "failed", updatedAt: at })
        .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.status, "pending"))),
      ...(d.outboundMessageId ? [abandonPendingMessage(db, d.outboundMessageId, at)] : []),
    ]);
  },
});
