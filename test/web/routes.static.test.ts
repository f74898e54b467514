import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// A page of the web app is reloadable only if wrangler.toml lets the assets answer its path (a
// "!" pattern in run_worker_first; the single-page fallback then serves index.html). Everything
// else reaches the Worker, so API paths and guesses keep their problem+json 404.

const ROOT = join(import.meta.dirname, "../..");
const wrangler = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
const routes = readFileSync(join(ROOT, "web/src/routes.tsx"), "utf8");

const assetsSection = wrangler.split(/^\[assets\]$/m)[1]?.split(/^\[/m)[0] ?? "";
const runWorkerFirst = [
  ...(assetsSection.match(/run_worker_first = \[([\s\S]*?)\]/)?.[1] ?? "").matchAll(/"([^"]+)"/g),
].map((m) => m[1]);
const appPatterns = runWorkerFirst.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
const CONTRACT_PAGES = ["/p/x", "/orders/x", "/chat/x", "/wallet", "/seller", "/ops"];

/** Whether a wrangler path pattern ("/p/*", "/cart") matches a concrete path. */
const matches = (pattern: string, path: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(path);
/** A route path of the app ("/p/:id") as a concrete example path. */
const example = (route: string) => route.replace(/:\w+\*?/g, "x");

describe("web app routes and wrangler.toml", () => {
  it("serves the assets from the build, with the single-page fallback, and the Worker first for all else", () => {
    expect(assetsSection).toMatch(/^directory = "dist\/web"$/m);
    expect(assetsSection).toMatch(/^not_found_handling = "single-page-application"$/m);
    expect(runWorkerFirst[0]).toBe("/*");
  });

  it("lets every page of the app and of the contract reload, and no API path", () => {
    const pages = [...routes.matchAll(/path: "([^"]+)"/g)].map((m) => example(m[1]));
    expect(pages).toContain("/");
    for (const path of [...pages, ...CONTRACT_PAGES]) {
      expect(
        appPatterns.some((p) => matches(p, path)),
        `${path} needs a "!" pattern in wrangler.toml`,
      ).toBe(true);
    }
    for (const path of [
      "/api/v1/categories",
      "/health",
      "/ready",
      "/docs",
      "/openapi.json",
      "/.well-known/jwks.json",
    ]) {
      expect(
        appPatterns.some((p) => matches(p, path)),
        path,
      ).toBe(false);
    }
  });
});
