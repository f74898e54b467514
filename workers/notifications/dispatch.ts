import { and, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { outboundMessages } from "../../d1/schema/messaging";
import {
  type DeliveryChannel,
  type NotificationCategory,
  notificationDeliveries,
  notificationDevices,
  notificationPreferences,
  notifications,
} from "../../d1/schema/notifications";
import type { EventEnvelope } from "../../schemas/events";
import {
  errorText,
  isUnregisteredToken,
  type MessageCategory,
  type MessagingDeps,
  outboundMessageRow,
  sendOutboundMessage,
} from "../messaging";
import { readConfig } from "../platform/config";
import type { EventConsumer } from "../platform/consume";
import { type Database, database } from "../platform/db";
import { stableId } from "../platform/ids";
import { logEvent } from "../platform/log";
import { notifyUnread, pushToHub } from "../realtime";
import { type Plan, type Planned, planFor, TEMPLATE_META } from "./compose";
import { deliverEvent } from "./events";
import { allowedChannels, fromRow, type Preferences, preferencesOf, quietHoursEnd } from "./preferences";
import { presentNotification } from "./present";
import { type PushTarget, pushTargets } from "./recipients";
import { renderNotification, safeTimeZone } from "./templates/render";

/** A consumer that may use every queue dependency (the same shape the platform passes everyone). */
type NotificationConsumer = EventConsumer<MessagingDeps>;

const now = (deps: MessagingDeps) => deps.now?.() ?? Date.now();

function messageCategory(category: NotificationCategory): MessageCategory {
  switch (category) {
    case "security":
      return "security";
    case "chat":
      return "chat";
    case "promotions":
      return "promotional";
    default:
      return "transactional";
  }
}

/** Puts deliver events on the notifications queue, each with its own delay (≤ 100 per sendBatch). */
export function queueEnqueue(env: Env): NonNullable<MessagingDeps["enqueue"]> {
  return async (messages) => {
    for (let i = 0; i < messages.length; i += 100) {
      await env.NOTIFICATIONS.sendBatch(
        messages.slice(i, i + 100).map((m) => ({
          body: m.body,
          contentType: "json" as const,
          ...(m.delaySeconds && m.delaySeconds > 0 ? { delaySeconds: m.delaySeconds } : {}),
        })),
      );
    }
  };
}

const enqueueOf = (env: Env, deps: MessagingDeps) => deps.enqueue ?? queueEnqueue(env);

/** Seconds until `at`, clamped to what a queue can delay. */
function delayUntil(at: number | null, nowMs: number, maxDelaySeconds: number): number {
  if (at === null || at <= nowMs) return 0;
  return Math.min(maxDelaySeconds, Math.ceil((at - nowMs) / 1000));
}

interface Target {
  target: string;
  to: string;
}

function targetsOf(channel: DeliveryChannel, p: Planned, devices: Map<string, PushTarget[]>): Target[] {
  const r = p.recipient;
  switch (channel) {
    case "email":
      return r.email ? [{ target: "", to: r.email }] : [];
    case "sms":
      return r.phone ? [{ target: "", to: r.phone }] : [];
    case "push":
      return r.userId ? (devices.get(r.userId) ?? []).map((d) => ({ target: d.deviceId, to: d.token })) : [];
    default:
      return [];
  }
}

/**
 * The writes that record a planned notification and its deliveries. Ids derive from the dedupe
 * keys, so writing them twice (a retried event) changes nothing: the notification is inserted once
 * (or, for a collapsing chat notification, updated), each delivery once, each tracked message once.
 * Deliveries find their notification by its dedupe key in the same batch.
 */
async function recordWrites(
  env: Env,
  db: Database,
  event: EventEnvelope,
  p: Planned,
  prefs: Preferences | null,
  devices: Map<string, PushTarget[]>,
  at: number,
): Promise<Recorded> {
  const config = readConfig(env).notifications;
  const meta = TEMPLATE_META[p.template];
  const channels = allowedChannels(meta.category, meta.channels, prefs);
  const inbox = p.recipient.userId !== null && channels.includes("inApp");
  const externalChannels = channels.filter((c) => c !== "inApp");
  const targets = externalChannels.flatMap((channel) => targetsOf(channel, p, devices).map((t) => ({ channel, ...t })));
  // Nothing to record: every channel is off for this recipient (or none reaches them).
  if (!inbox && targets.length === 0)
    return { writes: [], notificationIndex: 0, inApp: null, external: [], deliveryIds: [] };

  const eventTime = Date.parse(event.occurredAt) || at;
  const tz = safeTimeZone(p.recipient.timezone);
  const locale = p.recipient.locale;
  const text = renderNotification(p.template, "inApp", locale, p.params, tz);
  const who = p.recipient.userId ?? `guest:${p.dedupeKey}`;
  const notificationId = await stableId("ntf", eventTime, p.dedupeKey);
  const expiresAt = Math.min(p.expiresAt ?? Number.MAX_SAFE_INTEGER, at + config.deliveryTtlSeconds * 1000);
  const quietEnd = meta.urgent ? null : quietHoursEnd(prefs?.quietHours ?? null, tz, at);

  const row = {
    id: notificationId,
    userId: p.recipient.userId,
    type: p.template,
    category: meta.category,
    title: text.title,
    body: text.body,
    data: p.data,
    params: p.params,
    locale,
    inbox,
    eventId: event.id,
    dedupeKey: p.dedupeKey,
    readAt: null,
    createdAt: at,
    updatedAt: at,
  };
  const insert = db.insert(notifications).values(row);
  // A collapsing notification (a chat streak) is updated by each newer event; others are written once.
  const upsert = p.collapse
    ? insert
        .onConflictDoUpdate({
          target: notifications.dedupeKey,
          set: {
            title: row.title,
            body: row.body,
            data: row.data,
            params: row.params,
            locale,
            inbox,
            eventId: event.id,
            readAt: null,
            createdAt: at,
            updatedAt: at,
          },
        })
        .returning()
    : insert.onConflictDoNothing().returning();
  const writes: BatchItem<"sqlite">[] = [upsert];

  const deliveryIds: string[] = [];
  const deliveryKey = (channel: DeliveryChannel, target: string) =>
    `${event.id}:${who}:${p.template}:${channel}:${target}`;
  const delivery = async (
    channel: DeliveryChannel,
    target: string,
    fields: { status: "pending" | "sent"; notBefore: number | null; outboundMessageId: string | null },
  ) => {
    const key = deliveryKey(channel, target);
    const id = await stableId("dlv", eventTime, key);
    deliveryIds.push(id);
    const query = db
      .insert(notificationDeliveries)
      .select(
        db
          .select({
            id: sql<string>`${id}`.as("id"),
            notificationId: notifications.id,
            userId: sql<string | null>`${p.recipient.userId}`.as("user_id"),
            channel: sql<string>`${channel}`.as("channel"),
            target: sql<string>`${target}`.as("target"),
            dedupeKey: sql<string>`${key}`.as("dedupe_key"),
            status: sql<string>`${fields.status}`.as("status"),
            urgent: sql<number>`${meta.urgent ? 1 : 0}`.as("urgent"),
            notBefore: sql<number | null>`${fields.notBefore}`.as("not_before"),
            expiresAt: sql<number>`${expiresAt}`.as("expires_at"),
            attempts: sql<number>`0`.as("attempts"),
            provider: sql<string | null>`${fields.status === "sent" ? "in_app" : null}`.as("provider"),
            providerMessageId: sql<string | null>`NULL`.as("provider_message_id"),
            outboundMessageId: sql<string | null>`${fields.outboundMessageId}`.as("outbound_message_id"),
            lastError: sql<string | null>`NULL`.as("last_error"),
            createdAt: sql<number>`${at}`.as("created_at"),
            updatedAt: sql<number>`${at}`.as("updated_at"),
            sentAt: sql<number | null>`${fields.status === "sent" ? at : null}`.as("sent_at"),
            deliveredAt: sql<number | null>`NULL`.as("delivered_at"),
          })
          .from(notifications)
          .where(eq(notifications.dedupeKey, p.dedupeKey)),
      )
      .onConflictDoNothing()
      .returning({
        id: notificationDeliveries.id,
        notificationId: notificationDeliveries.notificationId,
        notBefore: notificationDeliveries.notBefore,
      });
    return { id, query };
  };

  let inApp: { index: number; deliveryId: string } | null = null;
  if (inbox) {
    // In-app is sent by committing it; the realtime push may then mark it delivered.
    const { id, query } = await delivery("inApp", "", { status: "sent", notBefore: null, outboundMessageId: null });
    inApp = { index: writes.length, deliveryId: id };
    writes.push(query);
  }
  const external: number[] = [];
  for (const t of targets) {
    const channel = t.channel;
    // The tracked message shares its delivery's id (msg_ for dlv_), so both are written once.
    const messageId = `msg_${(await stableId("dlv", eventTime, deliveryKey(channel, t.target))).slice(4)}`;
    const rendered = renderNotification(p.template, channel === "push" ? "push" : channel, locale, p.params, tz);
    const outbound = await outboundMessageRow(
      env,
      messageId,
      {
        channel,
        to: t.to,
        locale,
        subject: channel === "sms" ? undefined : rendered.title,
        body: rendered.body,
        category: messageCategory(meta.category),
        ...(channel === "push"
          ? {
              data: { type: p.template, ...(p.collapse ? {} : { notificationId }), ...p.data },
              collapseKey: p.pushCollapseKey,
              urgent: meta.urgent === true,
            }
          : {}),
      },
      at,
    );
    writes.push(db.insert(outboundMessages).values(outbound).onConflictDoNothing());
    // Quiet hours hold back what would buzz or ring a phone: push and SMS.
    const notBefore = channel === "push" || channel === "sms" ? quietEnd : null;
    const { query } = await delivery(channel, t.target, { status: "pending", notBefore, outboundMessageId: messageId });
    external.push(writes.length);
    writes.push(query);
  }
  return { writes, notificationIndex: 0, inApp, external, deliveryIds };
}

/** A planned notification's writes, and where in them the results that matter afterwards are. */
interface Recorded {
  writes: BatchItem<"sqlite">[];
  /** The notification's upsert (RETURNING the row when this run wrote it). */
  notificationIndex: number;
  inApp: { index: number; deliveryId: string } | null;
  /** The SMS/email/push delivery inserts (RETURNING each one this run created). */
  external: number[];
  deliveryIds: string[];
}

type PendingDelivery = { id: string; notificationId: string; notBefore: number | null };
type NotificationRow = typeof notifications.$inferSelect;

/**
 * Commits a plan and sets its deliveries going: one D1 batch records every notification and
 * delivery (idempotently), then each new in-app notification is pushed to its user's hub, unread
 * hints are sent, and every delivery still pending is put on the notifications queue, delayed past
 * the recipient's quiet hours. A failure after the commit makes the queue retry the event; the
 * retry finds the rows written and only re-sends what is still pending.
 */
async function commitPlan(env: Env, deps: MessagingDeps, event: EventEnvelope, plan: Plan, at: number): Promise<void> {
  const db = database(env);
  const config = readConfig(env).notifications;
  const userIds = plan.notifications.map((p) => p.recipient.userId).filter((id): id is string => id !== null);
  const wantsPush = plan.notifications.some(
    (p) => p.recipient.userId && TEMPLATE_META[p.template].channels.includes("push"),
  );
  const [prefs, devices] = await Promise.all([
    preferencesOf(db, userIds),
    wantsPush ? pushTargets(env, db, userIds, at) : new Map<string, PushTarget[]>(),
  ]);

  const writes: BatchItem<"sqlite">[] = [];
  const inApp: { index: number; notificationIndex: number; deliveryId: string; planned: Planned }[] = [];
  const external: number[] = [];
  const deliveryIds: string[] = [];
  for (const p of plan.notifications) {
    const recorded = await recordWrites(
      env,
      db,
      event,
      p,
      p.recipient.userId ? (prefs.get(p.recipient.userId) ?? null) : null,
      devices,
      at,
    );
    const offset = writes.length;
    if (recorded.inApp) {
      inApp.push({
        index: offset + recorded.inApp.index,
        notificationIndex: offset + recorded.notificationIndex,
        deliveryId: recorded.inApp.deliveryId,
        planned: p,
      });
    }
    external.push(...recorded.external.map((i) => offset + i));
    writes.push(...recorded.writes);
    deliveryIds.push(...recorded.deliveryIds);
  }
  const [first, ...rest] = writes;
  const results = first ? ((await db.batch([first, ...rest])) as unknown[]) : [];
  const returned = <T>(index: number): T[] => (Array.isArray(results[index]) ? (results[index] as T[]) : []);

  // Live: the in-app notifications this run created (a retried event does not show them twice).
  const fresh = inApp.filter(({ index }) => returned(index).length > 0);
  const missing = fresh.filter((f) => returned(f.notificationIndex).length === 0).map((f) => f.planned.dedupeKey);
  const reread = missing.length > 0 ? await notificationsByKey(db, missing) : new Map<string, NotificationRow>();
  const live = fresh.map(async ({ planned, notificationIndex, deliveryId }) => {
    const row = returned<NotificationRow>(notificationIndex)[0] ?? reread.get(planned.dedupeKey);
    if (!row?.userId) return;
    const view = presentNotification(row, planned.recipient.locale, planned.recipient.timezone);
    if ((await pushToHub(env, row.userId, view)) > 0) {
      const shownAt = Date.now();
      await db
        .update(notificationDeliveries)
        .set({ status: "delivered", provider: "user_hub", deliveredAt: shownAt, updatedAt: shownAt })
        .where(eq(notificationDeliveries.id, deliveryId));
    }
  });
  const hints = plan.hints.map((h) => notifyUnread(env, h.userId, h.dialogId, h.count));

  // Everything still pending (new, or left over by an earlier try) goes on the queue. When this run
  // created every delivery, they are all pending; otherwise read which still are.
  const created = external.map((i) => returned<PendingDelivery>(i)[0]);
  const pending = created.every(Boolean) ? (created as PendingDelivery[]) : await pendingDeliveries(db, deliveryIds);
  const enqueue = enqueueOf(env, deps);
  const queued = pending.length
    ? enqueue(
        pending.map((d) => ({
          body: deliverEvent(d.id, d.notificationId),
          delaySeconds: delayUntil(d.notBefore, at, config.maxDelaySeconds),
        })),
      )
    : Promise.resolve();
  await Promise.all([...live, ...hints, queued]);
}

async function notificationsByKey(db: Database, keys: string[]) {
  const out = new Map<string, NotificationRow>();
  for (let i = 0; i < keys.length; i += 90) {
    const rows = await db
      .select()
      .from(notifications)
      .where(inArray(notifications.dedupeKey, keys.slice(i, i + 90)));
    for (const row of rows) out.set(row.dedupeKey, row);
  }
  return out;
}

async function pendingDeliveries(db: Database, ids: string[]) {
  const out: PendingDelivery[] = [];
  for (let i = 0; i < ids.length; i += 90) {
    out.push(
      ...(await db
        .select({
          id: notificationDeliveries.id,
          notificationId: notificationDeliveries.notificationId,
          notBefore: notificationDeliveries.notBefore,
        })
        .from(notificationDeliveries)
        .where(
          and(inArray(notificationDeliveries.id, ids.slice(i, i + 90)), eq(notificationDeliveries.status, "pending")),
        )),
    );
  }
  return out;
}

/**
 * Domain events → notifications (order.*, payment.failed, inventory.low, chat.message,
 * security.alert, promotion.*). Exactly once per event through consumeOnce; the rows it writes are
 * keyed so that even a retry after a partial run notifies once.
 */
export const composeNotifications: NotificationConsumer = {
  name: "notifications.compose",
  async handle(event, env, deps) {
    const at = now(deps);
    const plan = await planFor(event, { env, db: database(env), config: readConfig(env), now: at });
    if (plan.notifications.length > 0 || plan.hints.length > 0) await commitPlan(env, deps, event, plan, at);
    return [];
  },
  async onDeadLetter(event) {
    logEvent("error", "notification_event_dead_lettered", { eventId: event.id, type: event.type });
  },
};

type DeliveryRow = typeof notificationDeliveries.$inferSelect;

/** Gives up on a delivery: expired (no longer wanted or possible), with why. */
function expire(db: Database, d: DeliveryRow, reason: string, at: number): BatchItem<"sqlite">[] {
  const writes: BatchItem<"sqlite">[] = [
    db
      .update(notificationDeliveries)
      .set({ status: "expired", lastError: reason, updatedAt: at })
      .where(and(eq(notificationDeliveries.id, d.id), eq(notificationDeliveries.status, "pending"))),
  ];
  if (d.outboundMessageId) {
    writes.push(
      db
        .update(outboundMessages)
        .set({ status: "failed", lastError: reason, updatedAt: at })
        .where(and(eq(outboundMessages.id, d.outboundMessageId), eq(outboundMessages.status, "pending"))),
    );
  }
  return writes;
}

/**
 * Sends one delivery (`notification.deliver`) through its channel's provider and records the
 * outcome on the delivery and its tracked message. Before sending it checks the delivery is still
 * wanted: not expired, not held by quiet hours (a deferral longer than a queue can delay hops
 * again), the channel and category still on, the push device still registered. A failure is
 * recorded (attempts, last error) and rethrown: the queue retries with backoff and jitter, and
 * after the last retry the dead-letter queue marks it failed. A push token FCM no longer knows is
 * forgotten and the delivery expired.
 */
export const deliverNotification: NotificationConsumer = {
  name: "notifications.deliver",
  async handle(event, env, deps) {
    const db = database(env);
    const config = readConfig(env).notifications;
    const at = now(deps);
    const id = String(event.data.deliveryId ?? "");
    // One read: the delivery, its notification's category, its tracked message and (push) device.
    const found = await db
      .select({
        delivery: notificationDeliveries,
        category: notifications.category,
        message: outboundMessages,
        deviceId: notificationDevices.id,
        preferences: notificationPreferences,
      })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .leftJoin(outboundMessages, eq(outboundMessages.id, notificationDeliveries.outboundMessageId))
      .leftJoin(notificationDevices, eq(notificationDevices.id, notificationDeliveries.target))
      .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notificationDeliveries.userId))
      .where(eq(notificationDeliveries.id, id))
      .get();
    // Gone, already settled (sent, failed, expired), or not a tracked message: nothing to do.
    if (found?.delivery.status !== "pending" || !found.delivery.outboundMessageId) return [];
    const d = found.delivery;
    if (d.expiresAt <= at) return expire(db, d, "not sent before it expired", at);
    if (d.notBefore !== null && d.notBefore - at > 1000) {
      // Still inside quiet hours (the queue's delay is capped): wait again.
      const hop = (Number(event.data.hop) || 0) + 1;
      await enqueueOf(
        env,
        deps,
      )([
        {
          body: deliverEvent(d.id, d.notificationId, hop),
          delaySeconds: delayUntil(d.notBefore, at, config.maxDelaySeconds),
        },
      ]);
      return [];
    }
    if (d.userId && found.category !== "security") {
      // The recipient may have changed their mind while it waited (quiet hours, retries).
      const prefs = fromRow(found.preferences ?? undefined);
      if (!prefs.categories[found.category] || !prefs.channels[d.channel]) {
        return expire(db, d, "turned off by the recipient before it was sent", at);
      }
    }
    if (d.channel === "push" && !found.deviceId) return expire(db, d, "the device is no longer registered", at);
    const message = found.message;
    if (!message) return expire(db, d, "its message is gone", at);
    try {
      const { receipt, writes } = await sendOutboundMessage(env, deps, message);
      // The delivery is recorded sent first: the message's writes then apply any provider receipt.
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
      ];
    } catch (err) {
      const failed = db
        .update(notificationDeliveries)
        .set({
          attempts: sql`${notificationDeliveries.attempts} + 1`,
          provider:
            typeof (err as { provider?: unknown }).provider === "string"
              ? (err as { provider: string }).provider
              : null,
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
  },
  async onDeadLetter(event, env) {
    const db = database(env);
    const id = String(event.data.deliveryId ?? "");
    const d = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id)).get();
    if (!d) return;
    const at = Date.now();
    await db.batch([
      db
        .update(notificationDeliveries)
        .set({ status: "failed", updatedAt: at })
        .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.status, "pending"))),
      ...(d.outboundMessageId
        ? [
            db
              .update(outboundMessages)
              .set({ status: "failed", updatedAt: at })
              .where(and(eq(outboundMessages.id, d.outboundMessageId), eq(outboundMessages.status, "pending"))),
          ]
        : []),
    ]);
  },
};
