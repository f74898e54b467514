import { and, eq, gt, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { passwordResets, sessions, users } from "../../d1/schema/identity";
import type { Locale } from "../../schemas/platform";
import type { AppEnv } from "../app-env";
import { COUNTRY_LOCALE } from "../i18n/catalog";
import { clientIpHash } from "../platform/client";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { randomToken, sha256Hex } from "../platform/ids";
import { drainSoon, recordEvent } from "../platform/outbox";
import { supportedCountry } from "../platform/phone";
import { encryptPii, piiLookupHash } from "../platform/pii";
import { clearCounter, enforceLimit, hitCounter, retryAfterSeconds } from "../platform/rate-limit";
import { accountMessageWrites, sendAccountMessagesNow } from "./account-messages";
import { suspended } from "./account-status";
import { auditWrite } from "./audit";
import { securityAlertEvent } from "./events";
import type { IdentityHooks } from "./hooks";
import { requireSignInFactor } from "./mfa";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords";
import { userContact } from "./present";
import { type Device, openAccount, revokeSessionWrites, startSession, UNNAMED_DEVICE } from "./sessions";

const loginFailuresKey = (emailHash: string) => `login-fail:${emailHash}`;

function isUniqueViolation(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${(err as { cause?: Error }).cause?.message ?? ""}` : String(err);
  return /UNIQUE constraint failed/i.test(text);
}

export async function register(
  c: Context<AppEnv>,
  input: { email: string; password: string; displayName: string; country: string; locale?: Locale; device?: Device },
  hooks: IdentityHooks,
) {
  const country = supportedCountry(input.country);
  const { identity } = c.get("config");
  const db = database(c.env);
  const ipHash = await clientIpHash(c);
  await enforceLimit(db, `auth-ip:${ipHash}`, identity.authMaxPerIpPerMinute, 60, "signInsPerNetwork");
  const emailHash = await piiLookupHash(c.env, input.email);
  if (await db.select({ id: users.id }).from(users).where(eq(users.emailHash, emailHash)).get()) {
    throw new ApiError(
      "conflict",
      "An account with this email already exists. Sign in, or reset the password if you forgot it.",
    );
  }
  const account = {
    phoneEnc: null,
    phoneHash: null,
    emailEnc: await encryptPii(c.env, input.email),
    emailHash,
    passwordHash: await hashPassword(input.password, identity.pbkdf2Iterations),
    country,
    locale: input.locale ?? COUNTRY_LOCALE[country],
    displayName: input.displayName,
  };
  try {
    return await openAccount(c, account, {
      method: "register",
      device: input.device ?? UNNAMED_DEVICE,
      ipHash,
      hooks,
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ApiError(
        "conflict",
        "An account with this email already exists. Sign in, or reset the password if you forgot it.",
      );
    }
    throw err;
  }
}

/**
 * Email + password sign-in. LOGIN_MAX_FAILURES wrong passwords within LOGIN_LOCK_SECONDS lock the
 * account for the rest of that window, even against the right password. Unknown emails cost the
 * same time and answer the same 401, so the endpoint does not reveal who has an account.
 */
export async function login(
  c: Context<AppEnv>,
  input: { email: string; password: string; device?: Device; mfaCode?: string },
  hooks: IdentityHooks,
) {
  const { identity } = c.get("config");
  const db = database(c.env);
  const ipHash = await clientIpHash(c);
  await enforceLimit(db, `auth-ip:${ipHash}`, identity.authMaxPerIpPerMinute, 60, "signInsPerNetwork");
  const emailHash = await piiLookupHash(c.env, input.email);
  // Count the attempt before checking the password (one atomic upsert), so parallel guesses cannot
  // all pass a read-only check: at most LOGIN_MAX_FAILURES passwords are tried per window.
  const failures = await hitCounter(db, loginFailuresKey(emailHash), identity.loginLockSeconds);
  if (failures.count > identity.loginMaxFailures) {
    const wait = retryAfterSeconds(failures.resetAt);
    const minutes = Math.ceil(Number(wait) / 60);
    throw new ApiError(
      "rate_limited",
      minutes === 1
        ? "Too many failed sign-ins for this account. Try again in 1 minute, or reset your password."
        : `Too many failed sign-ins for this account. Try again in ${minutes} minutes, or reset your password.`,
      { headers: { "Retry-After": wait } },
    );
  }
  const user = await db.select().from(users).where(eq(users.emailHash, emailHash)).get();
  // A suspended account's password is still checked: only someone who knows it learns of the suspension.
  const checkable = Boolean(user?.passwordHash) && (user?.status === "active" || user?.status === "suspended");
  const ok = checkable && user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : false;
  // Accounts that cannot sign in with a password cost the same time as those that can.
  if (!checkable) await burnPasswordCheck(input.password, identity.pbkdf2Iterations);
  if (!user || !ok) {
    await auditWrite(db, { type: "sign_in_failed", userId: user?.id, ipHash, data: { method: "password" } }).run();
    throw new ApiError(
      "invalid_credentials",
      "The email or password is not right. Check both, or reset your password.",
    );
  }
  if (user.status === "suspended") throw suspended();
  await requireSignInFactor(c, user.id, input.mfaCode);
  await clearCounter(db, loginFailuresKey(emailHash)).run();
  return startSession(c, user, input.device ?? UNNAMED_DEVICE, { isNewUser: false, method: "password", hooks });
}

/** Always 202. If the account exists, a single-use link valid PASSWORD_RESET_TTL_SECONDS is emailed. */
export async function forgotPassword(c: Context<AppEnv>, input: { email: string }) {
  const { identity } = c.get("config");
  const db = database(c.env);
  const ipHash = await clientIpHash(c);
  await enforceLimit(db, `auth-ip:${ipHash}`, identity.authMaxPerIpPerMinute, 60, "resetsPerNetwork");
  const emailHash = await piiLookupHash(c.env, input.email);
  const user = await db.select().from(users).where(eq(users.emailHash, emailHash)).get();
  if (user?.status !== "active") return;
  // At most a few reset emails per account per hour, silently: the answer must not differ.
  const sent = await hitCounter(db, `reset-email:${emailHash}`, 3600);
  if (sent.count > identity.passwordResetMaxPerHour) return;
  const token = randomToken(32);
  const now = nowMs();
  const minutes = Math.round(identity.passwordResetTtlSeconds / 60);
  const link = `${c.get("config").appBaseUrl}/reset-password?token=${encodeURIComponent(token)}`;
  const message = await accountMessageWrites(
    c.env,
    db,
    await userContact(c.env, user),
    "password_reset",
    { link, minutes },
    ["email"],
  );
  await db.batch([
    db.insert(passwordResets).values({
      tokenHash: await sha256Hex(token),
      userId: user.id,
      createdAt: now,
      expiresAt: now + identity.passwordResetTtlSeconds * 1000,
    }),
    auditWrite(db, { type: "password_reset_requested", userId: user.id, ipHash }),
    ...message.writes,
  ]);
  await sendAccountMessagesNow(c.env, message.events);
  drainSoon(c.executionCtx, c.env, c.get("config"));
}

/** Sets a new password with an emailed token (once), signs out every session, confirms by email. */
export async function resetPassword(c: Context<AppEnv>, input: { token: string; password: string }) {
  const { identity } = c.get("config");
  const db = database(c.env);
  const now = nowMs();
  const used = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResets.tokenHash, await sha256Hex(input.token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .returning({ userId: passwordResets.userId })
    .get();
  const user = used ? await db.select().from(users).where(eq(users.id, used.userId)).get() : undefined;
  if (user?.status !== "active") {
    throw new ApiError("validation_failed", "This reset link is invalid, expired or already used. Ask for a new one.", {
      errors: [{ path: "token", message: "Invalid, expired or already used" }],
    });
  }
  const live = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
  const message = await accountMessageWrites(c.env, db, await userContact(c.env, user), "password_changed", {});
  const emailHash = user.emailHash ?? "";
  await db.batch([
    db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password, identity.pbkdf2Iterations), updatedAt: now })
      .where(eq(users.id, user.id)),
    // Any other reset link of this account stops working too.
    db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt))),
    ...(live.length
      ? revokeSessionWrites(
          c,
          live.map((s) => s.id),
          "password_changed",
        )
      : []),
    clearCounter(db, loginFailuresKey(emailHash)),
    recordEvent(db, "notifications", securityAlertEvent(user.id, "password_changed")),
    auditWrite(db, {
      type: "password_changed",
      userId: user.id,
      ipHash: await clientIpHash(c),
      data: { sessionsRevoked: live.length },
    }),
    ...message.writes,
  ]);
  await sendAccountMessagesNow(c.env, message.events);
  drainSoon(c.executionCtx, c.env, c.get("config"));
}
