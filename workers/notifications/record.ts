import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  type DeliveryChannel,
  type NotificationCategory,
  notificationDeliveries,
  notifications,
} from "../../d1/schema/notifications";
import type { EventEnvelope } from "../../schemas/events";
import { type MessageCategory, type MessageRequest, trackedMessageWrites } from "../messaging";
import { readConfig } from "../platform/config";
import type { Database } from "../platform/db";
import { stableId } from "../platform/ids";
import { recordEventOnce } from "../platform/outbox";
import { type Planned, TEMPLATE_META } from "./compose";
import { deliverEvent } from "./events";
import { allowedChannels, type Preferences, quietHoursEnd } from "./preferences";
import type { PushTarget } from "./recipients";
import { renderNotification, safeTimeZone } from "./templates/render";

/** A planned notification's writes, and where in them the results that matter afterwards are. */
export interface Recorded {
  writes: BatchItem<"sqlite">[];
  /** The notification's upsert (RETURNING the row when this run wrote it). */
  notificationIndex: number;
  inApp: { index: number; deliveryId: string } | null;
  /** The SMS/email/push delivery inserts (RETURNING each one this run created). */
  external: number[];
  deliveryIds: string[];
}

const NOTHING: Recorded = { writes: [], notificationIndex: 0, inApp: null, external: [], deliveryIds: [] };

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

interface Target {
  channel: DeliveryChannel;
  /** The device id for push; empty for the other channels. */
  target: string;
  to: string;
}

function targetsOf(channel: DeliveryChannel, p: Planned, devices: Map<string, PushTarget[]>): Target[] {
  const r = p.recipient;
  switch (channel) {
    case "email":
      return r.email ? [{ channel, target: "", to: r.email }] : [];
    case "sms":
      return r.phone ? [{ channel, target: "", to: r.phone }] : [];
    case "push":
      return r.userId ? (devices.get(r.userId) ?? []).map((d) => ({ channel, target: d.deviceId, to: d.token })) : [];
    default:
      return [];
  }
}

/** What every write of one planned notification shares. */
interface Recording {
  db: Database;
  event: EventEnvelope;
  p: Planned;
  /** The event's time, which dates the stable ids. */
  eventTime: number;
  /** Who it is for (a user id, or the guest's key). */
  who: string;
  at: number;
}

/**
 * The notification's write: inserted once, or, for a collapsing notification (a chat streak),
 * updated by each newer event.
 */
function notificationUpsert(r: Recording, row: typeof notifications.$inferInsert) {
  const insert = r.db.insert(notifications).values(row);
  if (!r.p.collapse) return insert.onConflictDoNothing().returning();
  return insert
    .onConflictDoUpdate({
      target: notifications.dedupeKey,
      set: {
        title: row.title,
        body: row.body,
        data: row.data,
        params: row.params,
        locale: row.locale,
        inbox: row.inbox,
        eventId: r.event.id,
        readAt: null,
        createdAt: r.at,
        updatedAt: r.at,
      },
    })
    .returning();
}

const deliveryKey = (r: Recording, channel: DeliveryChannel, target: string) =>
  `${r.event.id}:${r.who}:${r.p.template}:${channel}:${target}`;

/**
 * One delivery's insert, written once (its id derives from its dedupe key). It finds its
 * notification by the notification's dedupe key in the same batch.
 */
async function deliveryInsert(
  r: Recording,
  channel: DeliveryChannel,
  target: string,
  fields: { status: "pending" | "sent"; notBefore: number | null; outboundMessageId: string | null; expiresAt: number },
) {
  const key = deliveryKey(r, channel, target);
  const id = await stableId("dlv", r.eventTime, key);
  const { db, p, at } = r;
  const sent = fields.status === "sent";
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
          urgent: sql<number>`${TEMPLATE_META[p.template].urgent ? 1 : 0}`.as("urgent"),
          notBefore: sql<number | null>`${fields.notBefore}`.as("not_before"),
          expiresAt: sql<number>`${fields.expiresAt}`.as("expires_at"),
          attempts: sql<number>`0`.as("attempts"),
          provider: sql<string | null>`${sent ? "in_app" : null}`.as("provider"),
          providerMessageId: sql<string | null>`NULL`.as("provider_message_id"),
          outboundMessageId: sql<string | null>`${fields.outboundMessageId}`.as("outbound_message_id"),
          lastError: sql<string | null>`NULL`.as("last_error"),
          createdAt: sql<number>`${at}`.as("created_at"),
          updatedAt: sql<number>`${at}`.as("updated_at"),
          sentAt: sql<number | null>`${sent ? at : null}`.as("sent_at"),
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
}

/**
 * An SMS, email or push delivery: its tracked message (sharing the delivery's id, msg_ for dlv_,
 * so both are written once) with the text rendered for the channel, then the delivery. Quiet
 * hours hold back what would buzz or ring a phone: push and SMS.
 */
