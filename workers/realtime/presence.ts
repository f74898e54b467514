import { and, gt, lt } from "drizzle-orm";
import { realtimePresence } from "../../d1/schema/realtime";
import { type Database, inList } from "../platform/db";

/**
 * Presence: whether a user's realtime stream has a socket open, so that a sender can skip the hub
 * call (a Durable Object call, and a new object for a user who never connected) for users with
 * none. Most recipients of a notification have no socket open.
 *
 * Skipping on "offline" loses nothing: the hub writes its row after accepting a socket and before
 * answering the upgrade, and a client catches up once its socket is open (the unread count, the
 * inbox). A notification committed before a sender read "offline" is therefore committed before
 * that socket's catch-up read, which shows it. A stale "online" (a lease that has not run out yet)
 * costs only the call every notification used to make.
 *
 * The lease is in real time on both sides (`Date.now()`): the hub's alarms run on it, and the
 * platform clock that tests move says nothing about which sockets are open.
 */

/** Users among `userIds` whose stream has a socket open: one statement, to put in a D1 batch. */
export function connectedAmong(db: Database, userIds: readonly string[]) {
  return db
    .select({ userId: realtimePresence.userId })
    .from(realtimePresence)
    .where(and(inList(realtimePresence.userId, [...new Set(userIds)]), gt(realtimePresence.onlineUntil, Date.now())));
}

/**
 * The hub's announcement: online until `onlineUntil` (0: offline). A write carrying a lower `seq`
 * than the row's is ignored, so of two writes in flight the newer decision stands, whichever lands last.
 */
export function presenceWrite(db: Database, userId: string, onlineUntil: number, seq: number, at: number) {
  const values = { onlineUntil, seq, updatedAt: at };
  return db
    .insert(realtimePresence)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: realtimePresence.userId, set: values, setWhere: lt(realtimePresence.seq, seq) });
}
