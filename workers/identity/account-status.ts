import { and, eq, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { sessions, users } from "../../d1/schema/identity";
import type { AppEnv } from "../app-env";
import { clientIpHash } from "../platform/client";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { drainSoon, recordEvent } from "../platform/outbox";
import { auditWrite } from "./audit";
import { accountClosedEvent } from "./events";
import { presentUser, type User, type UserRow } from "./present";
import { revokeSessionWrites } from "./sessions";

/**
 * An operator suspends or reinstates an account. Suspension is one D1 batch (the commit point):
 * the status, every live session revoked (its tokens fail the next request's check), the audit
 * entry with its actor, and `account.suspended`, on which the account's open sockets are closed
 * within seconds (chat's consumer). Sign-in then answers 403 account_suspended. Doing it twice
 * changes nothing the second time.
 */

/** What sign-in answers for a suspended account (once its password or code is right). */
export function suspended(): ApiError {
  return new ApiError("account_suspended", "This account is suspended. Contact support to have it reinstated.");
}

async function accountFor(c: Context<AppEnv>, userId: string): Promise<UserRow> {
  const user = await database(c.env).select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new ApiError("not_found", "There is no account with this id.");
  if (user.status === "deleted")
    throw new ApiError("conflict", "This account was deleted; there is nothing to change.");
  return user;
}

export async function suspendAccount(
  c: Context<AppEnv>,
  actorId: string,
  userId: string,
  reason: string,
): Promise<User> {
  const user = await accountFor(c, userId);
  if (user.status === "suspended") return presentUser(c.env, user);
  const db = database(c.env);
  const now = nowMs();
  const live = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  const [updated] = await db.batch([
    db
      .update(users)
      .set({ status: "suspended", updatedAt: now })
      .where(and(eq(users.id, userId), eq(users.status, "active")))
      .returning(),
    ...(live.length > 0
      ? revokeSessionWrites(
          c,
          live.map((s) => s.id),
          "account_suspended",
        )
      : []),
    auditWrite(db, {
      type: "account_suspended",
      userId,
      actorId,
      ipHash: await clientIpHash(c),
      data: { reason, sessionsRevoked: live.length },
    }),
    recordEvent(db, "notifications", accountClosedEvent("account.suspended", userId, now, actorId)),
  ]);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return presentUser(c.env, updated[0] ?? { ...user, status: "suspended" });
}

export async function reinstateAccount(c: Context<AppEnv>, actorId: string, userId: string): Promise<User> {
  const user = await accountFor(c, userId);
  if (user.status === "active") return presentUser(c.env, user);
  const db = database(c.env);
  const [updated] = await db.batch([
    db
      .update(users)
      .set({ status: "active", updatedAt: nowMs() })
      .where(and(eq(users.id, userId), eq(users.status, "suspended")))
      .returning(),
    auditWrite(db, { type: "account_reinstated", userId, actorId, ipHash: await clientIpHash(c) }),
  ]);
  return presentUser(c.env, updated[0] ?? { ...user, status: "active" });
}
