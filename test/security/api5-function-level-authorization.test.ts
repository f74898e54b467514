import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { grantAdmin, register } from "../support/accounts";
import { call, expectJson, expectProblem } from "../support/http";
import { fillPath, isOperatorOperation, type Operation, operationsOf, publishedDocument } from "./support/openapi";
import { claimsOf } from "./support/tokens";

// OWASP API5:2023, Broken Function Level Authorization, generated from the published
// /openapi.json: every operator operation answers a normal user 403 (however the request is
// dressed up), answers an operator otherwise, and no operation outside the operator set is
// role-guarded (so the set is complete). Roles come from the account, never from the token.

interface Signed {
  accessToken: string;
  user: { id: string };
}

let operations: Operation[];
let operatorOps: Operation[];
let customer: Signed;
let operator: Signed;

beforeAll(async () => {
  operations = operationsOf(await publishedDocument());
  operatorOps = operations.filter(isOperatorOperation);
  [customer, operator] = await Promise.all([
    register<Signed>({ emailPrefix: "api5-customer" }),
    register<Signed>({ emailPrefix: "api5-operator" }),
  ]);
  await grantAdmin(operator.user.id);
}, 60_000);

const send = (op: Operation, token: string, headers: Record<string, string> = {}, path = fillPath(op.path, {})) =>
  call(op.method, path, { token, headers, ...(op.jsonBody ? { body: {} } : {}) });

const ROLE_REFUSAL = /needs the admin role/;

describe("API5: operator operations", () => {
  it("exist, and each documents 403", () => {
    expect(operatorOps.length).toBeGreaterThan(10);
    expect(operatorOps.filter((op) => !op.statuses.includes("403")).map((op) => op.key)).toEqual([]);
  });

  it("answer a normal user 403, with or without method-override and URL-rewrite headers", async () => {
    const tricks: Record<string, string>[] = [
      {},
      { "X-HTTP-Method-Override": "GET" },
      { "X-HTTP-Method": "GET", "X-Method-Override": "GET" },
      { "X-Original-URL": "/api/v1/users/me", "X-Rewrite-URL": "/api/v1/users/me" },
      { "X-Forwarded-For": "127.0.0.1", "X-Real-IP": "127.0.0.1", "CF-Connecting-IP": "127.0.0.1" },
      { "X-Roles": "admin", "X-User-Role": "admin" },
    ];
    for (const op of operatorOps) {
      for (const headers of tricks) {
        const res = await send(op, customer.accessToken, headers);
        const problem = await expectProblem(res, 403, "forbidden");
        expect(problem.detail, `${op.key} ${JSON.stringify(headers)}`).toMatch(ROLE_REFUSAL);
      }
    }
  });

  it("answer an operator past the role check (the refusal above is about the role)", async () => {
    for (const op of operatorOps) {
      const res = await send(op, operator.accessToken);
      const text = await res.text();
      expect(res.status, `${op.key}: ${text}`).toBeLessThan(500);
      expect(text, op.key).not.toMatch(ROLE_REFUSAL);
    }
  });

  it("spelled another way (case, slashes, dot segments, percent-encoding) never reach a handler for a normal user", async () => {
    const variants = (path: string) => [
      path.replace("/admin/", "/ADMIN/"),
      path.replace("/admin/", "/Admin/"),
      path.replace("/api/v1/", "/api/v1//"),
      path.replace("/admin/", "//admin/"),
      `${path}/`,
      path.replace("/admin/", "/x/../admin/"),
      path.replace("/admin/", "/%61dmin/"),
      path.replace("/admin/", "/admin%2F").replace(/%2F(\w+)\//, "%2F$1/"),
      path.replace("/admin/", "/admin;/"),
      path.replace("/api/v1/", "/API/V1/"),
    ];
    for (const op of operatorOps) {
      for (const path of variants(fillPath(op.path, {}))) {
        const res = await send(op, customer.accessToken, {}, path);
        const text = await res.text();
        expect([403, 404, 405], `${op.method} ${path}: ${res.status} ${text}`).toContain(res.status);
      }
    }
  });

  it("no operation outside the operator set is guarded by the admin role (the set above is complete)", async () => {
    const guarded: string[] = [];
    for (const op of operations.filter((o) => o.bearer && !isOperatorOperation(o))) {
      const res = await send(op, customer.accessToken, op.statuses.includes("101") ? { Upgrade: "websocket" } : {});
      if (res.status === 403 && ROLE_REFUSAL.test(await res.text())) guarded.push(op.key);
    }
    expect(guarded).toEqual([]);
  });
});

describe("API5: roles come from the account", () => {
  it("an operator whose role is withdrawn is refused at once, with the token issued while they had it", async () => {
    const former = await register<Signed>({ emailPrefix: "api5-former" });
    await grantAdmin(former.user.id);
    const signedIn = await expectJson<Signed>(
      await call("POST", "/api/v1/auth/login", { body: { email: former.email, password: former.password } }),
      200,
    );
    expect(claimsOf(signedIn.accessToken).roles).toContain("admin");
    expect((await call("GET", "/api/v1/admin/audit-events", { token: signedIn.accessToken })).status).toBe(200);
    await env.DB.prepare(`UPDATE users SET roles = '["customer"]' WHERE id = ?`).bind(former.user.id).run();
    const res = await call("GET", "/api/v1/admin/audit-events", { token: signedIn.accessToken });
    await expectProblem(res, 403, "forbidden");
  });
});
