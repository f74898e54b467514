import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { notificationDeliveries, notifications } from "../../d1/schema/notifications";
import type { EventEnvelope } from "../../schemas/events";
import type { MessagingDeps } from "../messaging";
import { readConfig } from "../platform/config";
import { defineConsumer } from "../platform/consume";
import { type Database, database, inList } from "../platform/db";
import { logEvent } from "../platform/log";
import { publishedWrites } from "../platform/outbox";
import { withRequestId } from "../platform/request-context";
import { notifyUnread, pushToHub } from "../realtime";
import { commitRows, type RowsCommitted } from "./commit-rows";
import { type Plan, type Planned, planFor, TEMPLATE_META } from "./compose";
import { clock, delayUntil, enqueueOf, type NotificationConsumer } from "./delivery-queue";
import { deliverEvent, NOTIFIED_EVENT_TYPES } from "./events";
import { presentNotification } from "./present";
import { type RecipientData, type RecipientIds, recipientData, type SharedReads, sharedReads } from "./recipients";
import { type RecordRows, recordRows, recordWrites } from "./record";

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

/**
 * What recording the plans needs about their recipients, read in one D1 round trip for all of
 * them: every notified user's preferences, the push devices of those a push may go to, and which
 * users shown something live (notifications, unread hints) have their stream open.
 */
function plansRecipients(plans: Plan[], read: (ids: RecipientIds) => Promise<RecipientData>): Promise<RecipientData> {
  const planned = plans.flatMap((plan) => plan.notifications);
  const notified = planned.map((p) => p.recipient.userId).filter((id): id is string => id !== null);
  const push = planned
    .filter((p) => p.recipient.userId && TEMPLATE_META[p.template].channels.includes("push"))
    .map((p) => p.recipient.userId as string);
  const hinted = plans.flatMap((plan) => plan.hints.map((h) => h.userId));
  return read({ notified, push, live: [...notified, ...hinted] });
}

/** The plans' unread hints to users with their stream open (the others have no socket to show them on). */
function sendHints(env: Env, plans: Plan[], connected: Set<string>): Promise<boolean>[] {
  return plans.flatMap((plan) =>
    plan.hints.filter((h) => connected.has(h.userId)).map((h) => notifyUnread(env, h.userId, h.dialogId, h.count)),
  );
}

