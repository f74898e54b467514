import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { accountErasure, currentUser, sendAccountMessagesNow } from "../identity";
import { messageErasureWrites } from "../messaging";
import { notificationErasureWrites } from "../notifications";
import { database } from "../platform/db";
import { drainSoon } from "../platform/outbox";

/**
 * Deletes the caller's account in one batch: identity erases the account (sessions revoked,
 * personal data gone, the anonymous id kept for orders), notifications and messaging erase what
 * they hold about the person, and the goodbye, written last, is still delivered.
 */
export async function eraseAccount(c: Context<AppEnv>): Promise<{ deletedAt: number }> {
  const user = await currentUser(c);
  const db = database(c.env);
  const account = await accountErasure(c, user);
  const [first, ...rest] = [
    ...account.erase,
    ...notificationErasureWrites(db, user.id),
    ...messageErasureWrites(db, account.recipientHashes),
    ...account.goodbye.writes,
  ];
  await db.batch([first, ...rest]);
  await sendAccountMessagesNow(c.env, account.goodbye.events);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return { deletedAt: account.deletedAt };
}
