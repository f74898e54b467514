import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { call, expectProblem } from "../support/http";
import { fillPath, type OpenApiDocument, type Operation, operationsOf, publishedDocument } from "./support/openapi";
import { quietWorkerLogs } from "./support/quiet";
import { callDeployed, type Deployment } from "./support/wrangler";

// OWASP API9:2023, Improper Inventory Management: /openapi.json is the whole inventory. Every
// route the Worker serves is documented and every documented operation is served, methods
// included; v1 is the only version; guessed paths (other versions, debug and admin consoles,
// metrics, spec copies, trailing slashes) are 404; and each deployment of wrangler.toml documents
// exactly what it serves: production names and serves no development or sandbox endpoint.

quietWorkerLogs();

/** Served but not in the document: the document itself and its reference page. */
const DOCUMENTATION = ["GET /docs", "GET /openapi.json"];
/** Documented outside /api/v1: operations' probes and the public keys of the tokens. */
const OUTSIDE_V1 = ["GET /.well-known/jwks.json", "GET /health", "GET /ready"];
/** What a development switch turns off (see workers/ops/docs.ts). */
const SANDBOX_SIMULATE = "POST /api/v1/payments/{id}/simulate";
/** The sandbox courier's tracking driver (COURIER_SANDBOX, off in production). */
const COURIER_SIMULATE = "POST /api/v1/shipments/{id}/simulate";
const UNROUTED = /^Nothing exists at \/.*See \/docs/;
const FILLER = "zz-no-such-id";

let doc: OpenApiDocument;
let operations: Operation[];

beforeAll(async () => {
  doc = await publishedDocument();
  operations = operationsOf(doc);
});

/** A documented path with every parameter FILLER. */
const filled = (path: string) => fillPath(path, {}, () => FILLER);

/** Hono's `:param` as OpenAPI's `{param}`. */
const asOpenApi = (path: string) => path.replace(/:(\w+)/g, "{$1}");

/** Whether the router answered "nothing here" (404 or 405 from notFound), not a handler. */
async function unrouted(res: Response): Promise<boolean> {
  if (res.status === 405) return true;
  if (res.status !== 404) return false;
  const { detail } = (await res.json()) as { detail: string };
  return UNROUTED.test(detail);
}

/** One request for an operation, no credentials, a body that never parses (nothing is changed). */
const probe = (op: Operation, send: typeof call = call) =>
  send(op.method, filled(op.path), {
    ...(op.bodyTypes.length > 0 ? { raw: "{", headers: { "Content-Type": op.bodyTypes[0] } } : {}),
  });

describe("API9: the routes served are the routes documented", () => {
  it("every route of the Worker is in /openapi.json (bar the documentation) and every operation is routed", () => {
    const served = new Set(
      createApp()
        .routes.filter((r) => r.method !== "ALL")
        .map((r) => `${r.method} ${asOpenApi(r.path)}`),
    );
    const documented = new Set(operations.map((op) => op.key));
    expect([...served].filter((key) => !documented.has(key)).sort()).toEqual(DOCUMENTATION);
    expect([...documented].filter((key) => !served.has(key))).toEqual([]);
  });

  it("every documented operation reaches a handler from outside", async () => {
    const missed: string[] = [];
    for (const op of operations) {
      const res = await probe(op);
      if (await unrouted(res)) missed.push(`${op.key} → ${res.status}`);
    }
    expect(missed).toEqual([]);
    // Every operation of the document, one after another: minutes on a loaded 2-core machine.
  }, 180_000);

  it("a documented path answers any other method 405, with Allow naming exactly the documented ones", async () => {
    const pattern = (path: string) => new RegExp(`^${path.replace(/\./g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`);
    for (const path of Object.keys(doc.paths)) {
      const url = filled(path);
      // Another documented path of the same shape serves the same URL (a static segment is never FILLER).
      const methods = new Set(operations.filter((op) => pattern(op.path).test(url)).map((op) => op.method));
      if (methods.has("GET")) methods.add("HEAD");
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !methods.has(m))) {
        const res = await call(method, url);
        await expectProblem(res, 405, "method_not_allowed");
        expect(res.headers.get("Allow"), `${method} ${path}`).toBe([...methods].sort().join(", "));
      }
    }
  }, 180_000);
});

