import { eq, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  notificationDeliveries,
  notificationDevices,
  notificationPreferences,
  notifications,
} from "../../d1/schema/notifications";
import { trackedMessagesDelete } from "../messaging";
import type { Database } from "../platform/db";
import { encryptedColumns } from "../platform/pii-rotation";
import { preferencesFor } from "./preferences";

/**
 * What the notifications domain holds about a user, for GET /users/me/export: the inbox (with
 * how each notification was delivered), preferences and push devices (tokens never leave).
 */
export async function notificationDataOf(db: Database, userId: string) {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.createdAt);
  const deliveries = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.userId, userId));
  const devices = await db
    .select({
      id: notificationDevices.id,
      platform: notificationDevices.platform,
      createdAt: notificationDevices.createdAt,
    })
    .from(notificationDevices)
    .where(eq(notificationDevices.userId, userId));
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      type: n.type,
      title: n.title,
      body: n.body,
      data: n.data,
      read: n.readAt !== null,
      createdAt: new Date(n.createdAt).toISOString(),
      deliveries: deliveries
        .filter((d) => d.notificationId === n.id)
        .map((d) => ({ channel: d.channel, status: d.status, updatedAt: new Date(d.updatedAt).toISOString() })),
    })),
    preferences: await preferencesFor(db, userId),
    pushDevices: devices.map((d) => ({ ...d, createdAt: new Date(d.createdAt).toISOString() })),
  };
}

/**
 * The writes that erase a user's notification data, for DELETE /users/me (add them to its batch):
 * the inbox, deliveries, the tracked messages they sent (push messages are keyed by device token,
 * which the account's phone and email hashes do not reach), preferences and push devices.
 */
export function notificationErasureWrites(db: Database, userId: string): BatchItem<"sqlite">[] {
  return [
    ...notificationDeletes(db, eq(notificationDeliveries.userId, userId), eq(notifications.userId, userId)),
    db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
    db.delete(notificationDevices).where(eq(notificationDevices.userId, userId)),
  ];
}

/**
 * Deletes notifications, the deliveries chosen by `deliveries` and the tracked messages those
 * deliveries sent, in that order (a message is found through its delivery). For erasure and retention.
 */
export function notificationDeletes(
  db: Database,
  deliveries: SQL | undefined,
  which: SQL | undefined,
): [BatchItem<"sqlite">, BatchItem<"sqlite">, BatchItem<"sqlite">] {
  return [
    trackedMessagesDelete(
      db,
      db.select({ id: notificationDeliveries.outboundMessageId }).from(notificationDeliveries).where(deliveries),
    ),
    db.delete(notificationDeliveries).where(deliveries),
    db.delete(notifications).where(which),
  ];
}

/** Push device tokens, encrypted: for the key rotation. */
export const NOTIFICATION_ENCRYPTED_COLUMNS = encryptedColumns(notificationDevices, notificationDevices.id, [
  notificationDevices.tokenEnc,
]);
