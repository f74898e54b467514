import { env } from "cloudflare:test";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import {
  del,
  expectJson,
  expectProblem,
  expectTokenAccepted,
  expectTokenRefused,
  get,
  login,
  newDevice,
  otpSignIn,
  outboxFor,
  post,
  registerUser,
  type Tokens,
  thaiMobile,
} from "./helpers";

const MAX_SESSIONS = Number(env.MAX_SESSIONS_PER_USER);

const refresh = (refreshToken: string) => post("/api/v1/auth/refresh", { refreshToken });
const sid = (accessToken: string) => String(decodeJwt(accessToken).sid);

interface SessionItem {
  id: string;
  device: { id: string; platform: string; name?: string };
  createdAt: string;
  lastActiveAt: string;
  current: boolean;
}

async function sessionRow(id: string) {
  return env.DB.prepare("SELECT * FROM sessions WHERE id = ?")
    .bind(id)
    .first<{ revoked_at: number | null; revoked_reason: string | null; user_id: string }>();
}

describe("POST /auth/refresh", () => {
  it("rotates: new tokens for the same session, the old refresh token is spent", async () => {
    const first = await registerUser();
    const second = await expectJson<Tokens>(await refresh(first.refreshToken), 200);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.isNewUser).toBe(false);
    expect(second.user.id).toBe(first.user.id);
    expect(sid(second.accessToken)).toBe(sid(first.accessToken));
    await expectTokenAccepted(second.accessToken);
    // Refresh tokens are stored hashed.
    const { results } = await env.DB.prepare("SELECT * FROM refresh_tokens WHERE session_id = ?")
      .bind(sid(first.accessToken))
      .all<{ token_hash: string; status: string }>();
    expect(results.map((r) => r.status).sort()).toEqual(["active", "spent"]);
    expect(JSON.stringify(results)).not.toContain(first.refreshToken.split(".")[1]);
    expect(JSON.stringify(results)).not.toContain(second.refreshToken.split(".")[1]);
    // The new one rotates again.
    await expectJson<Tokens>(await refresh(second.refreshToken), 200);
  });

  it("reusing a spent refresh token is 401 token_reused and revokes the session", async () => {
    const first = await registerUser();
    const second = await expectJson<Tokens>(await refresh(first.refreshToken), 200);
    await expectProblem(await refresh(first.refreshToken), 401, "token_reused");

    const row = await sessionRow(sid(first.accessToken));
    expect(row?.revoked_at).not.toBeNull();
    expect(row?.revoked_reason).toBe("refresh_token_reused");
    // Every token of the session is refused: the old and newest access tokens and the newest refresh token.
    await expectTokenRefused(second.accessToken);
    await expectTokenRefused(first.accessToken);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    // Other sessions of the account are untouched.
    const other = await expectJson<Tokens>(await login(first.email, first.password, newDevice()), 200);
    await expectTokenAccepted(other.accessToken);
  });

  it("an unknown or malformed refresh token is 401 / 422", async () => {
    await expectProblem(await refresh("ses_unknown.0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"), 401, "unauthorized");
    await expectProblem(await refresh("short"), 422, "validation_failed");
    await expectProblem(await post("/api/v1/auth/refresh", {}), 422, "validation_failed");
  });

  it("RACE: 10 parallel refreshes of one token give exactly one 200", async () => {
    const tokens = await registerUser();
    const responses = await Promise.all(Array.from({ length: 10 }, () => refresh(tokens.refreshToken)));
    const ok = responses.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const res of responses.filter((r) => r.status !== 200)) {
      expect(res.status).toBe(401);
      expect((await res.json<{ code: string }>()).code).toMatch(/^(token_reused|unauthorized)$/);
    }
    // Exactly one new refresh token was minted for the session.
    const { results } = await env.DB.prepare("SELECT status FROM refresh_tokens WHERE session_id = ?")
      .bind(sid(tokens.accessToken))
      .all<{ status: string }>();
    expect(results).toHaveLength(2);
  });
});

describe("POST /auth/logout", () => {
  it("204, and the access and refresh tokens stop working at once", async () => {
    const tokens = await registerUser();
    const other = await expectJson<Tokens>(await login(tokens.email, tokens.password, newDevice()), 200);
    await expectTokenAccepted(tokens.accessToken);
    const res = await post("/api/v1/auth/logout", undefined, { token: tokens.accessToken });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    await expectTokenRefused(tokens.accessToken);
    expect((await refresh(tokens.refreshToken)).status).toBe(401);
    expect((await sessionRow(sid(tokens.accessToken)))?.revoked_reason).toBe("logout");
    // Only this session ended.
    await expectTokenAccepted(other.accessToken);
    // Logging out again with the dead token is 401.
    await expectProblem(
      await post("/api/v1/auth/logout", undefined, { token: tokens.accessToken }),
      401,
      "unauthorized",
    );
  });
});

