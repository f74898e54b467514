import { defineConsumer } from "../platform/consume";
import { roomStub } from "./rooms";

/**
 * The live side of transfer cards: when a wallet transfer closes (completed or failed), every
 * direct dialog of its two parties is told, and its room sends the cards that show it again as
 * `updated` frames. Reads resolve the status anyway (the card is read from the sender's wallet),
 * so a lost or late event only delays what open sockets see; a repeated one resends the same state.
 */
export async function refreshTransferDialogs(
  env: Env,
  transfer: { id: string; fromUserId: string; toUserId: string },
): Promise<number> {
  // Direct dialogs the two share (the plain one and any support dialog between them).
  const { results } = await env.DB.prepare(
    `SELECT d.id FROM dialogs d
       JOIN dialog_members a ON a.dialog_id = d.id AND a.user_id = ?
       JOIN dialog_members b ON b.dialog_id = d.id AND b.user_id = ?
     WHERE d.type = 'direct'`,
  )
    .bind(transfer.fromUserId, transfer.toUserId)
    .all<{ id: string }>();
  let updated = 0;
  for (const { id } of results) {
    const out = await roomStub(env, id).refreshTransfer({ transferId: transfer.id });
    if (out.ok) updated += out.updated;
  }
  return updated;
}

/** Applies the sender's side of a closed transfer (`wallet.transaction`, type transfer_out, final status). */
export const transferCardsConsumer = defineConsumer({
  name: "chat.transfer-cards",
  types: ["wallet.transaction"],
  async handle(event, env) {
    const t = event.data;
    if (t.type !== "transfer_out" || t.status === "pending" || !t.reference || !t.counterpartyUserId) return [];
    await refreshTransferDialogs(env, { id: t.reference, fromUserId: t.userId, toUserId: t.counterpartyUserId });
    return [];
  },
});
