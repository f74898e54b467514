import { createExecutionContext, env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { z } from "@hono/zod-openapi";
import fc from "fast-check";
import type { Context } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../workers/app-env";
import { requestFrame } from "../../workers/middleware/request-frame";
import { readConfig } from "../../workers/platform/config";
import { ApiError, renderError } from "../../workers/platform/errors";
import { createRouter, defineRoute } from "../../workers/platform/openapi";
import type { Problem } from "../support/http";

const BASE = "http://tchat.test";
const MAX_BODY_BYTES = readConfig(env).limits.maxBodyBytes;
const ALLOWED_ORIGIN = "http://localhost:8787";
const PROBLEM_KEYS = ["type", "title", "status", "detail", "code", "requestId", "errors"];

/** The real Worker, through its default export. */
const api = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`${BASE}${path}`, init));

/**
 * The app has no route with a JSON body yet, so this one is built the way every domain router
 * is (createRouter + defineRoute) and mounted behind the app's real middleware and onError.
 */
const OrderLike = z.object({ name: z.string().min(1), quantity: z.number().int().min(1) });
const echoRoute = defineRoute({
  method: "post",
  path: "/api/v1/test/echo",
  request: { body: { required: true, content: { "application/json": { schema: OrderLike } } } },
  responses: { 201: { description: "Echoed", content: { "application/json": { schema: OrderLike } } } },
});
const jsonApp = createRouter();
jsonApp.use("*", requestFrame);
jsonApp.route(
  "/",
  createRouter().openapi(echoRoute, (c) => c.json(c.req.valid("json"), 201)),
);
jsonApp.notFound(() => {
  throw new ApiError("not_found", "Nothing here.");
});
jsonApp.onError((err, c) => renderError(err, c as Context<AppEnv>));

const postJson = (body: BodyInit | null, headers: Record<string, string> = { "Content-Type": "application/json" }) =>
  jsonApp.fetch(
    new Request(`${BASE}/api/v1/test/echo`, { method: "POST", body, headers }),
    env,
    createExecutionContext(),
  );

/** Asserts the response is a well-formed problem+json of this status and code, and returns it. */
async function expectProblem(res: Response, status: number, code: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at\s|\.ts:\d+|\.js:\d+/);
  const body = JSON.parse(text) as Problem;
  expect(body).toMatchObject({
    type: `urn:tchat:problem:${code}`,
    title: expect.any(String),
    status,
    detail: expect.any(String),
    code,
    requestId: res.headers.get("X-Request-ID"),
  });
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail.length).toBeGreaterThan(0);
  expect(body.requestId).toBeTruthy();
  for (const key of Object.keys(body)) expect(PROBLEM_KEYS).toContain(key);
  return body;
}

/** A body delivered in chunks with no Content-Length (like Transfer-Encoding: chunked). */
function chunkedBody(totalBytes: number, chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) {
        controller.close();
        return;
      }
      const size = Math.min(chunkBytes, totalBytes - sent);
      const chunk = new Uint8Array(size).fill(0x20);
      if (sent === 0) chunk[0] = 0x5b; // "[": looks like the start of JSON
      sent += size;
      controller.enqueue(chunk);
    },
  });
}

