import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { notificationDeliveries, notificationDevices, notifications } from "../../d1/schema/notifications";
import {
  type ProviderReceipt,
  type ReceiptOutcomeSql,
  receiptColumns,
  receiptInsert,
  receiptOutcome,
  receiptWrites,
  type SendReceipt,
} from "../messaging";
import { type Database, database, inList, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { logEvent } from "../platform/log";

/**
 * The writes that settle sent deliveries (those `which` selects) from their tracked message's
 * receipts: delivered, or failed when the provider gave up. Only `sent` moves, so the first final
 * word wins and a late or repeated receipt changes nothing.
 */
export function deliveryReceiptWrites(
  db: Database,
  outcome: ReceiptOutcomeSql,
  which: SQL | undefined,
  at: number,
): BatchItem<"sqlite">[] {
  const sent = and(which, eq(notificationDeliveries.status, "sent"));
  return [
    db
      .update(notificationDeliveries)
      .set({ status: "delivered", deliveredAt: outcome.deliveredAt, updatedAt: at })
      .where(and(sent, outcome.delivered)),
    db
      .update(notificationDeliveries)
      .set({ status: "failed", lastError: outcome.failure, updatedAt: at })
      .where(and(sent, outcome.failed)),
  ];
}

/** A delivery whose message its provider took: the delivery, its tracked message, the receipt. */
export interface DeliverySent {
  id: string;
  messageId: string;
  receipt: SendReceipt;
}

/**
 * The writes that record deliveries sent (status, attempt, the provider's id for each), then settle
 * each from the receipts of its own provider message (the dev outbox's is already there): three
 * statements for a whole queue batch.
 */
export function sentDeliveriesWrites(db: Database, sent: readonly DeliverySent[], at: number): BatchItem<"sqlite">[] {
  if (sent.length === 0) return [];
  const which = inList(
    notificationDeliveries.id,
    sent.map((s) => s.id),
  );
  return [
    db
      .update(notificationDeliveries)
      .set({
        status: "sent",
        attempts: sql`${notificationDeliveries.attempts} + 1`,
        ...receiptColumns(sent, notificationDeliveries.id),
        lastError: null,
        sentAt: at,
        updatedAt: at,
      })
      .where(which),
    ...deliveryReceiptWrites(
      db,
      receiptOutcome(notificationDeliveries.provider, notificationDeliveries.providerMessageId),
      which,
      at,
    ),
  ];
}

export interface ReceiptResult {
  /** This provider event was recorded before; nothing changed. */
  duplicate: boolean;
  /** The receipt settled a tracked message or a delivery (false: unknown yet, or progress only). */
  applied: boolean;
}

/**
 * Records a verified provider receipt once and applies it, in one batch, to the tracked message
 * and to every notification delivery that sent it. A receipt for a message we do not know (yet)
 * is kept: the send that is about to be committed applies it.
 */
export async function recordProviderReceipt(env: Env, receipt: ProviderReceipt): Promise<ReceiptResult> {
  const db = database(env);
  const at = nowMs();
  const outcome = receiptOutcome(receipt.provider, receipt.providerMessageId);
  const [inserted, ...updates] = await db.batch([
    receiptInsert(db, receipt, at),
    ...deliveryReceiptWrites(db, outcome, inArray(notificationDeliveries.outboundMessageId, outcome.messageIds), at),
    ...receiptWrites(db, receipt, at),
  ]);
  const duplicate = inserted.length === 0;
  const applied = updates.some((r) => ((r as D1Result | undefined)?.meta?.changes ?? 0) > 0);
  logEvent("info", "provider_receipt", {
    provider: receipt.provider,
    status: receipt.providerStatus,
    outcome: receipt.outcome,
    duplicate,
    applied,
  });
  return { duplicate, applied };
}

/**
 * The app says a notification reached this device: its push delivery to the caller's device
 * (FCM reports nothing back to servers) and its in-app delivery become delivered. Only what was
 * sent moves; asking again changes nothing. 404 when the notification is not the caller's.
 */
export async function confirmDeviceDelivery(
  db: Database,
  auth: { userId: string; sessionId: string },
  notificationId: string,
): Promise<void> {
  const owned = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, auth.userId)))
    .get();
  if (!owned) throw new ApiError("not_found", "You have no notification with this id.");
  const at = nowMs();
  const thisDevice = db
    .select({ id: notificationDevices.id })
    .from(notificationDevices)
    .where(and(eq(notificationDevices.userId, auth.userId), eq(notificationDevices.sessionId, auth.sessionId)));
  await db
    .update(notificationDeliveries)
    .set({ status: "delivered", deliveredAt: at, updatedAt: at })
    .where(
      and(
        eq(notificationDeliveries.notificationId, notificationId),
        eq(notificationDeliveries.status, "sent"),
        or(
          eq(notificationDeliveries.channel, "inApp"),
          and(eq(notificationDeliveries.channel, "push"), inArray(notificationDeliveries.target, thisDevice)),
        ),
      ),
    );
}

/** Reading a notification in the app proves the in-app copy arrived. Add to the read's batch. */
export function inAppDeliveredWrite(db: Database, userId: string, notificationId: string, at: number) {
  return db
    .update(notificationDeliveries)
    .set({ status: "delivered", deliveredAt: at, updatedAt: at })
    .where(
      and(
        eq(notificationDeliveries.notificationId, notificationId),
        eq(notificationDeliveries.userId, userId),
        eq(notificationDeliveries.channel, "inApp"),
        eq(notificationDeliveries.status, "sent"),
      ),
    );
}
