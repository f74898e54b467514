import { and, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { outboundMessages, providerReceipts, type ReceiptOutcome } from "../../d1/schema/messaging";
import { type Database, inList } from "../platform/db";
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

/** What a provider's callback verifier concluded. */
export type ReceiptVerdict = { ok: true; receipt: ProviderReceipt } | { ok: false; authentic: boolean; reason: string };

/**
 * What the receipts recorded so far say about one provider message, as SQL for an update of a row
 * that follows the message (a notification delivery): `delivered` once any receipt says so,
 * `failed` when one says it never will and none says delivered, with when and why; `messageIds`
 * selects the tracked messages the provider message is.
 */
export interface ReceiptOutcomeSql {
  messageIds: SQL;
  delivered: SQL;
  failed: SQL;
  deliveredAt: SQL<number>;
  failure: SQL<string>;
}

/**
 * `provider` and `providerMessageId` are values (one provider message) or the columns of the row
 * being updated (each row by its own provider message: many rows settled in one statement).
 */
export function receiptOutcome(
  provider: string | SQLWrapper,
  providerMessageId: string | SQLWrapper,
): ReceiptOutcomeSql {
  const receipts = (outcome: ReceiptOutcome) =>
    sql`FROM ${providerReceipts} WHERE ${providerReceipts.provider} = ${provider}
        AND ${providerReceipts.providerMessageId} = ${providerMessageId} AND ${providerReceipts.outcome} = ${outcome}`;
  const delivered = sql`EXISTS (SELECT 1 ${receipts("delivered")})`;
  return {
    messageIds: sql`(SELECT ${outboundMessages.id} FROM ${outboundMessages}
      WHERE ${outboundMessages.provider} = ${provider} AND ${outboundMessages.providerMessageId} = ${providerMessageId})`,
    delivered,
    failed: sql`EXISTS (SELECT 1 ${receipts("failed")}) AND NOT ${delivered}`,
    deliveredAt: sql<number>`(SELECT MIN(${providerReceipts.occurredAt}) ${receipts("delivered")})`,
    failure: sql<string>`(SELECT coalesce(${providerReceipts.detail}, ${providerReceipts.providerStatus})
      ${receipts("failed")} ORDER BY ${providerReceipts.occurredAt} LIMIT 1)`,
  };
}

/**
 * The messages receipts settle: those of one provider message (its callback arrived), or the
 * messages just recorded sent, by id, each by the receipts of its own provider message.
 */
export type ReceiptTarget = { provider: string; providerMessageId: string } | { messageIds: readonly string[] };

/**
 * The writes that settle sent messages from the receipts their provider has sent so far: a tracked
 * message moves from sent to delivered (or to failed, when the provider gave up and never
 * reported delivery). Only `sent` moves, so the first final word wins and a late or repeated
 * receipt changes nothing. Added to the batch that records a send as well, because a provider's
 * callback can overtake that commit: the receipt waits in `provider_receipts` and is applied the
 * moment the send is recorded.
 */
export function receiptWrites(db: Database, target: ReceiptTarget, at: number): BatchItem<"sqlite">[] {
  const byId = "messageIds" in target;
  const outcome = byId
    ? receiptOutcome(outboundMessages.provider, outboundMessages.providerMessageId)
    : receiptOutcome(target.provider, target.providerMessageId);
  const sentMessage = and(
    byId
      ? inList(outboundMessages.id, target.messageIds)
      : and(
          eq(outboundMessages.provider, target.provider),
          eq(outboundMessages.providerMessageId, target.providerMessageId),
        ),
    eq(outboundMessages.status, "sent"),
  );
  return [
    db.update(outboundMessages).set({ status: "delivered", updatedAt: at }).where(and(sentMessage, outcome.delivered)),
    db
      .update(outboundMessages)
      .set({ status: "failed", lastError: outcome.failure, updatedAt: at })
      .where(and(sentMessage, outcome.failed)),
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

/**
 * One provider callback, after its verifier: a forged or replayed one is 401, an authentic one
 * that cannot be read is 422 (nothing changes either way); otherwise its receipt, to record.
 */
export function acceptedReceipt(provider: string, verdict: ReceiptVerdict): ProviderReceipt {
  if (verdict.ok) return verdict.receipt;
  const name = provider.charAt(0).toUpperCase() + provider.slice(1);
  if (!verdict.authentic) {
    logEvent("warn", "provider_callback_rejected", { provider, reason: verdict.reason });
    throw new ApiError("unauthorized", `This ${name} callback is not signed for this endpoint: ${verdict.reason}.`);
  }
  throw new ApiError("validation_failed", `This ${name} callback cannot be read: ${verdict.reason}.`);
}
