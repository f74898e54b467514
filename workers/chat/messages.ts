import type { Message } from "../../schemas/chat";
import { rpcTrace } from "../platform/request-context";
import { readStatements } from "./effects";
import type { EditInput, MessageInput, SendInput } from "./room/inputs";
import { applyEffects, inRoom } from "./rooms";

/**
 * Message writes over HTTP: the dialog's room accepts them, then their D1 side effects (listing,
 * read positions, the `chat.message` event, flags) are written at once rather than waiting for the
 * room's alarm (which writes the same idempotent effects as a safety net).
 */
type Waiter = Pick<ExecutionContext, "waitUntil">;

/** A new message, or the first one with this clientId (`created: false`). */
export async function sendMessage(
  env: Env,
  ctx: Waiter,
  dialogId: string,
  input: SendInput,
): Promise<{ message: Message; created: boolean }> {
  const out = await inRoom(env, dialogId, (room) => room.send(input, rpcTrace()));
  await applyEffects(env, ctx, [out.effect]);
  return { message: out.message, created: out.created };
}

export async function editMessage(env: Env, ctx: Waiter, dialogId: string, input: EditInput): Promise<Message> {
  const out = await inRoom(env, dialogId, (room) => room.edit(input));
  await applyEffects(env, ctx, [out.effect]);
  return out.message;
}

/** A soft delete (deleting again is fine). */
export async function deleteMessage(env: Env, ctx: Waiter, dialogId: string, input: MessageInput): Promise<void> {
  const out = await inRoom(env, dialogId, (room) => room.remove(input));
  await applyEffects(env, ctx, [out.effect]);
}

/** The caller has read up to `seq` (never backwards): their read position and unread count. */
export async function readDialog(
  env: Env,
  dialogId: string,
  userId: string,
  seq: number,
): Promise<{ dialogId: string; lastReadSeq: number; unreadCount: number }> {
  const out = await inRoom(env, dialogId, (room) => room.receipt({ userId, seq, status: "read" }));
  await env.DB.batch(readStatements(env.DB, dialogId, [{ userId, seq: out.lastReadSeq }]));
  return { dialogId, lastReadSeq: out.lastReadSeq, unreadCount: Math.max(0, out.lastSeq - out.lastReadSeq) };
}
