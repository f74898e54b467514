// `npm run web:budgets`: measures what the web app costs a phone on first load and prints it.
// The storefront's JavaScript budget (issue 14): at most 150 KB gzip for the first load of home.
// Measured on the production build, so the numbers are what users download; exit 1 over budget.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWeb, firstLoadScripts } from "./build-web.mjs";
import { ROOT } from "./dev-vars.mjs";

const BUDGET_KB = 150;

await buildWeb();
let total = 0;
for (const script of firstLoadScripts()) {
  const gzip = gzipSync(readFileSync(script.path), { level: 9 }).byteLength;
  total += gzip;
  console.log(
    `  ${relative(ROOT, script.path)}  ${(script.bytes / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`,
  );
}
const kb = total / 1024;
const verdict = kb <= BUDGET_KB ? "within" : "OVER";
console.log(`First-load JavaScript of home: ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB: ${verdict})`);
if (kb > BUDGET_KB) process.exit(1);