async function planWrites(
  env: Env,
  db: Database,
  event: EventEnvelope,
  plan: Plan,
  at: number,
  { prefs, devices }: RecipientData,
): Promise<PlanWrites> {
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

type DeliverMessage = { body: ReturnType<typeof deliverEvent>; delaySeconds: number };

/**
 * After a plan's writes committed (`results`: the batch's results, from `base` on): each new
 * in-app notification is pushed to its user's hub and the unread hints are sent (the promises
 * returned), and the deliveries still pending are answered, to be put on the queue.
 */
async function afterCommit(
  env: Env,
  db: Database,
  plan: Plan,
  { inApp, external, deliveryIds }: PlanWrites,
  results: unknown[],
  base: number,
  at: number,
  connected: Set<string>,
): Promise<{ effects: Promise<unknown>[]; messages: DeliverMessage[] }> {
  const config = readConfig(env).notifications;
  const returned = <T>(index: number): T[] =>
    Array.isArray(results[base + index]) ? (results[base + index] as T[]) : [];

  // Live: the in-app notifications this run created (a retried event does not show them twice).
  const fresh = inApp.filter(({ index }) => returned(index).length > 0);
  const missing = fresh.filter((f) => returned(f.notificationIndex).length === 0).map((f) => f.planned.dedupeKey);
  const reread = missing.length > 0 ? await notificationsByKey(db, missing) : new Map<string, NotificationRow>();
  const live = showLive(
    env,
    db,
    fresh.map(({ planned, notificationIndex, deliveryId }) => ({
      row: returned<NotificationRow>(notificationIndex)[0] ?? reread.get(planned.dedupeKey),
      planned,
      deliveryId,
    })),
    connected,
  );
  const hints = sendHints(env, [plan], connected);

  // Everything still pending (new, or left over by an earlier try) goes on the queue. When this run
  // created every delivery, they are all pending; otherwise read which still are.
  const created = external.map((i) => returned<PendingDelivery>(i)[0]);
  const pending = created.every(Boolean) ? (created as PendingDelivery[]) : await pendingDeliveries(db, deliveryIds);
  const messages = pending.map((d) => ({
    body: deliverEvent(d.id, d.notificationId),
    delaySeconds: delayUntil(d.notBefore, at, config.maxDelaySeconds),
  }));
  return { effects: [...live, ...hints], messages };
}

/**
 * Puts deliver events on the queue; answers the writes that mark their outbox rows (committed
 * already) published, which the consumer commits with its "done" markers.
 */
async function enqueueDeliveries(
  env: Env,
  deps: MessagingDeps,
  db: Database,
  messages: DeliverMessage[],
): Promise<BatchItem<"sqlite">[]> {
  if (messages.length === 0) return [];
  await enqueueOf(env, deps)(messages);
  return publishedWrites(
    db,
    readConfig(env),
    messages.map((m) => ({ id: m.body.id, delayMs: m.delaySeconds * 1000 })),
  );
}

/**
 * Commits a plan and sets its deliveries going: one D1 batch records every notification and
 * delivery (idempotently), then each new in-app notification is pushed to its user's hub, unread
 * hints are sent, and every delivery still pending is put on the notifications queue, delayed past
 * the recipient's quiet hours. A failure after the commit makes the queue retry the event; the
 * retry finds the rows written and only re-sends what is still pending. The commit point is the
 * batch: it also holds each delivery's deliver event in the outbox, so a crash after it (or a
 * lost queue message) delays a delivery, never loses it. Answers the writes marking those outbox
 * rows published, which commit with the event's "done" marker.
 */
async function commitPlan(
  env: Env,
  deps: MessagingDeps,
  event: EventEnvelope,
  plan: Plan,
  at: number,
): Promise<BatchItem<"sqlite">[]> {
  const db = database(env);
  const recipients = await plansRecipients([plan], (ids) => recipientData(env, db, ids, at));
  const pw = await planWrites(env, db, event, plan, at, recipients);
  const [first, ...rest] = pw.writes;
  const results = first ? ((await db.batch([first, ...rest])) as unknown[]) : [];
  const { effects, messages } = await afterCommit(env, db, plan, pw, results, 0, at, recipients.connected);
  const [published] = await Promise.all([enqueueDeliveries(env, deps, db, messages), ...effects]);
  return published;
}

/**
 * The most notifications one commit holds: a batch is one transaction (one round trip), and each
 * kind of row travels as one JSON parameter; smaller groups keep both modest.
 */
const NOTIFICATIONS_PER_COMMIT = 200;

type EventRows = { p: Planned; rows: RecordRows }[];

/**
 * After a group's rows committed: each in-app notification this commit created is pushed to its
 * user's hub, and the event's deliveries still pending are answered, to be put on the queue.
 */
async function afterRows(
  env: Env,
  db: Database,
  rows: EventRows,
  committed: RowsCommitted,
  at: number,
  connected: Set<string>,
) {
  const config = readConfig(env).notifications;
  const fresh = rows.filter(({ rows: r }) => r.inApp && committed.deliveries.has(r.inApp.id));
  const missing = fresh
    .map(({ rows: r }) => r.notification.dedupeKey)
    .filter((key) => !committed.notifications.has(key));
  const reread = missing.length > 0 ? await notificationsByKey(db, missing) : new Map<string, NotificationRow>();
  const live = showLive(
    env,
    db,
    fresh.map(({ p, rows: r }) => {
      const key = r.notification.dedupeKey;
      return { row: committed.notifications.get(key) ?? reread.get(key), planned: p, deliveryId: r.inApp?.id ?? "" };
    }),
    connected,
  );
  const external = rows.flatMap(({ rows: r }) => r.external.map((e) => e.delivery.id));
  const created = external.map((id) => committed.deliveries.get(id));
  const pending = created.every(Boolean)
    ? (created as PendingDelivery[])
    : await pendingDeliveries(
        db,
        rows.flatMap(({ rows: r }) => [...(r.inApp ? [r.inApp.id] : []), ...external]),
      );
  const messages = pending.map((d) => ({
    body: deliverEvent(d.id, d.notificationId),
    delaySeconds: delayUntil(d.notBefore, at, config.maxDelaySeconds),
  }));
  return { live, messages };
}

/**
 * commitPlan for a whole queue batch: recipients' preferences, devices and presence are read once, the
 * notifications, deliveries, tracked messages and outbox rows of all events commit as a few
 * multi-row statements in one D1 batch per group (commit-rows.ts; each event whole in one group,
 * in event order), then the live pushes and hints go out and every new delivery is enqueued in one
 * send. The same rows and keys as one at a time, so a retry of any of these events finds its rows
 * and changes nothing; the outbox covers a crash between commit and send. Answers the writes
 * marking the sent deliver events published, committed with the batch's "done" markers.
 */
async function commitMany(
  env: Env,
  deps: MessagingDeps,
  planned: { event: EventEnvelope; plan: Plan }[],
  at: number,
  reads: SharedReads,
): Promise<BatchItem<"sqlite">[]> {
  const db = database(env);
  const plans = planned.map((p) => p.plan);
  const { prefs, devices, connected } = await plansRecipients(plans, reads.recipients);
  const perEvent: EventRows[] = await Promise.all(
    planned.map(({ event, plan }) =>
      withRequestId(event.requestId, async () => {
        const rows = await Promise.all(
          plan.notifications.map(async (p) => {
            const userPrefs = p.recipient.userId ? (prefs.get(p.recipient.userId) ?? null) : null;
            return { p, rows: await recordRows(env, event, p, userPrefs, devices, at) };
          }),
        );
        return rows.filter((r): r is EventRows[number] => r.rows !== null);
      }),
    ),
  );
  const groups: EventRows[][] = [];
  for (const rows of perEvent) {
    if (rows.length === 0) continue;
    const last = groups.at(-1);
    if (last && last.flat().length + rows.length <= NOTIFICATIONS_PER_COMMIT) last.push(rows);
    else groups.push([rows]);
  }
  const effects: Promise<unknown>[] = sendHints(env, plans, connected);
  const messages: DeliverMessage[] = [];
  for (const group of groups) {
    const rows = group.flat();
    const committed = await commitRows(
      env,
      rows.map((r) => r.rows),
      at,
    );
    const after = await afterRows(env, db, rows, committed, at, connected);
    effects.push(...after.live);
    messages.push(...after.messages);
  }
  const [published] = await Promise.all([enqueueDeliveries(env, deps, db, messages), ...effects]);
  return published;
}

type Shown = { row: NotificationRow | undefined; planned: Planned; deliveryId: string };

/**
 * Shows new in-app notifications on their users' connected devices, one hub call per user with
 * their stream open (`connected`; a chat streak or several events for one user in a batch go
 * together, in order); shown anywhere, they are delivered. A user without a socket open sees them
 * in the inbox, which their next connection catches up with (realtime's presence).
 */
function showLive(env: Env, db: Database, shown: Shown[], connected: Set<string>): Promise<void>[] {
  const byUser = new Map<string, { row: NotificationRow; planned: Planned; deliveryId: string }[]>();
  for (const { row, planned, deliveryId } of shown) {
    if (!row?.userId || !connected.has(row.userId)) continue;
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), { row, planned, deliveryId }]);
  }
  return [...byUser].map(async ([userId, items]) => {
    const views = items.map(({ row, planned }) =>
      presentNotification(row, planned.recipient.locale, planned.recipient.timezone),
    );
    if ((await pushToHub(env, userId, views)) === 0) return;
    const shownAt = Date.now();
    await db
      .update(notificationDeliveries)
      .set({ status: "delivered", provider: "user_hub", deliveredAt: shownAt, updatedAt: shownAt })
      .where(
        inList(
          notificationDeliveries.id,
          items.map((i) => i.deliveryId),
        ),
      );
  });
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
 * security.alert, promotion.*, return.*, shipment.pickup_placed). Exactly once per event through consumeOnce; the rows it writes are
 * keyed so that even a retry after a partial run notifies once.
 */
export const composeNotifications: NotificationConsumer = defineConsumer({
  name: "notifications.compose",
  types: NOTIFIED_EVENT_TYPES,
  async handle(event, env, deps) {
    const at = clock(deps);
    const db = database(env);
    const plan = await planFor(event, { env, db, config: readConfig(env), now: at });
    if (plan.notifications.length === 0 && plan.hints.length === 0) return [];
    return commitPlan(env, deps, event, plan, at);
  },
  // A queue batch's events together: the users they name read in one query, one commit, one send.
  async handleMany(events, env, deps) {
    const at = clock(deps);
    const db = database(env);
    const reads = sharedReads(env, db, at);
    const ctx = { env, db, config: readConfig(env), now: at, users: reads.users };
    const plans = await Promise.all(
      events.map(async (event) => ({ event, plan: await withRequestId(event.requestId, () => planFor(event, ctx)) })),
    );
    const writes = await commitMany(
      env,
      deps,
      plans.filter(({ plan }) => plan.notifications.length > 0 || plan.hints.length > 0),
      at,
      reads,
    );
    return { writes };
  },
  async onDeadLetter(event) {
    logEvent("error", "notification_event_dead_lettered", { eventId: event.id, type: event.type });
  },
});