describe("API9: one version, nothing undocumented", () => {
  it("every documented operation is under /api/v1/, bar the probes and the token keys", () => {
    expect(
      operations
        .filter((op) => !op.path.startsWith("/api/v1/"))
        .map((op) => op.key)
        .sort(),
    ).toEqual(OUTSIDE_V1);
  });

  it("other versions, spellings and guessed consoles answer 404 problem+json, with no Allow", async () => {
    const guesses = [
      "/api/v0/categories",
      "/api/v2/categories",
      "/api/v1.1/categories",
      "/api/categories",
      "/v1/categories",
      "/api/V1/categories",
      "/API/v1/categories",
      "/api/v1/categories/",
      "/api/v1/users/me/",
      "/health/",
      "/docs/",
      "/api/v1/internal/users",
      "/api/v1/debug",
      "/api/v1/dev",
      "/api/v1/admin",
      "/admin",
      "/debug/vars",
      "/debug/pprof",
      "/metrics",
      "/status",
      "/server-status",
      "/actuator/health",
      "/graphql",
      "/api/graphql",
      "/swagger.json",
      "/openapi.yaml",
      "/api/v1/openapi.json",
      "/api/v1/swagger.json",
      "/.env",
      "/.git/config",
      "/wrangler.toml",
    ];
    for (const path of guesses) {
      for (const method of ["GET", "POST"]) {
        const res = await call(method, path);
        expect(res.headers.get("Allow"), `${method} ${path}`).toBeNull();
        const problem = await expectProblem(res, 404, "not_found");
        expect(problem.detail, `${method} ${path}`).toMatch(UNROUTED);
      }
    }
  });
});

describe("API9: each deployment documents exactly what it serves", () => {
  const documentOf = async (deployment: Deployment) => {
    const res = await callDeployed(deployment, "GET", "/openapi.json");
    expect(res.status).toBe(200);
    return (await res.json()) as OpenApiDocument & { tags: { name: string }[] };
  };
  const devHelpers = () => operations.filter((op) => op.tags.includes("Dev")).map((op) => op.key);

  for (const [deployment, switchedOff] of [
    ["production", () => [...devHelpers(), SANDBOX_SIMULATE, COURIER_SIMULATE]],
    ["staging", devHelpers],
  ] as const) {
    it(`${deployment}: the document leaves out exactly what the switches turn off, and those answer 404`, async () => {
      const deployed = await documentOf(deployment);
      const kept = new Set(operationsOf(deployed).map((op) => op.key));
      const left = operations.filter((op) => !kept.has(op.key));
      expect(left.map((op) => op.key).sort()).toEqual(switchedOff().sort());
      expect(operationsOf(deployed).length).toBe(operations.length - left.length);
      expect(deployed.tags.map((tag) => tag.name)).not.toContain("Dev");
      // Whatever the method and input (a 422 or a 405 would tell a prober the route exists).
      for (const op of left) {
        for (const method of ["GET", "POST", "PUT", "DELETE"]) {
          const res = await callDeployed(deployment, method, filled(op.path), {
            headers: { "Content-Type": "application/json" },
            ...(method === "GET" ? {} : { body: "{" }),
          });
          expect(res.headers.get("Allow"), `${method} ${op.path}`).toBeNull();
          const problem = await expectProblem(res, 404, "not_found");
          expect(problem.detail, `${method} ${op.path}`).toMatch(UNROUTED);
        }
      }
    });
  }

  it("production: every operation its document names reaches a handler", async () => {
    const missed: string[] = [];
    for (const op of operationsOf(await documentOf("production"))) {
      const res = await probe(op, (method, path, options = {}) =>
        callDeployed("production", method, path, {
          headers: options.headers,
          body: options.raw as BodyInit | undefined,
        }),
      );
      if (await unrouted(res)) missed.push(`${op.key} → ${res.status}`);
    }
    expect(missed).toEqual([]);
    // Every operation of the document, one after another: minutes on a loaded 2-core machine.
  }, 180_000);
});
