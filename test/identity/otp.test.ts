import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { database } from "../../workers/platform/db";
import { ApiError } from "../../workers/platform/errors";
import { enforceLimit } from "../../workers/platform/rate-limit";
import {
  expectJson,
  expectProblem,
  expectRetryAfter,
  latestCode,
  me,
  newDevice,
  outboxApi,
  outboxFor,
  phoneHash,
  post,
  requestCode,
  resetOtpCounters,
  rowsAsText,
  type Tokens,
  thaiMobile,
  uniqueIp,
} from "./helpers";

const OTP_TTL = Number(env.OTP_TTL_SECONDS);
const RESEND = Number(env.OTP_RESEND_SECONDS);
const PER_HOUR = Number(env.OTP_MAX_PER_PHONE_PER_HOUR);
const MAX_ATTEMPTS = Number(env.OTP_MAX_ATTEMPTS);

const THAI_SCRIPT = /[\u0E00-\u0E7F]/;
/** Letters only Vietnamese uses among our languages (ă, ơ, ư, đ and tone marks such as ậ, ế). */
const VIETNAMESE = /[ăắằẳẵặâấầẩẫậđêếềểễệôốồổỗộơớờởỡợưứừửữự]/i;

const requestOtp = (body: Record<string, unknown>, ip?: string) => post("/api/v1/auth/otp/request", body, { ip });
const verifyOtp = (body: Record<string, unknown>, ip?: string) => post("/api/v1/auth/otp/verify", body, { ip });

/** Only the 60-second resend window passes; the hourly count stays. */
async function forgetResendWindow(phone: string) {
  await env.DB.prepare("DELETE FROM rate_counters WHERE key = ?")
    .bind(`otp-resend:${await phoneHash(phone)}`)
    .run();
}

const wrongCodeFor = (code: string) => (code === "000000" ? "111111" : "000000");

