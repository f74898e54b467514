import type { RoomCore } from "./core";
import { assemble, prepare } from "./present";
import { lastSeq, messagesAfter } from "./store";
import type { SocketState } from "./types";

/** Rows decrypted and presented per pass; a page is CHAT_REPLAY_PAGE_SIZE rows. */
const REPLAY_CHUNK = 200;

/**
 * Replay in pages, so that `since=0` in a room of 100,000 messages costs the room one page of
 * work, not its whole history (docs/chat.md, "Replay and resume").
 *
 * - On connect: the messages after `since`, oldest first, at most one page. Live `message` frames
 *   skip the socket meanwhile (sockets.ts): each pass picks up what arrived, so the page ends
 *   either caught up, or full with `more: true` on its last frame. Either way the socket goes live
 *   in the same synchronous step; with `more`, the seq reached by then is kept in the socket's
 *   attachment (`replayUntil`): newer messages arrive live, older ones by asking.
 * - `{type:"replay", since}`: the next page, messages after `since` up to `replayUntil` (or up to
 *   the newest, for a socket that is caught up), the last frame again with `more: true` if the
 *   page did not get there. One page at a time per socket.
 *
 * So each message reaches the socket once: in a page or live, and pages are in seq order.
 */
export async function replayOnConnect(room: RoomCore, ws: WebSocket, state: SocketState, since: number): Promise<void> {
  room.live.startReplay(ws);
  try {
    await sendPage(room, ws, state, since, null);
  } finally {
    room.live.endReplay(ws);
  }
}

/** A `replay` frame; false when a page is already being sent on this socket. */
export async function replayRequested(
  room: RoomCore,
  ws: WebSocket,
  state: SocketState,
  since: number,
): Promise<boolean> {
  if (!room.live.beginPage(ws)) return false;
  try {
    await sendPage(room, ws, state, since, state.replayUntil ?? lastSeq(room.sql));
  } finally {
    room.live.endPage(ws);
  }
  return true;
}

/** One page after `since`, up to `bound` (null: up to whatever is newest when the page ends). */
async function sendPage(
  room: RoomCore,
  ws: WebSocket,
  state: SocketState,
  since: number,
  bound: number | null,
): Promise<void> {
  const pageSize = room.config.replayPageSize;
  let cursor = since;
  let taken = 0;
  while (taken < pageSize) {
    const rows = messagesAfter(room.sql, cursor, Math.min(REPLAY_CHUNK, pageSize - taken), bound ?? undefined);
    if (rows.length === 0) break;
    const prepared = await prepare(room.present(), rows);
    // Synchronous from here to the end of the pass: the rows as they are now, `more`, going live.
    const messages = assemble(
      room.present(),
      rows.map((r) => r.seq),
      prepared,
    );
    cursor = rows[rows.length - 1].seq;
    taken += rows.length;
    const end = bound ?? lastSeq(room.sql);
    const more = taken >= pageSize && end > cursor;
    messages.forEach((message, i) => {
      const last = more && i === messages.length - 1;
      room.live.sendTo(ws, last ? { type: "message", message, more: true } : { type: "message", message });
    });
    if (more) return keepReplayUntil(ws, state, end);
  }
  keepReplayUntil(ws, state, undefined);
}

/** Where live delivery took over for this socket (undefined: caught up), kept across hibernation. */
function keepReplayUntil(ws: WebSocket, state: SocketState, until: number | undefined): void {
  if (state.replayUntil === until) return;
  if (until === undefined) delete state.replayUntil;
  else state.replayUntil = until;
  ws.serializeAttachment(state);
}
