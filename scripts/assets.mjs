import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROOT } from "./dev-vars.mjs";

/**
 * The /docs page loads the API-reference UI from our own static assets (no CDN is reachable
 * from every network). Copied from node_modules on install and before every start/deploy.
 */
export function prepareAssets() {
  const source = join(ROOT, "node_modules/@scalar/api-reference/dist/browser/standalone.js");
  const target = join(ROOT, "web/vendor/scalar-api-reference.js");
  if (existsSync(target) && statSync(target).size === statSync(source).size) return;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
}

if (import.meta.url === `file://${process.argv[1]}`) prepareAssets();
