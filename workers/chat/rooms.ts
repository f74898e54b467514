import { readConfig } from "../platform/config";
import { database } from "../platform/db";
import { ApiError, type ErrorCode } from "../platform/errors";
import { drainSoon } from "../platform/outbox";
import { placement } from "../platform/placement";
import { NO_DIALOG, roomSnapshot } from "./dialogs";
import { effectStatements, hasOutboxEvent } from "./effects";
import { NO_COMPRESSION, SOCKET_HEADERS } from "./room/socket-headers";
import type { Failure, Outcome, RoomEffect } from "./room/types";

const DIALOG_ID = /^dlg_[0-9A-HJKMNP-TV-Z]{26}$/;

export const isDialogId = (id: string) => DIALOG_ID.test(id);

/** A ChatRoom stub, typed through its Env binding (code never imports the class). */
export type RoomStub = ReturnType<Env["CHAT_ROOM"]["getByName"]>;

/** The ChatRoom of a dialog (one object per dialog, named by its id). */
export function roomStub(env: Env, dialogId: string): RoomStub {
  return env.CHAT_ROOM.getByName(dialogId, placement(env));
}

export function failureError(failure: Failure): ApiError {
  if (failure.code === "not_initialized") {
    return new ApiError("service_unavailable", "The dialog is being set up. Retry in a moment.");
  }
  if (failure.code === "invalid_argument") return new ApiError("bad_request", failure.detail);
  return new ApiError(failure.code, failure.detail, {
    errors: failure.errors,
    headers: failure.retryAfter ? { "Retry-After": String(failure.retryAfter) } : undefined,
  });
}

/**
 * Calls the dialog's room and unwraps its outcome (a failure becomes the ApiError of its code). A
 * room that was never set up (its creator's init was lost, or it raced a parallel create) is set
 * up from D1 and asked again; an unknown dialog is 404 without touching any room.
 */
export async function inRoom<F extends (room: RoomStub) => Promise<{ ok: boolean }>>(
  env: Env,
  dialogId: string,
  call: F,
): Promise<Extract<Awaited<ReturnType<F>>, { ok: true }>> {
  if (!isDialogId(dialogId)) throw new ApiError("not_found", NO_DIALOG);
  const room = roomStub(env, dialogId);
  let out = (await call(room)) as unknown as Outcome;
  if (!out.ok && out.code === "not_initialized") {
    await setUpRoom(env, room, dialogId);
    out = (await call(room)) as unknown as Outcome;
  }
  if (!out.ok) throw failureError(out);
  return out as unknown as Extract<Awaited<ReturnType<F>>, { ok: true }>;
}

export async function setUpRoom(env: Env, room: RoomStub, dialogId: string): Promise<void> {
  const snapshot = await roomSnapshot(database(env), dialogId);
  if (!snapshot) throw new ApiError("not_found", NO_DIALOG);
  await room.init(snapshot);
}

/**
 * Opens an authenticated member's socket on the dialog's room (setting the room up from D1 if it
 * never was): the 101 response to hand back, or the room's refusal as an ApiError.
 */
export async function openRoomSocket(
  env: Env,
  dialogId: string,
  socket: { userId: string; sessionId: string; origin: string; since: number | undefined },
): Promise<Response> {
  const room = roomStub(env, dialogId);
  const connect = () =>
    room.fetch(
      new Request(`https://chat-room/ws${socket.since === undefined ? "" : `?since=${socket.since}`}`, {
        headers: {
          Upgrade: "websocket",
          [SOCKET_HEADERS.user]: socket.userId,
          [SOCKET_HEADERS.session]: socket.sessionId,
          [SOCKET_HEADERS.origin]: socket.origin,
        },
      }),
    );
  let res = await connect();
  if (res.status === 409) {
    const body = (await res.json()) as { code?: string };
    if (body.code !== "not_initialized") throw new ApiError("conflict", "The dialog cannot be opened now.");
    await setUpRoom(env, room, dialogId);
    res = await connect();
  }
  if (res.status !== 101 || !res.webSocket) {
    const body = (await res.json().catch(() => ({}))) as { code?: ErrorCode; detail?: string };
    throw new ApiError(body.code ?? "internal_error", body.detail ?? "The socket could not be opened. Retry.");
  }
  // A fresh response (its headers are ours to add to; the room's are immutable).
  return new Response(null, { status: 101, webSocket: res.webSocket, headers: NO_COMPRESSION });
}

/**
 * Writes an accepted message's (or edit's) D1 side effects at once, in one batch: the listing's
 * last message, the sender's read position, the `chat.message` outbox event, moderation flags.
 * The room writes the same (idempotent) effects from its alarm, as a safety net and for socket sends.
 */
export async function applyEffects(
  env: Env,
  ctx: Pick<ExecutionContext, "waitUntil">,
  effects: readonly (RoomEffect | null)[],
): Promise<void> {
  const real = effects.filter((e): e is RoomEffect => e !== null);
  if (real.length === 0) return;
  const statements = effectStatements(env, real, Date.now());
  if (statements.length > 0) await env.DB.batch(statements);
  if (hasOutboxEvent(real)) drainSoon(ctx, env, readConfig(env));
}

export const originOf = (url: string) => new URL(url).origin;
