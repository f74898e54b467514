import { and, eq, gt, isNull } from "drizzle-orm";
import { mfaTotp, sessions, users } from "../../d1/schema/identity";
import type { Role } from "../../schemas/identity";
import type { Locale } from "../../schemas/platform";
import { type Database, inList } from "../platform/db";

/**
 * The one session check: a session is live while it is not revoked, not expired, and its account
 * is active (a suspended or deleted account's sessions are dead however fresh). Every request's
 * auth, every socket ticket and every socket heartbeat asks it here.
 */
function live(now: number) {
  return and(sessionUnexpired(now), eq(users.status, "active"));
}

/** A session that is not revoked and not expired (its account's status aside): sign-in's own bookkeeping. */
export function sessionUnexpired(now: number) {
  return and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now));
}

export interface LiveSession {
  roles: Role[];
  /** The account's language: problem details use it when a request names none. */
  locale: Locale;
  deviceId: string;
  lastActiveAt: number;
  /** "enabled" when the account has a second factor on (admin routes may require it). */
  mfaStatus: "pending" | "enabled" | null;
}

/** The session if it is live and belongs to `userId`, with its account's roles; else undefined. */
export async function liveSession(
  db: Database,
  ref: { sessionId: string; userId: string },
  now: number,
): Promise<LiveSession | undefined> {
  return db
    .select({
      roles: users.roles,
      locale: users.locale,
      deviceId: sessions.deviceId,
      lastActiveAt: sessions.lastActiveAt,
      mfaStatus: mfaTotp.status,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(mfaTotp, eq(mfaTotp.userId, users.id))
    .where(and(eq(sessions.id, ref.sessionId), eq(sessions.userId, ref.userId), live(now)))
    .get();
}

/** Which of `sessionIds` are live, in one query however many (sockets' heartbeats). */
export async function liveSessionIds(db: Database, sessionIds: readonly string[], now: number): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(inList(sessions.id, [...new Set(sessionIds)]), live(now)));
  return new Set(rows.map((r) => r.id));
}

/**
 * The live sessions of `userIds` (id and user), as a query to run in the caller's batch next to
 * its own reads (push devices are bound to the session that registered them).
 */
export function liveSessionsOfUsers(db: Database, userIds: readonly string[], now: number) {
  return db
    .select({ id: sessions.id, userId: sessions.userId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(inList(sessions.userId, [...userIds]), live(now)));
}
