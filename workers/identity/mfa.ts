import { and, eq, isNull, lt } from "drizzle-orm";
import type { Context } from "hono";
import { mfaRecoveryCodes, mfaTotp } from "../../d1/schema/identity";
import type { AppEnv } from "../app-env";
import { clientIpHash } from "../platform/client";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { decryptPii, piiLookupHash } from "../platform/pii";
import { clearCounter, hitCounter, retryAfterSeconds } from "../platform/rate-limit";
import { auditWrite } from "./audit";
import { base32Encode, matchingStep } from "./totp";

/**
 * The second factor's checks: a TOTP code (each time step accepted once, so a code cannot be
 * replayed) or a one-time recovery code. Wrong codes are counted per account (LOGIN_MAX_FAILURES
 * per LOGIN_LOCK_SECONDS), atomically, so parallel guesses cannot go past the limit.
 */

export const RECOVERY_CODE_COUNT = 10;

const failuresKey = (userId: string) => `mfa-fail:${userId}`;

export type TotpRow = typeof mfaTotp.$inferSelect;

export function totpFactor(db: Database, userId: string) {
  return db.select().from(mfaTotp).where(eq(mfaTotp.userId, userId)).get();
}

/** Whether the account has a second factor on. */
export async function mfaEnabled(db: Database, userId: string): Promise<boolean> {
  return (await totpFactor(db, userId))?.status === "enabled";
}

/** Ten new recovery codes such as `k7m2q-x9p4d` (50 random bits each), shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = base32Encode(crypto.getRandomValues(new Uint8Array(7)))
      .slice(0, 10)
      .toLowerCase();
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** A recovery code's keyed hash, bound to its account; spaces, dashes and case do not matter. */
export function recoveryCodeHash(env: Env, userId: string, code: string): Promise<string> {
  return piiLookupHash(env, `mfa-recovery:${userId}:${code.toLowerCase().replace(/[\s-]/g, "")}`);
}

export function recoveryCodeRows(env: Env, userId: string, codes: string[], now: number) {
  return Promise.all(
    codes.map(async (code) => ({ userId, codeHash: await recoveryCodeHash(env, userId, code), createdAt: now })),
  );
}

/** Takes the TOTP code `code` of `row` if it is right and its time step is later than the last taken. */
async function takeTotpCode(c: Context<AppEnv>, db: Database, row: TotpRow, code: string): Promise<boolean> {
  const step = await matchingStep(await decryptPii(c.env, row.secretEnc), code, nowMs());
  if (step === null) return false;
  const taken = await db
    .update(mfaTotp)
    .set({ lastStep: step })
    .where(and(eq(mfaTotp.userId, row.userId), lt(mfaTotp.lastStep, step)))
    .returning({ userId: mfaTotp.userId })
    .get();
  return Boolean(taken);
}

/** Spends the recovery code `code` of an enabled factor once; the number left, or null if it is not one. */
async function takeRecoveryCode(c: Context<AppEnv>, db: Database, userId: string, code: string) {
  const used = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: nowMs() })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, await recoveryCodeHash(c.env, userId, code)),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ userId: mfaRecoveryCodes.userId })
    .get();
  if (!used) return null;
  const left = await db
    .select({ codeHash: mfaRecoveryCodes.codeHash })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return left.length;
}

/**
 * Checks a second-factor code of `row` (a TOTP code; a recovery code too where `allowRecovery`).
 * A wrong or replayed code is counted and audited, and answers 401 invalid_code; past the limit
 * 429 even with the right code.
 */
export async function checkSecondFactor(
  c: Context<AppEnv>,
  row: TotpRow,
  code: string,
  options: { allowRecovery: boolean; purpose: "sign_in" | "enable" | "disable" | "recovery_codes" },
): Promise<"totp" | "recovery"> {
  const db = database(c.env);
  const { identity } = c.get("config");
  const ipHash = await clientIpHash(c);
  const attempts = await hitCounter(db, failuresKey(row.userId), identity.loginLockSeconds);
  if (attempts.count > identity.loginMaxFailures) {
    throw new ApiError(
      "rate_limited",
      "Too many wrong two-step codes for this account. Wait a few minutes, then try again.",
      { headers: { "Retry-After": retryAfterSeconds(attempts.resetAt) } },
    );
  }
  const trimmed = code.trim().replace(/\s/g, "");
  if (/^\d{6}$/.test(trimmed)) {
    if (await takeTotpCode(c, db, row, trimmed)) {
      await clearCounter(db, failuresKey(row.userId)).run();
      return "totp";
    }
  } else if (options.allowRecovery && row.status === "enabled") {
    const left = await takeRecoveryCode(c, db, row.userId, trimmed);
    if (left !== null) {
      await db.batch([
        clearCounter(db, failuresKey(row.userId)),
        auditWrite(db, {
          type: "mfa_recovery_code_used",
          userId: row.userId,
          ipHash,
          data: { purpose: options.purpose, left },
        }),
      ]);
      return "recovery";
    }
  }
  await auditWrite(db, { type: "mfa_failed", userId: row.userId, ipHash, data: { purpose: options.purpose } }).run();
  throw new ApiError(
    "invalid_code",
    "That code is not right or was already used. Enter the current 6-digit code from your authenticator app.",
  );
}

/**
 * Sign-in's second step: an account with a second factor on signs in only with `mfaCode` (a TOTP
 * code or a recovery code); without one it answers 401 mfa_required.
 */
export async function requireSignInFactor(c: Context<AppEnv>, userId: string, mfaCode: string | undefined) {
  const row = await totpFactor(database(c.env), userId);
  if (row?.status !== "enabled") return;
  if (!mfaCode) {
    throw new ApiError(
      "mfa_required",
      "This account uses two-step sign-in. Send the 6-digit code from your authenticator app, or a recovery code, as mfaCode.",
    );
  }
  await checkSecondFactor(c, row, mfaCode, { allowRecovery: true, purpose: "sign_in" });
}
