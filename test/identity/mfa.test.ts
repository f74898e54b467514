import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { totpCode } from "../../workers/identity/totp";
import { nowMs } from "../../workers/platform/clock";
import { grantAdmin } from "../support/accounts";
import { advanceTime } from "../support/clock";
import {
  expectJson,
  expectProblem,
  get,
  newDevice,
  otpSignIn,
  post,
  registerUser,
  requestCode,
  type Tokens,
  thaiMobile,
  uniqueIp,
} from "./helpers";

interface Setup {
  secret: string;
  otpauthUrl: string;
  recoveryCodes: string[];
}

const STEP_MS = 30_000;

function loginWith(user: { email: string; password: string }, mfaCode?: string, ip = uniqueIp()) {
  return post(
    "/api/v1/auth/login",
    { email: user.email, password: user.password, ...(mfaCode ? { mfaCode } : {}) },
    { ip },
  );
}

/** A registered user with TOTP enabled (the enabling code's step is spent: the next step is ready). */
async function userWithMfa(): Promise<{ user: Tokens & { email: string; password: string }; setup: Setup }> {
  const user = await registerUser();
  const setup = await expectJson<Setup>(await post("/api/v1/auth/mfa/totp", undefined, user.accessToken), 201);
  const res = await post(
    "/api/v1/auth/mfa/totp/enable",
    { code: await totpCode(setup.secret, nowMs()) },
    user.accessToken,
  );
  expect(res.status).toBe(204);
  advanceTime(STEP_MS);
  return { user, setup };
}

/**
 * Moves the clock past the next step edge when it is near: a code computed for "one step ago"
 * must not become two steps old while the request is in flight (real time keeps running).
 */
function awayFromStepEdge(): void {
  const intoStep = nowMs() % STEP_MS;
  if (intoStep > STEP_MS - 5_000) advanceTime(STEP_MS - intoStep + 100);
}

async function auditTypes(userId: string): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT type FROM audit_events WHERE user_id = ? ORDER BY created_at, id")
    .bind(userId)
    .all<{ type: string }>();
  return results.map((r) => r.type);
}

describe("TOTP set-up", () => {
  it("gives a secret, an otpauth URL and ten recovery codes, stores the secret encrypted, pending", async () => {
    const user = await registerUser();
    const setup = await expectJson<Setup>(await post("/api/v1/auth/mfa/totp", undefined, user.accessToken), 201);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Tchat:/);
    expect(new URL(setup.otpauthUrl).searchParams.get("secret")).toBe(setup.secret);
    expect(setup.recoveryCodes).toHaveLength(10);
    expect(new Set(setup.recoveryCodes).size).toBe(10);
    const row = await env.DB.prepare("SELECT * FROM mfa_totp WHERE user_id = ?")
      .bind(user.user.id)
      .first<Record<string, string>>();
    expect(row?.status).toBe("pending");
    expect(row?.secret_enc).not.toContain(setup.secret);
    const codes = await env.DB.prepare("SELECT code_hash FROM mfa_recovery_codes WHERE user_id = ?")
      .bind(user.user.id)
      .all();
    expect(JSON.stringify(codes.results)).not.toContain(setup.recoveryCodes[0]);
    // Pending: sign-in still needs no code, the status says so.
    expect((await loginWith(user)).status).toBe(200);
    expect(await expectJson(await get("/api/v1/auth/mfa", user.accessToken), 200)).toEqual({
      enabled: false,
      pending: true,
      recoveryCodesLeft: 0,
    });
  });

  it("enables only with a right code, refuses a second set-up and a wrong code", async () => {
    const user = await registerUser();
    const setup = await expectJson<Setup>(await post("/api/v1/auth/mfa/totp", undefined, user.accessToken), 201);
    await expectProblem(
      await post("/api/v1/auth/mfa/totp/enable", { code: "000000" }, user.accessToken),
      401,
      "invalid_code",
    );
    const code = await totpCode(setup.secret, nowMs());
    expect((await post("/api/v1/auth/mfa/totp/enable", { code }, user.accessToken)).status).toBe(204);
    await expectProblem(await post("/api/v1/auth/mfa/totp", undefined, user.accessToken), 409, "conflict");
    expect(await expectJson(await get("/api/v1/auth/mfa", user.accessToken), 200)).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    expect(await auditTypes(user.user.id)).toEqual(
      expect.arrayContaining(["mfa_setup_started", "mfa_failed", "mfa_enabled"]),
    );
  });

  it("refuses enabling without a set-up, and an unauthenticated set-up", async () => {
    const user = await registerUser();
    await expectProblem(
      await post("/api/v1/auth/mfa/totp/enable", { code: "123456" }, user.accessToken),
      409,
      "conflict",
    );
    await expectProblem(await post("/api/v1/auth/mfa/totp"), 401, "unauthorized");
  });
});

