import { z } from "zod";

const int = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Chat and realtime limits, read from Worker variables with production defaults (the platform's
 * config.ts covers the rest of the platform; these are read here so the chat domain owns them).
 */
const ChatConfigSchema = z.object({
  /** Characters of text in one message (edits too); longer is 413. */
  CHAT_MAX_TEXT_LENGTH: int(4000, 1, 100_000),
  /** Bytes of one client WebSocket frame; larger frames get an error frame. */
  CHAT_MAX_FRAME_BYTES: int(32_768, 1024, 1_048_576),
  /** Messages one user may send to one room per window (HTTP and socket together). */
  CHAT_SEND_LIMIT: int(30, 1),
  CHAT_SEND_WINDOW_SECONDS: int(10, 1),
  /** Open sockets per user per room; the next one closes the oldest. */
  CHAT_MAX_SOCKETS_PER_USER: int(5, 1, 100),
  /** One `typing: true` per user per this many ms reaches the room. */
  CHAT_TYPING_THROTTLE_MS: int(3000, 0),
  /** Members of a group or channel (CONTRACT: up to 1000). */
  CHAT_MAX_GROUP_MEMBERS: int(1000, 2, 10_000),
  /** Rooms up to this size broadcast presence and receipt frames to everyone; larger ones do not. */
  CHAT_SMALL_ROOM_MEMBERS: int(100, 2),
  /** A presence lease lasts this long; rooms renew it at half of it while the socket lives. */
  CHAT_PRESENCE_TTL_SECONDS: int(120, 10),
  /** A socket with no frame (pings included) for this long is considered dead and closed. */
  CHAT_SOCKET_IDLE_SECONDS: int(90, 10),
  /** How long the room gathers accepted messages before writing their D1 side effects. */
  CHAT_EFFECTS_DELAY_MS: int(250, 0, 60_000),
  /** Messages a per-dialog search decrypts and scans per request. */
  CHAT_SEARCH_SCAN_LIMIT: int(5000, 100),
  /** Lifetime of a realtime ticket (CONTRACT: 60 s). */
  REALTIME_TICKET_TTL_SECONDS: int(60, 5, 600),
  /** Tickets one user may take per minute. */
  REALTIME_TICKETS_PER_MINUTE: int(30, 1),
});

export interface ChatConfig {
  maxTextLength: number;
  maxFrameBytes: number;
  sendLimit: number;
  sendWindowMs: number;
  maxSocketsPerUser: number;
  typingThrottleMs: number;
  maxGroupMembers: number;
  smallRoomMembers: number;
  presenceTtlMs: number;
  socketIdleMs: number;
  effectsDelayMs: number;
  searchScanLimit: number;
  ticketTtlSeconds: number;
  ticketsPerMinute: number;
}

const cache = new WeakMap<object, ChatConfig>();

/** Parses the chat variables once per env object; a bad value fails loudly. */
export function chatConfig(env: Env): ChatConfig {
  const cached = cache.get(env);
  if (cached) return cached;
  const raw = ChatConfigSchema.parse(env as unknown as Record<string, unknown>);
  const config: ChatConfig = {
    maxTextLength: raw.CHAT_MAX_TEXT_LENGTH,
    maxFrameBytes: raw.CHAT_MAX_FRAME_BYTES,
    sendLimit: raw.CHAT_SEND_LIMIT,
    sendWindowMs: raw.CHAT_SEND_WINDOW_SECONDS * 1000,
    maxSocketsPerUser: raw.CHAT_MAX_SOCKETS_PER_USER,
    typingThrottleMs: raw.CHAT_TYPING_THROTTLE_MS,
    maxGroupMembers: raw.CHAT_MAX_GROUP_MEMBERS,
    smallRoomMembers: raw.CHAT_SMALL_ROOM_MEMBERS,
    presenceTtlMs: raw.CHAT_PRESENCE_TTL_SECONDS * 1000,
    socketIdleMs: raw.CHAT_SOCKET_IDLE_SECONDS * 1000,
    effectsDelayMs: raw.CHAT_EFFECTS_DELAY_MS,
    searchScanLimit: raw.CHAT_SEARCH_SCAN_LIMIT,
    ticketTtlSeconds: raw.REALTIME_TICKET_TTL_SECONDS,
    ticketsPerMinute: raw.REALTIME_TICKETS_PER_MINUTE,
  };
  cache.set(env, config);
  return config;
}
