// `npm start`: apply D1 migrations locally, build the web app (scripts/build-web.mjs), serve API + web app with wrangler dev on
// http://127.0.0.1:8787 (state kept in .wrangler/state between runs), seed demo data once, and
// run the cron triggers of wrangler.toml on their schedule (scripts/cron-ticker.mjs).
// PORT and HOST choose the address; extra arguments go to `wrangler dev` (`--persist-to DIR`
// is honoured by the migrations too).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildWeb } from "./build-web.mjs";
import { readCrons, startCronTicker } from "./cron-ticker.mjs";
import { ROOT } from "./dev-vars.mjs";

const HOST = process.env.HOST ?? "127.0.0.1";
const PORT = process.env.PORT ?? "8787";
const base = `http://${HOST}:${PORT}`;
const wrangler = join(ROOT, "node_modules/.bin/wrangler");
const envFiles = ["--env-file", join(ROOT, ".dev.vars.example")];
const extraArgs = process.argv.slice(2);
const persistAt = extraArgs.indexOf("--persist-to");
const persist = persistAt >= 0 ? ["--persist-to", extraArgs[persistAt + 1]] : [];
if (existsSync(join(ROOT, ".dev.vars"))) envFiles.push("--env-file", join(ROOT, ".dev.vars"));

await buildWeb();

console.log("› applying D1 migrations (local)");
const migrate = spawnSync(wrangler, ["d1", "migrations", "apply", "DB", "--local", ...persist], {
  cwd: ROOT,
  stdio: "inherit",
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

console.log(`› starting the Worker on ${base}`);
const dev = spawn(
  wrangler,
  [
    "dev",
    "--ip",
    HOST,
    "--port",
    PORT,
    "--show-interactive-dev-session=false",
    // Exposes /__scheduled, which the cron ticker below calls.
    "--test-scheduled",
    ...envFiles,
    ...extraArgs,
  ],
  { cwd: ROOT, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

if (await waitForHealth()) {
  const res = await fetch(`${base}/api/v1/dev/seed`, { method: "POST" });
  const summary = await res.json().catch(() => ({}));
  if (!res.ok) console.error("› seeding failed", res.status, summary);
  else console.log("› seed:", JSON.stringify(summary));
  console.log(`\n  Tchat Edge is running: API ${base}/api/v1 · docs ${base}/docs · web app ${base}/\n`);
  startCrons();
} else {
  console.error(`› the Worker did not answer ${base}/health in time`);
}

/** Runs wrangler.toml's crons every minute, as Cloudflare does in production; says so once per outage. */
function startCrons() {
  const crons = readCrons(readFileSync(join(ROOT, "wrangler.toml"), "utf8"));
  let failing = false;
  const ticker = startCronTicker({
    base,
    crons,
    onRun: () => {
      failing = false;
    },
    onError: (err) => {
      if (!failing) console.error(`› cron run failed (retried every minute): ${err.message ?? err}`);
      failing = true;
    },
  });
  ticker.started.then(() => console.log(`› crons ${crons.map((c) => `"${c}"`).join(", ")} run every matching minute`));
  dev.on("exit", () => ticker.stop());
}
