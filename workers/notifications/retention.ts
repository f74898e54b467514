import { lt } from "drizzle-orm";
import { notificationDeliveries, notifications } from "../../d1/schema/notifications";
import { purgeOldMessages } from "../messaging";
import { readConfig } from "../platform/config";
import { database, inList } from "../platform/db";
import { notificationDeletes } from "./privacy";

const DAY_MS = 86_400_000;
/** Rows per statement: each cron run stays well inside a Worker's time and D1's per-query limits. */
const CHUNK = 500;
/** Chunks of notifications per run; a backlog drains over the following minutes. */
const MAX_CHUNKS = 4;

export interface PurgeCounts {
  notifications: number;
  messages: number;
  receipts: number;
}

/**
 * Forgets notifications older than NOTIFICATIONS_RETENTION_DAYS with their deliveries and the
 * tracked messages they sent; then tracked messages of their own (sign-in codes, password
 * resets), provider receipts and dev-outbox rows of the same age. A chat streak's notification is
 * dated by its latest message, so a live conversation's notification stays.
 */
export async function purgeOldNotifications(env: Env, now: number): Promise<PurgeCounts> {
  const db = database(env);
  const cutoff = now - readConfig(env).notifications.retentionDays * DAY_MS;
  const counts: PurgeCounts = { notifications: 0, messages: 0, receipts: 0 };

  for (let chunk = 0; chunk < MAX_CHUNKS; chunk++) {
    const ids = (
      await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(lt(notifications.createdAt, cutoff))
        .limit(CHUNK)
    ).map((r) => r.id);
    if (ids.length === 0) break;
    const [messages] = await db.batch(
      notificationDeletes(db, inList(notificationDeliveries.notificationId, ids), inList(notifications.id, ids)),
    );
    counts.notifications += ids.length;
    counts.messages += messages.meta.changes ?? 0;
    if (ids.length < CHUNK) break;
  }

  const messaging = await purgeOldMessages(db, cutoff);
  counts.messages += messaging.messages;
  counts.receipts += messaging.receipts;
  return counts;
}
