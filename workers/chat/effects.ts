import { and, eq, lt } from "drizzle-orm";
import { chatFlags, dialogs } from "../../d1/schema/chat";
import type { ChatFlagReason } from "../../schemas/chat";
import type { EventOf } from "../../schemas/events";
import { database } from "../platform/db";
import { newId } from "../platform/ids";
import { createEvent, recordEvent } from "../platform/outbox";
import type { RoomEffect } from "./room/types";

export const CHAT_MESSAGE = "chat.message";

type MessageEffect = Extract<RoomEffect, { type: "message" }>;

/**
 * `chat.message` for the members who were offline (not connected to the room) when it was
 * accepted. Its id derives from the message id, so the Worker and the room writing it both leave
 * one outbox row.
 */
export function chatMessageEvent(e: MessageEffect): EventOf<"chat.message"> {
  return createEvent(
    CHAT_MESSAGE,
    {
      dialogId: e.dialogId,
      seq: e.seq,
      senderId: e.senderId,
      recipientIds: e.recipientIds,
      messageId: e.messageId,
      kind: e.kind,
    },
    {
      actor: { type: "user", id: e.senderId },
      subject: { type: "dialog", id: e.dialogId },
      now: new Date(e.createdAt),
      id: `evt_${e.messageId.slice(e.messageId.indexOf("_") + 1)}`,
      ...(e.requestId ? { requestId: e.requestId } : {}),
    },
  );
}

/** A Drizzle query as a D1 statement, so it can share a D1 batch with raw statements. */
export function statement(d1: D1Database, query: { toSQL(): { sql: string; params: unknown[] } }): D1PreparedStatement {
  const { sql, params } = query.toSQL();
  return d1.prepare(sql).bind(...params);
}

/** Read positions to D1 (never backwards), for many members in one statement. */
export function readStatements(
  d1: D1Database,
  dialogId: string,
  reads: readonly { userId: string; seq: number }[],
): D1PreparedStatement[] {
  if (reads.length === 0) return [];
  const json = JSON.stringify(reads.map((r) => ({ u: r.userId, s: r.seq })));
  return [
    d1
      .prepare(
        `UPDATE dialog_members
            SET last_read_seq = MAX(last_read_seq, COALESCE((SELECT MAX(json_extract(j.value, '$.s')) FROM json_each(?1) j
                                                            WHERE json_extract(j.value, '$.u') = dialog_members.user_id), 0))
          WHERE dialog_id = ?2 AND user_id IN (SELECT json_extract(value, '$.u') FROM json_each(?1))`,
      )
      .bind(json, dialogId),
  ];
}

function flagWrite(
  db: ReturnType<typeof database>,
  e: { dialogId: string; messageId: string; seq: number; senderId: string; contentEnc: string | null },
  reason: ChatFlagReason,
  now: number,
) {
  return db
    .insert(chatFlags)
    .values({
      id: newId("flg", now),
      key: `${e.messageId}:${reason}`,
      dialogId: e.dialogId,
      messageId: e.messageId,
      seq: e.seq,
      senderId: e.senderId,
      reason,
      reporterId: null,
      note: null,
      excerptEnc: e.contentEnc,
      status: "open",
      createdAt: now,
    })
    .onConflictDoNothing();
}

/**
 * The D1 writes that follow accepted messages, edits and deletes: the dialog's last message
 * (monotonic: an older seq never overwrites a newer one), the sender's own read position, the
 * `chat.message` outbox event and moderation flags. Every write is idempotent, so the Worker (at
 * once, for HTTP sends) and the room (from its alarm, for every message) may both apply them.
 */
export function effectStatements(
  env: Pick<Env, "DB">,
  effects: readonly RoomEffect[],
  now: number,
): D1PreparedStatement[] {
  const db = database(env);
  const out: D1PreparedStatement[] = [];
  const push = (query: { toSQL(): { sql: string; params: unknown[] } }) => out.push(statement(env.DB, query));
  const newest = new Map<string, MessageEffect>();
  const reads = new Map<string, Map<string, number>>();
  for (const e of effects) {
    if (e.type !== "message") continue;
    const current = newest.get(e.dialogId);
    if (!current || current.seq < e.seq) newest.set(e.dialogId, e);
    const byUser = reads.get(e.dialogId) ?? new Map<string, number>();
    byUser.set(e.senderId, Math.max(byUser.get(e.senderId) ?? 0, e.seq));
    reads.set(e.dialogId, byUser);
  }
  for (const e of newest.values()) {
    push(
      db
        .update(dialogs)
        .set({
          lastSeq: e.seq,
          lastMessageId: e.messageId,
          lastMessageAt: e.createdAt,
          activityAt: e.createdAt,
          lastSenderId: e.senderId,
          lastKind: e.kind,
          lastPreviewEnc: e.contentEnc,
          lastDeleted: false,
          updatedAt: now,
        })
        .where(and(eq(dialogs.id, e.dialogId), lt(dialogs.lastSeq, e.seq))),
    );
  }
  for (const [dialogId, byUser] of reads) {
    out.push(
      ...readStatements(
        env.DB,
        dialogId,
        [...byUser].map(([userId, seq]) => ({ userId, seq })),
      ),
    );
  }
  for (const e of effects) {
    if (e.type === "message" && e.kind !== "system" && e.recipientIds.length > 0) {
      push(recordEvent(db, "notifications", chatMessageEvent(e)).onConflictDoNothing());
    }
    for (const reason of e.flags) push(flagWrite(db, e, reason, now));
    if (e.type === "revise") {
      push(
        db
          .update(dialogs)
          .set({ lastPreviewEnc: e.contentEnc, lastDeleted: e.deleted, updatedAt: now })
          .where(and(eq(dialogs.id, e.dialogId), eq(dialogs.lastMessageId, e.messageId))),
      );
    }
  }
  return out;
}

/** Presence leases of one room: `online` users renewed until now + ttl, `offline` ones ended at `at`. */
export function presenceStatements(
  d1: D1Database,
  dialogId: string,
  entries: readonly { userId: string; online: boolean; at: number }[],
  ttlMs: number,
  now: number,
): D1PreparedStatement[] {
  if (entries.length === 0) return [];
  const json = JSON.stringify(
    entries.map((e) => ({ u: e.userId, e: e.online ? now + ttlMs : e.at, s: e.online ? now : e.at })),
  );
  return [
    d1
      .prepare(
        `INSERT INTO chat_presence (user_id, dialog_id, expires_at, last_seen_at)
           SELECT json_extract(value, '$.u'), ?2, json_extract(value, '$.e'), json_extract(value, '$.s')
             FROM json_each(?1) WHERE true
         ON CONFLICT (user_id, dialog_id) DO UPDATE SET expires_at = excluded.expires_at, last_seen_at = excluded.last_seen_at`,
      )
      .bind(json, dialogId),
  ];
}

export function hasOutboxEvent(effects: readonly RoomEffect[]): boolean {
  return effects.some((e) => e.type === "message" && e.kind !== "system" && e.recipientIds.length > 0);
}
