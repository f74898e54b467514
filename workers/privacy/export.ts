import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { auditWrite, contactAddressesOf, currentUser, identityDataOf } from "../identity";
import { messagesSentTo } from "../messaging";
import { notificationDataOf } from "../notifications";
import { clientIpHash } from "../platform/client";
import { database } from "../platform/db";

/**
 * Everything the platform holds about the caller, gathered from each domain that holds some
 * (identity, messaging, notifications); the export itself is audited.
 */
export async function personalDataExport(c: Context<AppEnv>) {
  const user = await currentUser(c);
  const db = database(c.env);
  const [identity, messages, notifications] = await Promise.all([
    identityDataOf(c.env, db, user),
    contactAddressesOf(c.env, user).then((to) => messagesSentTo(c.env, db, to, user.createdAt)),
    notificationDataOf(db, user.id),
  ]);
  await auditWrite(db, { type: "data_exported", userId: user.id, ipHash: await clientIpHash(c) }).run();
  return { userId: user.id, data: { exportedAt: new Date().toISOString(), ...identity, messages, notifications } };
}
