import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Context } from "hono";
import { realtimeTickets } from "../../d1/schema/realtime";
import type { AppEnv } from "../app-env";
import { liveSession } from "../identity";
import { readConfig } from "../platform/config";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { randomToken, sha256Hex } from "../platform/ids";
import { enforceLimit } from "../platform/rate-limit";

/**
 * Realtime tickets: browsers cannot put an Authorization header on a WebSocket, so a signed-in
 * client takes a ticket over HTTP and opens the socket with `?ticket=`. A ticket is 256 random
 * bits, stored only as its SHA-256, single use (taken with one atomic UPDATE), lives
 * REALTIME_TICKET_TTL_SECONDS (60 s), and opens any of its owner's realtime sockets (a chat room,
 * the per-user stream) while the session that took it is live.
 */
export interface SocketCaller {
  userId: string;
  sessionId: string;
}

const REFUSED = "This ticket is unknown, used or expired. Take a new one with POST /api/v1/realtime/tickets.";

export async function issueTicket(env: Env, caller: SocketCaller): Promise<{ ticket: string; expiresIn: number }> {
  const { ticketTtlSeconds, ticketsPerMinute } = readConfig(env).chat;
  const db = database(env);
  await enforceLimit(db, `rt-ticket:${caller.userId}`, ticketsPerMinute, 60, "realtimeTickets");
  const ticket = randomToken(32);
  const now = nowMs();
  await db.batch([
    db.insert(realtimeTickets).values({
      tokenHash: await sha256Hex(ticket),
      userId: caller.userId,
      sessionId: caller.sessionId,
      createdAt: now,
      expiresAt: now + ticketTtlSeconds * 1000,
    }),
    // The caller's spent and expired tickets are of no further use.
    db
      .delete(realtimeTickets)
      .where(
        and(
          eq(realtimeTickets.userId, caller.userId),
          or(lt(realtimeTickets.expiresAt, now), gt(realtimeTickets.usedAt, 0)),
        ),
      ),
  ]);
  return { ticket, expiresIn: ticketTtlSeconds };
}

/** Spends a ticket: its owner, if it was unused, unexpired and its session is still live; else 401. */
export async function redeemTicket(env: Env, ticket: string): Promise<SocketCaller> {
  const db = database(env);
  const now = nowMs();
  const taken = await db
    .update(realtimeTickets)
    .set({ usedAt: now })
    .where(
      and(
        eq(realtimeTickets.tokenHash, await sha256Hex(ticket)),
        isNull(realtimeTickets.usedAt),
        gt(realtimeTickets.expiresAt, now),
      ),
    )
    .returning({ userId: realtimeTickets.userId, sessionId: realtimeTickets.sessionId })
    .get();
  if (!taken) throw new ApiError("unauthorized", REFUSED);
  if (!(await liveSession(db, taken, now)))
    throw new ApiError("unauthorized", "The session that took this ticket has ended. Sign in again.");
  return taken;
}

/**
 * Who opens a realtime socket: the bearer token (already verified by the auth middleware) or a
 * ticket. For every realtime endpoint (chat rooms here, the per-user stream of notifications).
 */
export async function socketCaller(c: Context<AppEnv>, ticket: string | undefined): Promise<SocketCaller> {
  const auth = c.get("auth");
  if (auth) return { userId: auth.userId, sessionId: auth.sessionId };
  if (ticket) return redeemTicket(c.env, ticket);
  throw new ApiError(
    "unauthorized",
    "Send 'Authorization: Bearer <accessToken>', or ?ticket= from POST /api/v1/realtime/tickets.",
    { headers: { "WWW-Authenticate": "Bearer" } },
  );
}

/** True when the request asks to become a WebSocket. */
export function isUpgrade(request: Request): boolean {
  return request.headers.get("Upgrade")?.toLowerCase() === "websocket";
}