describe("sign-in with TOTP on", () => {
  it("answers mfa_required without a code, invalid_code with a wrong one, signs in with the current code", async () => {
    const { user, setup } = await userWithMfa();
    await expectProblem(await loginWith(user), 401, "mfa_required");
    await expectProblem(await loginWith(user, "999999"), 401, "invalid_code");
    const code = await totpCode(setup.secret, nowMs());
    const tokens = await expectJson<Tokens>(await loginWith(user, code), 200);
    expect(tokens.user.id).toBe(user.user.id);
    // The same code again, within its window: refused (replay).
    await expectProblem(await loginWith(user, code), 401, "invalid_code");
    // A wrong password still answers invalid_credentials, whatever the code.
    await expectProblem(await loginWith({ ...user, password: "Wrong-Passw0rd" }, code), 401, "invalid_credentials");
  });

  it("accepts a code of the previous step (clock drift) but not one two steps old", async () => {
    const { user, setup } = await userWithMfa();
    advanceTime(3 * STEP_MS);
    awayFromStepEdge();
    await expectProblem(
      await loginWith(user, await totpCode(setup.secret, nowMs() - 2 * STEP_MS)),
      401,
      "invalid_code",
    );
    awayFromStepEdge();
    expect((await loginWith(user, await totpCode(setup.secret, nowMs() - STEP_MS))).status).toBe(200);
  });

  it("takes each recovery code once", async () => {
    const { user, setup } = await userWithMfa();
    const recovery = setup.recoveryCodes[3].toUpperCase();
    expect((await loginWith(user, recovery)).status).toBe(200);
    await expectProblem(await loginWith(user, recovery), 401, "invalid_code");
    expect(await expectJson(await get("/api/v1/auth/mfa", user.accessToken), 200)).toMatchObject({
      recoveryCodesLeft: 9,
    });
    expect(await auditTypes(user.user.id)).toContain("mfa_recovery_code_used");
  });

  it("limits code guesses: past the limit even the right code answers 429", async () => {
    const { user, setup } = await userWithMfa();
    const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => loginWith(user, String(100000 + i))));
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses).toContain(429);
    const right = await loginWith(user, await totpCode(setup.secret, nowMs()));
    expect([429]).toContain(right.status);
  });
});

describe("turning TOTP off and new recovery codes", () => {
  it("disables with a current code; then sign-in needs no code", async () => {
    const { user, setup } = await userWithMfa();
    await expectProblem(
      await post("/api/v1/auth/mfa/totp/disable", { code: "123456" }, user.accessToken),
      401,
      "invalid_code",
    );
    const code = await totpCode(setup.secret, nowMs());
    expect((await post("/api/v1/auth/mfa/totp/disable", { code }, user.accessToken)).status).toBe(204);
    expect((await loginWith(user)).status).toBe(200);
    await expectProblem(await post("/api/v1/auth/mfa/totp/disable", { code }, user.accessToken), 409, "conflict");
    expect(await auditTypes(user.user.id)).toContain("mfa_disabled");
  });

  it("regenerates recovery codes for a current code; the old ones stop working", async () => {
    const { user, setup } = await userWithMfa();
    const fresh = await expectJson<{ recoveryCodes: string[] }>(
      await post("/api/v1/auth/mfa/recovery-codes", { code: await totpCode(setup.secret, nowMs()) }, user.accessToken),
      201,
    );
    expect(fresh.recoveryCodes).toHaveLength(10);
    await expectProblem(await loginWith(user, setup.recoveryCodes[0]), 401, "invalid_code");
    expect((await loginWith(user, fresh.recoveryCodes[0])).status).toBe(200);
  });
});

describe("admin routes and ADMIN_MFA_REQUIRED", () => {
  it("lets an admin without MFA in while the flag is off (the local default)", async () => {
    const admin = await registerUser();
    await grantAdmin(admin.user.id);
    expect((await get("/api/v1/admin/audit-events?limit=1", admin.accessToken)).status).toBe(200);
  });

  it("answers 403 mfa_required to an admin without MFA when the flag is on, and lets them in once it is on", async () => {
    const app = createApp();
    const strict: Env = { ...env, ADMIN_MFA_REQUIRED: "true" };
    const adminGet = async (token: string) => {
      const ctx = createExecutionContext();
      const res = await app.fetch(
        new Request("http://tchat.test/api/v1/admin/audit-events?limit=1", {
          headers: { Authorization: `Bearer ${token}` },
        }),
        strict,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return res;
    };
    const admin = await registerUser();
    await grantAdmin(admin.user.id);
    await expectProblem(await adminGet(admin.accessToken), 403, "mfa_required");
    const setup = await expectJson<Setup>(await post("/api/v1/auth/mfa/totp", undefined, admin.accessToken), 201);
    await expectProblem(await adminGet(admin.accessToken), 403, "mfa_required");
    const code = await totpCode(setup.secret, nowMs());
    expect((await post("/api/v1/auth/mfa/totp/enable", { code }, admin.accessToken)).status).toBe(204);
    expect((await adminGet(admin.accessToken)).status).toBe(200);
    // A customer is still just forbidden.
    const customer = await registerUser();
    await expectProblem(await adminGet(customer.accessToken), 403, "forbidden");
  });
});

describe("phone sign-in with TOTP on", () => {
  it("asks for the second factor too; the same SMS code with mfaCode then signs in", async () => {
    const phone = thaiMobile();
    const first = await otpSignIn(phone);
    const setup = await expectJson<Setup>(await post("/api/v1/auth/mfa/totp", undefined, first.accessToken), 201);
    const enabled = await post(
      "/api/v1/auth/mfa/totp/enable",
      { code: await totpCode(setup.secret, nowMs()) },
      first.accessToken,
    );
    expect(enabled.status).toBe(204);
    advanceTime(STEP_MS);
    const code = await requestCode(phone);
    const body = { phone, country: "TH", code, device: newDevice() };
    await expectProblem(await post("/api/v1/auth/otp/verify", body), 401, "mfa_required");
    await expectProblem(await post("/api/v1/auth/otp/verify", { ...body, mfaCode: "000000" }), 401, "invalid_code");
    const tokens = await expectJson<Tokens>(
      await post("/api/v1/auth/otp/verify", { ...body, mfaCode: await totpCode(setup.secret, nowMs()) }),
      200,
    );
    expect(tokens.user.id).toBe(first.user.id);
  });
});
