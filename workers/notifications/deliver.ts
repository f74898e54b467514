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
  receiptOutcome,
  sendOutboundMessage,
  trackedMessageQuery,
} from "../messaging";
import { readConfig } from "../platform/config";
import { defineConsumer } from "../platform/consume";
import { type Database, database, nowMs } from "../platform/db";
import { recordEventOnce } from "../platform/outbox";
import { clock, delayUntil, enqueueOf, type NotificationConsumer } from "./delivery-queue";
import { deliveryReceiptWrites } from "./delivery-receipts";
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
 * The delivery, its notification's category, its push device and the recipient's preferences (one
 * query), read together with its tracked message (messaging's, found through the delivery).
 */
async function loadDelivery(db: Database, id: string) {
  const [found, [message]] = await Promise.all([
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
      .where(eq(notificationDeliveries.id, id))
      .get(),
    trackedMessageQuery(
      db,
      db
        .select({ id: notificationDeliveries.outboundMessageId })
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.id, id)),
    ),
  ]);
  return found ? { ...found, message } : undefined;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadDelivery>>>;

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
 * Sends the delivery's message and returns the writes that record it sent, with any receipt the
 * provider already sent applied. A failure is recorded (attempts, last error) and rethrown; a push
 * token FCM no longer knows is forgotten and the delivery expired instead.
 */
async function send(
  env: Env,
  deps: MessagingDeps,
  d: DeliveryRow,
  message: NonNullable<Loaded["message"]>,
  at: number,
): Promise<BatchItem<"sqlite">[]> {
  const db = database(env);
  try {
    const { receipt, writes } = await sendOutboundMessage(env, deps, message);
    // The delivery is recorded sent first: the receipts' writes then settle it and its message.
    return [
      db
        .update(notificationDeliveries)
        .set({
          status: "sent",
          attempts: sql`${notificationDeliveries.attempts} + 1`,
          provider: receipt.provider,
          providerMessageId: receipt.providerMessageId,
          lastError: null,
          sentAt: at,
          updatedAt: at,
        })
        .where(eq(notificationDeliveries.id, d.id)),
      ...writes,
      ...deliveryReceiptWrites(
        db,
        receiptOutcome(receipt.provider, receipt.providerMessageId),
        eq(notificationDeliveries.id, d.id),
        at,
      ),
    ];
  } catch (err) {
    const provider = (err as { provider?: unknown }).provider;
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
      return [];
    }
    await failed.run();
    throw err;
  }
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
    const db = database(env);
    const at = clock(deps);
    const found = await loadDelivery(db, event.data.deliveryId);
    // Gone, already settled (sent, failed, expired), or not a tracked message: nothing to do.
    if (found?.delivery.status !== "pending" || !found.delivery.outboundMessageId) return [];
    const d = found.delivery;
    const verdict = verdictOn(found, at);
    if ("wait" in verdict) return waitAgain(env, deps, event, d, at);
    if ("expire" in verdict) return expire(db, d, verdict.expire, at);
    return send(env, deps, d, verdict.send, at);
  },
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
