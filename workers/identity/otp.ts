import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Context } from "hono";
import { otpChallenges, users } from "../../d1/schema/identity";
import type { Locale } from "../../schemas/platform";
import type { AppEnv } from "../app-env";
import { COUNTRY_LOCALE, COUNTRY_TIMEZONE } from "../i18n/catalog";
import { clientIpHash } from "../platform/client";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { drainSoon } from "../platform/outbox";
import { mobileNumber, supportedCountry } from "../platform/phone";
import { encryptPii, piiLookupHash } from "../platform/pii";
import { enforceLimit, hitCounter, retryAfterSeconds } from "../platform/rate-limit";
import { accountMessageWrites, sendAccountMessagesNow } from "./account-messages";
import { suspended } from "./account-status";
import { auditWrite } from "./audit";
import type { IdentityHooks } from "./hooks";
import { requireSignInFactor } from "./mfa";
import { type Device, openAccount, startSession } from "./sessions";

/** A uniformly random 6-digit code (rejection sampling, no modulo bias). */
function sixDigitCode(): string {
  const limit = 4_294_000_000; // largest multiple of 1e6 below 2^32
  for (;;) {
    const [n] = crypto.getRandomValues(new Uint32Array(1));
    if (n < limit) return String(n % 1_000_000).padStart(6, "0");
  }
}

function codeHash(env: Env, challengeId: string, code: string): Promise<string> {
  return piiLookupHash(env, `otp:${challengeId}:${code}`);
}

/**
 * Sends a sign-in code by SMS. Limits, all exact (D1 counters): one code per number per
 * OTP_RESEND_SECONDS, OTP_MAX_PER_PHONE_PER_HOUR per number, OTP_MAX_PER_IP_PER_HOUR per IP.
 * A new code supersedes the number's earlier ones.
 */
export async function requestOtp(c: Context<AppEnv>, input: { phone: string; country: string; locale?: Locale }) {
  const country = supportedCountry(input.country);
  const phone = mobileNumber(input.phone, country);
  const locale = input.locale ?? COUNTRY_LOCALE[country];
  const { identity } = c.get("config");
  const db = database(c.env);
  const [phoneHash, ipHash] = await Promise.all([piiLookupHash(c.env, phone), clientIpHash(c)]);

  await enforceLimit(db, `otp-ip:${ipHash}`, identity.otpMaxPerIpPerHour, 3600, "codesPerNetwork");
  const resend = await hitCounter(db, `otp-resend:${phoneHash}`, identity.otpResendSeconds);
  if (resend.count > 1) {
    const wait = retryAfterSeconds(resend.resetAt);
    throw new ApiError(
      "rate_limited",
      wait === "1"
        ? "A code was just sent to this number. Wait 1 second before asking for another."
        : `A code was just sent to this number. Wait ${wait} seconds before asking for another.`,
      {
        headers: { "Retry-After": wait },
      },
    );
  }
  await enforceLimit(db, `otp-phone:${phoneHash}`, identity.otpMaxPerPhonePerHour, 3600, "codesPerNumber");

  const now = nowMs();
  const id = newId("otp");
  const code = sixDigitCode();
  const message = await accountMessageWrites(
    c.env,
    db,
    { phone, locale, timezone: COUNTRY_TIMEZONE[country] },
    "otp_code",
    { code, minutes: Math.round(identity.otpTtlSeconds / 60), appName: "Tchat" },
    ["sms"],
  );
  await db.batch([
    db
      .update(otpChallenges)
      .set({ consumedAt: now })
      .where(and(eq(otpChallenges.phoneHash, phoneHash), isNull(otpChallenges.consumedAt))),
    db.insert(otpChallenges).values({
      id,
      phoneHash,
      codeHash: await codeHash(c.env, id, code),
      country,
      locale,
      createdAt: now,
      expiresAt: now + identity.otpTtlSeconds * 1000,
    }),
    auditWrite(db, { type: "otp_requested", ipHash, data: { country } }),
    ...message.writes,
  ]);
  await sendAccountMessagesNow(c.env, message.events);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return { expiresIn: identity.otpTtlSeconds, resendAfter: identity.otpResendSeconds, channel: "sms" as const };
}

