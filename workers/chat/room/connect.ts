import type { z } from "zod";
import { ERROR_CODES } from "../../platform/errors";
import type { RoomCore } from "./core";
import type { SocketRequestInput } from "./inputs";
import { presenceChanged } from "./presence";
import { replayOnConnect } from "./replay";
import { NO_COMPRESSION } from "./socket-headers";
import { type Failure, fail, type SocketState } from "./types";

/**
 * Opens a socket for a member (the Worker has authenticated them and passes who they are). With
 * `since`, the first page of messages after it is replayed first, in order, then the socket goes
 * live (replay.ts). The socket's state goes into its attachment, so a room that hibernates and
 * wakes keeps it.
 */
export async function openSocket(room: RoomCore, req: z.output<typeof SocketRequestInput>): Promise<Response> {
  const g = room.guard(req.userId);
  if (!g.ok) return failureResponse(g);
  if (!req.websocket) return failureResponse(fail("upgrade_required", "Open this path as a WebSocket."));
  room.noteOrigin(req.origin);

  room.live.makeRoom(req.userId, room.config.maxSocketsPerUser);
  const first = !room.live.has(req.userId);
  const { 0: client, 1: server } = new WebSocketPair();
  const now = Date.now();
  const state: SocketState = {
    userId: req.userId,
    sessionId: req.sessionId,
    socketId: crypto.randomUUID(),
    connectedAt: now,
    lastActiveAt: now,
    typingAt: 0,
  };
  room.live.accept(server, state);
  if (req.since !== null) await replayOnConnect(room, server, state, req.since);
  if (first) presenceChanged(room, req.userId, true, now);
  room.heartbeatSoon(now);
  return new Response(null, { status: 101, webSocket: client, headers: NO_COMPRESSION });
}

/**
 * A refused socket: the problem's code and detail as JSON, with the code's status. `not_initialized`
 * (409) tells the Worker to set the room up and retry; an input the room refused is a bad request.
 */
export function failureResponse(failure: Failure): Response {
  if (failure.code === "not_initialized")
    return Response.json({ code: failure.code, detail: failure.detail }, { status: 409 });
  const code = failure.code === "invalid_argument" ? "bad_request" : failure.code;
  return Response.json({ code, detail: failure.detail }, { status: ERROR_CODES[code].status });
}
