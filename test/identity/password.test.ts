import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  expectJson,
  expectProblem,
  expectRetryAfter,
  expectTokenAccepted,
  expectTokenRefused,
  login,
  newDevice,
  outboxFor,
  post,
  registerUser,
  STRONG_PASSWORD,
  type Tokens,
  uniqueEmail,
  uniqueIp,
} from "./helpers";

const MAX_FAILURES = Number(env.LOGIN_MAX_FAILURES);
const LOCK_SECONDS = Number(env.LOGIN_LOCK_SECONDS);
const ITERATIONS = Number(env.PASSWORD_PBKDF2_ITERATIONS);

const register = (body: Record<string, unknown>) => post("/api/v1/auth/register", body);

async function countRows(sql: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function userRowByEmail(email: string) {
  const { piiLookupHash } = await import("../../workers/platform/pii");
  return env.DB.prepare("SELECT * FROM users WHERE email_hash = ?")
    .bind(await piiLookupHash(env, email.toLowerCase()))
    .first<Record<string, string | number | null>>();
}

/** The reset link of the newest password-reset email to `email`, and its token. */
async function resetLink(email: string): Promise<{ link: string; token: string }> {
  const mails = (await outboxFor(email, "email")).filter((m) => m.body.includes("/reset-password?token="));
  expect(mails.length).toBeGreaterThan(0);
  const match = /(https?:\/\/\S+\/reset-password\?token=([A-Za-z0-9_%-]+))/.exec(mails[0].body);
  expect(match, mails[0].body).not.toBeNull();
  return { link: match![1], token: decodeURIComponent(match![2]) };
}

describe("POST /auth/register", () => {
  it("creates the account and signs in: 201 Tokens", async () => {
    const email = uniqueEmail("somchai");
    const res = await register({ email, password: STRONG_PASSWORD, displayName: "Somchai", country: "TH" });
    const tokens = await expectJson<Tokens>(res, 201);
    expect(tokens.tokenType).toBe("Bearer");
    expect(tokens.isNewUser).toBe(true);
    expect(tokens.expiresIn).toBeGreaterThan(0);
    expect(tokens.expiresIn).toBeLessThanOrEqual(900);
    expect(tokens.refreshToken.length).toBeGreaterThanOrEqual(43); // ≥ 256 random bits
    expect(tokens.user).toMatchObject({
      email,
      country: "TH",
      locale: "th",
      timezone: "Asia/Bangkok",
      displayName: "Somchai",
      status: "active",
      roles: ["customer"],
    });
    expect(tokens.user.phone).toBeUndefined();
    expect(await expectTokenAccepted(tokens.accessToken)).toMatchObject({ id: tokens.user.id, email });
    // A welcome email in the account's language.
    const [welcome] = await outboxFor(email, "email");
    expect(welcome.locale).toBe("th");
    expect(welcome.subject).toContain("Tchat");
  });

  it("a taken email is 409 conflict, whatever its case", async () => {
    const { email } = await registerUser();
    for (const variant of [email, email.toUpperCase(), `  ${email.replace("user", "USER")}  `]) {
      const res = await register({ email: variant, password: STRONG_PASSWORD, displayName: "Copy", country: "SG" });
      await expectProblem(res, 409, "conflict");
    }
    expect(await countRows("SELECT COUNT(*) AS n FROM users WHERE display_name = 'Copy'")).toBe(0);
  });

  it("weak passwords are 422 validation_failed on the password field", async () => {
    const weak = {
      short: "Ab1defg",
      "no upper case": "sawasdee2026",
      "no lower case": "SAWASDEE2026",
      "no digit": "SawasdeeKrub",
      empty: "",
    };
    for (const [why, password] of Object.entries(weak)) {
      const email = uniqueEmail("weak");
      const problem = await expectProblem(
        await register({ email, password, displayName: "Weak", country: "TH" }),
        422,
        "validation_failed",
      );
      expect(
        problem.errors?.map((e) => e.path),
        why,
      ).toContain("password");
      expect(await userRowByEmail(email), why).toBeNull();
    }
  });

  it("other invalid input is 422: bad email, unsupported country", async () => {
    await expectProblem(
      await register({ email: "not-an-email", password: STRONG_PASSWORD, displayName: "X", country: "TH" }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await register({ email: uniqueEmail(), password: STRONG_PASSWORD, displayName: "X", country: "US" }),
      422,
      "unsupported_country",
    );
  });

  it(`stores a salted pbkdf2-sha256$${ITERATIONS} hash, never the password`, async () => {
    const a = await registerUser();
    const b = await registerUser();
    const rowA = await userRowByEmail(a.email);
    const rowB = await userRowByEmail(b.email);
    const hashA = String(rowA?.password_hash);
    expect(hashA).toMatch(new RegExp(`^pbkdf2-sha256\\$${ITERATIONS}\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}$`));
    expect(String(rowB?.password_hash)).not.toBe(hashA); // same password, different salt
    for (const row of [rowA, rowB]) {
      const text = JSON.stringify(row);
      expect(text).not.toContain(STRONG_PASSWORD);
      expect(text).not.toContain("@example.com"); // the email is encrypted too
    }
  });
});

describe("POST /auth/login", () => {
  it("the right password signs in (200 Tokens, isNewUser false)", async () => {
    const user = await registerUser();
    const tokens = await expectJson<Tokens>(await login(user.email.toUpperCase(), user.password), 200);
    expect(tokens.isNewUser).toBe(false);
    expect(tokens.user.id).toBe(user.user.id);
    expect(tokens.accessToken).not.toBe(user.accessToken);
    await expectTokenAccepted(tokens.accessToken);
  });

  it("a wrong password and an unknown email get the same 401 invalid_credentials", async () => {
    const user = await registerUser();
    const wrong = await expectProblem(await login(user.email, "Wrong-Password-1"), 401, "invalid_credentials");
    const unknown = await expectProblem(
      await login(uniqueEmail("nobody"), "Wrong-Password-1"),
      401,
      "invalid_credentials",
    );
    expect(unknown.detail).toBe(wrong.detail);
    expect(unknown.title).toBe(wrong.title);
  });

  it(`${MAX_FAILURES} failures lock the account: 429 with Retry-After even with the right password`, async () => {
    const user = await registerUser();
    for (let i = 0; i < MAX_FAILURES; i++) {
      // From different IPs: the lock is per account, not per network.
      await expectProblem(
        await login(user.email, `Wrong-${i}-Pass`, undefined, uniqueIp()),
        401,
        "invalid_credentials",
      );
    }
    const locked = await login(user.email, user.password);
    await expectProblem(locked, 429, "rate_limited");
    const retryAfter = expectRetryAfter(locked, LOCK_SECONDS);
    expect(retryAfter).toBeGreaterThan(LOCK_SECONDS - 60);
    // Other accounts are not affected.
    const other = await registerUser();
    await expectJson(await login(other.email, other.password), 200);

    // Once the window has passed (the counter moved into the past), the right password works again.
    await env.DB.prepare("UPDATE rate_counters SET window_ends_at = ? WHERE key LIKE 'login-fail:%'")
      .bind(Date.now() - 1)
      .run();
    await expectJson(await login(user.email, user.password), 200);
  });

  it("a success before the limit resets the failure count", async () => {
    const user = await registerUser();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < MAX_FAILURES - 1; i++) {
        await expectProblem(await login(user.email, "Wrong-Password-1"), 401, "invalid_credentials");
      }
      await expectJson(await login(user.email, user.password), 200);
    }
    // Without the reset, those would have been 8 failures and a lock.
    await expectProblem(await login(user.email, "Wrong-Password-1"), 401, "invalid_credentials");
  });
});

