// Builds the web app (web/: Vite + TypeScript + Preact) into dist/web, which wrangler.toml serves
// as the Worker's static assets. Run by postinstall, `npm start`, `npm run deploy` and the tests
// (vitest.config.ts); it skips the build when nothing it depends on changed since the last one.
// `--force` builds anyway.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { generateApiTypes } from "./api-types.mjs";
import { ROOT } from "./dev-vars.mjs";

export const WEB_SOURCE = join(ROOT, "web");
export const WEB_DIST = join(ROOT, "dist/web");
const STAMP = join(WEB_DIST, ".build-hash");
/** The API's security headers, which the app's pages and files carry too (webHeaders). */
const SECURITY_HEADERS = join(ROOT, "workers/middleware/security-headers.json");
/** The /docs page loads the API-reference UI from our own assets (no CDN is reachable from every network). */
const SCALAR = join(ROOT, "node_modules/@scalar/api-reference/dist/browser/standalone.js");

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** A digest of everything the output depends on: the app's sources, the lockfile and this script. */
function sourceDigest() {
  const hash = createHash("sha256");
  const inputs = [
    ...files(WEB_SOURCE),
    join(ROOT, "package-lock.json"),
    join(ROOT, "scripts/build-web.mjs"),
    SECURITY_HEADERS,
  ];
  for (const path of inputs) {
    if (path.endsWith("schema.d.ts")) continue; // generated from openapi.json, which is hashed
    hash.update(relative(ROOT, path));
    hash.update(readFileSync(path));
  }
  return hash.digest("hex");
}

/**
 * The entry stylesheet (2 KB gzip) goes inline into index.html: a separate file would block the
 * first paint for one more round trip on a slow phone. Route chunks keep their own CSS files.
 */
const inlineEntryCss = {
  name: "tchat-inline-entry-css",
  transformIndexHtml: {
    order: "post",
    handler(html, ctx) {
      return html.replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g, (tag, file) => {
        const asset = ctx.bundle?.[file];
        return asset?.type === "asset" ? `<style>${String(asset.source)}</style>` : tag;
      });
    },
  },
};

export async function buildWeb({ force = false, quiet = true } = {}) {
  const digest = sourceDigest();
  // The types are cheap and needed by `tsc` even when the bundle is current (they are gitignored).
  await generateApiTypes();
  if (!force && existsSync(STAMP) && readFileSync(STAMP, "utf8") === digest) return false;
  const { build } = await import("vite");
  const { default: preact } = await import("@preact/preset-vite");
  await build({
    root: WEB_SOURCE,
    configFile: false,
    logLevel: quiet ? "warn" : "info",
    plugins: [preact(), inlineEntryCss],
    build: { outDir: WEB_DIST, emptyOutDir: true, target: "es2022", sourcemap: false },
  });
  mkdirSync(join(WEB_DIST, "vendor"), { recursive: true });
  copyFileSync(SCALAR, join(WEB_DIST, "vendor/scalar-api-reference.js"));
  writeFileSync(join(WEB_DIST, "_headers"), webHeaders());
  writeFileSync(STAMP, digest);
  return true;
}

/**
 * dist/web/_headers: the static-assets server's custom headers (never served itself). Pages and
 * files are answered without the Worker, so without it they would carry no security headers: a
 * wallet page could be framed by another site (clickjacking). Same list as the API's, with the
 * page directives of the JSON over its Content-Security-Policy.
 */
export function webHeaders() {
  const policy = JSON.parse(readFileSync(SECURITY_HEADERS, "utf8"));
  const directives = { ...policy.contentSecurityPolicy, ...policy.pageDirectives };
  delete directives.$comment;
  const csp = Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join("; ");
  const lines = [`Content-Security-Policy: ${csp}`, ...Object.entries(policy.headers).map(([k, v]) => `${k}: ${v}`)];
  return `# Written by scripts/build-web.mjs from workers/middleware/security-headers.json.\n/*\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
}

/** The JavaScript files (and their sizes) dist/web/index.html loads: the first load of any page. */
export function firstLoadScripts() {
  const html = readFileSync(join(WEB_DIST, "index.html"), "utf8");
  const srcs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)];
  return [...new Set(srcs.map((m) => m[1]))].map((src) => {
    const path = join(WEB_DIST, src.replace(/^\//, ""));
    return { src, path, bytes: statSync(path).size };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildWeb({ force: process.argv.includes("--force"), quiet: false });
  console.log(built ? `› web app built into ${relative(ROOT, WEB_DIST)}` : "› web app up to date");
}
