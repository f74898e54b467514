import type { z } from "zod";
import { ERROR_CODES } from "../../platform/errors";
import type { RoomCore } from "./core";
import type { SocketRequestInput } from "./inputs";
import { presenceChanged } from "./presence";
import { assemble, prepare } from "./present";
import { NO_COMPRESSION } from "./socket-headers";
import { lastSeq, messagesAfter } from "./store";
import { type Failure, fail, type SocketState } from "./types";

/** Rows decrypted and presented per pass of a replay page (a page is CHAT_REPLAY_PAGE_SIZE). */
const REPLAY_CHUNK = 200;

/**
 * Opens a socket for a member (the Worker has authenticated them and passes who they are). With
 * `since`, the first page of messages after it is replayed first, in order, then the socket goes
 * live (replayPage). The socket's state goes into its attachment, so a room that hibernates and
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
  if (req.since !== null) await replayPage(room, server, req.since);
  if (first) presenceChanged(room, req.userId, true, now);
  room.heartbeatSoon(now);
  return new Response(null, { status: 101, webSocket: client, headers: NO_COMPRESSION });
}

/**
 * One page of replay: the messages after `since`, oldest first, at most CHAT_REPLAY_PAGE_SIZE of
 * them (so `since=0` in a huge room costs one page, not the room's whole history). When more
 * follow, the page's last `message` frame carries `more: true` and the client asks for the next
 * page with `{type:"replay", since: <that seq>}`.
 *
 * While a page is sent, live `message` frames skip the socket (sockets.ts): each pass picks up
 * what arrived meanwhile, and the last pass decides `more` and the socket goes live in one
 * synchronous step, so every message reaches the client once: in this page, in a later page
 * (`more`), or live.
 */
export async function replayPage(room: RoomCore, ws: WebSocket, since: number): Promise<void> {
  room.live.startReplay(ws);
  try {
    const pageSize = room.config.replayPageSize;
    let cursor = since;
    let taken = 0;
    while (taken < pageSize) {
      const rows = messagesAfter(room.sql, cursor, Math.min(REPLAY_CHUNK, pageSize - taken));
      if (rows.length === 0) return;
      const prepared = await prepare(room.present(), rows);
      // Synchronous from here to the end of the pass.
      const messages = assemble(
        room.present(),
        rows.map((r) => r.seq),
        prepared,
      );
      cursor = rows[rows.length - 1].seq;
      taken += rows.length;
      const more = taken >= pageSize && lastSeq(room.sql) > cursor;
      messages.forEach((message, i) => {
        const last = more && i === messages.length - 1;
        room.live.sendTo(ws, last ? { type: "message", message, more: true } : { type: "message", message });
      });
    }
  } finally {
    room.live.endReplay(ws);
  }
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
