#!/usr/bin/env node
// npm run ops:backup -- [--env local|staging|production] [--persist-to DIR]
//
// Asks for a D1 backup now: inserts a run with an empty plan into backup_runs through wrangler; the
// next minute's cron plans it and exports it a few pages per minute (workers/backup). Locally the
// cron runs under `npm start`; progress: `wrangler d1 execute ... "SELECT id, status FROM backup_runs"`.
// --persist-to (local only): the state directory of a server started with `--persist-to DIR`.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./dev-vars.mjs";

// The project's wrangler, run directly: npx would start one more Node process per call.
const wrangler = join(ROOT, "node_modules/.bin/wrangler");

const FLAGS = {
  local: ["--local"],
  staging: ["--remote", "--env", "staging"],
  production: ["--remote", "--env", "production"],
};
const DATABASES = { local: "tchat-edge", staging: "tchat-edge-staging", production: "tchat-edge-production" };

const argv = process.argv.slice(2);
const flagValue = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const env = flagValue("--env") ?? "local";
const persistTo = flagValue("--persist-to");
if (!FLAGS[env]) {
  console.error("ops:backup: --env must be local, staging or production");
  process.exit(1);
}
if (persistTo !== undefined && (env !== "local" || persistTo.startsWith("--"))) {
  console.error("ops:backup: --persist-to takes a directory, and only with --env local");
  process.exit(1);
}
const flags = [...FLAGS[env], ...(persistTo ? ["--persist-to", persistTo] : [])];
const now = Date.now();
const stamp = new Date(now)
  .toISOString()
  .replace(/\.\d{3}Z$/, "Z")
  .replaceAll(":", "-");
const id = `bk_manual_${now}`;
// Only when no run is going on: one export at a time.
const sql = `INSERT INTO backup_runs (id, prefix, status, migration, plan, progress, table_index, cursor, lease_until, started_at, updated_at)
SELECT '${id}', 'd1/${stamp}-manual/', 'running', '', '', '', 0, 0, 0, ${now}, ${now}
WHERE NOT EXISTS (SELECT 1 FROM backup_runs WHERE status = 'running') RETURNING id`;
const out = execFileSync(wrangler, ["d1", "execute", DATABASES[env], ...flags, "--json", "--command", sql], {
  cwd: ROOT,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
// RETURNING names the run when it was inserted (wrangler's local answers carry no change count).
const requested = JSON.parse(out)[0]?.results?.length === 1;
if (!requested) {
  console.error("ops:backup: a backup is already running; wait for it (see the progress query below) and ask again.");
} else {
  console.log(`Requested backup ${id} (d1/${stamp}-manual/); the cron exports it from the next minute.`);
}
console.log(
  `Progress: npx wrangler d1 execute ${DATABASES[env]} ${flags.join(" ")} --command "SELECT id, status, table_index FROM backup_runs ORDER BY started_at DESC LIMIT 3"`,
);
if (!requested) process.exit(1);
