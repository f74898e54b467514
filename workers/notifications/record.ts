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

/** One delivery row to write once (its id derives from its dedupe key), found by its notification's key. */
export interface DeliveryPlan {
  id: string;
  notificationKey: string;
  userId: string | null;
  channel: DeliveryChannel;
  target: string;
  dedupeKey: string;
  status: "pending" | "sent";
  urgent: boolean;
  notBefore: number | null;
  expiresAt: number;
  provider: string | null;
  outboundMessageId: string | null;
  createdAt: number;
  sentAt: number | null;
}

/**
 * What recording a planned notification writes, as rows: the notification (inserted once, or for a
 * collapsing one updated by each newer event), its in-app delivery, and per SMS/email/push target a
 * tracked message, its delivery and the delivery's deliver event (in the outbox with it).
 */
export interface RecordRows {
  notification: typeof notifications.$inferInsert & { id: string };
  collapse: boolean;
  inApp: DeliveryPlan | null;
  external: { message: { id: string; request: MessageRequest }; delivery: DeliveryPlan; deliver: DeliverEvent }[];
}

export type DeliverEvent = ReturnType<typeof deliverEvent>;

/** What every row of one planned notification shares. */
interface Recording {
  event: EventEnvelope;
  p: Planned;
  /** The event's time, which dates the stable ids. */
  eventTime: number;
  /** Who it is for (a user id, or the guest's key). */
  who: string;
  at: number;
}

const deliveryKey = (r: Recording, channel: DeliveryChannel, target: string) =>
  `${r.event.id}:${r.who}:${r.p.template}:${channel}:${target}`;

async function deliveryPlan(
  r: Recording,
  channel: DeliveryChannel,
  target: string,
  fields: { status: "pending" | "sent"; notBefore: number | null; outboundMessageId: string | null; expiresAt: number },
): Promise<DeliveryPlan> {
  const key = deliveryKey(r, channel, target);
  const sent = fields.status === "sent";
  return {
    id: await stableId("dlv", r.eventTime, key),
    notificationKey: r.p.dedupeKey,
    userId: r.p.recipient.userId,
    channel,
    target,
    dedupeKey: key,
    urgent: TEMPLATE_META[r.p.template].urgent === true,
    provider: sent ? "in_app" : null,
    createdAt: r.at,
    sentAt: sent ? r.at : null,
    ...fields,
  };
}

/**
 * An SMS, email or push delivery: its tracked message (sharing the delivery's id, msg_ for dlv_,
 * so both are written once) with the text rendered for the channel, then the delivery. Quiet
 * hours hold back what would buzz or ring a phone: push and SMS.
 */
async function externalDelivery(
  r: Recording,
  t: Target,
  context: { notificationId: string; tz: string; quietEnd: number | null; expiresAt: number },
): Promise<RecordRows["external"][number]> {
  const { p } = r;
  const meta = TEMPLATE_META[p.template];
  const notBefore = t.channel === "push" || t.channel === "sms" ? context.quietEnd : null;
  const delivery = await deliveryPlan(r, t.channel, t.target, {
    status: "pending",
    notBefore,
    outboundMessageId: null,
    expiresAt: context.expiresAt,
  });
  const messageId = `msg_${delivery.id.slice(4)}`;
  delivery.outboundMessageId = messageId;
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
  return { message: { id: messageId, request }, delivery, deliver: deliverEvent(delivery.id, context.notificationId) };
}

/**
 * The rows that record a planned notification and its deliveries, or null when every channel is
 * off for this recipient (or none reaches them). Ids derive from the dedupe keys, so writing them
 * twice (a retried event) changes nothing: the notification is inserted once (or, for a collapsing
 * chat notification, updated), each delivery once, each tracked message once.
 */
export async function recordRows(
  env: Env,
  event: EventEnvelope,
  p: Planned,
  prefs: Preferences | null,
  devices: Map<string, PushTarget[]>,
  at: number,
): Promise<RecordRows | null> {
  const config = readConfig(env).notifications;
  const meta = TEMPLATE_META[p.template];
  const channels = allowedChannels(meta.category, meta.channels, prefs);
  const inbox = p.recipient.userId !== null && channels.includes("inApp");
  const targets = channels.filter((c) => c !== "inApp").flatMap((channel) => targetsOf(channel, p, devices));
  if (!inbox && targets.length === 0) return null;

  const eventTime = Date.parse(event.occurredAt) || at;
  const r: Recording = { event, p, eventTime, who: p.recipient.userId ?? `guest:${p.dedupeKey}`, at };
  const tz = safeTimeZone(p.recipient.timezone);
  const text = renderNotification(p.template, "inApp", p.recipient.locale, p.params, tz);
  const notificationId = await stableId("ntf", eventTime, p.dedupeKey);
  const expiresAt = Math.min(p.expiresAt ?? Number.MAX_SAFE_INTEGER, at + config.deliveryTtlSeconds * 1000);
  const quietEnd = meta.urgent ? null : quietHoursEnd(prefs?.quietHours ?? null, tz, at);
  const notification = {
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
  };
  // In-app is sent by committing it; the realtime push may then mark it delivered.
  const inApp = inbox
    ? await deliveryPlan(r, "inApp", "", { status: "sent", notBefore: null, outboundMessageId: null, expiresAt })
    : null;
  const external = await Promise.all(
    targets.map((t) => externalDelivery(r, t, { notificationId, tz, quietEnd, expiresAt })),
  );
  return { notification, collapse: p.collapse === true, inApp, external };
}

