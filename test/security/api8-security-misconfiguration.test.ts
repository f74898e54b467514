import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../workers/platform/config";
import { uniqueIp } from "../identity/helpers";
import { guestOrder, sellerWithProduct } from "../orders/helpers";
import { call } from "../support/http";
import { fillPath, type OpenApiDocument, operationsOf, publishedDocument } from "./support/openapi";
import { quietWorkerLogs } from "./support/quiet";
import { callDeployed, deploymentVars } from "./support/wrangler";

// OWASP API8:2023, Security Misconfiguration: security headers on every kind of answer, CORS only
// for the configured origins, and with the production variables of wrangler.toml the development
// routes (dev outbox, seed, benchmarks, the sandbox gateway and its simulate endpoint) are gone.

quietWorkerLogs();

const PRODUCTION = deploymentVars("production");
const FOREIGN = "https://evil.example";
const ALLOWED = readConfig(env).corsOrigins[0];
let doc: OpenApiDocument;

beforeAll(async () => {
  doc = await publishedDocument();
});

/** The real Worker with the production variables (secrets stay the development ones). */
const inProduction = (method: string, path: string, init?: RequestInit) =>
  callDeployed("production", method, path, init);

describe("API8: production configuration (wrangler.toml [env.production.vars])", () => {
  it("is production, with development switches off and no wildcard origin", () => {
    expect(PRODUCTION).toMatchObject({ ENVIRONMENT: "production", DEV_OUTBOX: "false", PAYMENTS_SANDBOX: "false" });
    expect(PRODUCTION.CORS_ORIGINS.split(",")).not.toContain("*");
    for (const origin of PRODUCTION.CORS_ORIGINS.split(",")) expect(origin.trim()).toMatch(/^https:\/\//);
    const config = readConfig({ ...env, ...PRODUCTION } as Env);
    expect(config).toMatchObject({ devOutbox: false, paymentsSandbox: false, environment: "production" });
  });

  it("even a DEV_OUTBOX or PAYMENTS_SANDBOX switched on by mistake stays off in production", () => {
    const config = readConfig({ ...env, ...PRODUCTION, DEV_OUTBOX: "true", PAYMENTS_SANDBOX: "true" } as Env);
    expect(config).toMatchObject({ devOutbox: false, paymentsSandbox: false });
  });

  it("every Dev operation of /openapi.json answers 404 problem+json in production", async () => {
    const dev = operationsOf(doc).filter((op) => op.tags.includes("Dev"));
    expect(dev.length).toBeGreaterThan(3);
    for (const op of dev) {
      const res = await inProduction(op.method, fillPath(op.path, {}), {
        headers: { "Content-Type": "application/json" },
        ...(op.jsonBody ? { body: JSON.stringify({ key: "bench:x", onHand: 1, userIds: ["x"], events: 1 }) } : {}),
      });
      expect(res.status, op.key).toBe(404);
      expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    }
  });

  it("the sandbox gateway and its simulate endpoint are gone in production", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 2 });
    const { cartToken, order } = await guestOrder(product.id);
    const pay = await inProduction("POST", "/api/v1/payments", {
      headers: {
        "Content-Type": "application/json",
        "X-Cart-Token": cartToken,
        "Idempotency-Key": crypto.randomUUID(),
        // Its own network: the payment limit's slot is taken before the gateway is checked, and the
        // other files' requests without an IP share one window.
        "CF-Connecting-IP": uniqueIp(),
      },
      body: JSON.stringify({ orderIds: [order.id], gateway: "sandbox", method: "qris" }),
    });
    expect(pay.status).toBe(422);
    const simulate = await inProduction("POST", "/api/v1/payments/pay_anything/simulate", {
      headers: { "Content-Type": "application/json", "X-Cart-Token": cartToken },
      body: JSON.stringify({ outcome: "success" }),
    });
    expect(simulate.status).toBe(404);
  });

  it("CORS in production does not answer the development origins", async () => {
    const res = await inProduction("OPTIONS", "/api/v1/users/me", {
      headers: { Origin: "http://localhost:8787", "Access-Control-Request-Method": "GET" },
    });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});

describe("API8: security headers", () => {
  const expectHardened = (res: Response, what: string) => {
    expect(res.headers.get("X-Content-Type-Options"), what).toBe("nosniff");
    expect(res.headers.get("X-Frame-Options"), what).toBe("DENY");
    expect(res.headers.get("Strict-Transport-Security"), what).toMatch(/max-age=\d{7,}/);
    expect(res.headers.get("Referrer-Policy"), what).toBeTruthy();
    expect(res.headers.get("Content-Security-Policy"), what).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("X-Powered-By"), what).toBeNull();
    expect(res.headers.get("X-Request-ID"), what).toBeTruthy();
  };

  it("on JSON, problem+json, 404, 405, documents and health answers", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/categories"],
      ["GET", "/api/v1/users/me"],
      ["GET", "/api/v1/nothing-here"],
      ["DELETE", "/api/v1/categories"],
      ["TRACE", "/api/v1/categories"],
      ["GET", "/openapi.json"],
      ["GET", "/health"],
      ["GET", "/.well-known/jwks.json"],
      ["POST", "/api/v1/auth/login"],
    ]) {
      const res = await call(
        method,
        path,
        method === "POST" ? { raw: "{", headers: { "Content-Type": "application/json" } } : {},
      );
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expectHardened(res, `${method} ${path}`);
    }
  });

  it("one request id per request: the problem's requestId is the X-Request-ID header, whatever the path", async () => {
    // A path segment that is literally a route token (`*`, `:id`) ran the middleware chain twice
    // (Hono's TrieRouter, honojs/hono#5370), and the second pass minted a second id for the body.
    for (const path of [
      "/*?",
      "/*",
      "/api/*",
      "/api/v1/orders/:id",
      "/api/v1/:a/:b/:c",
      "/%2A",
      "/api/v1/categories/",
    ]) {
      const headerSets: Record<string, string>[] = [{}, { "X-Request-ID": "client-chosen-id-42" }];
      for (const headers of headerSets) {
        const res = await call("GET", path, { headers });
        const problem = (await res.json()) as { requestId?: string };
        expect(res.headers.get("X-Request-ID"), path).toBeTruthy();
        expect(problem.requestId, path).toBe(res.headers.get("X-Request-ID"));
        if ("X-Request-ID" in headers) expect(problem.requestId, path).toBe("client-chosen-id-42");
      }
    }
  });
});

describe("API8: CORS", () => {
  it("a foreign origin gets no CORS grant, simple or preflighted; a configured one gets exactly itself", async () => {
    const simple = await call("GET", "/api/v1/categories", { headers: { Origin: FOREIGN } });
    expect(simple.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(simple.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    for (const origin of [FOREIGN, "null", `${ALLOWED}.evil.example`, ALLOWED.replace("http://", "https://")]) {
      const preflight = await call("OPTIONS", "/api/v1/users/me", {
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "DELETE",
          "Access-Control-Request-Headers": "Authorization",
        },
      });
      expect(preflight.headers.get("Access-Control-Allow-Origin"), origin).toBeNull();
      expect(preflight.headers.get("Access-Control-Allow-Credentials"), origin).toBeNull();
    }
    const allowed = await call("GET", "/api/v1/categories", { headers: { Origin: ALLOWED } });
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(allowed.headers.get("Access-Control-Allow-Credentials")).toBe("true");
    expect(allowed.headers.get("Vary")).toMatch(/Origin/);
  });
});
