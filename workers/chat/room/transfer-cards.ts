import type { TransferCard } from "../../../schemas/wallet";
import { logEvent } from "../../platform/log";
import { money } from "../../platform/money";
import { type TransferView, walletStub } from "../../wallet";
import { type MessageRow, parsePayload } from "./store";
import { fail, type Outcome } from "./types";

/*
 * Transfer cards (kind `transfer`): a message names a wallet transfer by id and every read renders
 * it from the sender's Wallet object (the truth), so the card shows the transfer's status now,
 * not the status when it was posted. A status change reaches open sockets as an `updated` frame
 * (transfer-refresh.ts, run by the chat consumer of the wallet's closed transfers).
 */

const FORBIDDEN = "You can share only a transfer you sent, in the direct dialog with the person you sent it to.";

const iso = (ms: number) => new Date(ms).toISOString();

export function transferCardOf(t: TransferView): TransferCard {
  return {
    id: t.id,
    status: t.status,
    amount: money(t.amount, t.currency),
    ...(t.note !== null ? { note: t.note } : {}),
    fromUserId: t.fromUserId,
    toUserId: t.toUserId,
    createdAt: iso(t.createdAt),
    ...(t.completedAt !== null ? { completedAt: iso(t.completedAt) } : {}),
  };
}

/**
 * The card a sender may post, or 403: the dialog is direct, its two members are the transfer's two
 * parties, and the poster is the one who sent it. The transfer is read from the poster's own
 * wallet, so nobody learns anything of a transfer that is not theirs.
 */
export async function transferForSend(
  room: { env: Env; meta(): { type: string } | null; memberIds(): string[] },
  senderId: string,
  transferId: string,
): Promise<Outcome<{ card: TransferCard }>> {
  const meta = room.meta();
  const members = room.memberIds();
  if (meta?.type !== "direct" || members.length !== 2) return fail("forbidden", FORBIDDEN);
  const other = members.find((id) => id !== senderId);
  const found = await walletStub(room.env, senderId).transfer(transferId);
  if (!found || found.fromUserId !== senderId || found.toUserId !== other) return fail("forbidden", FORBIDDEN);
  return { ok: true, card: transferCardOf(found) };
}

/** Live cards of the transfer messages among `rows`, by transfer id (null: the wallet did not answer). */
export async function liveTransfers(env: Env, rows: readonly MessageRow[]): Promise<Map<string, TransferCard | null>> {
  const refs = rows.flatMap((r) => {
    const t = r.deleted_at === null ? parsePayload(r).transfer : undefined;
    return t ? [{ id: t.id, senderId: r.sender_id }] : [];
  });
  const out = new Map<string, TransferCard | null>();
  if (refs.length === 0) return out;
  await Promise.all(
    refs.map(async ({ id, senderId }) => {
      try {
        const found = await walletStub(env, senderId).transfer(id);
        out.set(id, found ? transferCardOf(found) : null);
      } catch (err) {
        // A wallet that can not answer now leaves the card without live data, never the page unread.
        logEvent("warn", "chat_transfer_card_unavailable", { transferId: id, error: String(err) });
        out.set(id, null);
      }
    }),
  );
  return out;
}
