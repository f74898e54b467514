import { env } from "cloudflare:test";
import { decodeJwt } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  call,
  del,
  expectJson,
  expectProblem,
  get,
  login,
  newDevice,
  otpSignIn,
  post,
  registerUser,
  type Tokens,
  thaiMobile,
} from "./helpers";

interface AuditEvent {
  id: string;
  type: string;
  userId: string | null;
  actorId: string | null;
  sessionId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}
interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

const IP = "203.0.113.77";
const sid = (token: string) => String(decodeJwt(token).sid);

async function auditRows(userId: string): Promise<Record<string, unknown>[]> {
  const { results } = await env.DB.prepare("SELECT * FROM audit_events WHERE user_id = ? ORDER BY id")
    .bind(userId)
    .all<Record<string, unknown>>();
  return results;
}

/** A customer made admin directly in D1 (roles are read from D1 on every request). */
async function makeAdmin(): Promise<Tokens> {
  const admin = await registerUser({ displayName: "Ops" });
  await env.DB.prepare(`UPDATE users SET roles = '["customer","admin"]' WHERE id = ?`).bind(admin.user.id).run();
  return admin;
}

let phone: string;
let phoneUser: Tokens;
let emailUser: Tokens & { email: string; password: string };
let revoked: Tokens;

beforeAll(async () => {
  // A phone account: sign-up, a second device, one revoked by the other, a logout, a deletion.
  phone = thaiMobile();
  phoneUser = await otpSignIn(phone, { ip: IP });
  revoked = await otpSignIn(phone, { ip: IP, device: newDevice("android") });
  expect((await del(`/api/v1/auth/sessions/${sid(revoked.accessToken)}`, phoneUser.accessToken)).status).toBe(204);
  expect((await post("/api/v1/auth/logout", undefined, { token: phoneUser.accessToken, ip: IP })).status).toBe(204);

  // An email account: a failed and a good sign-in, then deletion.
  emailUser = await registerUser({ ip: IP });
  await expectProblem(await login(emailUser.email, "Wrong-Passw0rd", undefined, IP), 401, "invalid_credentials");
  const again = await expectJson<Tokens>(await login(emailUser.email, emailUser.password, undefined, IP), 200);
  expect((await call("DELETE", "/api/v1/users/me", { token: again.accessToken, ip: IP })).status).toBe(202);
});

describe("audit_events", () => {
  it("records sign-in, failed sign-in, logout, revocation and deletion", async () => {
    const phoneTypes = (await auditRows(phoneUser.user.id)).map((r) => r.type);
    expect(phoneTypes).toEqual(expect.arrayContaining(["user_registered", "sign_in", "session_revoked", "logout"]));
    expect(phoneTypes.filter((t) => t === "sign_in")).toHaveLength(2);

    const emailRows = await auditRows(emailUser.user.id);
    expect(emailRows.map((r) => r.type)).toEqual(
      expect.arrayContaining(["user_registered", "sign_in", "sign_in_failed", "account_deleted"]),
    );
    // Who and which session, for each.
    const revocation = (await auditRows(phoneUser.user.id)).find((r) => r.type === "session_revoked");
    expect(revocation?.session_id).toBe(sid(revoked.accessToken));
    expect(revocation?.actor_id).toBe(phoneUser.user.id);
    const logout = (await auditRows(phoneUser.user.id)).find((r) => r.type === "logout");
    expect(logout?.session_id).toBe(sid(phoneUser.accessToken));
    // The failed sign-in carries an IP hash, the same one as the user's other events from that IP.
    const failed = emailRows.find((r) => r.type === "sign_in_failed");
    expect(failed?.ip_hash).toBeTruthy();
    expect(failed?.ip_hash).toBe(emailRows.find((r) => r.type === "sign_in")?.ip_hash);
  });

  it("holds no personal data: no phone, email or IP in any column", async () => {
    const { results } = await env.DB.prepare("SELECT * FROM audit_events").all<Record<string, unknown>>();
    expect(results.length).toBeGreaterThan(8);
    const forbidden = [
      phone,
      phone.slice(1),
      phone.slice(3), // national significant number
      emailUser.email,
      emailUser.email.split("@")[0],
      IP,
    ];
    for (const row of results) {
      const text = JSON.stringify(row);
      for (const value of forbidden) expect(text, `${row.type} contains ${value}`).not.toContain(value);
      expect(row.ip_hash).not.toBe(IP);
    }
  });

  it("is append-only: UPDATE and DELETE fail", async () => {
    const [row] = await auditRows(phoneUser.user.id);
    await expect(
      env.DB.prepare("UPDATE audit_events SET type = 'tampered' WHERE id = ?").bind(row.id).run(),
    ).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("UPDATE audit_events SET data = '{}'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_events WHERE id = ?").bind(row.id).run()).rejects.toThrow(
      /append-only/,
    );
    await expect(env.DB.prepare("DELETE FROM audit_events").run()).rejects.toThrow(/append-only/);
    const after = await env.DB.prepare("SELECT * FROM audit_events WHERE id = ?").bind(row.id).first();
    expect(after).toEqual(row);
  });
});

