/**
 * Headers the Worker sets on the internal upgrade request it forwards to a ChatRoom, once it has
 * authenticated the caller. The room is reachable only through its stub, so these are trusted.
 */
export const SOCKET_HEADERS = {
  user: "X-Chat-User",
  session: "X-Chat-Session",
  origin: "X-Chat-Origin",
} as const;

/**
 * Chat sockets are not compressed: frames are small JSON, and per-socket permessage-deflate costs
 * the room (one thread for every socket of the dialog) about twice the CPU of the send itself, for
 * every member of every fan-out. An empty Sec-WebSocket-Extensions on the 101 asks the runtime to
 * refuse compression (the `no_web_socket_compression` compatibility flag does it Worker-wide).
 */
export const NO_COMPRESSION = { "Sec-WebSocket-Extensions": "" } as const;
