import { type ClientFrame, ClientFrameSchema, type ServerFrame } from "../../../schemas/chat";
import { logEvent } from "../../platform/log";
import type { RoomCore } from "./core";
import { typing } from "./presence";
import { applyReceipt } from "./receipts";
import { replayRequested } from "./replay";
import { acceptSend } from "./send";
import type { SocketState } from "./types";

/** A client frame, or the error frame that answers it. */
export type ReadFrame =
  | { ok: true; frame: ClientFrame }
  | { ok: false; code: "bad_request" | "payload_too_large" | "validation_failed"; detail: string; clientId?: string };

/**
 * Reads one client frame: JSON text of at most `maxBytes` bytes, one of the frame types of
 * CONTRACT.md. Anything else is answered with an error frame, never by closing the socket.
 */
export function readFrame(data: string | ArrayBuffer, maxBytes: number): ReadFrame {
  if (typeof data !== "string") return { ok: false, code: "bad_request", detail: "Frames are JSON text, not binary." };
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only long frames need counting.
  if (data.length > maxBytes || (data.length * 3 > maxBytes && new TextEncoder().encode(data).length > maxBytes)) {
    return { ok: false, code: "payload_too_large", detail: `A frame holds at most ${maxBytes} bytes.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, code: "bad_request", detail: 'A frame is one JSON object such as {"type":"ping"}.' };
  }
  const parsed = ClientFrameSchema.safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const issue = parsed.error.issues[0];
  const clientId = (json as { clientId?: unknown } | null)?.clientId;
  // The field named is a JSON path (a frame without a known `type` fails on `type`).
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "type";
  return {
    ok: false,
    code: "validation_failed",
    detail: issue
      ? `Invalid frame (${field}: ${issue.message}). Types: send, read, delivered, typing, ping, replay.`
      : "Invalid frame. Types: send, read, delivered, typing, ping, replay.",
    ...(typeof clientId === "string" ? { clientId } : {}),
  };
}

/** The exact ping the runtime answers with PONG without waking the room (room.ts). */
export const PING = '{"type":"ping"}';
export const PONG = '{"type":"pong"}';
/** How stale a socket's recorded activity may get before a frame refreshes its attachment. */
const ACTIVITY_RESOLUTION_MS = 15_000;

/** A frame from a socket: answered on that socket; a frame that fails is answered with an error frame. */
export async function onSocketMessage(room: RoomCore, ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
  const state = room.live.stateOf(ws);
  if (!state) {
    room.live.close(ws, 1011, "unknown socket");
    return;
  }
  try {
    await onFrame(room, ws, state, data);
  } catch (err) {
    logEvent("error", "chat_frame_failed", { error: err instanceof Error ? err.message : String(err) });
    room.live.sendTo(ws, {
      type: "error",
      code: "internal_error",
      detail: "That frame could not be handled. Retry it.",
    });
  }
}

async function onFrame(room: RoomCore, ws: WebSocket, state: SocketState, data: string | ArrayBuffer): Promise<void> {
  const now = Date.now();
  if (now - state.lastActiveAt > ACTIVITY_RESOLUTION_MS) {
    state.lastActiveAt = now;
    ws.serializeAttachment(state);
  }
  const error = (code: string, detail: string, extra: Partial<Extract<ServerFrame, { type: "error" }>> = {}) =>
    room.live.sendTo(ws, { type: "error", code, detail, ...extra });
  const read = readFrame(data, room.config.maxFrameBytes);
  if (!read.ok) return error(read.code, read.detail, read.clientId ? { clientId: read.clientId } : {});
  const frame = read.frame;
  switch (frame.type) {
    case "ping":
      room.live.sendRaw(ws, PONG);
      return;
    case "send": {
      const { type: _type, ...message } = frame;
      const origin = room.meta()?.origin ?? "";
      const out = await acceptSend(room, state.userId, message, origin, { ws, state });
      if (!out.ok) {
        error(out.code, out.detail, {
          clientId: frame.clientId,
          ...(out.retryAfter ? { retryAfter: out.retryAfter } : {}),
        });
      }
      return;
    }
    case "read":
    case "delivered": {
      const out = applyReceipt(room, {
        userId: state.userId,
        seq: frame.seq,
        status: frame.type,
        fromSocket: state.socketId,
      });
      if (!out.ok) error(out.code, out.detail);
      return;
    }
    case "typing":
      return typing(room, ws, state, frame.typing, now);
    case "replay": {
      const g = room.guard(state.userId);
      if (!g.ok) return error(g.code, g.detail);
      // One page at a time per socket: a client cannot stack pages up to exhaust the room.
      if (!(await replayRequested(room, ws, state, frame.since))) {
        error("conflict", "A replay page is still being sent on this socket. Ask for the next one after it.");
      }
      return;
    }
  }
}