describe("sessions", () => {
  it("GET /auth/sessions lists the live sessions with `current`", async () => {
    const a = await registerUser();
    const b = await expectJson<Tokens>(
      await login(a.email, a.password, { id: "pixel-8", platform: "android", name: "Pixel 8" }),
      200,
    );
    const list = await expectJson<{ items: SessionItem[] }>(await get("/api/v1/auth/sessions", b.accessToken), 200);
    expect(list.items).toHaveLength(2);
    const current = list.items.filter((s) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0].id).toBe(sid(b.accessToken));
    expect(current[0].device).toEqual({ id: "pixel-8", platform: "android", name: "Pixel 8" });
    expect(list.items.find((s) => !s.current)?.id).toBe(sid(a.accessToken));
    for (const s of list.items) {
      expect(Number.isNaN(Date.parse(s.createdAt))).toBe(false);
      expect(Number.isNaN(Date.parse(s.lastActiveAt))).toBe(false);
    }
    // From the other session, the other one is current.
    const fromA = await expectJson<{ items: SessionItem[] }>(await get("/api/v1/auth/sessions", a.accessToken), 200);
    expect(fromA.items.find((s) => s.current)?.id).toBe(sid(a.accessToken));
  });

  it("DELETE /auth/sessions/:id ends another own session; someone else's is 404", async () => {
    const a = await registerUser();
    const b = await expectJson<Tokens>(await login(a.email, a.password, newDevice("web")), 200);
    const stranger = await registerUser();

    // Someone else's session: 404, and it keeps working.
    await expectProblem(
      await del(`/api/v1/auth/sessions/${sid(stranger.accessToken)}`, a.accessToken),
      404,
      "not_found",
    );
    await expectTokenAccepted(stranger.accessToken);
    await expectProblem(await del("/api/v1/auth/sessions/ses_does_not_exist", a.accessToken), 404, "not_found");

    const res = await del(`/api/v1/auth/sessions/${sid(b.accessToken)}`, a.accessToken);
    expect(res.status).toBe(204);
    await expectTokenRefused(b.accessToken);
    expect((await refresh(b.refreshToken)).status).toBe(401);
    await expectTokenAccepted(a.accessToken);
    const list = await expectJson<{ items: SessionItem[] }>(await get("/api/v1/auth/sessions", a.accessToken), 200);
    expect(list.items.map((s) => s.id)).toEqual([sid(a.accessToken)]);
    // Already ended: 404.
    await expectProblem(await del(`/api/v1/auth/sessions/${sid(b.accessToken)}`, a.accessToken), 404, "not_found");
  });

  it(`the ${MAX_SESSIONS + 1}th sign-in ends the least recently active session`, async () => {
    const first = await registerUser();
    const sessions: Tokens[] = [first];
    for (let i = 1; i < MAX_SESSIONS; i++) {
      sessions.push(await expectJson<Tokens>(await login(first.email, first.password, newDevice()), 200));
    }
    // Make activity explicit: the first-created session is the most recently active, the third the least.
    const base = Date.now() - 3_600_000;
    const order = [4, 1, 0, 3, 2]; // index into sessions, least recently active first (for MAX_SESSIONS = 5)
    expect(order).toHaveLength(MAX_SESSIONS);
    for (const [rank, index] of order.entries()) {
      await env.DB.prepare("UPDATE sessions SET last_active_at = ? WHERE id = ?")
        .bind(base + rank * 60_000, sid(sessions[index].accessToken))
        .run();
    }
    const leastActive = sessions[order[0]];

    const sixth = await expectJson<Tokens>(await login(first.email, first.password, newDevice()), 200);
    await expectTokenRefused(leastActive.accessToken);
    expect((await sessionRow(sid(leastActive.accessToken)))?.revoked_reason).toBe("session_limit");
    for (const tokens of [...sessions.filter((s) => s !== leastActive), sixth]) {
      await expectTokenAccepted(tokens.accessToken);
    }
    const list = await expectJson<{ items: SessionItem[] }>(await get("/api/v1/auth/sessions", sixth.accessToken), 200);
    expect(list.items).toHaveLength(MAX_SESSIONS);
    expect(list.items.map((s) => s.id)).not.toContain(sid(leastActive.accessToken));
  });

  it("a sign-in from a new device alerts the user in their language; a known device does not", async () => {
    const phone = thaiMobile();
    const phoneDevice = newDevice("ios", "iPhone 15");
    await otpSignIn(phone, { device: phoneDevice });
    const alerts = async () => (await outboxFor(phone, "sms")).filter((m) => m.body.includes("iPad"));
    const allAlerts = async () =>
      (await outboxFor(phone, "sms")).filter((m) => m.body.includes("Tchat:") && !/\d{6}/.test(m.body));

    // The same device again: no alert.
    await otpSignIn(phone, { device: phoneDevice });
    expect(await allAlerts()).toHaveLength(0);

    // A new device: an alert in Thai naming it.
    await otpSignIn(phone, { device: newDevice("ios", "iPad") });
    const [alert] = await alerts();
    expect(alert).toBeDefined();
    expect(alert.locale).toBe("th");
    expect(alert.body).toMatch(/[\u0E00-\u0E7F]/);
    expect(alert.body).toContain("การเข้าสู่ระบบใหม่");

    // An English-speaking account gets it in English, by email.
    const user = await registerUser({ locale: "en", country: "SG" });
    await expectJson(await login(user.email, user.password), 200); // the device it registered with: known
    expect((await outboxFor(user.email, "email")).filter((m) => m.subject?.includes("New sign-in"))).toHaveLength(0);
    await expectJson(await login(user.email, user.password, newDevice("android", "Galaxy")), 200);
    const mails = (await outboxFor(user.email, "email")).filter((m) => m.subject?.includes("New sign-in"));
    expect(mails).toHaveLength(1);
    expect(mails[0].locale).toBe("en");
    expect(mails[0].body).toContain("Galaxy");
    // The same sign-in is announced to the notifications queue (in-app + push security alert), once.
    const announced = await env.DB.prepare(
      "SELECT envelope FROM outbox_events WHERE queue = 'notifications' AND type = 'security.alert' AND envelope LIKE ?",
    )
      .bind(`%${user.user.id}%`)
      .all<{ envelope: string }>();
    expect(announced.results.map((r) => JSON.parse(r.envelope).data)).toEqual([
      expect.objectContaining({ userId: user.user.id, alert: "new_sign_in", device: "Galaxy" }),
    ]);
  });
});
