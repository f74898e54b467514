import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../workers/platform/config";
import { bytes, call, createProduct, PNG_HEADER, seller } from "../catalog/helpers";

// Every kind of answer carries exactly the headers it carried when Hono's secureHeaders and cors
// middlewares set them (the values below were read from that chain): the one-pass headers of
// workers/middleware/request-frame.ts must not add, drop or change one.

const ALLOWED = readConfig(env).corsOrigins[0];
const FOREIGN = "https://evil.example";

const SECURITY = {
  "content-security-policy":
    "default-src 'self'; base-uri 'self'; frame-ancestors 'none'; object-src 'none'; img-src 'self' data: blob:; connect-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-site",
  "origin-agent-cluster": "?1",
  "referrer-policy": "strict-origin-when-cross-origin",
  "strict-transport-security": "max-age=63072000; includeSubDomains; preload",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "DENY",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};
/** The API reference page's own CSP (workers/ops/docs.ts): the global one plus inline script and fonts. */
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
const EXPOSED = {
  "access-control-expose-headers": "X-Request-ID,X-Cart-Token,Retry-After,Idempotent-Replayed,Location",
};
const PREFLIGHT = {
  ...EXPOSED,
  "access-control-allow-headers": "Authorization,Content-Type,Idempotency-Key,X-Cart-Token,X-Request-ID",
  "access-control-allow-methods": "GET,POST,PUT,PATCH,DELETE,OPTIONS",
  "access-control-max-age": "600",
  vary: "Origin, Access-Control-Request-Headers",
};
const ANSWER = { ...EXPOSED, vary: "Origin" };
const PROBLEM = { "content-type": "application/problem+json", "content-language": "en" };

/** The grant an origin gets: itself with credentials when configured, nothing otherwise. */
const grant = (origin: string | undefined) =>
  origin === ALLOWED ? { "access-control-allow-origin": ALLOWED, "access-control-allow-credentials": "true" } : {};

/** Every header but the request id (checked on its own) and Date. */
function headersOf(res: Response): Record<string, string> {
  expect(res.headers.get("X-Request-ID")).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
  return Object.fromEntries([...res.headers].filter(([name]) => name !== "x-request-id" && name !== "date"));
}

describe("the headers of every kind of answer", () => {
  for (const origin of [undefined, ALLOWED, FOREIGN]) {
    const headers: Record<string, string> = origin ? { Origin: origin } : {};
    it(`a 200, a problem+json 4xx, a preflight and the Worker's answers at asset and document paths (Origin: ${origin ?? "none"})`, async () => {
      const health = await call("GET", "/health", { headers });
      expect(health.status).toBe(200);
      expect(headersOf(health)).toEqual({
        ...SECURITY,
        ...ANSWER,
        ...grant(origin),
        "content-type": "application/json",
      });

      const missing = await call("GET", "/api/v1/nothing-here", { headers });
      expect(missing.status).toBe(404);
      expect(headersOf(missing)).toEqual({ ...SECURITY, ...ANSWER, ...grant(origin), ...PROBLEM });

      const preflight = await call("OPTIONS", "/api/v1/users/me", {
        headers: {
          ...headers,
          "Access-Control-Request-Method": "DELETE",
          "Access-Control-Request-Headers": "Authorization",
        },
      });
      expect(preflight.status).toBe(204);
      expect(headersOf(preflight)).toEqual({ ...SECURITY, ...PREFLIGHT, ...grant(origin) });

      // Built files are served by the assets binding before the Worker runs (wrangler.toml
      // run_worker_first); a request that reaches the Worker at such a path is its 404.
      const asset = await call("GET", "/favicon.svg", { headers });
      expect(asset.status).toBe(404);
      expect(headersOf(asset)).toEqual({ ...SECURITY, ...ANSWER, ...grant(origin), ...PROBLEM });

      // The API reference boots with an inline script: its page has its own CSP, the rest as every answer.
      const docs = await call("GET", "/docs", { headers });
      expect(docs.status).toBe(200);
      expect(headersOf(docs)).toEqual({
        ...SECURITY,
        "content-security-policy": DOCS_CSP,
        ...ANSWER,
        ...grant(origin),
        "content-type": "text/html; charset=UTF-8",
      });
      await Promise.all([health, missing, asset, docs].map((res) => res.arrayBuffer()));
    });
  }

  it("an R2 media answer keeps its own headers and gets the same ones on top", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    const image = bytes(PNG_HEADER);
    const upload = await call("POST", `/api/v1/products/${product.id}/media`, {
      raw: image,
      token,
      headers: { "Content-Type": "image/png" },
    });
    expect(upload.status).toBe(201);
    const media = (await upload.json()) as { url: string };
    const res = await call("GET", new URL(media.url).pathname, { headers: { Origin: ALLOWED } });
    expect(res.status).toBe(200);
    const etag = res.headers.get("ETag");
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(headersOf(res)).toEqual({
      ...SECURITY,
      ...ANSWER,
      ...grant(ALLOWED),
      "cache-control": "public, max-age=31536000, immutable",
      "content-disposition": "inline",
      "content-length": String(image.byteLength),
      "content-type": "image/png",
      etag,
    });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(image);
  });
});
