import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { mfaRecoveryCodes, mfaTotp, users } from "../../d1/schema/identity";
import type { AppEnv } from "../app-env";
import { clientIpHash } from "../platform/client";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { encryptPii } from "../platform/pii";
import { auditWrite } from "./audit";
import { checkSecondFactor, newRecoveryCodes, recoveryCodeRows, totpFactor } from "./mfa";
import { userContact } from "./present";
import { newTotpSecret, otpauthUrl } from "./totp";

/**
 * Turning the TOTP second factor on and off. Set-up gives a new secret and ten recovery codes
 * (shown once, stored hashed), both pending until a first right code enables the factor; turning
 * it off or getting new recovery codes takes a code too, so a stolen access token alone cannot.
 */

const ISSUER = "Tchat";

const alreadyOn = () =>
  new ApiError("conflict", "Two-step sign-in is already on. Turn it off first to move it to another authenticator.");
const notOn = () => new ApiError("conflict", "Two-step sign-in is not on for this account. Set it up first.");

export async function startTotpSetup(c: Context<AppEnv>, userId: string) {
  const db = database(c.env);
  const [user, existing] = await Promise.all([
    db.select().from(users).where(eq(users.id, userId)).get(),
    totpFactor(db, userId),
  ]);
  if (existing?.status === "enabled") throw alreadyOn();
  if (!user) throw new ApiError("not_found", "This account no longer exists.");
  const contact = await userContact(c.env, user);
  const secret = newTotpSecret();
  const recoveryCodes = newRecoveryCodes();
  const now = nowMs();
  const secretEnc = await encryptPii(c.env, secret);
  await db.batch([
    db
      .insert(mfaTotp)
      .values({ userId, secretEnc, status: "pending", lastStep: 0, createdAt: now })
      .onConflictDoUpdate({
        target: mfaTotp.userId,
        set: { secretEnc, lastStep: 0, createdAt: now },
        // An enabled factor is never replaced by a set-up that raced its enabling.
        setWhere: eq(mfaTotp.status, "pending"),
      }),
    db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId)),
    db.insert(mfaRecoveryCodes).values(await recoveryCodeRows(c.env, userId, recoveryCodes, now)),
    auditWrite(db, { type: "mfa_setup_started", userId, ipHash: await clientIpHash(c) }),
  ]);
  return {
    secret,
    otpauthUrl: otpauthUrl(secret, contact.email ?? contact.phone ?? user.displayName, ISSUER),
    recoveryCodes,
  };
}

export async function enableTotp(c: Context<AppEnv>, userId: string, code: string): Promise<void> {
  const db = database(c.env);
  const row = await totpFactor(db, userId);
  if (!row) throw notOn();
  if (row.status === "enabled") throw alreadyOn();
  await checkSecondFactor(c, row, code, { allowRecovery: false, purpose: "enable" });
  await db.batch([
    db
      .update(mfaTotp)
      .set({ status: "enabled", enabledAt: nowMs() })
      .where(and(eq(mfaTotp.userId, userId), eq(mfaTotp.status, "pending"))),
    auditWrite(db, { type: "mfa_enabled", userId, ipHash: await clientIpHash(c) }),
  ]);
}

export async function disableTotp(c: Context<AppEnv>, userId: string, code: string): Promise<void> {
  const db = database(c.env);
  const row = await totpFactor(db, userId);
  if (row?.status !== "enabled") throw notOn();
  const used = await checkSecondFactor(c, row, code, { allowRecovery: true, purpose: "disable" });
  await db.batch([
    db.delete(mfaTotp).where(eq(mfaTotp.userId, userId)),
    db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId)),
    auditWrite(db, { type: "mfa_disabled", userId, ipHash: await clientIpHash(c), data: { with: used } }),
  ]);
}

/** New recovery codes for an enabled factor (the old ones stop working), for a current TOTP code. */
export async function regenerateRecoveryCodes(c: Context<AppEnv>, userId: string, code: string) {
  const db = database(c.env);
  const row = await totpFactor(db, userId);
  if (row?.status !== "enabled") throw notOn();
  await checkSecondFactor(c, row, code, { allowRecovery: false, purpose: "recovery_codes" });
  const recoveryCodes = newRecoveryCodes();
  await db.batch([
    db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId)),
    db.insert(mfaRecoveryCodes).values(await recoveryCodeRows(c.env, userId, recoveryCodes, nowMs())),
    auditWrite(db, { type: "mfa_recovery_codes_regenerated", userId, ipHash: await clientIpHash(c) }),
  ]);
  return { recoveryCodes };
}
