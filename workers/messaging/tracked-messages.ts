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

const INSERT_MANY = `INSERT INTO outbound_messages
    (id, channel, recipient_hash, content_enc, locale, category, status, attempts, created_at, updated_at)
  SELECT json_extract(value, '$.id'), json_extract(value, '$.channel'), json_extract(value, '$.recipientHash'),
         json_extract(value, '$.contentEnc'), json_extract(value, '$.locale'), json_extract(value, '$.category'),
         'pending', 0, ?2, ?2
    FROM json_each(?1) WHERE true
  ON CONFLICT DO NOTHING`;

/**
 * trackedMessageWrites for many messages: one statement (a D1 prepared statement, for a batch of
 * the caller's own) that records each once; a batch's worth of rows as one JSON parameter.
 */
export async function trackedMessagesInsert(
  env: Env,
  messages: readonly { id: string; request: MessageRequest }[],
  at: number,
): Promise<D1PreparedStatement> {
  const rows = await Promise.all(messages.map((m) => outboundMessageRow(env, m.id, m.request, at)));
  return env.DB.prepare(INSERT_MANY).bind(JSON.stringify(rows), at);
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
