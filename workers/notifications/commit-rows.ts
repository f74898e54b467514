import type { notifications } from "../../d1/schema/notifications";
import { trackedMessagesInsert } from "../messaging";
import { readConfig } from "../platform/config";
import { recordEventsOnce } from "../platform/outbox";
import type { DeliveryPlan, RecordRows } from "./record";

/**
 * A queue batch's notification rows written in a handful of statements instead of five per
 * notification: each kind of row travels as one JSON parameter and json_each inserts them in order.
 * D1 counts statements against an invocation's limit, and locally every statement is built, sent,
 * run and answered on the Worker's CPU: this is what lets a 100-event batch commit in one round trip.
 * The SQL is the per-row writes' (record.ts) row for row, so both paths write the same rows once.
 */

type NotificationRow = typeof notifications.$inferSelect;

const NOTIFICATION_COLUMNS = `(id, user_id, type, category, title, body, data, params, locale, inbox, event_id,
    dedupe_key, read_at, created_at, updated_at)
  SELECT json_extract(value, '$.id'), json_extract(value, '$.userId'), json_extract(value, '$.type'),
         json_extract(value, '$.category'), json_extract(value, '$.title'), json_extract(value, '$.body'),
         json_extract(value, '$.data'), json_extract(value, '$.params'), json_extract(value, '$.locale'),
         json_extract(value, '$.inbox'), json_extract(value, '$.eventId'), json_extract(value, '$.dedupeKey'),
         NULL, json_extract(value, '$.createdAt'), json_extract(value, '$.createdAt')
    FROM json_each(?1) WHERE true`;

/** New notifications, once each; RETURNING names those this statement inserted. */
const INSERT_NOTIFICATIONS = `INSERT INTO notifications ${NOTIFICATION_COLUMNS}
  ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key`;

/** Collapsing notifications (a chat streak): a newer event rewrites the one row, in event order. */
const UPSERT_NOTIFICATIONS = `INSERT INTO notifications ${NOTIFICATION_COLUMNS}
  ON CONFLICT (dedupe_key) DO UPDATE SET title = excluded.title, body = excluded.body, data = excluded.data,
    params = excluded.params, locale = excluded.locale, inbox = excluded.inbox, event_id = excluded.event_id,
    read_at = NULL, created_at = excluded.created_at, updated_at = excluded.updated_at
  RETURNING id, dedupe_key`;

/** Deliveries, once each, attached to their notification by its dedupe key (committed just before). */
const INSERT_DELIVERIES = `INSERT INTO notification_deliveries (id, notification_id, user_id, channel, target,
    dedupe_key, status, urgent, not_before, expires_at, attempts, provider, provider_message_id,
    outbound_message_id, last_error, created_at, updated_at, sent_at, delivered_at)
  SELECT json_extract(j.value, '$.id'), n.id, json_extract(j.value, '$.userId'), json_extract(j.value, '$.channel'),
         json_extract(j.value, '$.target'), json_extract(j.value, '$.dedupeKey'), json_extract(j.value, '$.status'),
         json_extract(j.value, '$.urgent'), json_extract(j.value, '$.notBefore'), json_extract(j.value, '$.expiresAt'),
         0, json_extract(j.value, '$.provider'), NULL, json_extract(j.value, '$.outboundMessageId'), NULL,
         json_extract(j.value, '$.createdAt'), json_extract(j.value, '$.createdAt'), json_extract(j.value, '$.sentAt'),
         NULL
    FROM json_each(?1) AS j JOIN notifications AS n ON n.dedupe_key = json_extract(j.value, '$.notificationKey')
   WHERE true
  ON CONFLICT DO NOTHING RETURNING id, notification_id, not_before`;

/** What committing a batch's rows created: notifications by dedupe key, deliveries by id. */
export interface RowsCommitted {
  notifications: Map<string, NotificationRow>;
  deliveries: Map<string, { id: string; notificationId: string; notBefore: number | null }>;
}

const asJsonRow = (r: RecordRows) => ({
  ...r.notification,
  data: JSON.stringify(r.notification.data),
  params: JSON.stringify(r.notification.params),
  inbox: r.notification.inbox ? 1 : 0,
});

const asDeliveryRow = (d: DeliveryPlan) => ({ ...d, urgent: d.urgent ? 1 : 0 });

/**
 * Commits the rows of many planned notifications (in event order) as one D1 batch: one
 * transaction, so all of them or none. Answers what this commit created; a row that existed
 * (a redelivered event) is absent from the answer, exactly as its per-row insert returns nothing.
 */
export async function commitRows(env: Env, all: RecordRows[], at: number): Promise<RowsCommitted> {
  const plain = all.filter((r) => !r.collapse).map(asJsonRow);
  const collapsing = all.filter((r) => r.collapse).map(asJsonRow);
  const deliveries = all.flatMap((r) => [
    ...(r.inApp ? [asDeliveryRow(r.inApp)] : []),
    ...r.external.map((e) => asDeliveryRow(e.delivery)),
  ]);
  const external = all.flatMap((r) => r.external);
  const statements: D1PreparedStatement[] = [];
  const notificationStatements: number[] = [];
  for (const [text, rows] of [
    [INSERT_NOTIFICATIONS, plain],
    [UPSERT_NOTIFICATIONS, collapsing],
  ] as const) {
    if (rows.length === 0) continue;
    notificationStatements.push(statements.length);
    statements.push(env.DB.prepare(text).bind(JSON.stringify(rows)));
  }
  if (external.length > 0)
    statements.push(
      await trackedMessagesInsert(
        env,
        external.map((e) => e.message),
        at,
      ),
    );
  const deliveryStatement = statements.length;
  if (deliveries.length > 0) statements.push(env.DB.prepare(INSERT_DELIVERIES).bind(JSON.stringify(deliveries)));
  if (external.length > 0) {
    const { claimSeconds } = readConfig(env).outbox;
    statements.push(
      recordEventsOnce(
        env,
        "notifications",
        external.map((e) => e.deliver),
        { claimSeconds },
      ),
    );
  }
  const out: RowsCommitted = { notifications: new Map(), deliveries: new Map() };
  if (statements.length === 0) return out;
  const results = await env.DB.batch<Record<string, unknown>>(statements);
  // What the row holds now: the first insert of a key, or the last update of a collapsing one.
  const byKey = new Map<string, RecordRows["notification"]>();
  for (const r of all) {
    if (r.collapse || !byKey.has(r.notification.dedupeKey)) byKey.set(r.notification.dedupeKey, r.notification);
  }
  for (const i of notificationStatements) {
    for (const row of results[i].results) {
      const key = String(row.dedupe_key);
      const written = byKey.get(key);
      // The row as written: an update keeps the first event's id and rewrites the rest.
      if (written) out.notifications.set(key, { ...written, id: String(row.id), readAt: null } as NotificationRow);
    }
  }
  if (deliveries.length > 0) {
    for (const row of results[deliveryStatement].results) {
      out.deliveries.set(String(row.id), {
        id: String(row.id),
        notificationId: String(row.notification_id),
        notBefore: row.not_before === null ? null : Number(row.not_before),
      });
    }
  }
  return out;
}