/**
 * The notification's write: inserted once, or, for a collapsing notification (a chat streak),
 * updated by each newer event.
 */
function notificationUpsert(db: Database, rows: RecordRows) {
  const row = rows.notification;
  const insert = db.insert(notifications).values(row);
  if (!rows.collapse) return insert.onConflictDoNothing().returning();
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
        eventId: row.eventId,
        readAt: null,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      },
    })
    .returning();
}

/** One delivery's insert, written once. It finds its notification by the notification's dedupe key in the same batch. */
function deliveryInsert(db: Database, d: DeliveryPlan) {
  return db
    .insert(notificationDeliveries)
    .select(
      db
        .select({
          id: sql<string>`${d.id}`.as("id"),
          notificationId: notifications.id,
          userId: sql<string | null>`${d.userId}`.as("user_id"),
          channel: sql<string>`${d.channel}`.as("channel"),
          target: sql<string>`${d.target}`.as("target"),
          dedupeKey: sql<string>`${d.dedupeKey}`.as("dedupe_key"),
          status: sql<string>`${d.status}`.as("status"),
          urgent: sql<number>`${d.urgent ? 1 : 0}`.as("urgent"),
          notBefore: sql<number | null>`${d.notBefore}`.as("not_before"),
          expiresAt: sql<number>`${d.expiresAt}`.as("expires_at"),
          attempts: sql<number>`0`.as("attempts"),
          provider: sql<string | null>`${d.provider}`.as("provider"),
          providerMessageId: sql<string | null>`NULL`.as("provider_message_id"),
          outboundMessageId: sql<string | null>`${d.outboundMessageId}`.as("outbound_message_id"),
          lastError: sql<string | null>`NULL`.as("last_error"),
          createdAt: sql<number>`${d.createdAt}`.as("created_at"),
          updatedAt: sql<number>`${d.createdAt}`.as("updated_at"),
          sentAt: sql<number | null>`${d.sentAt}`.as("sent_at"),
          deliveredAt: sql<number | null>`NULL`.as("delivered_at"),
        })
        .from(notifications)
        .where(eq(notifications.dedupeKey, d.notificationKey)),
    )
    .onConflictDoNothing()
    .returning({
      id: notificationDeliveries.id,
      notificationId: notificationDeliveries.notificationId,
      notBefore: notificationDeliveries.notBefore,
    });
}

/**
 * The writes that record a planned notification and its deliveries, one statement per row (the
 * one-event path; commit-rows.ts writes a whole batch's rows in a few statements).
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
  const rows = await recordRows(env, event, p, prefs, devices, at);
  if (!rows) return NOTHING;
  const outboxClaimSeconds = readConfig(env).outbox.claimSeconds;
  const writes: BatchItem<"sqlite">[] = [notificationUpsert(db, rows)];
  const deliveryIds: string[] = [];
  let inApp: Recorded["inApp"] = null;
  if (rows.inApp) {
    inApp = { index: writes.length, deliveryId: rows.inApp.id };
    deliveryIds.push(rows.inApp.id);
    writes.push(deliveryInsert(db, rows.inApp));
  }
  const external: number[] = [];
  for (const { message, delivery, deliver } of rows.external) {
    writes.push(...(await trackedMessageWrites(env, db, message.id, message.request, at)));
    external.push(writes.length);
    deliveryIds.push(delivery.id);
    writes.push(deliveryInsert(db, delivery));
    // Its deliver event, in the outbox with it: commit.ts sends it right after the commit; if that
    // message is lost (a crash, a local queue killed), the drain or the reconciler sends it again.
    writes.push(recordEventOnce(db, "notifications", deliver, { claimSeconds: outboxClaimSeconds }));
  }
  return { writes, notificationIndex: 0, inApp, external, deliveryIds };
}
