import { describe, expect, it } from "vitest";
import { expectLimited, uniqueIp as limitIp, withVars } from "../platform/limits";
import { grantAdmin } from "../support/accounts";
import { del, expectJson, expectProblem, get, newDevice, otpSignIn, post, type Tokens, thaiMobile } from "./helpers";

// GET /api/v1/users/lookup finds the person to start a chat with by their sign-in number (the
// keyed phone hash): only active accounts, only a public face (never the phone or email), 422 with
// the country's format for a bad number, and a per-account limit against walking through numbers.

const lookup = (token: string, phone: string, country = "TH") =>
  get(`/api/v1/users/lookup?phone=${encodeURIComponent(phone)}&country=${country}`, token);

async function phoneUser(): Promise<Tokens & { phone: string }> {
  const phone = thaiMobile();
  return { ...(await otpSignIn(phone, { device: newDevice("web") })), phone };
}

describe("GET /api/v1/users/lookup", () => {
  it("finds an active account by its number, local or E.164, with its public face only", async () => {
    const [a, b] = [await phoneUser(), await phoneUser()];
    const found = await expectJson<Record<string, unknown>>(await lookup(a.accessToken, b.phone), 200);
    expect(found).toEqual({ id: b.user.id, displayName: b.user.displayName });
    expect(JSON.stringify(found)).not.toContain(b.phone.slice(3));
    // The same person written the local way (0 81 ...).
    const local = `0${b.phone.slice(3)}`;
    expect(await expectJson(await lookup(a.accessToken, local), 200)).toEqual(found);

    // The id starts a direct dialog through the existing dialogs API.
    const dialog = await expectJson<{ id: string; type: string }>(
      await post("/api/v1/dialogs", { type: "direct", participantIds: [b.user.id] }, { token: a.accessToken }),
      201,
    );
    expect(dialog.type).toBe("direct");
  });

  it("answers 404 with a clear detail when no active account uses the number", async () => {
    const a = await phoneUser();
    const problem = await expectProblem(await lookup(a.accessToken, thaiMobile()), 404, "not_found");
    expect(problem.detail).toBe(
      "No active account uses this phone number. Check the number, or ask the person to sign up first.",
    );
  });

  it("answers 422 invalid_phone with the country's format, and unsupported_country for others", async () => {
    const a = await phoneUser();
    const problem = await expectProblem(await lookup(a.accessToken, "12345"), 422, "invalid_phone");
    expect(problem.detail).toMatch(/Enter a mobile number of TH such as 0\d/);
    await expectProblem(await lookup(a.accessToken, "0812345678", "US"), 422, "unsupported_country");
    await expectProblem(await get("/api/v1/users/lookup?country=TH", a.accessToken), 422, "validation_failed");
  });

  it("needs a signed-in caller", async () => {
    await expectProblem(
      await get(`/api/v1/users/lookup?phone=${encodeURIComponent(thaiMobile())}&country=TH`),
      401,
      "unauthorized",
    );
  });

  it("answers 422 for the caller's own number", async () => {
    const a = await phoneUser();
    const problem = await expectProblem(await lookup(a.accessToken, a.phone), 422, "validation_failed");
    expect(problem.detail).toContain("your own phone number");
  });

  it("does not find suspended or deleted accounts", async () => {
    const [a, suspended, deleted, admin] = [await phoneUser(), await phoneUser(), await phoneUser(), await phoneUser()];
    await grantAdmin(admin.user.id);
    await expectJson(
      await post(
        `/api/v1/admin/users/${suspended.user.id}/suspend`,
        { reason: "Fraud under review" },
        { token: admin.accessToken },
      ),
      200,
    );
    expect((await del("/api/v1/users/me", deleted.accessToken)).status).toBe(202);
    await expectProblem(await lookup(a.accessToken, suspended.phone), 404, "not_found");
    await expectProblem(await lookup(a.accessToken, deleted.phone), 404, "not_found");
  });

  it("is rate limited per account (WRITE_LIMIT_USER_LOOKUP), found or not", async () => {
    const callLimited = withVars({ WRITE_LIMIT_USER_LOOKUP: "3,1000,60" });
    const [a, b] = [await phoneUser(), await phoneUser()];
    const ip = limitIp();
    const numbers = [b.phone, thaiMobile(), thaiMobile()];
    const statuses: number[] = [];
    for (const phone of numbers) {
      const res = await callLimited("GET", `/api/v1/users/lookup?phone=${encodeURIComponent(phone)}&country=TH`, {
        token: a.accessToken,
        ip,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 404, 404]);
    const limited = await callLimited("GET", `/api/v1/users/lookup?phone=${encodeURIComponent(b.phone)}&country=TH`, {
      token: a.accessToken,
      ip,
    });
    await expectLimited(limited, 60);
    // Another account is not limited by a's lookups.
    const other = await callLimited("GET", `/api/v1/users/lookup?phone=${encodeURIComponent(a.phone)}&country=TH`, {
      token: b.accessToken,
      ip: limitIp(),
    });
    expect(other.status).toBe(200);
  });
});
