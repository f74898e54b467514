/**
 * Headers the Worker sets on the internal upgrade request it forwards to a ChatRoom, once it has
 * authenticated the caller. The room is reachable only through its stub, so these are trusted.
 */
export const SOCKET_HEADERS = {
  user: "X-Chat-User",
  session: "X-Chat-Session",
  origin: "X-Chat-Origin",
} as const;
