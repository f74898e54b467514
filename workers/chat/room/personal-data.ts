import { z } from "zod";
import type { RoomCore } from "./core";
import { softDelete } from "./edits";
import type { MessageRow } from "./store";

/**
 * What a room holds about one person, for the privacy domain (through workers/chat's face): the
 * messages they sent (export), their erasure when the account is deleted, and the key rotation's
 * access to the sealed contents. The Worker does the crypto; the room only reads and writes rows,
 * each write with no await inside it.
 */

const Id = z.string().min(1).max(200);
const Seq = z.number().int().min(0);
const Limit = z.number().int().min(1).max(1000);
const Sealed = z.string().min(1).max(1_000_000);

export const SentByInput = z.object({ userId: Id, afterSeq: Seq, limit: Limit });
export const EraseSenderInput = z.object({ userId: Id, limit: Limit });
export const SealedPageInput = z.object({ afterSeq: Seq, limit: Limit });
export const ResealInput = z.object({
  items: z.array(z.object({ seq: Seq, from: Sealed, to: Sealed })).max(1000),
});

export type SentByInput = z.input<typeof SentByInput>;
export type EraseSenderInput = z.input<typeof EraseSenderInput>;
export type SealedPageInput = z.input<typeof SealedPageInput>;
export type ResealInput = z.input<typeof ResealInput>;

export interface SentMessage {
  seq: number;
  id: string;
  kind: MessageRow["kind"];
  contentEnc: string | null;
  /** Attachments, stickers and cards, as stored (references only). */
  payload: string | null;
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
}

const COLUMNS =
  "seq, id, sender_id, client_id, kind, content_enc, payload, reply_to, created_at, edited_at, deleted_at";

/** The user's own messages after `afterSeq`, oldest first (system messages are not anyone's). */
export function sentBy(room: RoomCore, input: z.output<typeof SentByInput>) {
  const rows = room.sql
    .exec<MessageRow & Record<string, SqlStorageValue>>(
      `SELECT ${COLUMNS} FROM messages WHERE sender_id = ? AND kind <> 'system' AND seq > ? ORDER BY seq LIMIT ?`,
      input.userId,
      input.afterSeq,
      input.limit,
    )
    .toArray();
  const messages: SentMessage[] = rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    kind: r.kind,
    contentEnc: r.content_enc,
    payload: r.payload,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    deletedAt: r.deleted_at,
  }));
  return { ok: true as const, messages, more: rows.length === input.limit };
}

/**
 * Erases up to `limit` of the user's messages still holding something (content, attachments) or
 * not yet marked deleted: each is soft-deleted as its sender would (sockets get `updated`, the D1
 * preview follows). The sender id stays: it is the deleted account's anonymous id. `more` says
 * another call has work; calling again after a crash simply finds what is left.
 */
export function eraseSender(room: RoomCore, input: z.output<typeof EraseSenderInput>) {
  const rows = room.sql
    .exec<MessageRow & Record<string, SqlStorageValue>>(
      `SELECT ${COLUMNS} FROM messages
        WHERE sender_id = ? AND kind <> 'system'
          AND (deleted_at IS NULL OR content_enc IS NOT NULL OR payload IS NOT NULL)
        ORDER BY seq LIMIT ?`,
      input.userId,
      input.limit,
    )
    .toArray();
  const meta = room.meta();
  const now = Date.now();
  for (const row of rows) {
    if (meta) softDelete(room, meta.dialog_id, row, now);
    else {
      // A room never set up (legacy data only) has no sockets and no D1 projection to tell.
      room.sql.exec(
        "UPDATE messages SET deleted_at = ?, content_enc = NULL, payload = NULL WHERE seq = ?",
        now,
        row.seq,
      );
    }
  }
  return { ok: true as const, erased: rows.length, more: rows.length === input.limit };
}

/** Sealed contents after `afterSeq`, for the key rotation. */
export function sealedPage(room: RoomCore, input: z.output<typeof SealedPageInput>) {
  const rows = room.sql
    .exec<{ seq: number; content_enc: string }>(
      "SELECT seq, content_enc FROM messages WHERE seq > ? AND content_enc IS NOT NULL ORDER BY seq LIMIT ?",
      input.afterSeq,
      input.limit,
    )
    .toArray();
  return {
    ok: true as const,
    items: rows.map((r) => ({ seq: r.seq, contentEnc: r.content_enc })),
    done: rows.length < input.limit,
  };
}

/**
 * Puts re-encrypted contents in place. Only a content still equal to `from` is replaced: one edited
 * or deleted since it was read keeps its newer value. The plaintext is the same, so caches stay.
 */
export function reseal(room: RoomCore, input: z.output<typeof ResealInput>) {
  let replaced = 0;
  for (const item of input.items) {
    replaced += room.sql.exec(
      "UPDATE messages SET content_enc = ? WHERE seq = ? AND content_enc = ?",
      item.to,
      item.seq,
      item.from,
    ).rowsWritten;
  }
  return { ok: true as const, replaced };
}