describe("POST /auth/otp/request: numbers of the six countries", () => {
  // [country, the country's default language, two mobile numbers as [request input, verify input, E.164]]:
  // the first is requested in local form and verified in E.164, the second the other way round.
  const NUMBERS = [
    ["TH", "th", ["081 234 5678", "+66812345678", "+66812345678"], ["+66 90 000 0123", "090-000-0123", "+66900000123"]],
    ["SG", "en", ["8123 4567", "+6581234567", "+6581234567"], ["+65 9123 4568", "91234568", "+6591234568"]],
    [
      "ID",
      "id",
      ["0812-3456-789", "+628123456789", "+628123456789"],
      ["+62 811 234 567", "0811234567", "+62811234567"],
    ],
    ["MY", "ms", ["012-345 6789", "+60123456789", "+60123456789"], ["+60 19 876 5432", "019-876 5432", "+60198765432"]],
    [
      "PH",
      "fil",
      ["0917 123 4567", "+639171234567", "+639171234567"],
      ["+63 905 123 4568", "09051234568", "+639051234568"],
    ],
    ["VN", "vi", ["0912 345 678", "+84912345678", "+84912345678"], ["+84 987 654 321", "0987654321", "+84987654321"]],
  ] as const;

  for (const [country, language, ...numbers] of NUMBERS) {
    it(`${country}: local and E.164 input are accepted and the user is stored in E.164`, async () => {
      for (const [input, other, e164] of numbers) {
        const res = await requestOtp({ phone: input, country });
        const body = await expectJson<{ expiresIn: number; resendAfter: number; channel: string }>(res, 202);
        expect(body).toEqual({ expiresIn: OTP_TTL, resendAfter: RESEND, channel: "sms" });
        expect(body.expiresIn).toBeLessThanOrEqual(300);

        // The SMS went to the E.164 number, in the country's language, with a 6-digit code.
        const [sms] = await outboxApi(e164, "sms");
        expect(sms.to).toBe(e164);
        expect(sms.locale).toBe(language);
        const code = await latestCode(e164);

        // Verify with the other spelling of the same number: both normalize to one E.164.
        const tokens = await expectJson<Tokens>(
          await verifyOtp({ phone: other, country, code, device: newDevice("android") }),
          200,
        );
        expect(tokens.user.phone).toBe(e164);
        expect(tokens.user.country).toBe(country);
        expect(tokens.user.locale).toBe(language);
        const profile = await expectJson<{ phone: string }>(await me(tokens.accessToken), 200);
        expect(profile.phone).toBe(e164);

        // Found by the keyed hash of the E.164 form, never stored in clear.
        const row = await env.DB.prepare("SELECT phone_hash, phone_enc FROM users WHERE id = ?")
          .bind(tokens.user.id)
          .first<{ phone_hash: string; phone_enc: string }>();
        expect(row?.phone_hash).toBe(await phoneHash(e164));
        expect(row?.phone_enc).not.toContain(e164.slice(1));
      }
    });
  }

  // Landlines, too short, and mobiles of a neighbouring country, for each country.
  const INVALID: Record<string, { example: string; bad: string[] }> = {
    TH: { example: "081 234 5678", bad: ["02 123 4567", "08123", "+65 9123 4567", "abc-def-ghij"] },
    SG: { example: "8123 4567", bad: ["6123 4567", "8123", "+66 81 234 5678"] },
    ID: { example: "0812-345-678", bad: ["021 2345 678", "0812", "+60 12 345 6789"] },
    MY: { example: "012-345 6789", bad: ["03-2345 6789", "012", "+62 812 345 678"] },
    PH: { example: "0905 123 4567", bad: ["02 8123 4567", "0905", "+84 912 345 678"] },
    VN: { example: "0912 345 678", bad: ["024 3825 3456", "0912", "+63 917 123 4567"] },
  };

  for (const [country, { example, bad }] of Object.entries(INVALID)) {
    it(`${country}: landlines, short and foreign numbers are 422 invalid_phone showing the format`, async () => {
      for (const phone of bad) {
        const problem = await expectProblem(await requestOtp({ phone, country }), 422, "invalid_phone");
        expect(problem.detail).toContain(country);
        expect(problem.detail).toContain("mobile number");
        expect(problem.detail).toContain(example);
        expect(problem.errors?.[0]?.path).toBe("phone");
      }
    });
  }

  it("a country we do not serve is 422 unsupported_country", async () => {
    const problem = await expectProblem(
      await requestOtp({ phone: "+1 202 555 0100", country: "US" }),
      422,
      "unsupported_country",
    );
    expect(problem.detail).toMatch(/TH, SG, ID, MY, PH, VN/);
    // A US number claimed as Thai is not Thai.
    await expectProblem(await requestOtp({ phone: "+1 202 555 0100", country: "TH" }), 422, "invalid_phone");
    // Nothing was sent for either.
    expect(await outboxFor("+12025550100")).toHaveLength(0);
  });

  it("a missing or malformed body is 422 validation_failed, never a 5xx", async () => {
    await expectProblem(await requestOtp({ country: "TH" }), 422, "validation_failed");
    await expectProblem(await requestOtp({ phone: "0812345678", country: "Thailand" }), 422, "validation_failed");
    await expectProblem(
      await requestOtp({ phone: "0812345678", country: "TH", locale: "klingon" }),
      422,
      "validation_failed",
    );
  });
});

describe("POST /auth/otp/request: the SMS language", () => {
  it("is Thai for TH", async () => {
    const phone = thaiMobile();
    await expectJson(await requestOtp({ phone, country: "TH" }), 202);
    const [sms] = await outboxApi(phone, "sms");
    expect(sms.locale).toBe("th");
    expect(sms.body).toMatch(THAI_SCRIPT);
    expect(sms.body).toMatch(/(?<!\d)\d{6}(?!\d)/);
  });

  it("is Vietnamese for VN", async () => {
    const phone = "+84381234567";
    await expectJson(await requestOtp({ phone: "038 123 4567", country: "VN" }), 202);
    const [sms] = await outboxApi(phone, "sms");
    expect(sms.locale).toBe("vi");
    expect(sms.body).toMatch(VIETNAMESE);
    expect(sms.body).toContain("Mã đăng nhập");
    expect(sms.body).not.toMatch(THAI_SCRIPT);
  });

  it("follows `locale` when given (TH number, English SMS)", async () => {
    const phone = thaiMobile();
    await expectJson(await requestOtp({ phone, country: "TH", locale: "en" }), 202);
    const [sms] = await outboxApi(phone, "sms");
    expect(sms.locale).toBe("en");
    expect(sms.body).toMatch(/your sign-in code is \d{6}/);
    expect(sms.body).not.toMatch(THAI_SCRIPT);
    // ... and the account created with it speaks English.
    const code = await latestCode(phone);
    const tokens = await expectJson<Tokens>(await verifyOtp({ phone, country: "TH", code, device: newDevice() }), 200);
    expect(tokens.user.locale).toBe("en");
  });
});