async function externalDelivery(
  env: Env,
  r: Recording,
  t: Target,
  context: { notificationId: string; tz: string; quietEnd: number | null; expiresAt: number },
) {
  const { p } = r;
  const meta = TEMPLATE_META[p.template];
  const messageId = `msg_${(await stableId("dlv", r.eventTime, deliveryKey(r, t.channel, t.target))).slice(4)}`;
  const locale = p.recipient.locale;
  const rendered = renderNotification(
    p.template,
    t.channel === "push" ? "push" : t.channel,
    locale,
    p.params,
    context.tz,
  );
  const request: MessageRequest = {
    channel: t.channel as MessageRequest["channel"],
    to: t.to,
    locale,
    subject: t.channel === "sms" ? undefined : rendered.title,
    body: rendered.body,
    category: messageCategory(meta.category),
    ...(t.channel === "push"
      ? {
          data: { type: p.template, ...(p.collapse ? {} : { notificationId: context.notificationId }), ...p.data },
          collapseKey: p.pushCollapseKey,
          urgent: meta.urgent === true,
        }
      : {}),
  };
  const message = await trackedMessageWrites(env, r.db, messageId, request, r.at);
  const notBefore = t.channel === "push" || t.channel === "sms" ? context.quietEnd : null;
  const delivery = await deliveryInsert(r, t.channel, t.target, {
    status: "pending",
    notBefore,
    outboundMessageId: messageId,
    expiresAt: context.expiresAt,
  });
  return { message, delivery };
}

/**
 * The writes that record a planned notification and its deliveries. Ids derive from the dedupe
 * keys, so writing them twice (a retried event) changes nothing: the notification is inserted once
 * (or, for a collapsing chat notification, updated), each delivery once, each tracked message once.
 */
export async function recordWrites(
  env: Env,
  db: Database,
  event: EventEnvelope,
  p: Planned,
  prefs: Preferences | null,
  devices: Map<string, PushTarget[]>,
  at: number,
): Promise<Recorded> {
  const { notifications: config, outbox } = readConfig(env);
  const outboxClaimSeconds = outbox.claimSeconds;
  const meta = TEMPLATE_META[p.template];
  const channels = allowedChannels(meta.category, meta.channels, prefs);
  const inbox = p.recipient.userId !== null && channels.includes("inApp");
  const targets = channels.filter((c) => c !== "inApp").flatMap((channel) => targetsOf(channel, p, devices));
  // Nothing to record: every channel is off for this recipient (or none reaches them).
  if (!inbox && targets.length === 0) return NOTHING;

  const eventTime = Date.parse(event.occurredAt) || at;
  const r: Recording = { db, event, p, eventTime, who: p.recipient.userId ?? `guest:${p.dedupeKey}`, at };
  const tz = safeTimeZone(p.recipient.timezone);
  const text = renderNotification(p.template, "inApp", p.recipient.locale, p.params, tz);
  const notificationId = await stableId("ntf", eventTime, p.dedupeKey);
  const expiresAt = Math.min(p.expiresAt ?? Number.MAX_SAFE_INTEGER, at + config.deliveryTtlSeconds * 1000);
  const quietEnd = meta.urgent ? null : quietHoursEnd(prefs?.quietHours ?? null, tz, at);

  const writes: BatchItem<"sqlite">[] = [
    notificationUpsert(r, {
      id: notificationId,
      userId: p.recipient.userId,
      type: p.template,
      category: meta.category,
      title: text.title,
      body: text.body,
      data: p.data,
      params: p.params,
      locale: p.recipient.locale,
      inbox,
      eventId: event.id,
      dedupeKey: p.dedupeKey,
      readAt: null,
      createdAt: at,
      updatedAt: at,
    }),
  ];
  const deliveryIds: string[] = [];
  let inApp: Recorded["inApp"] = null;
  if (inbox) {
    // In-app is sent by committing it; the realtime push may then mark it delivered.
    const { id, query } = await deliveryInsert(r, "inApp", "", {
      status: "sent",
      notBefore: null,
      outboundMessageId: null,
      expiresAt,
    });
    inApp = { index: writes.length, deliveryId: id };
    deliveryIds.push(id);
    writes.push(query);
  }
  const external: number[] = [];
  for (const t of targets) {
    const { message, delivery } = await externalDelivery(env, r, t, { notificationId, tz, quietEnd, expiresAt });
    writes.push(...message);
    external.push(writes.length);
    deliveryIds.push(delivery.id);
    writes.push(delivery.query);
    // Its deliver event, in the outbox with it: commit.ts sends it right after the commit; if that
    // message is lost (a crash, a local queue killed), the drain or the reconciler sends it again.
    const deliver = deliverEvent(delivery.id, notificationId);
    writes.push(recordEventOnce(db, "notifications", deliver, { claimSeconds: outboxClaimSeconds }));
  }
  return { writes, notificationIndex: 0, inApp, external, deliveryIds };
}
