import type { RoomCore } from "./core";
import { markPresence } from "./store";
import type { SocketState } from "./types";

/**
 * Who is here and who is typing: signals that are never stored as messages. Presence changes are
 * queued for D1 (leases) and shown to the other members of a small room; typing goes to sockets only.
 */
export function presenceChanged(room: RoomCore, userId: string, online: boolean, now: number): void {
  markPresence(room.sql, userId, online, now);
  room.flushSoon(now);
  if (room.memberIds().length <= room.config.smallRoomMembers) {
    room.live.broadcast({ type: "presence", userId, online }, { excludeUser: userId });
  }
}

/** A `typing` frame: throttled per socket (the throttle lives in the socket's attachment). */
export function typing(room: RoomCore, ws: WebSocket, state: SocketState, isTyping: boolean, now: number): void {
  const g = room.guard(state.userId);
  if (!g.ok) {
    room.live.sendTo(ws, { type: "error", code: g.code, detail: g.detail });
    return;
  }
  if (g.meta.type === "channel" && g.member.role !== "admin") {
    room.live.sendTo(ws, { type: "error", code: "forbidden", detail: "Only the channel's admins post here." });
    return;
  }
  if (isTyping) {
    if (state.typingAt !== 0 && now - state.typingAt < room.config.typingThrottleMs) return;
    state.typingAt = now;
  } else {
    if (state.typingAt === 0) return;
    state.typingAt = 0;
  }
  ws.serializeAttachment(state);
  room.live.broadcast({ type: "typing", userId: state.userId, typing: isTyping }, { excludeUser: state.userId });
}
