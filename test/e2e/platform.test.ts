import http from "node:http";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, inject, it } from "vitest";

const base = inject("baseUrl");

describe("a real local server", () => {
  it("serves /health and /ready", async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(body).toMatchObject({ status: "ready", checks: { d1: { status: "ok" }, r2: { status: "ok" } } });
  });

  it("publishes a valid OpenAPI 3.1 document", async () => {
    const res = await fetch(`${base}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/health", "/ready", "/api/v1/dev/outbox", "/api/v1/categories"]),
    );
  });

  it("serves a readable API reference at /docs with its UI from our own assets", async () => {
    const res = await fetch(`${base}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("/openapi.json");
    const script = html.match(/<script src="([^"]+)"/)?.[1];
    expect(script).toBe("/vendor/scalar-api-reference.js");
    const ui = await fetch(`${base}${script}`);
    expect(ui.status).toBe(200);
    expect((await ui.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });

  it("serves the web app at /", async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("Tchat Edge");
  });

  it("serves the web app's pages and files with the API's security headers (no framing by another site)", async () => {
    const api = await fetch(`${base}/health`);
    const page = await (await fetch(`${base}/`)).text();
    const script = page.match(/<script[^>]*src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    // The shell, a deep link (answered with the shell), a page of the wallet, and a script.
    for (const path of ["/", "/orders/ord_deep_link", "/wallet/send", script]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      await res.arrayBuffer();
      for (const name of ["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Strict-Transport-Security"])
        expect(res.headers.get(name), `${name} on ${path}`).toBe(api.headers.get(name));
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
    }
    // The rules file itself is never served as a file.
    const rules = await fetch(`${base}/_headers`);
    expect(rules.status).toBe(404);
    expect(rules.headers.get("content-type")).toContain("application/problem+json");
  });

  it("answers a browser's page load of an unknown path with the app's 404 page; anything else with problem+json", async () => {
    // node:http, not fetch: fetch adds its own Sec-Fetch-Mode (cors) to what a test sets.
    const load = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; type: string; frame: string; body: string }>((resolve, reject) => {
        http
          .get(`${base}${path}`, { headers }, (res) => {
            let body = "";
            res.setEncoding("utf8").on("data", (chunk) => (body += chunk));
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                type: String(res.headers["content-type"]),
                frame: String(res.headers["x-frame-options"]),
                body,
              }),
            );
          })
          .on("error", reject);
      });
    const navigate = { "Sec-Fetch-Mode": "navigate", Accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
    // A page load (and an older browser without Fetch Metadata, which asks for HTML first).
    for (const [path, headers] of [
      ["/no-such-page", navigate],
      ["/admin", navigate],
      ["/.env", navigate],
      ["/no-such-page", { Accept: "text/html" }],
    ] as const) {
      const page = await load(path, headers);
      expect(page, path).toMatchObject({ status: 404, frame: "DENY" });
      expect(page.type, path).toContain("text/html");
      expect(page.body, path).toContain("Tchat Edge");
    }
    for (const [path, headers] of [
      ["/no-such-page", { Accept: "application/json" }],
      ["/no-such-page", { "Sec-Fetch-Mode": "cors", Accept: "text/html" }],
      ["/api/v1/no-such-thing", navigate],
    ] as const) {
      const res = await load(path, headers);
      expect(res.status, path).toBe(404);
      expect(res.type, path).toContain("application/problem+json");
      expect((JSON.parse(res.body) as { code: string }).code).toBe("not_found");
    }
  });

  it("has the seeded category tree", async () => {
    const res = await fetch(`${base}/api/v1/categories?locale=th`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { slug: string; name: string; children: { slug: string }[] }[] };
    const electronics = items.find((c) => c.slug === "electronics");
    expect(electronics?.name).toBe("อิเล็กทรอนิกส์");
    expect(electronics?.children.map((c) => c.slug)).toContain("mobile-phones");
  });

  it("seeding again changes nothing", async () => {
    const res = await fetch(`${base}/api/v1/dev/seed`, { method: "POST" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ran: unknown[]; skipped: string[] };
    expect(body.ran).toEqual([]);
    expect(body.skipped).toContain("categories");
  });

  it("answers every kind of bad input with problem+json 4xx, never 5xx", async () => {
    const cases: { name: string; req: () => Promise<Response>; status: number; code: string }[] = [
      { name: "unknown path", req: () => fetch(`${base}/api/v1/nope`), status: 404, code: "not_found" },
      {
        name: "wrong method",
        req: () => fetch(`${base}/health`, { method: "DELETE" }),
        status: 405,
        code: "method_not_allowed",
      },
      {
        name: "bad query type",
        req: () => fetch(`${base}/api/v1/dev/outbox?limit=abc`),
        status: 422,
        code: "validation_failed",
      },
      {
        name: "oversized body",
        req: () =>
          fetch(`${base}/api/v1/dev/seed`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ pad: "x".repeat(2 * 1024 * 1024) }),
          }),
        status: 413,
        code: "payload_too_large",
      },
    ];
    for (const c of cases) {
      const res = await c.req();
      expect(res.status, c.name).toBe(c.status);
      expect(res.headers.get("content-type"), c.name).toContain("application/problem+json");
      const problem = (await res.json()) as { code: string; status: number; requestId: string; detail: string };
      expect(problem.code, c.name).toBe(c.code);
      expect(problem.status, c.name).toBe(c.status);
      expect(problem.requestId, c.name).toBe(res.headers.get("X-Request-ID"));
      expect(problem.detail.length, c.name).toBeGreaterThan(10);
    }
  });

  it("records outbound messages in the dev outbox, readable over HTTP", async () => {
    const res = await fetch(`${base}/api/v1/dev/outbox?to=%2B66000000000&channel=sms`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [], nextCursor: null });
  });
});
