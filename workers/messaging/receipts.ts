import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { outboundMessages, providerReceipts, type ReceiptOutcome } from "../../d1/schema/messaging";
import { notificationDeliveries, notificationDevices, notifications } from "../../d1/schema/notifications";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { logEvent } from "../platform/log";

/**
 * One thing a provider told us about a message it took: it reached the handset or inbox
 * (`delivered`), it never will (`failed`), or something in between worth keeping (`progress`:
 * queued, delayed, opened, a spam complaint).
 */
export interface ProviderReceipt {
  provider: string;
  /** Unique per provider event, so a redelivered callback is recognised. */
  receiptKey: string;
  providerMessageId: string;
  outcome: ReceiptOutcome;
  providerStatus: string;
  /** Why it failed, in words safe to keep (no phone numbers or addresses). */
  detail: string | null;
  occurredAt: number;
}

/**
 * The writes that settle a sent message from the receipts its provider has sent so far: the
 * tracked message and every notification delivery that used it move from sent to delivered (or
 * to failed, when the provider gave up and never reported delivery). Only `sent` moves, so the
 * first final word wins and a late or repeated receipt changes nothing. Added to the batch that
 * records a send as well, because a provider's callback can overtake that commit: the receipt
 * waits in `provider_receipts` and is applied the moment the send is recorded.
 */
export function receiptWrites(
  db: Database,
  provider: string,
  providerMessageId: string,
  at: number,
): BatchItem<"sqlite">[] {
  const receipts = (outcome: ReceiptOutcome) =>
    sql`FROM ${providerReceipts} WHERE ${providerReceipts.provider} = ${provider}
        AND ${providerReceipts.providerMessageId} = ${providerMessageId} AND ${providerReceipts.outcome} = ${outcome}`;
  const delivered = sql`EXISTS (SELECT 1 ${receipts("delivered")})`;
  const failed = sql`EXISTS (SELECT 1 ${receipts("failed")}) AND NOT ${delivered}`;
  const deliveredAt = sql<number>`(SELECT MIN(${providerReceipts.occurredAt}) ${receipts("delivered")})`;
  const failure = sql<string>`(SELECT coalesce(${providerReceipts.detail}, ${providerReceipts.providerStatus})
    ${receipts("failed")} ORDER BY ${providerReceipts.occurredAt} LIMIT 1)`;
  const message = and(
    eq(outboundMessages.provider, provider),
    eq(outboundMessages.providerMessageId, providerMessageId),
  );
  const deliveriesOfMessage = and(
    inArray(
      notificationDeliveries.outboundMessageId,
      db.select({ id: outboundMessages.id }).from(outboundMessages).where(message),
    ),
    eq(notificationDeliveries.status, "sent"),
  );
  return [
    db
      .update(notificationDeliveries)
      .set({ status: "delivered", deliveredAt, updatedAt: at })
      .where(and(deliveriesOfMessage, delivered)),
    db
      .update(notificationDeliveries)
      .set({ status: "failed", lastError: failure, updatedAt: at })
      .where(and(deliveriesOfMessage, failed)),
    db
      .update(outboundMessages)
      .set({ status: "delivered", updatedAt: at })
      .where(and(message, eq(outboundMessages.status, "sent"), delivered)),
    db
      .update(outboundMessages)
      .set({ status: "failed", lastError: failure, updatedAt: at })
      .where(and(message, eq(outboundMessages.status, "sent"), failed)),
  ];
}

/** The insert of a receipt (nothing when this provider event was recorded before). */
export function receiptInsert(db: Database, receipt: ProviderReceipt, at: number) {
  return db
    .insert(providerReceipts)
    .values({ ...receipt, receivedAt: at })
    .onConflictDoNothing()
    .returning({ key: providerReceipts.receiptKey });
}

export interface ReceiptResult {
  /** This provider event was recorded before; nothing changed. */
  duplicate: boolean;
  /** The receipt settled a tracked message (false: unknown yet, or it only records progress). */
  applied: boolean;
}

/**
 * Records a verified provider receipt once and applies it. A receipt for a message we do not
 * know (yet) is kept: the send that is about to be committed applies it.
 */
export async function recordProviderReceipt(env: Env, receipt: ProviderReceipt): Promise<ReceiptResult> {
  const db = database(env);
  const at = nowMs();
  const [inserted, ...updates] = await db.batch([
    receiptInsert(db, receipt, at),
    ...receiptWrites(db, receipt.provider, receipt.providerMessageId, at),
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

/** What a provider's callback verifier concluded. */
export type ReceiptVerdict = { ok: true; receipt: ProviderReceipt } | { ok: false; authentic: boolean; reason: string };

/**
 * One provider callback, after its verifier: a forged or replayed one is 401 and changes
 * nothing; an authentic one that cannot be read is 422; otherwise its receipt is recorded once.
 */
export async function receiveProviderReceipt(
  env: Env,
  provider: string,
  verdict: ReceiptVerdict,
): Promise<ReceiptResult> {
  if (!verdict.ok) {
    const name = provider.charAt(0).toUpperCase() + provider.slice(1);
    if (!verdict.authentic) {
      logEvent("warn", "provider_callback_rejected", { provider, reason: verdict.reason });
      throw new ApiError("unauthorized", `This ${name} callback is not signed for this endpoint: ${verdict.reason}.`);
    }
    throw new ApiError("validation_failed", `This ${name} callback cannot be read: ${verdict.reason}.`);
  }
  return recordProviderReceipt(env, verdict.receipt);
}