describe("GET /api/v1/admin/audit-events", () => {
  it("is 403 for a customer", async () => {
    const customer = await registerUser();
    await expectProblem(await get("/api/v1/admin/audit-events", customer.accessToken), 403, "forbidden");
    // A token claiming admin does not help: roles come from the account (the signature breaks anyway).
    expect(decodeJwt(customer.accessToken).roles).toEqual(["customer"]);
  });

  it("gives admins the log, filtered by user and type, newest first, with cursor paging", async () => {
    const admin = await makeAdmin();
    // The same token works at once: roles are read from D1 on every request.
    const all = await expectJson<AuditPage>(await get("/api/v1/admin/audit-events", admin.accessToken), 200);
    expect(all.items.length).toBeGreaterThan(0);
    const ids = all.items.map((e) => e.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    for (const item of all.items) {
      expect(Object.keys(item).sort()).toEqual(["actorId", "createdAt", "data", "id", "sessionId", "type", "userId"]);
    }

    const userId = phoneUser.user.id;
    const byUser = await expectJson<AuditPage>(
      await get(`/api/v1/admin/audit-events?userId=${userId}&limit=100`, admin.accessToken),
      200,
    );
    expect(byUser.items.length).toBe((await auditRows(userId)).length);
    expect(byUser.items.every((e) => e.userId === userId)).toBe(true);
    expect(byUser.nextCursor).toBeNull();

    const failures = await expectJson<AuditPage>(
      await get("/api/v1/admin/audit-events?type=sign_in_failed", admin.accessToken),
      200,
    );
    expect(failures.items.length).toBeGreaterThan(0);
    expect(failures.items.every((e) => e.type === "sign_in_failed")).toBe(true);
    expect(failures.items.map((e) => e.userId)).toContain(emailUser.user.id);

    const both = await expectJson<AuditPage>(
      await get(`/api/v1/admin/audit-events?userId=${userId}&type=sign_in`, admin.accessToken),
      200,
    );
    expect(both.items).toHaveLength(2);

    // Paging two at a time visits every event of the user exactly once, in order.
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `userId=${userId}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page: AuditPage = await expectJson<AuditPage>(
        await get(`/api/v1/admin/audit-events?${query}`, admin.accessToken),
        200,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen).toEqual(byUser.items.map((e) => e.id));
    expect(pages).toBe(Math.ceil(seen.length / 2));

    await expectProblem(
      await get("/api/v1/admin/audit-events?cursor=not-a-cursor", admin.accessToken),
      422,
      "validation_failed",
    );

    // Withdrawing the role applies at once too.
    await env.DB.prepare(`UPDATE users SET roles = '["customer"]' WHERE id = ?`).bind(admin.user.id).run();
    await expectProblem(await get("/api/v1/admin/audit-events", admin.accessToken), 403, "forbidden");
  });
});
