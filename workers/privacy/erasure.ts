import type { Context } from "hono";
import { accountErasures } from "../../d1/schema/privacy";
import type { AppEnv } from "../app-env";
import { chatErasureWrites } from "../chat";
import { payoutErasureWrites } from "../earnings";
import { accountErasure, currentUser, sendAccountMessagesNow } from "../identity";
import { messageErasureWrites } from "../messaging";
import { notificationErasureWrites } from "../notifications";
import { customerOrderErasureWrites } from "../orders";
import { database } from "../platform/db";
import { logEvent } from "../platform/log";
import { drainSoon } from "../platform/outbox";
import { productViewErasureWrites } from "../recommendations";
import { reviewErasureWrites } from "../reviews";
import { assertWalletEmpty } from "../wallet";
import { runAccountErasures } from "./erasure-job";

/**
 * Deletes the caller's account (docs/privacy.md). What D1 holds goes in one batch: identity erases
 * the account (sessions revoked, personal data gone, the anonymous id kept for orders), and
 * notifications, messaging, reviews, orders, chat and recommendations erase what they hold about
 * the person. The
 * same batch records the erasure job, which then erases the messages in the chat rooms (Durable
 * Objects), the uploads in R2 and, once delivered or closed, the addresses of orders in flight.
 */
export async function eraseAccount(c: Context<AppEnv>): Promise<{ deletedAt: number }> {
  const user = await currentUser(c);
  const db = database(c.env);
  // Money is never erased with an account: a wallet that holds any refuses the deletion (409).
  await assertWalletEmpty(c.env, user.id);
  const account = await accountErasure(c, user);
  // The commit point: before this batch nothing has changed (a retry starts over); once it commits
  // the account is deleted and the job row guarantees the rest, resumed by the minute cron.
  const [first, ...rest] = [
    ...account.erase,
    ...notificationErasureWrites(db, user.id),
    ...messageErasureWrites(db, account.recipientHashes),
    ...reviewErasureWrites(db, user.id),
    ...customerOrderErasureWrites(db, user.id),
    ...chatErasureWrites(db, user.id),
    ...productViewErasureWrites(db, user.id),
    ...payoutErasureWrites(db, user.id),
    db
      .insert(accountErasures)
      .values({ userId: user.id, step: "chat", requestedAt: account.deletedAt, updatedAt: account.deletedAt })
      .onConflictDoNothing(),
    // The goodbye is written last: after any erasure of messages, so it stays and is delivered.
    ...account.goodbye.writes,
  ];
  await db.batch([first, ...rest]);
  await sendAccountMessagesNow(c.env, account.goodbye.events);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  c.executionCtx.waitUntil(
    runAccountErasures(c.env, { userId: user.id }).catch((err) =>
      logEvent("error", "account_erasure_failed", { userId: user.id, error: String(err) }),
    ),
  );
  return { deletedAt: account.deletedAt };
}
