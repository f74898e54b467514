import type { DialogType, MemberRole, Message, SystemEvent } from "../../../schemas/chat";
import type { QueuedEffect, RoomMember, RoomSnapshot } from "./types";

/**
 * The ChatRoom object's own SQLite tables and the plain reads and writes on them. Everything here
 * is synchronous: a caller that does not `await` between a read and a write commits them as one
 * atomic step (that is how seq rises by exactly one and a clientId is taken once).
 */

export interface MetaRow {
  dialog_id: string;
  type: DialogType;
  shop_id: string | null;
  created_at: number;
  origin: string | null;
  alarm_at: number | null;
  heartbeat_at: number | null;
}

export interface MemberRow {
  user_id: string;
  role: MemberRole;
  joined_at: number;
  last_read_seq: number;
  last_delivered_seq: number;
}

export interface MessageRow {
  seq: number;
  id: string;
  sender_id: string;
  client_id: string;
  kind: Message["kind"];
  content_enc: string | null;
  payload: string | null;
  reply_to: string | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
}

/** The unencrypted part of a message: references and system details, no personal content. */
export interface Payload {
  media?: NonNullable<Message["media"]>;
  sticker?: NonNullable<Message["sticker"]>;
  card?: { type: "product" | "order"; id: string };
  /** kind transfer: the wallet transfer the message shows (its card is read live). */
  transfer?: { id: string };
  system?: SystemEvent;
}

type Row<T> = T & Record<string, SqlStorageValue>;

// ------------------------------------------------------------------ meta and members

export function readMeta(sql: SqlStorage): MetaRow | undefined {
  return sql
    .exec<Row<MetaRow>>(
      "SELECT dialog_id, type, shop_id, created_at, origin, alarm_at, heartbeat_at FROM room_meta WHERE id = 1",
    )
    .toArray()[0];
}

/** First initialization wins; later calls (a repair racing the creator) change nothing. */
export function initRoom(sql: SqlStorage, snapshot: RoomSnapshot): boolean {
  if (readMeta(sql)) return false;
  sql.exec(
    "INSERT INTO room_meta (id, dialog_id, type, shop_id, created_at) VALUES (1, ?, ?, ?, ?)",
    snapshot.dialogId,
    snapshot.type,
    snapshot.shopId,
    snapshot.createdAt,
  );
  for (const m of snapshot.members) insertMember(sql, m);
  return true;
}

export function insertMember(sql: SqlStorage, m: RoomMember, lastSeq = 0): void {
  // A member who joins later starts with everything before them read.
  sql.exec(
    "INSERT OR IGNORE INTO members (user_id, role, joined_at, last_read_seq, last_delivered_seq) VALUES (?, ?, ?, ?, ?)",
    m.userId,
    m.role,
    m.joinedAt,
    lastSeq,
    lastSeq,
  );
}

export function readMember(sql: SqlStorage, userId: string): MemberRow | undefined {
  return sql
    .exec<Row<MemberRow>>(
      "SELECT user_id, role, joined_at, last_read_seq, last_delivered_seq FROM members WHERE user_id = ?",
      userId,
    )
    .toArray()[0];
}

export function listMembers(sql: SqlStorage): MemberRow[] {
  return sql
    .exec<Row<MemberRow>>(
      "SELECT user_id, role, joined_at, last_read_seq, last_delivered_seq FROM members ORDER BY joined_at, user_id",
    )
    .toArray();
}

export function memberCount(sql: SqlStorage): number {
  return sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM members").one().n;
}

export function adminCount(sql: SqlStorage): number {
  return sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM members WHERE role = 'admin'").one().n;
}

// ------------------------------------------------------------------ messages

const MESSAGE_COLUMNS =
  "seq, id, sender_id, client_id, kind, content_enc, payload, reply_to, created_at, edited_at, deleted_at";

export function lastSeq(sql: SqlStorage): number {
  return sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM messages").one().seq ?? 0;
}

export function messageById(sql: SqlStorage, id: string): MessageRow | undefined {
  return sql.exec<Row<MessageRow>>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`, id).toArray()[0];
}

export function messageBySeq(sql: SqlStorage, seq: number): MessageRow | undefined {
  return sql.exec<Row<MessageRow>>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE seq = ?`, seq).toArray()[0];
}

