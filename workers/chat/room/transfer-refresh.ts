import type { RoomCore } from "./core";
import { assemble, prepare } from "./present";
import { messagesBySeqs } from "./store";

/**
 * A transfer shown in this room changed status: its messages are re-read (the card from the
 * sender's wallet, now) and sent to every socket as `updated`. Harmless to repeat: a second run
 * sends the same state again.
 */
export async function refreshTransferCards(room: RoomCore, transferId: string): Promise<{ ok: true; updated: number }> {
  if (!room.meta()) return { ok: true, updated: 0 };
  const seqs = room.sql
    .exec<{ seq: number }>(
      "SELECT seq FROM messages WHERE kind = 'transfer' AND deleted_at IS NULL AND json_extract(payload, '$.transfer.id') = ?",
      transferId,
    )
    .toArray()
    .map((r) => r.seq);
  if (seqs.length === 0) return { ok: true, updated: 0 };
  const ctx = room.present();
  const prepared = await prepare(ctx, messagesBySeqs(room.sql, seqs));
  // assemble re-reads the rows synchronously: a message deleted meanwhile goes out as deleted.
  const messages = assemble(ctx, seqs, prepared);
  for (const message of messages) room.live.broadcast({ type: "updated", message });
  return { ok: true, updated: messages.length };
}
