#!/usr/bin/env node
// Source files over MAX_LINES lines (seed data aside). Prints the offenders, longest first.
// Reporting mode by default (exit 0); `--strict` exits 1 when there is any, for CI.
// Functions over 80 lines are Biome's `complexity/noExcessiveLinesPerFunction` (biome.json).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./dev-vars.mjs";

const MAX_LINES = 400;
const FOLDERS = ["workers", "durable-objects", "schemas", "d1/schema", "scripts", "web/src"];
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Seed data is data, not logic: the files under workers/<domain>/seed-data/ and any seed*.ts. */
function isSeedData(path) {
  return /^workers\/[^/]+\/seed-data\//.test(path) || /(^|\/)seed[^/]*\.ts$/.test(path);
}

/** Generated, not written: the web app's API types (scripts/api-types.mjs, gitignored). */
const GENERATED = new Set(["web/src/api/schema.d.ts"]);

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name)) yield relative(ROOT, path).split("\\").join("/");
  }
}

function lineCount(path) {
  const text = readFileSync(join(ROOT, path), "utf8");
  if (text.length === 0) return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

const offenders = FOLDERS.flatMap((folder) => [...sourceFiles(join(ROOT, folder))])
  .filter((path) => !isSeedData(path) && !GENERATED.has(path))
  .map((path) => ({ path, lines: lineCount(path) }))
  .filter((file) => file.lines > MAX_LINES)
  .sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path));

const strict = process.argv.includes("--strict");
if (offenders.length === 0) {
  console.log(`check-size: no source file over ${MAX_LINES} lines.`);
} else {
  console.log(`check-size: ${offenders.length} source file(s) over ${MAX_LINES} lines (seed data excepted):`);
  for (const { path, lines } of offenders) console.log(`  ${String(lines).padStart(5)}  ${path}`);
  if (!strict) console.log("Reporting only; `node scripts/check-size.mjs --strict` fails on these.");
}
process.exit(strict && offenders.length > 0 ? 1 : 0);