export function messageByClientId(sql: SqlStorage, senderId: string, clientId: string): MessageRow | undefined {
  return sql
    .exec<Row<MessageRow>>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE sender_id = ? AND client_id = ?`,
      senderId,
      clientId,
    )
    .toArray()[0];
}

/** Newest first, seq < before. */
export function messagesBefore(sql: SqlStorage, before: number, limit: number): MessageRow[] {
  return sql
    .exec<Row<MessageRow>>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
      before,
      limit,
    )
    .toArray();
}

/** Oldest first, after < seq <= upTo: replay. */
export function messagesAfter(
  sql: SqlStorage,
  after: number,
  limit: number,
  upTo = Number.MAX_SAFE_INTEGER,
): MessageRow[] {
  return sql
    .exec<Row<MessageRow>>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
      after,
      upTo,
      limit,
    )
    .toArray();
}

export function messagesBySeqs(sql: SqlStorage, seqs: readonly number[]): MessageRow[] {
  if (seqs.length === 0) return [];
  return sql
    .exec<Row<MessageRow>>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE seq IN (SELECT value FROM json_each(?))`,
      JSON.stringify(seqs),
    )
    .toArray();
}

export function messagesByIds(sql: SqlStorage, ids: readonly string[]): MessageRow[] {
  if (ids.length === 0) return [];
  return sql
    .exec<Row<MessageRow>>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id IN (SELECT value FROM json_each(?))`,
      JSON.stringify(ids),
    )
    .toArray();
}

export function insertMessage(sql: SqlStorage, row: MessageRow): void {
  sql.exec(
    `INSERT INTO messages (${MESSAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    row.seq,
    row.id,
    row.sender_id,
    row.client_id,
    row.kind,
    row.content_enc,
    row.payload,
    row.reply_to,
    row.created_at,
    row.edited_at,
    row.deleted_at,
  );
}

export function parsePayload(row: Pick<MessageRow, "payload">): Payload {
  return row.payload ? (JSON.parse(row.payload) as Payload) : {};
}

// ------------------------------------------------------------------ reactions

export interface ReactionRow {
  seq: number;
  emoji: string;
  user_id: string;
}

export function reactionsFor(sql: SqlStorage, seqs: readonly number[]): Map<number, Message["reactions"]> {
  const out = new Map<number, Message["reactions"]>();
  if (seqs.length === 0) return out;
  const rows = sql
    .exec<Row<ReactionRow>>(
      "SELECT seq, emoji, user_id FROM reactions WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq, created_at, emoji",
      JSON.stringify(seqs),
    )
    .toArray();
  for (const r of rows) {
    const list = out.get(r.seq) ?? [];
    let entry = list.find((e) => e.emoji === r.emoji);
    if (!entry) {
      entry = { emoji: r.emoji, count: 0, userIds: [] };
      list.push(entry);
    }
    entry.count += 1;
    entry.userIds.push(r.user_id);
    out.set(r.seq, list);
  }
  return out;
}

export function userReactionCount(sql: SqlStorage, seq: number, userId: string): number {
  return sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM reactions WHERE seq = ? AND user_id = ?", seq, userId).one()
    .n;
}

// ------------------------------------------------------------------ pending D1 work

export function queueEffect(sql: SqlStorage, effect: QueuedEffect): void {
  sql.exec("INSERT INTO pending_effects (effect) VALUES (?)", JSON.stringify(effect));
}

export function pendingEffects(sql: SqlStorage, limit: number): { id: number; effect: QueuedEffect }[] {
  return sql
    .exec<{ id: number; effect: string }>("SELECT id, effect FROM pending_effects ORDER BY id LIMIT ?", limit)
    .toArray()
    .map((r) => ({ id: r.id, effect: JSON.parse(r.effect) as QueuedEffect }));
}

/** Forgets effects that were applied (by id: one that failed stays queued for the next attempt). */
export function forgetEffects(sql: SqlStorage, ids: readonly number[]): void {
  if (ids.length === 0) return;
  sql.exec("DELETE FROM pending_effects WHERE id IN (SELECT value FROM json_each(?))", JSON.stringify(ids));
}

export function markRead(sql: SqlStorage, userId: string, seq: number): void {
  sql.exec(
    "INSERT INTO dirty_reads (user_id, seq) VALUES (?1, ?2) ON CONFLICT (user_id) DO UPDATE SET seq = MAX(seq, ?2)",
    userId,
    seq,
  );
}

export function markPresence(sql: SqlStorage, userId: string, online: boolean, at: number): void {
  sql.exec(
    "INSERT INTO presence_dirty (user_id, online, at) VALUES (?1, ?2, ?3) ON CONFLICT (user_id) DO UPDATE SET online = ?2, at = ?3",
    userId,
    online ? 1 : 0,
    at,
  );
}

export function hasPendingWork(sql: SqlStorage): boolean {
  return (
    sql
      .exec<{ n: number }>(
        "SELECT (SELECT COUNT(*) FROM pending_effects) + (SELECT COUNT(*) FROM dirty_reads) + (SELECT COUNT(*) FROM presence_dirty) AS n",
      )
      .one().n > 0
  );
}