describe("malformed and invalid bodies", () => {
  it("accepts a valid JSON body (the route used below works)", async () => {
    const res = await postJson(JSON.stringify({ name: "Mango", quantity: 2 }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: "Mango", quantity: 2 });
  });

  it("malformed JSON → 400 bad_request", async () => {
    for (const body of ['{"name": "Mango", ', "{'name': 1}", "not json at all", ""]) {
      await expectProblem(await postJson(body), 400, "bad_request");
    }
  });

  it("JSON of the wrong shape → 422 validation_failed with errors[].path", async () => {
    const body = await expectProblem(
      await postJson(JSON.stringify({ name: "", quantity: "two" })),
      422,
      "validation_failed",
    );
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["name", "quantity"]);
    for (const e of body.errors ?? []) expect(e.message.length).toBeGreaterThan(0);
    const notObject = await expectProblem(await postJson("[1,2,3]"), 422, "validation_failed");
    expect(notObject.errors?.length).toBeGreaterThan(0);
  });

  it("a non-JSON Content-Type where JSON is expected → 415 unsupported_media_type", async () => {
    const json = JSON.stringify({ name: "Mango", quantity: 2 });
    await expectProblem(await postJson(json, { "Content-Type": "text/plain" }), 415, "unsupported_media_type");
    await expectProblem(await postJson(json, { "Content-Type": "application/xml" }), 415, "unsupported_media_type");
    await expectProblem(
      await postJson(json, { "Content-Type": "application/x-www-form-urlencoded" }),
      415,
      "unsupported_media_type",
    );
    // A body with no Content-Type at all (bytes, so the runtime adds none).
    await expectProblem(await postJson(new TextEncoder().encode(json), {}), 415, "unsupported_media_type");
    // JSON with parameters is still JSON.
    const ok = await postJson(json, { "Content-Type": "application/json; charset=utf-8" });
    expect(ok.status).toBe(201);
  });
});

describe("oversized bodies → 413 payload_too_large", () => {
  it("the local cap is 1 MiB", () => {
    expect(MAX_BODY_BYTES).toBe(1_048_576);
  });

  it("refuses a body just over the cap, with Content-Length, on the real app", async () => {
    const body = JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES), quantity: 1 });
    const res = await api("/api/v1/dev/seed", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
    });
    const problem = await expectProblem(res, 413, "payload_too_large");
    expect(problem.detail).toContain(String(MAX_BODY_BYTES));
  });

  it("refuses a chunked body without Content-Length, on the real app", async () => {
    const req = new Request(`${BASE}/api/v1/dev/seed`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: chunkedBody(MAX_BODY_BYTES + 1),
    });
    expect(req.headers.get("Content-Length")).toBeNull();
    await expectProblem(await exports.default.fetch(req), 413, "payload_too_large");
  });

  it("refuses oversized JSON to a JSON route, with and without Content-Length", async () => {
    await expectProblem(
      await postJson(JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES), quantity: 1 })),
      413,
      "payload_too_large",
    );
    await expectProblem(await postJson(chunkedBody(MAX_BODY_BYTES + 1)), 413, "payload_too_large");
    await expectProblem(await postJson(chunkedBody(3 * MAX_BODY_BYTES, 1000)), 413, "payload_too_large");
  });

  it("accepts a body of exactly the cap, sent either way", async () => {
    const prefix = '{"quantity":1,"name":"';
    const suffix = '"}';
    const exact = prefix + "y".repeat(MAX_BODY_BYTES - prefix.length - suffix.length) + suffix;
    expect(new TextEncoder().encode(exact).byteLength).toBe(MAX_BODY_BYTES);
    expect((await postJson(exact)).status).toBe(201);
    const streamed = new Blob([exact]).stream();
    expect((await postJson(streamed)).status).toBe(201);
  });
});

