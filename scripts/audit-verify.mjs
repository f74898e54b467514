// `npm run ops:audit-verify -- [--env local|staging|production] [--persist-to DIR]`: reads the audit log's hash chain
// straight from D1 (wrangler d1 execute: no admin token needed, wrangler's own login is) and checks
// every sealed row, as GET /api/v1/admin/audit-events/verify does. Exit code 1 when it is broken.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { verifyRows } from "./audit-chain.mjs";
import { ROOT } from "./dev-vars.mjs";

const args = process.argv.slice(2);
const envIndex = args.indexOf("--env");
const target = envIndex >= 0 ? args[envIndex + 1] : "local";
const persistAt = args.indexOf("--persist-to");
const persist = persistAt >= 0 ? ["--persist-to", args[persistAt + 1]] : [];
const where = target === "local" ? ["--local", ...persist] : ["--remote", "--env", target];
const wrangler = join(ROOT, "node_modules/.bin/wrangler");
const PAGE = 1000;

function query(sql) {
  const result = spawnSync(wrangler, ["d1", "execute", "DB", ...where, "--json", "--command", sql], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr || result.stdout);
    process.exit(2);
  }
  return JSON.parse(result.stdout)[0].results;
}

let state;
let lastSeq = 0;
let broken = null;
for (;;) {
  const rows = query(
    `SELECT id, type, user_id, actor_id, session_id, ip_hash, data, created_at, seq, prev_hash, hash FROM audit_events WHERE seq > ${lastSeq} ORDER BY seq LIMIT ${PAGE}`,
  );
  state = verifyRows(rows, state);
  if (state.broken) {
    broken = state.broken;
    break;
  }
  if (rows.length < PAGE) break;
  lastSeq = rows[rows.length - 1].seq;
}
const [{ n: unsealed }] = query("SELECT COUNT(*) AS n FROM audit_events WHERE hash IS NULL");
const report = { env: target, valid: broken === null, checked: state.checked, firstBrokenId: broken, unsealed };
console.log(JSON.stringify(report, null, 2));
if (broken) {
  console.error(`✗ the audit log is broken at ${broken}: that row was edited, or the row before it deleted.`);
  process.exit(1);
}
console.log(
  `✓ ${state.checked} audit rows verified${unsealed ? ` (${unsealed} not sealed yet: the cron seals them)` : ""}.`,
);
