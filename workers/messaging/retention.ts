import { inArray, lt, sql } from "drizzle-orm";
import { devOutbox, outboundMessages, providerReceipts } from "../../d1/schema/messaging";
import type { Database } from "../platform/db";

/** Rows per statement: each cron run stays well inside a Worker's time and D1's per-query limits. */
const CHUNK = 500;

/**
 * Forgets tracked messages, provider receipts and dev-outbox rows older than `cutoff`, up to
 * CHUNK of each per call (a backlog drains over the following runs). Returns how many messages
 * and receipts went.
 */
export async function purgeOldMessages(db: Database, cutoff: number): Promise<{ messages: number; receipts: number }> {
  const [messages, receipts] = await db.batch([
    db
      .delete(outboundMessages)
      .where(
        inArray(
          outboundMessages.id,
          db
            .select({ id: outboundMessages.id })
            .from(outboundMessages)
            .where(lt(outboundMessages.createdAt, cutoff))
            .limit(CHUNK),
        ),
      ),
    db
      .delete(providerReceipts)
      .where(
        sql`rowid IN (SELECT rowid FROM ${providerReceipts} WHERE ${providerReceipts.receivedAt} < ${cutoff} LIMIT ${CHUNK})`,
      ),
    db
      .delete(devOutbox)
      .where(
        inArray(
          devOutbox.id,
          db.select({ id: devOutbox.id }).from(devOutbox).where(lt(devOutbox.createdAt, cutoff)).limit(CHUNK),
        ),
      ),
  ]);
  return { messages: messages.meta.changes ?? 0, receipts: receipts.meta.changes ?? 0 };
}
