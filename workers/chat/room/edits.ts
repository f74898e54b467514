import type { Message } from "../../../schemas/chat";
import { sealContent } from "./content";
import type { RoomCore } from "./core";
import { detectOffPlatform } from "./moderation";
import { assemble, prepare } from "./present";
import { type MessageRow, messageById, queueEffect, userReactionCount } from "./store";
import { fail, type Outcome, type RoomEffect } from "./types";

/** Edits (sender), soft deletes (sender or a group's admin) and reactions; sockets get `updated`. */

export const NO_SUCH_MESSAGE = "There is no message with this id in this dialog.";
const MAX_REACTIONS_PER_USER = 10;
const EMOJI =
  /^(?=.*(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3))(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f|\u20e3)+$/u;

export async function edit(
  room: RoomCore,
  userId: string,
  messageId: string,
  text: string,
  origin: string,
): Promise<Outcome<{ message: Message; effect: RoomEffect }>> {
  const g = room.guard(userId);
  if (!g.ok) return g;
  const row = messageById(room.sql, messageId);
  if (!row) return fail("not_found", NO_SUCH_MESSAGE);
  if (row.sender_id !== userId) return fail("forbidden", "Only its sender can edit a message.");
  if (row.deleted_at !== null) return fail("conflict", "This message was deleted.");
  if (!["text", "image", "file", "card"].includes(row.kind)) {
    // Stickers, locations and system messages: one sentence for all (the kind is a code, not words).
    return fail("conflict", "This kind of message has no text to edit.");
  }
  if ([...text].length > room.config.maxTextLength) {
    return fail("payload_too_large", `A message holds at most ${room.config.maxTextLength} characters of text.`);
  }
  if (row.kind === "text" && text.trim() === "") {
    return fail("validation_failed", "A text message needs text.", {
      errors: [{ path: "text", message: "Must not be blank" }],
    });
  }
  const prepared = await prepare(room.present(origin), [row]);
  const content = { ...(prepared.contents.get(row.seq) ?? {}), text };
  const contentEnc = await sealContent(room.env, content);
  const flags = g.meta.shop_id ? detectOffPlatform(text) : [];

  // Synchronous from here: still a member (a removal may have landed during the awaits), the
  // message still there, then the write.
  const still = room.guard(userId);
  if (!still.ok) return still;
  const current = messageById(room.sql, messageId);
  if (!current || current.deleted_at !== null) return fail("conflict", "This message was deleted.");
  room.noteOrigin(origin);
  const now = Date.now();
  room.sql.exec("UPDATE messages SET content_enc = ?, edited_at = ? WHERE seq = ?", contentEnc, now, row.seq);
  room.cache.set(row.seq, content);
  const effect: RoomEffect = {
    type: "revise",
    dialogId: g.meta.dialog_id,
    messageId,
    seq: row.seq,
    senderId: row.sender_id,
    contentEnc,
    deleted: false,
    flags,
  };
  queueEffect(room.sql, effect);
  room.flushSoon(now);
  const [message] = assemble(room.present(), [row.seq], prepared);
  room.live.broadcast({ type: "updated", message });
  return { ok: true, message, effect };
}

/** Soft delete by its sender (or an admin of a group or channel). Deleting twice is fine. */
export function remove(
  room: RoomCore,
  userId: string,
  messageId: string,
): Outcome<{ message: Message; effect: RoomEffect | null }> {
  const g = room.guard(userId);
  if (!g.ok) return g;
  const row = messageById(room.sql, messageId);
  if (!row) return fail("not_found", NO_SUCH_MESSAGE);
  if (row.kind === "system") return fail("conflict", "System messages cannot be deleted.");
  const moderator = g.meta.type !== "direct" && g.member.role === "admin";
  if (row.sender_id !== userId && !moderator) return fail("forbidden", "Only its sender can delete a message.");
  const empty = { contents: new Map(), cards: new Map(), transfers: new Map() };
  if (row.deleted_at !== null) {
    return { ok: true, message: assemble(room.present(), [row.seq], empty)[0], effect: null };
  }
  return { ok: true, ...softDelete(room, g.meta.dialog_id, row, Date.now()) };
}

/**
 * Empties a message (content, attachments, reactions) and marks it deleted: the D1 preview follows
 * through the effects, sockets get `updated`. For deletes and for an account's erasure.
 */
export function softDelete(
  room: RoomCore,
  dialogId: string,
  row: MessageRow,
  now: number,
): { message: Message; effect: RoomEffect } {
  room.sql.exec("UPDATE messages SET deleted_at = ?, content_enc = NULL, payload = NULL WHERE seq = ?", now, row.seq);
  room.sql.exec("DELETE FROM reactions WHERE seq = ?", row.seq);
  room.cache.delete(row.seq);
  const effect: RoomEffect = {
    type: "revise",
    dialogId,
    messageId: row.id,
    seq: row.seq,
    senderId: row.sender_id,
    contentEnc: null,
    deleted: true,
    flags: [],
  };
  queueEffect(room.sql, effect);
  room.flushSoon(now);
  const [message] = assemble(room.present(), [row.seq], {
    contents: new Map(),
    cards: new Map(),
    transfers: new Map(),
  });
  room.live.broadcast({ type: "updated", message });
  return { message, effect };
}

export async function react(
  room: RoomCore,
  userId: string,
  messageId: string,
  emoji: string,
  add: boolean,
  origin: string,
): Promise<Outcome<{ message: Message }>> {
  const g = room.guard(userId);
  if (!g.ok) return g;
  if (!EMOJI.test(emoji)) {
    return fail("validation_failed", "emoji must be one emoji, such as 👍.", {
      errors: [{ path: "emoji", message: "Not an emoji" }],
    });
  }
  const row = messageById(room.sql, messageId);
  if (!row) return fail("not_found", NO_SUCH_MESSAGE);
  if (row.deleted_at !== null) return fail("conflict", "This message was deleted.");
  const prepared = await prepare(room.present(origin), [row]);
  // Synchronous from here: still a member, the message still there, then the write.
  const still = room.guard(userId);
  if (!still.ok) return still;
  const current = messageById(room.sql, messageId);
  if (!current || current.deleted_at !== null) return fail("conflict", "This message was deleted.");
  room.noteOrigin(origin);
  let changed: number;
  if (add) {
    const mine = userReactionCount(room.sql, row.seq, userId);
    const has =
      room.sql
        .exec("SELECT 1 FROM reactions WHERE seq = ? AND emoji = ? AND user_id = ?", row.seq, emoji, userId)
        .toArray().length > 0;
    if (!has && mine >= MAX_REACTIONS_PER_USER) {
      return fail("conflict", `You can add at most ${MAX_REACTIONS_PER_USER} reactions to one message.`);
    }
    changed = room.sql.exec(
      "INSERT OR IGNORE INTO reactions (seq, emoji, user_id, created_at) VALUES (?, ?, ?, ?)",
      row.seq,
      emoji,
      userId,
      Date.now(),
    ).rowsWritten;
  } else {
    changed = room.sql.exec(
      "DELETE FROM reactions WHERE seq = ? AND emoji = ? AND user_id = ?",
      row.seq,
      emoji,
      userId,
    ).rowsWritten;
  }
  const [message] = assemble(room.present(), [row.seq], prepared);
  if (changed > 0) room.live.broadcast({ type: "updated", message });
  return { ok: true, message };
}
