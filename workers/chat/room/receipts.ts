import type { RoomCore } from "./core";
import { lastSeq, listMembers, markRead, queueEffect } from "./store";
import type { Outcome } from "./types";

export interface Receipt {
  userId: string;
  seq: number;
  status: "delivered" | "read";
  /** The socket the receipt came from (it does not get its own receipt back). */
  fromSocket?: string;
}

/**
 * Delivered or read up to `seq` (never backwards; read implies delivered). The one path of a
 * receipt, from a socket frame or from POST /dialogs/:id/read: a read that moves the position on
 * also queues the reader's unread badge for their realtime stream (background.ts delivers it).
 * The check and the writes happen in one synchronous step.
 */
export function applyReceipt(
  room: RoomCore,
  { userId, seq, status, fromSocket }: Receipt,
): Outcome<{ lastReadSeq: number; lastDeliveredSeq: number; lastSeq: number }> {
  const g = room.guard(userId);
  if (!g.ok) return g;
  const last = lastSeq(room.sql);
  const target = Math.min(seq, last);
  const m = g.member;
  let read = m.last_read_seq;
  let delivered = m.last_delivered_seq;
  if (status === "read" && target > read) {
    read = target;
    delivered = Math.max(delivered, target);
    room.sql.exec(
      "UPDATE members SET last_read_seq = ?, last_delivered_seq = ? WHERE user_id = ?",
      read,
      delivered,
      userId,
    );
    markRead(room.sql, userId, read);
    // The reader's devices (other tabs, the app's badge) learn the dialog's new unread count: a
    // badge queued with the read, in the same step, and delivered by the alarm (retried until the
    // hub takes it).
    queueEffect(room.sql, { type: "unread", userId });
    room.flushSoon(Date.now());
    broadcastReceipt(room, userId, read, "read", fromSocket);
  } else if (status === "delivered" && target > delivered) {
    delivered = target;
    room.sql.exec("UPDATE members SET last_delivered_seq = ? WHERE user_id = ?", delivered, userId);
    broadcastReceipt(room, userId, delivered, "delivered", fromSocket);
  }
  return { ok: true, lastReadSeq: read, lastDeliveredSeq: delivered, lastSeq: last };
}

/** Everyone in a small room sees receipts; in a large one only the reader's other devices do. */
function broadcastReceipt(
  room: RoomCore,
  userId: string,
  seq: number,
  status: Receipt["status"],
  fromSocket: string | undefined,
): void {
  const onlyUser = room.memberIds().length <= room.config.smallRoomMembers ? undefined : userId;
  room.live.broadcast({ type: "receipt", userId, seq, status }, { excludeSocket: fromSocket, onlyUser });
}

/** Per-member delivered and read positions. */
export function receiptList(
  room: RoomCore,
  userId: string,
): Outcome<{ items: { userId: string; lastDeliveredSeq: number; lastReadSeq: number }[] }> {
  const g = room.guard(userId);
  if (!g.ok) return g;
  return {
    ok: true,
    items: listMembers(room.sql).map((m) => ({
      userId: m.user_id,
      lastDeliveredSeq: m.last_delivered_seq,
      lastReadSeq: m.last_read_seq,
    })),
  };
}
