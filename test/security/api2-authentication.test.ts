import { beforeAll, describe, expect, it } from "vitest";
import { register } from "../support/accounts";
import { call, expectJson, expectProblem } from "../support/http";
import { fillPath, type Operation, operationsOf, publishedDocument } from "./support/openapi";
import { claimsOf, forgedTokens, MALFORMED_AUTHORIZATIONS } from "./support/tokens";

// OWASP API2:2023, Broken Authentication: forged, expired, alg-none, other-key and re-signed
// tokens on every authenticated operation of /openapi.json; refresh-token reuse; tickets used
// twice. (Token claims one by one: test/identity/tokens.test.ts; sessions: test/identity/sessions.test.ts.)

interface Tokens {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}

let victim: Tokens;
let forged: [string, string][];
let authenticated: Operation[];

beforeAll(async () => {
  victim = await register<Tokens>({ emailPrefix: "api2-victim" });
  const subject = { userId: victim.user.id, sessionId: claimsOf(victim.accessToken).sid };
  forged = Object.entries(await forgedTokens(subject, victim.accessToken));
  authenticated = operationsOf(await publishedDocument()).filter((op) => op.bearer && !op.anonymous);
}, 60_000);

const headersFor = (op: Operation, authorization: string) => ({
  Authorization: authorization,
  ...(op.statuses.includes("101") ? { Upgrade: "websocket", Connection: "Upgrade" } : {}),
});

/** The operation with placeholder ids and an empty JSON body where it takes one. */
const request = (op: Operation, authorization: string) =>
  call(op.method, fillPath(op.path, {}), {
    headers: headersFor(op, authorization),
    ...(op.jsonBody ? { body: {} } : {}),
  });

describe("API2: forged and malformed credentials", () => {
  it("each forged token (all naming a real user and live session) is refused on GET /users/me and on an operator route", async () => {
    for (const [what, token] of forged) {
      for (const path of ["/api/v1/users/me", "/api/v1/admin/audit-events"]) {
        const res = await call("GET", path, { token });
        await expectProblem(res, 401, "unauthorized");
        expect(res.headers.get("WWW-Authenticate"), what).toMatch(/^Bearer/);
      }
    }
  });

  it("every authenticated operation of /openapi.json refuses forged tokens and malformed Authorization headers with 401", async () => {
    const credentials = [...forged.map(([, t]) => `Bearer ${t}`), ...MALFORMED_AUTHORIZATIONS];
    expect(authenticated.length).toBeGreaterThan(60);
    const wrong: string[] = [];
    // Each operation meets several credentials in turn, so every credential meets many operations.
    for (const [i, op] of authenticated.entries()) {
      for (const authorization of [
        credentials[i % credentials.length],
        credentials[(i * 7 + 3) % credentials.length],
      ]) {
        const res = await request(op, authorization);
        const problem = (await res.json()) as { code?: string };
        if (res.status !== 401 || problem.code !== "unauthorized") {
          wrong.push(`${op.key} with ${authorization.slice(0, 40)}: ${res.status} ${problem.code}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("a token in the query string is not a credential", async () => {
    const res = await call("GET", `/api/v1/users/me?access_token=${victim.accessToken}`);
    await expectProblem(res, 401, "unauthorized");
  });

  it("a refresh token is not an access token, and an access token is not a refresh token", async () => {
    await expectProblem(await call("GET", "/api/v1/users/me", { token: victim.refreshToken }), 401, "unauthorized");
    const res = await call("POST", "/api/v1/auth/refresh", { body: { refreshToken: victim.accessToken } });
    expect(res.status).toBe(401);
  });
});

describe("API2: refresh-token reuse", () => {
  it("a stolen refresh token used after its owner refreshed: 401 token_reused, and the whole session ends", async () => {
    const owner = await register<Tokens>({ emailPrefix: "api2-refresh" });
    const rotated = await expectJson<Tokens>(
      await call("POST", "/api/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } }),
      200,
    );
    // The attacker replays the spent one.
    await expectProblem(
      await call("POST", "/api/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } }),
      401,
      "token_reused",
    );
    // Neither the owner's current tokens nor the rotated refresh token work any more.
    await expectProblem(await call("GET", "/api/v1/users/me", { token: rotated.accessToken }), 401, "unauthorized");
    const again = await call("POST", "/api/v1/auth/refresh", { body: { refreshToken: rotated.refreshToken } });
    expect(again.status).toBe(401);
  });

  it("ten racing refreshes of one token: one succeeds, the session survives at most once", async () => {
    const owner = await register<Tokens>({ emailPrefix: "api2-race" });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        call("POST", "/api/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } }),
      ),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of answers.filter((a) => a.status !== 200)) expect(r.status).toBe(401);
  });
});

describe("API2: socket tickets", () => {
  it("a ticket opens one socket once; a forged or replayed ticket is refused", async () => {
    const { ticket } = await expectJson<{ ticket: string }>(
      await call("POST", "/api/v1/realtime/tickets", { token: victim.accessToken }),
      201,
    );
    const open = (t: string) =>
      call("GET", `/api/v1/realtime/ws?ticket=${encodeURIComponent(t)}`, {
        headers: { Upgrade: "websocket", Connection: "Upgrade" },
      });
    const first = await open(ticket);
    expect(first.status).toBe(101);
    first.webSocket?.accept();
    first.webSocket?.close(1000, "done");
    await expectProblem(await open(ticket), 401, "unauthorized");
    await expectProblem(await open(`${ticket.slice(0, -2)}xx`), 401, "unauthorized");
    // An access token is no ticket (too long for one: refused before it is looked up).
    expect([401, 422]).toContain((await open(victim.accessToken)).status);
  });
});
