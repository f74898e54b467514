import type { z } from "zod";
import type { MemberRole, Message } from "../../../schemas/chat";
import type { RoomCore } from "./core";
import { NO_SUCH_MESSAGE } from "./edits";
import type { MessageInput, PageInput, SearchInput } from "./inputs";
import { present } from "./present";
import { searchMessages } from "./search";
import { lastSeq, messageById, messagesBefore } from "./store";
import { fail, notInitialized, type Outcome } from "./types";

/**
 * Reads of the room: about the room, the caller's role, history, search, a message to report.
 * None of them writes: links in what they answer use the caller's own origin.
 */

export function info(
  room: RoomCore,
): Outcome<{ dialogId: string; lastSeq: number; memberCount: number; sockets: number }> {
  const meta = room.meta();
  if (!meta) return notInitialized();
  return {
    ok: true,
    dialogId: meta.dialog_id,
    lastSeq: lastSeq(room.sql),
    memberCount: room.memberIds().length,
    sockets: room.live.all().size,
  };
}

export function role(room: RoomCore, userId: string): Outcome<{ role: MemberRole }> {
  const g = room.guard(userId);
  if (!g.ok) return g;
  return { ok: true, role: g.member.role };
}

/** Newest first, seq < before. */
export async function history(
  room: RoomCore,
  { userId, before, limit, origin }: z.output<typeof PageInput>,
): Promise<Outcome<{ messages: Message[]; hasMore: boolean }>> {
  const g = room.guard(userId);
  if (!g.ok) return g;
  const rows = messagesBefore(room.sql, before ?? Number.MAX_SAFE_INTEGER, limit + 1);
  const hasMore = rows.length > limit;
  const messages = await present(room.present(origin), hasMore ? rows.slice(0, limit) : rows);
  return { ok: true, messages, hasMore };
}

/** Messages whose text contains `q`, newest first (search.ts). */
export async function search(
  room: RoomCore,
  { userId, q, before, limit, origin }: z.output<typeof SearchInput>,
): Promise<Outcome<{ messages: Message[]; nextCursor: number | null }>> {
  const g = room.guard(userId);
  if (!g.ok) return g;
  return { ok: true, ...(await searchMessages(room.present(origin), q, before, limit, room.config.searchScanLimit)) };
}

/** A message as stored, for a report (content stays encrypted). */
export function reportable(
  room: RoomCore,
  { userId, messageId }: z.output<typeof MessageInput>,
): Outcome<{ messageId: string; seq: number; senderId: string; contentEnc: string | null }> {
  const g = room.guard(userId);
  if (!g.ok) return g;
  const row = messageById(room.sql, messageId);
  if (!row) return fail("not_found", NO_SUCH_MESSAGE);
  return { ok: true, messageId: row.id, seq: row.seq, senderId: row.sender_id, contentEnc: row.content_enc };
}