/**
 * Checks a code and signs in (creating the account on first use). The code is consumed by one
 * atomic update, so of parallel verifies with the right code exactly one gets tokens. Wrong codes
 * count; at OTP_MAX_ATTEMPTS the code is locked (429 otp_locked) and a new one must be requested.
 */
export async function verifyOtp(
  c: Context<AppEnv>,
  input: { phone: string; country: string; code: string; device: Device; mfaCode?: string },
  hooks: IdentityHooks,
) {
  const country = supportedCountry(input.country);
  const phone = mobileNumber(input.phone, country);
  const { identity } = c.get("config");
  const db = database(c.env);
  const [phoneHash, ipHash] = await Promise.all([piiLookupHash(c.env, phone), clientIpHash(c)]);
  await enforceLimit(db, `auth-ip:${ipHash}`, identity.authMaxPerIpPerMinute, 60, "signInsPerNetwork");

  const now = nowMs();
  const challenge = await db
    .select()
    .from(otpChallenges)
    .where(
      and(eq(otpChallenges.phoneHash, phoneHash), isNull(otpChallenges.consumedAt), gt(otpChallenges.expiresAt, now)),
    )
    .orderBy(desc(otpChallenges.createdAt))
    .limit(1)
    .get();
  if (!challenge) {
    throw new ApiError(
      "invalid_code",
      "There is no valid code for this number: it expired or was used. Request a new code.",
    );
  }
  const locked = () =>
    new ApiError("otp_locked", "Too many wrong codes. Request a new code and try again.", {
      headers: { "Retry-After": String(identity.otpResendSeconds) },
    });
  if (challenge.attempts >= identity.otpMaxAttempts) throw locked();

  if ((await codeHash(c.env, challenge.id, input.code)) !== challenge.codeHash) {
    throw await countWrongCode(db, challenge.id, identity.otpMaxAttempts, ipHash, locked);
  }

  // An account with two-step sign-in needs its second factor here too (else a phone would bypass
  // it). Asked before the SMS code is used up, so the person sends the same code with mfaCode.
  const existing = await db.select().from(users).where(eq(users.phoneHash, phoneHash)).get();
  if (existing?.status === "active") await requireSignInFactor(c, existing.id, input.mfaCode);

  const consumed = await db
    .update(otpChallenges)
    .set({ consumedAt: now })
    .where(
      and(
        eq(otpChallenges.id, challenge.id),
        isNull(otpChallenges.consumedAt),
        gt(otpChallenges.expiresAt, now),
        sql`${otpChallenges.attempts} < ${identity.otpMaxAttempts}`,
      ),
    )
    .returning({ id: otpChallenges.id })
    .get();
  if (!consumed) throw new ApiError("invalid_code", "This code was already used. Request a new code.");

  if (existing) {
    if (existing.status === "suspended") throw suspended();
    if (existing.status !== "active") throw new ApiError("forbidden", "This account is not active. Contact support.");
    return startSession(c, existing, input.device, { isNewUser: false, method: "otp", hooks });
  }
  return openAccount(
    c,
    {
      phoneEnc: await encryptPii(c.env, phone),
      phoneHash,
      emailEnc: null,
      emailHash: null,
      passwordHash: null,
      country,
      locale: challenge.locale,
      displayName: `Tchat ${phone.slice(-4)}`,
    },
    { method: "otp", device: input.device, ipHash, hooks },
  );
}

/** Counts a wrong code (atomically, so parallel guesses all count) and says what to answer. */
async function countWrongCode(
  db: Database,
  challengeId: string,
  maxAttempts: number,
  ipHash: string,
  locked: () => ApiError,
): Promise<ApiError> {
  const counted = await db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(and(eq(otpChallenges.id, challengeId), isNull(otpChallenges.consumedAt)))
    .returning({ attempts: otpChallenges.attempts })
    .get();
  const attempts = counted?.attempts ?? maxAttempts;
  await auditWrite(db, {
    type: attempts >= maxAttempts ? "otp_locked" : "otp_failed",
    ipHash,
    data: { attempts },
  }).run();
  if (attempts >= maxAttempts) return locked();
  const left = maxAttempts - attempts;
  return new ApiError(
    "invalid_code",
    left === 1 ? "That code is not right. 1 attempt left." : `That code is not right. ${left} attempts left.`,
  );
}