describe("query validation on GET /api/v1/dev/outbox", () => {
  const cases: [query: string, path: string][] = [
    ["limit=abc", "limit"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=1.5", "limit"],
    ["channel=fax", "channel"],
    [`to=${"a".repeat(400)}`, "to"],
  ];
  for (const [query, path] of cases) {
    it(`?${query.slice(0, 20)} → 422 validation_failed at ${path}`, async () => {
      const body = await expectProblem(await api(`/api/v1/dev/outbox?${query}`), 422, "validation_failed");
      expect(body.errors).toEqual(expect.arrayContaining([{ path, message: expect.any(String) }]));
      expect(body.detail).toContain(path);
    });
  }

  it("an invalid cursor → 422 at cursor", async () => {
    for (const cursor of ["garbage!", "eyJub3QiOiJhIHN0cmluZyJ9", encodeURIComponent("{}"), "x".repeat(600)]) {
      const body = await expectProblem(await api(`/api/v1/dev/outbox?cursor=${cursor}`), 422, "validation_failed");
      expect(body.errors?.map((e) => e.path)).toEqual(["cursor"]);
    }
  });

  it("valid values pass", async () => {
    // Other files' sign-ins share this runtime's outbox: the answer is a page of SMS only.
    const res = await api("/api/v1/dev/outbox?limit=100&channel=sms");
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { channel: string }[]; nextCursor: string | null };
    expect(page.items.length).toBeLessThanOrEqual(100);
    expect(page.items.every((item) => item.channel === "sms")).toBe(true);
  });
});

describe("unknown paths and methods", () => {
  it("an unknown path → 404 not_found", async () => {
    for (const path of ["/api/v1/nope", "/api/v1/dev/outbox/extra", "/api/v2/health", "/api/v1/%F0%9F%98%80"]) {
      await expectProblem(await api(path), 404, "not_found");
    }
    await expectProblem(await api("/api/v1/nope", { method: "POST", body: "{}" }), 404, "not_found");
  });

  it("a known path with the wrong method → 405 method_not_allowed with Allow", async () => {
    const del = await api("/health", { method: "DELETE" });
    await expectProblem(del, 405, "method_not_allowed");
    expect(del.headers.get("Allow")).toBe("GET, HEAD");

    const post = await api("/api/v1/dev/outbox", { method: "POST", body: "{}" });
    const problem = await expectProblem(post, 405, "method_not_allowed");
    expect(post.headers.get("Allow")).toBe("GET, HEAD");
    expect(problem.detail).toContain("GET");

    const getSeed = await api("/api/v1/dev/seed");
    await expectProblem(getSeed, 405, "method_not_allowed");
    expect(getSeed.headers.get("Allow")).toBe("POST");

    const put = await api("/api/v1/categories", { method: "PUT", body: "{}" });
    await expectProblem(put, 405, "method_not_allowed");
    expect(put.headers.get("Allow")).toBe("GET, HEAD");
  });
});

describe("request ids", () => {
  it("every response carries a generated X-Request-ID", async () => {
    const a = await api("/health");
    const b = await api("/health");
    expect(a.headers.get("X-Request-ID")).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers.get("X-Request-ID")).not.toBe(a.headers.get("X-Request-ID"));
  });

  it("echoes a valid incoming X-Request-ID, in the header and in problems", async () => {
    const id = "edge-req_2026.01:abc-123";
    const ok = await api("/health", { headers: { "X-Request-ID": id } });
    expect(ok.headers.get("X-Request-ID")).toBe(id);
    const missing = await api("/api/v1/nope", { headers: { "X-Request-ID": id } });
    expect(missing.headers.get("X-Request-ID")).toBe(id);
    expect((await expectProblem(missing, 404, "not_found")).requestId).toBe(id);
  });

  it("replaces an invalid incoming X-Request-ID", async () => {
    for (const bad of ["has spaces in it", "x".repeat(500), "short", "<script>alert(1)</script>", "a/b/c/d/e/f/g"]) {
      const res = await api("/api/v1/nope", { headers: { "X-Request-ID": bad } });
      const id = res.headers.get("X-Request-ID");
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await expectProblem(res, 404, "not_found")).requestId).toBe(id);
    }
  });
});

describe("security headers", () => {
  for (const [name, path] of [
    ["a success", "/health"],
    ["a problem", "/api/v1/nope"],
  ] as const) {
    it(`are on ${name}`, async () => {
      const res = await api(path);
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("X-Frame-Options")).toBe("DENY");
      expect(res.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d{7,}/);
      expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
      expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    });
  }
});