describe("forgot and reset password", () => {
  it("forgot-password is 202 for an unknown email and sends nothing", async () => {
    const email = uniqueEmail("ghost");
    const before = await countRows("SELECT COUNT(*) AS n FROM dev_outbox");
    const resetsBefore = await countRows("SELECT COUNT(*) AS n FROM password_resets");
    const res = await post("/api/v1/auth/forgot-password", { email });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe("");
    expect(await outboxFor(email)).toHaveLength(0);
    expect(await countRows("SELECT COUNT(*) AS n FROM dev_outbox")).toBe(before);
    expect(await countRows("SELECT COUNT(*) AS n FROM password_resets")).toBe(resetsBefore);
  });

  it("emails a single-use link; resetting signs out every session and changes the password", async () => {
    const user = await registerUser({ locale: "en" });
    const otherDevice = await expectJson<Tokens>(await login(user.email, user.password, newDevice("android")), 200);

    const res = await post("/api/v1/auth/forgot-password", { email: user.email.toUpperCase() });
    expect(res.status).toBe(202);
    const { link, token } = await resetLink(user.email);
    expect(link.startsWith(`${env.APP_BASE_URL}/reset-password?token=`)).toBe(true);
    expect(token.length).toBeGreaterThanOrEqual(43);
    // Stored hashed only.
    const rows = await env.DB.prepare("SELECT * FROM password_resets").all();
    expect(JSON.stringify(rows.results)).not.toContain(token);

    const newPassword = "NewPassw0rd-2026";
    const reset = await post("/api/v1/auth/reset-password", { token, password: newPassword });
    expect(reset.status).toBe(204);

    // Every earlier session ended: access and refresh tokens refused.
    await expectTokenRefused(user.accessToken);
    await expectTokenRefused(otherDevice.accessToken);
    const refresh = await post("/api/v1/auth/refresh", { refreshToken: otherDevice.refreshToken });
    expect(refresh.status).toBe(401);

    // The new password works, the old one does not.
    await expectProblem(await login(user.email, user.password), 401, "invalid_credentials");
    const fresh = await expectJson<Tokens>(await login(user.email, newPassword), 200);
    await expectTokenAccepted(fresh.accessToken);

    // The link works once.
    const again = await expectProblem(
      await post("/api/v1/auth/reset-password", { token, password: "Another-Pass-3" }),
      422,
      "validation_failed",
    );
    expect(again.errors?.[0]?.path).toBe("token");
    await expectJson(await login(user.email, newPassword), 200);

    // And the owner was told, in English.
    const changed = (await outboxFor(user.email, "email")).find((m) => m.subject?.includes("password was changed"));
    expect(changed).toBeDefined();
  });

  it("a reset with one link cancels the account's other unused links", async () => {
    const user = await registerUser({ locale: "en" });
    expect((await post("/api/v1/auth/forgot-password", { email: user.email })).status).toBe(202);
    const older = await resetLink(user.email);
    expect((await post("/api/v1/auth/forgot-password", { email: user.email })).status).toBe(202);
    const newer = await resetLink(user.email);
    expect(newer.token).not.toBe(older.token);
    expect((await post("/api/v1/auth/reset-password", { token: newer.token, password: "Fresh-Passw0rd" })).status).toBe(
      204,
    );
    await expectProblem(
      await post("/api/v1/auth/reset-password", { token: older.token, password: "Other-Passw0rd" }),
      422,
      "validation_failed",
    );
    await expectJson(await login(user.email, "Fresh-Passw0rd"), 200);
  });

  it("an expired or made-up token is 422, and a weak new password is 422 on password", async () => {
    const user = await registerUser();
    expect((await post("/api/v1/auth/forgot-password", { email: user.email })).status).toBe(202);
    const { token } = await resetLink(user.email);

    await expectProblem(
      await post("/api/v1/auth/reset-password", { token, password: "weak" }),
      422,
      "validation_failed",
    ).then((p) => expect(p.errors?.map((e) => e.path)).toContain("password"));

    await env.DB.prepare("UPDATE password_resets SET expires_at = ? WHERE user_id = ?")
      .bind(Date.now() - 1, user.user.id)
      .run();
    await expectProblem(
      await post("/api/v1/auth/reset-password", { token, password: "NewPassw0rd-2026" }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/auth/reset-password", { token: "made-up-token-0123456789", password: "NewPassw0rd-2026" }),
      422,
      "validation_failed",
    );
    // The old password still works: nothing changed.
    await expectTokenAccepted(user.accessToken);
    await expectJson(await login(user.email, user.password), 200);
  });
});

describe("RACE: parallel guesses", () => {
  it(`20 parallel wrong passwords: only ${MAX_FAILURES} are checked, the rest are 429`, async () => {
    const user = await registerUser();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(user.email, `Wrong-Guess-${i}`, undefined, uniqueIp())),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - MAX_FAILURES);
    // And the account is locked for the right password too.
    await expectProblem(await login(user.email, user.password), 429, "rate_limited");
  });

  it("parallel guesses including the right password: never more than the limit are checked", async () => {
    const user = await registerUser();
    const guesses = [...Array.from({ length: 19 }, (_, i) => `Wrong-Guess-${i}`), user.password];
    const responses = await Promise.all(guesses.map((p) => login(user.email, p, undefined, uniqueIp())));
    const statuses = responses.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401 || s === 200);
    expect(checked).toHaveLength(MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(guesses.length - MAX_FAILURES);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(1);
  });
});
