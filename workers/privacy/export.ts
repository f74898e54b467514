import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { messagesSentBy } from "../chat";
import { auditWrite, contactAddressesOf, currentUser, identityDataOf } from "../identity";
import { messagesSentTo } from "../messaging";
import { notificationDataOf } from "../notifications";
import { customerOrdersOf } from "../orders";
import { customerPaymentsOf } from "../payments";
import { clientIpHash } from "../platform/client";
import { database } from "../platform/db";
import { productViewsOf } from "../recommendations";
import { reviewsWrittenBy } from "../reviews";
import { shopsOwnedBy } from "../shops";
import { walletDataOf } from "../wallet";

/**
 * Everything the platform holds about the caller, gathered from each domain that holds some:
 * identity (account, addresses, sessions, audit events), messaging (what was sent to them),
 * notifications (inbox, preferences, push devices), orders, payments, reviews, chat (the messages
 * they sent), shops (those they own) and recommendations (the products they viewed). The export
 * itself is audited.
 */
export async function personalDataExport(c: Context<AppEnv>) {
  const user = await currentUser(c);
  const db = database(c.env);
  const [identity, messages, inbox, orders, payments, reviews, chatMessages, shops, productViews, wallet] =
    await Promise.all([
      identityDataOf(c.env, db, user),
      contactAddressesOf(c.env, user).then((to) => messagesSentTo(c.env, db, to, user.createdAt)),
      notificationDataOf(db, user.id),
      customerOrdersOf(c.env, db, user.id),
      customerPaymentsOf(db, user.id),
      reviewsWrittenBy(db, user.id, user.displayName),
      messagesSentBy(c.env, db, user.id),
      shopsOwnedBy(c.env, db, user.id),
      productViewsOf(db, user.id),
      walletDataOf(c.env, db, user.id),
    ]);
  const { pushDevices, ...notifications } = inbox;
  await auditWrite(db, { type: "data_exported", userId: user.id, ipHash: await clientIpHash(c) }).run();
  return {
    userId: user.id,
    data: {
      exportedAt: new Date().toISOString(),
      ...identity,
      devices: { signIn: signInDevices(identity.sessions), push: pushDevices },
      messages,
      notifications,
      orders,
      payments,
      reviews,
      chatMessages,
      shops,
      productViews,
      wallet,
    },
  };
}

type Session = Awaited<ReturnType<typeof identityDataOf>>["sessions"][number];

/** The devices the caller signed in with, once each, from their sessions (newest sign-in last). */
function signInDevices(sessions: Session[]) {
  const byId = new Map<string, Session["device"] & { lastSignInAt: string | null }>();
  for (const s of sessions) byId.set(s.device.id, { ...s.device, lastSignInAt: s.createdAt });
  return [...byId.values()];
}