describe("CORS", () => {
  it("answers a preflight from an allowed origin", async () => {
    const res = await api("/api/v1/dev/outbox", {
      method: "OPTIONS",
      headers: {
        Origin: ALLOWED_ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type, Idempotency-Key",
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED_ORIGIN);
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBe("true");
    expect(res.headers.get("Access-Control-Allow-Methods")).toContain("POST");
    expect(res.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("idempotency-key");
    expect(res.headers.get("Access-Control-Max-Age")).toBe("600");
  });

  it("marks actual requests from an allowed origin, problems included", async () => {
    for (const path of ["/health", "/api/v1/nope"]) {
      const res = await api(path, { headers: { Origin: ALLOWED_ORIGIN } });
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED_ORIGIN);
      expect(res.headers.get("Access-Control-Expose-Headers")).toContain("X-Request-ID");
      expect(res.headers.get("Vary")).toContain("Origin");
    }
  });

  it("gives an unknown origin nothing", async () => {
    const origin = "https://evil.example";
    const preflight = await api("/api/v1/dev/outbox", {
      method: "OPTIONS",
      headers: { Origin: origin, "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBeLessThan(500);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const actual = await api("/health", { headers: { Origin: origin } });
    expect(actual.status).toBe(200);
    expect(actual.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});

describe("properties: no input produces a 5xx", () => {
  async function expectNo5xx(res: Response) {
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      const body = (await res.json()) as Problem;
      expect(body.status).toBe(res.status);
      expect(body.code).toMatch(/^[a-z_]+$/);
      expect(body.requestId).toBe(res.headers.get("X-Request-ID"));
    } else {
      await res.arrayBuffer();
    }
  }

  const jsonish = fc.oneof(
    fc.uint8Array({ maxLength: 512 }),
    fc.string({ maxLength: 512 }),
    fc.string({ maxLength: 256, unit: "binary" }),
    fc.json({ maxDepth: 3 }),
    fc
      .record({ name: fc.string(), quantity: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)) })
      .map((o) => JSON.stringify(o)),
  );

  it("random bytes and strings as a JSON body → 201, 400 or 422, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonish,
        fc.constantFrom(
          "application/json",
          "application/json; charset=utf-8",
          "text/plain",
          "application/problem+json",
        ),
        async (body, contentType) => {
          const res = await postJson(body, { "Content-Type": contentType });
          expect([201, 400, 415, 422]).toContain(res.status);
          await expectNo5xx(res);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("random paths, methods, queries and bodies on the real app never produce a 5xx", async () => {
    const segment = fc.oneof(
      fc.constantFrom("api", "v1", "dev", "outbox", "seed", "categories", "health", "ready", "docs", "openapi.json"),
      fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
    );
    const path = fc.array(segment, { minLength: 0, maxLength: 6 }).map((s) => `/${s.join("/")}`);
    const query = fc.oneof(
      fc.constant(""),
      fc
        .dictionary(
          fc.constantFrom("limit", "cursor", "channel", "to", "locale", "x"),
          fc.string({ maxLength: 40 }).map(encodeURIComponent),
        )
        .map(
          (q) =>
            `?${Object.entries(q)
              .map(([k, v]) => `${k}=${v}`)
              .join("&")}`,
        ),
    );
    const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    await fc.assert(
      fc.asyncProperty(path, query, method, fc.option(jsonish, { nil: undefined }), async (p, q, m, body) => {
        // Seeding is a real write; everything else on the app is fair game.
        fc.pre(!(m === "POST" && p === "/api/v1/dev/seed"));
        const withBody = body !== undefined && m !== "GET" && m !== "HEAD";
        const res = await api(`${p}${q}`, {
          method: m,
          ...(withBody ? { body, headers: { "Content-Type": "application/json" } } : {}),
        });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400 && m !== "HEAD") await expectNo5xx(res);
        else await res.arrayBuffer();
      }),
      { numRuns: 300 },
    );
  });
});
