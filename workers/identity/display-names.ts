import { eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { users } from "../../d1/schema/identity";
import type { Database } from "../platform/db";

/**
 * Accounts' public names, for other domains that show who wrote something (reviews) or who is in a
 * dialog (chat). A read
 * comes back unrun for the caller's db.batch, or as a scalar subquery for the caller's select,
 * so the caller's page stays one query.
 */

/** The display name of the account whose id `userId` holds (null when there is no such account). */
export function displayNameOf(userId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${userId})`;
}

/**
 * The public face of the account whose id `userId` holds, as a scalar subquery giving a JSON text
 * `{"displayName": ..., "avatarUrl": ... | null}` (NULL when there is no such account): only what
 * anyone sharing a dialog with the person may see, never their phone or email.
 */
export function publicFaceOf(userId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(SELECT json_object('displayName', ${users.displayName}, 'avatarUrl', ${users.avatarUrl})
    FROM ${users} WHERE ${users.id} = ${userId})`;
}

/** One account's display name: one row, or none. */
export function displayNameQuery(db: Database, userId: string) {
  return db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId)).limit(1);
}
