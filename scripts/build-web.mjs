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
  const inputs = [...files(WEB_SOURCE), join(ROOT, "package-lock.json"), join(ROOT, "scripts/build-web.mjs")];
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
  writeFileSync(STAMP, digest);
  return true;
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
