import type { z } from "@hono/zod-openapi";
import type { NotificationSchema } from "../../../schemas/notifications";

/** A notification as the stream shows it (the inbox's shape, schemas/notifications.ts). */
export type StreamNotification = z.infer<typeof NotificationSchema>;

/** Frames the per-user realtime stream sends (GET /api/v1/realtime/ws). */
export type HubFrame =
  | { type: "notification"; notification: StreamNotification }
  | { type: "unread"; dialogId: string; count: number }
  | { type: "session.revoked"; sessionId: string }
  | { type: "pong" }
  | { type: "error"; code: string; detail: string };

/** Headers the Worker sets on the upgrade it forwards to the hub, once it has authenticated the caller. */
export const HUB_HEADERS = {
  user: "X-Hub-User",
  session: "X-Hub-Session",
  device: "X-Hub-Device",
} as const;

/**
 * Close codes: a newer socket of the same device took over; too many devices; idle; signed out;
 * the account was suspended or deleted (every realtime socket, chat rooms too, closes with it).
 */
export const HUB_CLOSE = {
  replaced: 4009,
  tooMany: 4008,
  idle: 4000,
  sessionEnded: 4401,
  accountClosed: 4403,
} as const;

/** The close code of every realtime socket of a suspended or deleted account. */
export const ACCOUNT_CLOSED = HUB_CLOSE.accountClosed;

/** The one client frame, and its answer (given by the runtime without waking the object). */
export const PING = '{"type":"ping"}';
export const PONG = '{"type":"pong"}';
