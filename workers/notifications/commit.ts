import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { notificationDeliveries, notifications } from "../../d1/schema/notifications";
import type { EventEnvelope } from "../../schemas/events";
import type { MessagingDeps } from "../messaging";
import { readConfig } from "../platform/config";
import { defineConsumer } from "../platform/consume";
import { type Database, database } from "../platform/db";
import { logEvent } from "../platform/log";
import { markPublished } from "../platform/outbox";
import { notifyUnread, pushToHub } from "../realtime";
import { type Plan, type Planned, planFor, TEMPLATE_META } from "./compose";
import { clock, delayUntil, enqueueOf, type NotificationConsumer } from "./delivery-queue";
import { deliverEvent, NOTIFIED_EVENT_TYPES } from "./events";
import { preferencesOf } from "./preferences";
import { presentNotification } from "./present";
import { type PushTarget, pushTargets } from "./recipients";
import { recordWrites } from "./record";

type PendingDelivery = { id: string; notificationId: string; notBefore: number | null };
type NotificationRow = typeof notifications.$inferSelect;
type InAppRecord = { index: number; notificationIndex: number; deliveryId: string; planned: Planned };

/** A plan's writes, in one batch, and where the results that matter afterwards are. */
interface PlanWrites {
  writes: BatchItem<"sqlite">[];
  inApp: InAppRecord[];
  external: number[];
  deliveryIds: string[];
}

async function planWrites(env: Env, db: Database, event: EventEnvelope, plan: Plan, at: number): Promise<PlanWrites> {
  const userIds = plan.notifications.map((p) => p.recipient.userId).filter((id): id is string => id !== null);
  const wantsPush = plan.notifications.some(
    (p) => p.recipient.userId && TEMPLATE_META[p.template].channels.includes("push"),
  );
  const [prefs, devices] = await Promise.all([
    preferencesOf(db, userIds),
    wantsPush ? pushTargets(env, db, userIds, at) : new Map<string, PushTarget[]>(),
  ]);
  const out: PlanWrites = { writes: [], inApp: [], external: [], deliveryIds: [] };
  for (const p of plan.notifications) {
    const userPrefs = p.recipient.userId ? (prefs.get(p.recipient.userId) ?? null) : null;
    const recorded = await recordWrites(env, db, event, p, userPrefs, devices, at);
    const offset = out.writes.length;
    if (recorded.inApp) {
      out.inApp.push({
        index: offset + recorded.inApp.index,
        notificationIndex: offset + recorded.notificationIndex,
        deliveryId: recorded.inApp.deliveryId,
        planned: p,
      });
    }
    out.external.push(...recorded.external.map((i) => offset + i));
    out.writes.push(...recorded.writes);
    out.deliveryIds.push(...recorded.deliveryIds);
  }
  return out;
}

/**
 * Commits a plan and sets its deliveries going: one D1 batch records every notification and
 * delivery (idempotently), then each new in-app notification is pushed to its user's hub, unread
 * hints are sent, and every delivery still pending is put on the notifications queue, delayed past
 * the recipient's quiet hours. A failure after the commit makes the queue retry the event; the
 * retry finds the rows written and only re-sends what is still pending. The commit point is the
 * batch: it also holds each delivery's deliver event in the outbox, so a crash after it (or a
 * lost queue message) delays a delivery, never loses it.
 */
async function commitPlan(env: Env, deps: MessagingDeps, event: EventEnvelope, plan: Plan, at: number): Promise<void> {
  const db = database(env);
  const config = readConfig(env).notifications;
  const { writes, inApp, external, deliveryIds } = await planWrites(env, db, event, plan, at);
  const [first, ...rest] = writes;
  const results = first ? ((await db.batch([first, ...rest])) as unknown[]) : [];
  const returned = <T>(index: number): T[] => (Array.isArray(results[index]) ? (results[index] as T[]) : []);

  // Live: the in-app notifications this run created (a retried event does not show them twice).
  const fresh = inApp.filter(({ index }) => returned(index).length > 0);
  const missing = fresh.filter((f) => returned(f.notificationIndex).length === 0).map((f) => f.planned.dedupeKey);
  const reread = missing.length > 0 ? await notificationsByKey(db, missing) : new Map<string, NotificationRow>();
  const live = fresh.map(({ planned, notificationIndex, deliveryId }) =>
    showLive(
      env,
      db,
      returned<NotificationRow>(notificationIndex)[0] ?? reread.get(planned.dedupeKey),
      planned,
      deliveryId,
    ),
  );
  const hints = plan.hints.map((h) => notifyUnread(env, h.userId, h.dialogId, h.count));

  // Everything still pending (new, or left over by an earlier try) goes on the queue. When this run
  // created every delivery, they are all pending; otherwise read which still are.
  const created = external.map((i) => returned<PendingDelivery>(i)[0]);
  const pending = created.every(Boolean) ? (created as PendingDelivery[]) : await pendingDeliveries(db, deliveryIds);
  const messages = pending.map((d) => ({
    body: deliverEvent(d.id, d.notificationId),
    delaySeconds: delayUntil(d.notBefore, at, config.maxDelaySeconds),
  }));
  // Their outbox rows (written in the batch above) are marked published once the queue has them.
  const queued = messages.length
    ? enqueueOf(
        env,
        deps,
      )(messages).then(() =>
        markPublished(
          db,
          readConfig(env),
          messages.map((m) => ({ id: m.body.id, delayMs: m.delaySeconds * 1000 })),
        ),
      )
    : Promise.resolve();
  await Promise.all([...live, ...hints, queued]);
}

/** Shows a new in-app notification on the user's connected devices; shown anywhere, it is delivered. */
async function showLive(
  env: Env,
  db: Database,
  row: NotificationRow | undefined,
  planned: Planned,
  deliveryId: string,
): Promise<void> {
  if (!row?.userId) return;
  const view = presentNotification(row, planned.recipient.locale, planned.recipient.timezone);
  if ((await pushToHub(env, row.userId, view)) > 0) {
    const shownAt = Date.now();
    await db
      .update(notificationDeliveries)
      .set({ status: "delivered", provider: "user_hub", deliveredAt: shownAt, updatedAt: shownAt })
      .where(eq(notificationDeliveries.id, deliveryId));
  }
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
export const composeNotifications: NotificationConsumer = defineConsumer({
  name: "notifications.compose",
  types: NOTIFIED_EVENT_TYPES,
  async handle(event, env, deps) {
    const at = clock(deps);
    const plan = await planFor(event, { env, db: database(env), config: readConfig(env), now: at });
    if (plan.notifications.length > 0 || plan.hints.length > 0) await commitPlan(env, deps, event, plan, at);
    return [];
  },
  async onDeadLetter(event) {
    logEvent("error", "notification_event_dead_lettered", { eventId: event.id, type: event.type });
  },
});
