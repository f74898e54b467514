#!/usr/bin/env node
// npm run ops:backup -- [--env local|staging|production]
//
// Asks for a D1 backup now: inserts a run with an empty plan into backup_runs through wrangler; the
// next minute's cron plans it and exports it a few pages per minute (workers/backup). Locally the
// cron runs under `npm start`; progress: `wrangler d1 execute ... "SELECT id, status FROM backup_runs"`.
import { execFileSync } from "node:child_process";

const FLAGS = {
  local: ["--local"],
  staging: ["--remote", "--env", "staging"],
  production: ["--remote", "--env", "production"],
};
const DATABASES = { local: "tchat-edge", staging: "tchat-edge-staging", production: "tchat-edge-production" };

const argv = process.argv.slice(2);
const envIndex = argv.indexOf("--env");
const env = envIndex >= 0 ? argv[envIndex + 1] : "local";
if (!FLAGS[env]) {
  console.error("ops:backup: --env must be local, staging or production");
  process.exit(1);
}
const now = Date.now();
const stamp = new Date(now)
  .toISOString()
  .replace(/\.\d{3}Z$/, "Z")
  .replaceAll(":", "-");
const id = `bk_manual_${now}`;
// Only when no run is going on: one export at a time.
const sql = `INSERT INTO backup_runs (id, prefix, status, migration, plan, progress, table_index, cursor, lease_until, started_at, updated_at)
SELECT '${id}', 'd1/${stamp}-manual/', 'running', '', '', '', 0, 0, 0, ${now}, ${now}
WHERE NOT EXISTS (SELECT 1 FROM backup_runs WHERE status = 'running')`;
execFileSync("npx", ["wrangler", "d1", "execute", DATABASES[env], ...FLAGS[env], "--command", sql], {
  stdio: "inherit",
});
console.log(`Requested backup ${id} (d1/${stamp}-manual/); the cron exports it from the next minute.`);
console.log(
  `Progress: npx wrangler d1 execute ${DATABASES[env]} ${FLAGS[env].join(" ")} --command "SELECT id, status, table_index FROM backup_runs ORDER BY started_at DESC LIMIT 3"`,
);
