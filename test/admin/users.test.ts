import { describe, expect, it } from "vitest";
import {
  expectJson,
  expectProblem,
  get,
  newDevice,
  otpSignIn,
  post,
  type Tokens,
  thaiMobile,
} from "../identity/helpers";
import { grantAdmin, register } from "../support/accounts";

// Operators find an account by one exact phone, email or id, through the keyed hashes sign-in uses.

interface Found {
  id: string;
  phone?: string;
  email?: string;
  status: string;
  roles: string[];
  createdAt: string;
}

async function phoneUser(): Promise<Tokens & { phone: string }> {
  const phone = thaiMobile();
  return { ...(await otpSignIn(phone, { device: newDevice("web") })), phone };
}

async function adminToken(): Promise<string> {
  const person = await register({ emailPrefix: "opsadmin-users" });
  await grantAdmin(person.user.id);
  return person.accessToken;
}

const search = (token: string, q: string, country?: string) =>
  get(`/api/v1/admin/users?q=${encodeURIComponent(q)}${country ? `&country=${country}` : ""}`, token);

describe("GET /api/v1/admin/users?q=", () => {
  it("finds by E.164 phone, national phone with country, email (any case) or id, with phone and email decrypted", async () => {
    const token = await adminToken();
    const byPhone = await phoneUser();
    const national = `0${byPhone.phone.slice(3)}`;
    for (const [q, country] of [
      [byPhone.phone],
      [national, "TH"],
      [`+66 ${byPhone.phone.slice(3)}`],
      [byPhone.user.id],
    ]) {
      const page = await expectJson<{ items: Found[]; nextCursor: null }>(await search(token, q, country), 200);
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({ id: byPhone.user.id, phone: byPhone.phone, status: "active" });
    }
    const byEmail = await register({ emailPrefix: "opsadmin-found" });
    const page = await expectJson<{ items: Found[] }>(await search(token, byEmail.email.toUpperCase()), 200);
    expect(page.items).toEqual([
      expect.objectContaining({ id: byEmail.user.id, email: byEmail.email, roles: ["customer"], status: "active" }),
    ]);
    expect(page.items[0]?.createdAt).toMatch(/^\d{4}-/);
    // Unknown: an empty page, not an error.
    expect((await expectJson<{ items: Found[] }>(await search(token, "nobody-here@example.com"), 200)).items).toEqual(
      [],
    );
  });

  it("shows a suspended account as suspended", async () => {
    const token = await adminToken();
    const person = await phoneUser();
    await expectJson(await post(`/api/v1/admin/users/${person.user.id}/suspend`, { reason: "Spam" }, token), 200);
    const page = await expectJson<{ items: Found[] }>(await search(token, person.phone), 200);
    expect(page.items[0]?.status).toBe("suspended");
  });

  it("a q that is no exact phone, email or id → 422 saying what to type; a national number needs its country", async () => {
    const token = await adminToken();
    for (const q of ["somchai", "%@%", "usr_"]) {
      const problem = await expectProblem(await search(token, q), 422, "validation_failed");
      expect(problem.detail).toMatch(/phone number in international form/);
      expect(problem.errors?.[0]?.path).toBe("q");
    }
    await expectProblem(await search(token, "0812345678"), 422, "validation_failed");
    await expectProblem(await search(token, "123456789", "TH"), 422, "invalid_phone");
  });

  it("is for admins only", async () => {
    const person = await phoneUser();
    await expectProblem(await search(person.accessToken, person.phone), 403, "forbidden");
  });
});

describe("a suspended account's refresh token", () => {
  it("fails after suspension (its session was revoked), and keeps failing once reinstated", async () => {
    const token = await adminToken();
    const person = await phoneUser();
    await expectJson(await post(`/api/v1/admin/users/${person.user.id}/suspend`, { reason: "Fraud" }, token), 200);
    const refresh = () => post("/api/v1/auth/refresh", { refreshToken: person.refreshToken });
    const denied = await refresh();
    expect(denied.status).toBe(401);
    await expectJson(await post(`/api/v1/admin/users/${person.user.id}/reinstate`, undefined, token), 200);
    // Reinstating lets them sign in again; the old session (and its refresh token) stays ended.
    expect((await refresh()).status).toBe(401);
  });
});
