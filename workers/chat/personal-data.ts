import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { chatFlags, dialogMembers, dialogs } from "../../d1/schema/chat";
import { type Database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import { reencryptPii } from "../platform/pii";
import { encryptedColumns } from "../platform/pii-rotation";
import { openContent } from "./room/content";
import type { Payload } from "./room/store";
import { roomStub } from "./rooms";

/**
 * What chat holds about a person, for the privacy domain: the messages they sent (in each room of
 * a dialog they are in), their erasure, and the key rotation of the rooms' sealed contents. The
 * crypto happens here, in the Worker; rooms only read and write rows (room/personal-data.ts).
 */

/** Chat's D1 copies of message content (listing previews, flag excerpts), for the key rotation. */
export const CHAT_ENCRYPTED_COLUMNS = [
  encryptedColumns(dialogs, dialogs.id, [dialogs.lastPreviewEnc]),
  encryptedColumns(chatFlags, chatFlags.id, [chatFlags.excerptEnc]),
];

/** A room's answer; a refusal here is a bug of the caller (the inputs are built in code). */
function unwrap<T extends { ok: boolean }>(dialogId: string, out: T | { ok: false; detail: string }) {
  if (!out.ok) throw new Error(`room ${dialogId}: ${(out as { detail: string }).detail}`);
  return out as Extract<T, { ok: true }>;
}

/** The user's dialogs after the id `after`, in id order. */
export async function dialogIdsOf(db: Database, userId: string, after: string | null, limit: number) {
  const rows = await db
    .select({ id: dialogMembers.dialogId })
    .from(dialogMembers)
    .where(and(eq(dialogMembers.userId, userId), gt(dialogMembers.dialogId, after ?? "")))
    .orderBy(asc(dialogMembers.dialogId))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Every dialog after the id `after`, in id order: the key rotation visits every room. */
export async function dialogIdsAfter(db: Database, after: string | null, limit: number) {
  const rows = await db
    .select({ id: dialogs.id })
    .from(dialogs)
    .where(gt(dialogs.id, after ?? ""))
    .orderBy(asc(dialogs.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * The D1 writes of an account's erasure, for the caller's batch: the excerpts of flags on the
 * user's messages, and the listing preview of dialogs whose last message is theirs (the rooms'
 * own erasure follows, and tells D1 again through its effects).
 */
export function chatErasureWrites(db: Database, userId: string): BatchItem<"sqlite">[] {
  return [
    db
      .update(chatFlags)
      .set({ excerptEnc: null })
      .where(and(eq(chatFlags.senderId, userId), isNotNull(chatFlags.excerptEnc))),
    db
      .update(dialogs)
      .set({ lastPreviewEnc: null, lastDeleted: true, updatedAt: nowMs() })
      .where(eq(dialogs.lastSenderId, userId)),
  ];
}

/** Erases up to `limit` of the user's messages in one room; true when more are left. */
export async function eraseSenderInRoom(env: Env, dialogId: string, userId: string, limit: number) {
  const out = unwrap(dialogId, await roomStub(env, dialogId).eraseSender({ userId, limit }));
  return out.more;
}

/** Every message the user sent in the dialogs they are in, content decrypted, for the export. */
export async function messagesSentBy(env: Env, db: Database, userId: string) {
  const out = [];
  const page = 500;
  for (const dialogId of await dialogIdsOf(db, userId, null, 100_000)) {
    const room = roomStub(env, dialogId);
    let afterSeq = 0;
    for (;;) {
      const sent = unwrap(dialogId, await room.sentBy({ userId, afterSeq, limit: page }));
      for (const m of sent.messages) {
        const payload = m.payload ? (JSON.parse(m.payload) as Payload) : {};
        out.push({
          dialogId,
          id: m.id,
          seq: m.seq,
          kind: m.kind,
          ...(await openContent(env, m.contentEnc)),
          ...(payload.media ? { media: payload.media } : {}),
          createdAt: new Date(m.createdAt).toISOString(),
          editedAt: m.editedAt === null ? null : new Date(m.editedAt).toISOString(),
          deleted: m.deletedAt !== null,
        });
      }
      if (!sent.more) break;
      afterSeq = sent.messages[sent.messages.length - 1].seq;
    }
  }
  return out;
}

/**
 * Re-encrypts one page of a room's message contents to the newest key: read, re-encrypt here,
 * put back only where unchanged. `last` is the seq to continue after; `done` when the room is.
 */
export async function reencryptRoomPage(env: Env, dialogId: string, afterSeq: number, limit: number) {
  const room = roomStub(env, dialogId);
  const page = unwrap(dialogId, await room.sealedPage({ afterSeq, limit }));
  const items: { seq: number; from: string; to: string }[] = [];
  let unreadable = 0;
  for (const item of page.items) {
    try {
      const to = await reencryptPii(env, item.contentEnc);
      if (to) items.push({ seq: item.seq, from: item.contentEnc, to });
    } catch (err) {
      unreadable += 1;
      logEvent("error", "pii_unreadable", { dialogId, seq: item.seq, error: String(err) });
    }
  }
  if (items.length) unwrap(dialogId, await room.reseal({ items }));
  const last = page.items.length ? page.items[page.items.length - 1].seq : afterSeq;
  return { last, done: page.done, rewritten: items.length, unreadable };
}
