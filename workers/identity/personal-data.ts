import { and, asc, eq, isNull } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { addresses, auditEvents, mfaRecoveryCodes, mfaTotp, sessions, users } from "../../d1/schema/identity";
import type { AppEnv } from "../app-env";
import { clientIpHash } from "../platform/client";
import { type Database, database, nowMs } from "../platform/db";
import { recordEvent } from "../platform/outbox";
import { encryptedColumns } from "../platform/pii-rotation";
import { accountMessageWrites } from "./account-messages";
import { presentAddress } from "./addresses";
import { auditWrite } from "./audit";
import { accountClosedEvent } from "./events";
import { presentUser, type UserRow, userContact } from "./present";
import { revokeSessionWrites } from "./sessions";

/** Identity's PII columns (phone, email, addresses), for the key rotation. */
export const IDENTITY_ENCRYPTED_COLUMNS = [
  encryptedColumns(users, users.id, [users.phoneEnc, users.emailEnc]),
  encryptedColumns(addresses, addresses.id, [addresses.detailsEnc]),
  encryptedColumns(mfaTotp, mfaTotp.userId, [mfaTotp.secretEnc]),
];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * What identity holds about a person, for GET /users/me/export: the account, addresses, every
 * session (device) and the security events of the account.
 */
export async function identityDataOf(env: Env, db: Database, user: UserRow) {
  const [addressRows, sessionRows, auditRows] = await Promise.all([
    db.select().from(addresses).where(eq(addresses.userId, user.id)).orderBy(asc(addresses.id)),
    db.select().from(sessions).where(eq(sessions.userId, user.id)).orderBy(asc(sessions.createdAt)),
    db.select().from(auditEvents).where(eq(auditEvents.userId, user.id)).orderBy(asc(auditEvents.id)),
  ]);
  return {
    user: {
      ...(await presentUser(env, user)),
      updatedAt: iso(user.updatedAt),
      hasPassword: user.passwordHash !== null,
    },
    addresses: await Promise.all(addressRows.map((r) => presentAddress(env, r))),
    sessions: sessionRows.map((s) => ({
      id: s.id,
      device: { id: s.deviceId, platform: s.devicePlatform, name: s.deviceName },
      createdAt: iso(s.createdAt),
      lastActiveAt: iso(s.lastActiveAt),
      revokedAt: iso(s.revokedAt),
      revokedReason: s.revokedReason,
    })),
    securityEvents: auditRows.map((a) => ({
      id: a.id,
      type: a.type,
      sessionId: a.sessionId,
      data: a.data,
      createdAt: iso(a.createdAt),
    })),
  };
}

/** The account's phone and email (decrypted): where messages to this person went. */
export async function contactAddressesOf(env: Env, user: UserRow): Promise<string[]> {
  const contact = await userContact(env, user);
  return [contact.phone, contact.email].filter((v): v is string => Boolean(v));
}

/**
 * Closing an account, as parts of the caller's one batch:
 * - `erase`: the personal data erased (phone, email, password, name, avatar; the anonymous id
 *   stays for orders), addresses deleted, every session revoked, the audit entry;
 * - `recipientHashes`: the keyed hashes of the account's phone and email, whose messages the
 *   caller erases too;
 * - `goodbye`: the farewell message, to write last (after any erasure of messages) and send
 *   once committed.
 */
export async function accountErasure(c: Context<AppEnv>, user: UserRow) {
  const db = database(c.env);
  const deletedAt = nowMs();
  const live = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
  const goodbye = await accountMessageWrites(c.env, db, await userContact(c.env, user), "account_deleted", {
    name: user.displayName,
  });
  const erase: BatchItem<"sqlite">[] = [
    db
      .update(users)
      .set({
        phoneEnc: null,
        phoneHash: null,
        emailEnc: null,
        emailHash: null,
        passwordHash: null,
        displayName: "Deleted user",
        avatarUrl: null,
        status: "deleted",
        roles: [],
        updatedAt: deletedAt,
        deletedAt,
      })
      .where(eq(users.id, user.id)),
    db.delete(addresses).where(eq(addresses.userId, user.id)),
    db.delete(mfaTotp).where(eq(mfaTotp.userId, user.id)),
    db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id)),
    ...(live.length
      ? revokeSessionWrites(
          c,
          live.map((s) => s.id),
          "account_deleted",
        )
      : []),
    // The account's open sockets close when this arrives (chat's consumer).
    recordEvent(db, "notifications", accountClosedEvent("account.deleted", user.id, deletedAt)),
    auditWrite(db, {
      type: "account_deleted",
      userId: user.id,
      ipHash: await clientIpHash(c),
      data: { sessionsRevoked: live.length },
    }),
  ];
  const recipientHashes = [user.phoneHash, user.emailHash].filter((h): h is string => h !== null);
  return { erase, recipientHashes, goodbye, deletedAt };
}
