import { and, eq, inArray, type SQLWrapper } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { outboundMessages } from "../../d1/schema/messaging";
import type { Database } from "../platform/db";
import { type MessageRequest, outboundMessageRow } from "./messages";

/**
 * Tracked messages as another domain's records use them: notification deliveries carry their
 * content in a tracked message of their own id, and settle, forget or erase it with their own rows
 * (each a batch item, for the caller's batch).
 */

/** The write that records a tracked message once (writing it again changes nothing); pending until sent. */
export async function trackedMessageWrites(
  env: Env,
  db: Database,
  id: string,
  request: MessageRequest,
  at: number,
): Promise<BatchItem<"sqlite">[]> {
  return [
    db
      .insert(outboundMessages)
      .values(await outboundMessageRow(env, id, request, at))
      .onConflictDoNothing(),
  ];
}

/**
 * The query of one tracked message (a batch item: read it with the caller's own reads in one
 * round trip). `id` may be an id or a scalar subquery that yields one.
 */
export function trackedMessageQuery(db: Database, id: string | SQLWrapper) {
  return db.select().from(outboundMessages).where(eq(outboundMessages.id, id)).limit(1);
}

/** The tracked messages whose ids `ids` selects (a subquery of the caller's rows): many at once. */
export function trackedMessagesQuery(db: Database, ids: SQLWrapper) {
  return db.select().from(outboundMessages).where(inArray(outboundMessages.id, ids));
}

/** Gives up on a message still waiting to be sent: failed (with why, when there is a reason). */
export function abandonPendingMessage(db: Database, id: string, at: number, reason?: string) {
  return db
    .update(outboundMessages)
    .set({ status: "failed", ...(reason === undefined ? {} : { lastError: reason }), updatedAt: at })
    .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, "pending")));
}

/** Deletes the tracked messages whose ids `ids` selects (a subquery of the caller's rows). */
export function trackedMessagesDelete(db: Database, ids: SQLWrapper) {
  return db.delete(outboundMessages).where(inArray(outboundMessages.id, ids));
}