describe("POST /auth/otp/request: storage and limits", () => {
  it("stores only a hash of the code, never the code or the phone", async () => {
    const phone = thaiMobile();
    const code = await requestCode(phone);
    const rows = await rowsAsText("otp_challenges", "phone_hash = ?", await phoneHash(phone));
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toContain(code);
    expect(rows[0]).not.toContain(phone.slice(1));
    const row = await env.DB.prepare("SELECT * FROM otp_challenges WHERE phone_hash = ?")
      .bind(await phoneHash(phone))
      .first<{ code_hash: string; expires_at: number; created_at: number; attempts: number }>();
    expect(row?.code_hash).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(row!.expires_at - row!.created_at).toBe(OTP_TTL * 1000);
    expect(row?.attempts).toBe(0);
    // The encrypted message record does not hold the code in clear either.
    const messages = await rowsAsText("outbound_messages", "recipient_hash = ?", await phoneHash(phone));
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).not.toContain(code);
  });

  it("a second request within OTP_RESEND_SECONDS is 429 with Retry-After, and sends nothing", async () => {
    const phone = thaiMobile();
    await expectJson(await requestOtp({ phone, country: "TH" }), 202);
    const res = await requestOtp({ phone: `0${phone.slice(3)}`, country: "TH" }); // same number, local form
    const problem = await expectProblem(res, 429, "rate_limited");
    expectRetryAfter(res, RESEND);
    expect(problem.detail).toMatch(/seconds/);
    expect(await outboxFor(phone, "sms")).toHaveLength(1);
  });

  it("RACE: 10 parallel requests for one number send exactly one code", async () => {
    const phone = thaiMobile();
    const responses = await Promise.all(Array.from({ length: 10 }, () => requestOtp({ phone, country: "TH" })));
    expect(responses.filter((r) => r.status === 202)).toHaveLength(1);
    for (const res of responses.filter((r) => r.status !== 202)) await expectProblem(res, 429, "rate_limited");
    expect(await outboxFor(phone, "sms")).toHaveLength(1);
  });

  it(`at most OTP_MAX_PER_PHONE_PER_HOUR (${PER_HOUR}) codes per number per hour`, async () => {
    const phone = thaiMobile();
    for (let i = 0; i < PER_HOUR; i++) {
      await forgetResendWindow(phone);
      await expectJson(await requestOtp({ phone, country: "TH" }), 202);
    }
    await forgetResendWindow(phone);
    const res = await requestOtp({ phone, country: "TH" });
    await expectProblem(res, 429, "rate_limited");
    const retryAfter = expectRetryAfter(res, 3600);
    expect(retryAfter).toBeGreaterThan(RESEND); // the hourly window, not the resend one
    expect(await outboxFor(phone, "sms")).toHaveLength(PER_HOUR);

    // Another number is not affected.
    await expectJson(await requestOtp({ phone: thaiMobile(), country: "TH" }), 202);

    // An hour later (the counter's window moved into the past) the number may ask again.
    await env.DB.prepare("UPDATE rate_counters SET window_ends_at = ? WHERE key = ?")
      .bind(Date.now() - 1000, `otp-phone:${await phoneHash(phone)}`)
      .run();
    await forgetResendWindow(phone);
    await expectJson(await requestOtp({ phone, country: "TH" }), 202);
  });

  it("enforceLimit (the per-IP mechanism) counts exactly in D1 and answers 429 with Retry-After", async () => {
    const db = database(env);
    const key = `otp-ip:test-${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i++) await enforceLimit(db, key, 3, 3600, "codesPerNetwork");
    let error: unknown;
    try {
      await enforceLimit(db, key, 3, 3600, "codesPerNetwork");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(429);
    expect(apiError.code).toBe("rate_limited");
    const retryAfter = Number(apiError.headers?.["Retry-After"]);
    expect(retryAfter).toBeGreaterThan(3590);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // One whole sentence per limit, so it translates as a unit.
    expect(apiError.detail).toBe(`Too many code requests from this network. Try again in ${retryAfter} seconds.`);

    const row = await env.DB.prepare("SELECT count, window_ends_at FROM rate_counters WHERE key = ?")
      .bind(key)
      .first<{ count: number; window_ends_at: number }>();
    expect(row?.count).toBe(4);

    // Other keys (other IPs) have their own counter.
    await enforceLimit(db, `${key}-other`, 3, 3600, "codesPerNetwork");

    // Parallel hits are counted exactly: 10 at once against a limit of 5 → exactly 5 pass.
    const parallelKey = `${key}-parallel`;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => enforceLimit(db, parallelKey, 5, 3600, "codesPerNetwork")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);

    // When the window is over, counting starts again from 1.
    await env.DB.prepare("UPDATE rate_counters SET window_ends_at = ? WHERE key = ?")
      .bind(Date.now() - 1, key)
      .run();
    await enforceLimit(db, key, 3, 3600, "codesPerNetwork");
    const reset = await env.DB.prepare("SELECT count FROM rate_counters WHERE key = ?")
      .bind(key)
      .first<{ count: number }>();
    expect(reset?.count).toBe(1);
  });

  it("the per-IP hourly limit applies through the API (limit lowered to 3 for this test)", async () => {
    const app = createApp();
    const lowLimitEnv = { ...env, OTP_MAX_PER_IP_PER_HOUR: "3" };
    const send = async (phone: string, ip: string) => {
      const ctx = createExecutionContext();
      const res = await app.fetch(
        new Request("http://tchat.test/api/v1/auth/otp/request", {
          method: "POST",
          headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
          body: JSON.stringify({ phone, country: "TH" }),
        }),
        lowLimitEnv,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return res;
    };
    const ip = uniqueIp();
    for (let i = 0; i < 3; i++) await expectJson(await send(thaiMobile(), ip), 202);
    const phone = thaiMobile();
    const res = await send(phone, ip);
    await expectProblem(res, 429, "rate_limited");
    expectRetryAfter(res, 3600);
    expect(await outboxFor(phone)).toHaveLength(0);
    // Another network is not affected.
    await expectJson(await send(thaiMobile(), uniqueIp()), 202);
  });
});

describe("POST /auth/otp/verify", () => {
  it("a wrong code is 401 invalid_code with the attempts left", async () => {
    const phone = thaiMobile();
    const code = await requestCode(phone);
    const problem = await expectProblem(
      await verifyOtp({ phone, country: "TH", code: wrongCodeFor(code), device: newDevice() }),
      401,
      "invalid_code",
    );
    expect(problem.detail).toContain(`${MAX_ATTEMPTS - 1} attempts left`);
    const second = await expectProblem(
      await verifyOtp({ phone, country: "TH", code: wrongCodeFor(code), device: newDevice() }),
      401,
      "invalid_code",
    );
    expect(second.detail).toContain(`${MAX_ATTEMPTS - 2} attempts left`);
    // The right code still works.
    await expectJson(await verifyOtp({ phone, country: "TH", code, device: newDevice() }), 200);
  });

  it(`${MAX_ATTEMPTS} wrong codes lock the code: 429 otp_locked, even for the right code`, async () => {
    const phone = thaiMobile();
    const code = await requestCode(phone);
    const wrong = { phone, country: "TH", code: wrongCodeFor(code), device: newDevice() };
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      await expectProblem(await verifyOtp(wrong), 401, "invalid_code");
    }
    const lockedRes = await verifyOtp(wrong);
    await expectProblem(lockedRes, 429, "otp_locked");
    expectRetryAfter(lockedRes, 3600);
    const right = await verifyOtp({ phone, country: "TH", code, device: newDevice() });
    await expectProblem(right, 429, "otp_locked");
    // No account was created.
    const user = await env.DB.prepare("SELECT id FROM users WHERE phone_hash = ?")
      .bind(await phoneHash(phone))
      .first();
    expect(user).toBeNull();
    // A new code works again.
    const fresh = await requestCode(phone);
    await expectJson(await verifyOtp({ phone, country: "TH", code: fresh, device: newDevice() }), 200);
  });

  it("RACE: 20 parallel wrong codes lock the code; the right one then fails", async () => {
    const phone = thaiMobile();
    const code = await requestCode(phone);
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const responses = await Promise.all(
      guesses.map((guess) => verifyOtp({ phone, country: "TH", code: guess, device: newDevice() })),
    );
    expect(responses.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(responses.some((r) => r.status === 429)).toBe(true);
    await expectProblem(await verifyOtp({ phone, country: "TH", code, device: newDevice() }), 429, "otp_locked");
  });

  it("an expired code is 401", async () => {
    const phone = thaiMobile();
    const code = await requestCode(phone);
    await env.DB.prepare("UPDATE otp_challenges SET expires_at = ? WHERE phone_hash = ?")
      .bind(Date.now() - 1, await phoneHash(phone))
      .run();
    await expectProblem(await verifyOtp({ phone, country: "TH", code, device: newDevice() }), 401, "invalid_code");
  });

  it("a code works once", async () => {
    const phone = thaiMobile();
    const code = await requestCode(phone);
    await expectJson(await verifyOtp({ phone, country: "TH", code, device: newDevice() }), 200);
    await expectProblem(await verifyOtp({ phone, country: "TH", code, device: newDevice() }), 401, "invalid_code");
  });

  it("a new code supersedes the old one", async () => {
    const phone = thaiMobile();
    let first = await requestCode(phone);
    let second = await requestCode(phone);
    while (second === first) {
      first = second;
      second = await requestCode(phone);
    }
    await expectProblem(
      await verifyOtp({ phone, country: "TH", code: first, device: newDevice() }),
      401,
      "invalid_code",
    );
    await expectJson(await verifyOtp({ phone, country: "TH", code: second, device: newDevice() }), 200);
  });

  it("RACE: 20 parallel verifies with the right code give exactly one 200", async () => {
    const phone = thaiMobile();
    const code = await requestCode(phone);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        verifyOtp({ phone, country: "TH", code, device: { id: `race-${i}`, platform: "ios" } }),
      ),
    );
    const ok = responses.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const res of responses.filter((r) => r.status !== 200)) {
      await expectProblem(res, 401, "invalid_code");
    }
    const { results: users } = await env.DB.prepare("SELECT id FROM users WHERE phone_hash = ?")
      .bind(await phoneHash(phone))
      .all();
    expect(users).toHaveLength(1);
    const { results: sessions } = await env.DB.prepare("SELECT id FROM sessions WHERE user_id = ?")
      .bind((users[0] as { id: string }).id)
      .all();
    expect(sessions).toHaveLength(1);
  });

  it("the first verify creates the account (isNewUser, welcome SMS); the next sign-in does not", async () => {
    const phone = thaiMobile();
    const device = newDevice("ios", "Somchai's iPhone");
    const code = await requestCode(phone);
    const first = await expectJson<Tokens>(await verifyOtp({ phone, country: "TH", code, device }), 200);
    expect(first.isNewUser).toBe(true);
    expect(first.tokenType).toBe("Bearer");
    expect(first.user.roles).toEqual(["customer"]);
    expect(first.user.status).toBe("active");
    expect(first.user.timezone).toBe("Asia/Bangkok");
    const welcome = (await outboxFor(phone, "sms")).filter((m) => m.body.includes("Tchat") && !/\d{6}/.test(m.body));
    expect(welcome).toHaveLength(1);
    expect(welcome[0].body).toMatch(THAI_SCRIPT);
    expect(welcome[0].body).toContain("ยินดีต้อนรับ");

    const again = await requestCode(phone);
    const second = await expectJson<Tokens>(await verifyOtp({ phone, country: "TH", code: again, device }), 200);
    expect(second.isNewUser).toBe(false);
    expect(second.user.id).toBe(first.user.id);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const welcomes = (await outboxFor(phone, "sms")).filter((m) => m.body.includes("ยินดีต้อนรับ"));
    expect(welcomes).toHaveLength(1);
  });

  it("a verify for a number with no code, or a malformed code, is refused", async () => {
    const phone = thaiMobile();
    await resetOtpCounters(phone);
    await expectProblem(
      await verifyOtp({ phone, country: "TH", code: "123456", device: newDevice() }),
      401,
      "invalid_code",
    );
    await expectProblem(
      await verifyOtp({ phone, country: "TH", code: "12ab56", device: newDevice() }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await verifyOtp({ phone, country: "TH", code: "123456", device: { id: "x", platform: "symbian" } }),
      422,
      "validation_failed",
    );
  });
});
