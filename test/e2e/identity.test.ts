import { describe, expect, inject, it } from "vitest";

const base = inject("baseUrl");
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("a new user signs in by SMS on a real server", () => {
  it("requests a code, reads the Thai SMS, verifies, uses, refreshes and logs out", async () => {
    const phone = "+66891234567";
    const requested = await post("/api/v1/auth/otp/request", { phone: "089 123 4567", country: "TH" });
    expect(requested.status).toBe(202);
    expect(await requested.json()).toMatchObject({ channel: "sms", expiresIn: 300, resendAfter: 60 });

    const outbox = await fetch(`${base}/api/v1/dev/outbox?to=${encodeURIComponent(phone)}&channel=sms`);
    const { items } = (await outbox.json()) as { items: { body: string; locale: string }[] };
    expect(items).toHaveLength(1);
    expect(items[0].locale).toBe("th");
    expect(items[0].body).toMatch(/[\u0E00-\u0E7F]/);
    const code = items[0].body.match(/\b\d{6}\b/)?.[0];
    expect(code).toBeDefined();

    const verified = await post("/api/v1/auth/otp/verify", {
      phone,
      country: "TH",
      code,
      device: { id: "e2e-phone", platform: "android", name: "Pixel" },
    });
    expect(verified.status).toBe(200);
    const tokens = (await verified.json()) as {
      accessToken: string;
      refreshToken: string;
      isNewUser: boolean;
      user: { phone: string };
    };
    expect(tokens.isNewUser).toBe(true);
    expect(tokens.user.phone).toBe(phone);

    const me = await fetch(`${base}/api/v1/users/me`, { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ phone, country: "TH", locale: "th", timezone: "Asia/Bangkok" });

    const refreshed = await post("/api/v1/auth/refresh", { refreshToken: tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { accessToken: string; refreshToken: string };
    expect(next.refreshToken).not.toBe(tokens.refreshToken);

    const logout = await fetch(`${base}/api/v1/auth/logout`, {
      method: "POST",
      headers: { Authorization: `Bearer ${next.accessToken}` },
    });
    expect(logout.status).toBe(204);

    const refused = await fetch(`${base}/api/v1/users/me`, {
      headers: { Authorization: `Bearer ${next.accessToken}` },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
  });

  it("signs the seeded admin in with email and password", async () => {
    const res = await post("/api/v1/auth/login", { email: "admin@tchat.example", password: "Admin-Tchat-2026" });
    expect(res.status).toBe(200);
    const { accessToken, user } = (await res.json()) as { accessToken: string; user: { roles: string[] } };
    expect(user.roles).toContain("admin");
    const audit = await fetch(`${base}/api/v1/admin/audit-events?type=sign_in`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(audit.status).toBe(200);
    expect(((await audit.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it("publishes the token signing keys", async () => {
    const res = await fetch(`${base}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Record<string, string>[] };
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256" });
    expect(keys[0].d).toBeUndefined();
  });
});
