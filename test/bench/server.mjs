// Serves the Worker for the benchmark through Miniflare (workerd) directly, without the
// `wrangler dev` proxy in front of it:
//
//   1. bundle exactly what `wrangler deploy` would upload (`wrangler deploy --dry-run --outdir`),
//   2. turn wrangler.toml into Miniflare worker options (wrangler's unstable_getMiniflareWorkerOptions)
//      and add the development variables and secrets from .dev.vars.example (+ .dev.vars), with the
//      production values of METRICS_LOCAL_SINK and ACCESS_LOG over them (benchVars, BENCH_VARS),
//   3. start Miniflare on 127.0.0.1 and a free port with its state in a fresh temp directory,
//   4. apply the D1 migrations from d1/migrations in order.
//
// Next to the app, the same Miniflare serves the ceiling: a plain Worker with no framework, no
// bindings and no middleware (CEILING_SCRIPT), reached through the same entry socket as the app but
// on its own host name (CEILING_HOST, matched by a Miniflare route). Every scenario is reported as a
// fraction of its req/s, the one figure that carries from one machine (or load) to the next. A third
// Worker does one platform primitive per request (a D1 read, a Durable Object write, …) against the
// app's own D1 database and R2 bucket, on its own host name (primitives.mjs): the ceilings of what
// the platform itself can do for a request here.
//
// `stop()` disposes Miniflare and removes the temp directory. Nothing leaves the loopback interface:
// wrangler's update check and telemetry are switched off, and Miniflare's `cf` object is not fetched.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { convertV4MiniflareOptions, Log, LogLevel, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from "wrangler";
import { localVars } from "../../scripts/dev-vars.mjs";
import { preparePrimitives, primitivesWorker } from "./primitives.mjs";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CONFIG_PATH = join(ROOT, "wrangler.toml");
const MIGRATIONS_DIR = join(ROOT, "d1/migrations");
// wrangler's CLI itself, not bin/wrangler.js, which re-spawns it (a signal would stop only the wrapper).
const WRANGLER_CLI = join(ROOT, "node_modules/wrangler/wrangler-dist/cli.js");

/** The host name whose requests Miniflare routes to the ceiling Worker (send it as the Host header). */
export const CEILING_HOST = "ceiling.bench.local";
/** The ceiling: the least a Worker can do to answer a request with a small JSON body. */
const CEILING_SCRIPT = `export default {
  fetch() {
    return new Response('{"status":"ok"}', { headers: { "content-type": "application/json" } });
  },
};`;

/**
 * Variables the bench sets over the development values: those production runs with (the local
 * metrics sink off, no per-request log line), so the bench measures what production does.
 * BENCH_VARS overrides or adds any, e.g. BENCH_VARS="METRICS_LOCAL_SINK=true,ACCESS_LOG=true".
 */
export const BENCH_VAR_DEFAULTS = { METRICS_LOCAL_SINK: "false", ACCESS_LOG: "false" };

/** The bench's variables: BENCH_VAR_DEFAULTS, then BENCH_VARS ("NAME=value,NAME=value"). */
export function benchVars(raw = process.env.BENCH_VARS ?? "") {
  const vars = { ...BENCH_VAR_DEFAULTS };
  for (const pair of raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(pair);
    if (!match) throw new Error(`BENCH_VARS: "${pair}" is not NAME=value (separate pairs with commas)`);
    vars[match[1]] = match[2];
  }
  return vars;
}

/** Runs a command, collecting its output; rejects with that output if it fails. */
function run(command, args, options, children) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    child.exited = new Promise((done) => child.on("close", done)).finally(() => children.delete(child));
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${options.label} failed (${signal ?? code}):\n${output.slice(-4000)}`)),
    );
  });
}

/** Bundles the Worker the way `wrangler deploy` does; returns the path of the bundled module. */
async function bundleWorker(outdir, children) {
  await run(
    process.execPath,
    ["--no-warnings", WRANGLER_CLI, "deploy", "--dry-run", "--outdir", outdir, "--env", ""],
    {
      label: "wrangler deploy --dry-run",
      cwd: ROOT,
      env: {
        ...process.env,
        WRANGLER_HIDE_BANNER: "true", // also skips the npm-registry update check
        WRANGLER_SEND_METRICS: "false",
        WRANGLER_LOG: "warn",
        FORCE_COLOR: "0",
      },
    },
    children,
  );
  const extra = readdirSync(outdir).filter((f) => !["index.js", "index.js.map", "README.md"].includes(f));
  if (extra.length > 0) throw new Error(`the bundle has modules this bench does not load: ${extra.join(", ")}`);
  return join(outdir, "index.js");
}

/** Applies d1/migrations/*.sql in order and records them in d1_migrations, as wrangler does. */
async function applyMigrations(mf) {
  const db = await mf.getD1Database("DB");
  await db
    .prepare(
      `CREATE TABLE IF NOT EXISTS d1_migrations(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT UNIQUE,
        applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
      )`,
    )
    .run();
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  for (const file of files) {
    const statements = unstable_splitSqlQuery(readFileSync(join(MIGRATIONS_DIR, file), "utf8"))
      .map((s) => s.trim())
      .filter(Boolean);
    await db.batch([
      ...statements.map((s) => db.prepare(s)),
      db.prepare("INSERT INTO d1_migrations (name) VALUES (?)").bind(file),
    ]);
  }
  return files;
}

/**
 * A handle on the benchmark server: `start()` resolves to { baseUrl, migrations } once the Worker
 * answers; `stop()` (idempotent, safe at any moment, also during start) disposes Miniflare and
 * removes the temp directory. `workerLogs` counts the Worker's console output by level; info lines
 * (the access log) are counted, not printed, since printing a line per request would be measured too.
 */
export function createServer({ host = "127.0.0.1", port = 0, quiet = false, inspectorPort, vars = benchVars() } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), "tchat-bench-"));
  const children = new Set();
  const workerLogs = { debug: 0, info: 0, log: 0, warn: 0, error: 0, printed: 0 };
  let mf;
  let stopping;

  // Safety net for exits that skip stop(): Miniflare's own SIGINT/SIGTERM hook kills workerd and
  // calls process.exit() at once, before any asynchronous cleanup could finish.
  const onExit = () => {
    for (const child of children) child.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  };
  process.on("exit", onExit);

  const stop = () => {
    stopping ??= (async () => {
      const exits = [...children].map((child) => {
        child.kill("SIGTERM");
        return child.exited;
      });
      const grace = new Promise((r) => setTimeout(r, 5_000).unref());
      await Promise.race([Promise.all(exits), grace]);
      try {
        await mf?.dispose();
      } finally {
        rmSync(tmp, { recursive: true, force: true });
        process.removeListener("exit", onExit);
      }
    })();
    return stopping;
  };
  const checkpoint = () => {
    if (stopping) throw new Error("stopped while starting");
  };

  const MAX_PRINTED = 20;
  const handleStructuredLogs = ({ level, message }) => {
    workerLogs[level] = (workerLogs[level] ?? 0) + 1;
    if ((level === "warn" || level === "error") && !quiet && workerLogs.printed < MAX_PRINTED) {
      workerLogs.printed++;
      console.error(`  [worker ${level}] ${message.slice(0, 500)}`);
      if (workerLogs.printed === MAX_PRINTED) console.error("  [worker] further warnings/errors are only counted");
    }
  };

  const start = async () => {
    try {
      const bundleDir = join(tmp, "bundle");
      const scriptPath = await bundleWorker(bundleDir, children);
      checkpoint();

      // modulesRules only matter for unbundled sources; the bundle is the only module.
      const { workerOptions, externalWorkers } = unstable_getMiniflareWorkerOptions(CONFIG_PATH);
      const { modulesRules: _unused, ...options } = workerOptions;
      if (externalWorkers.length > 0) throw new Error("wrangler.toml needs external workers; not supported here");

      mf = new Miniflare(
        convertV4MiniflareOptions({
          host,
          port,
          cf: false, // otherwise Miniflare downloads a Request.cf sample from workers.cloudflare.com
          telemetry: { enabled: false },
          log: new Log(LogLevel.WARN),
          logRequests: false,
          handleStructuredLogs,
          resourcePersistencePath: join(tmp, "state"),
          resourceTmpPath: join(tmp, "runtime"),
          // For scripts/bench-profile.mjs: V8's inspector on workerd (Profiler.start/stop).
          ...(inspectorPort !== undefined ? { inspectorPort } : {}),
          workers: [
            {
              ...options,
              name: "tchat-edge",
              modulesRoot: bundleDir,
              modules: [{ type: "ESModule", path: scriptPath }],
              // wrangler.toml's [vars] are production values; development uses .dev.vars.example,
              // and the bench puts production's metrics sink and access log over it (benchVars).
              bindings: { ...options.bindings, ...localVars(), ...vars },
            },
            {
              name: "ceiling",
              modules: true,
              script: CEILING_SCRIPT,
              compatibilityDate: options.compatibilityDate,
              compatibilityFlags: options.compatibilityFlags,
              routes: [`${CEILING_HOST}/*`],
            },
            primitivesWorker(options),
          ],
        }),
      );
      const url = await mf.ready;
      checkpoint();
      const migrations = await applyMigrations(mf);
      checkpoint();
      await preparePrimitives(mf);
      checkpoint();
      return { baseUrl: url.origin, migrations };
    } catch (err) {
      await stop().catch(() => {});
      throw err;
    }
  };

  return {
    start,
    stop,
    workerLogs,
    stateDir: tmp,
    get mf() {
      return mf;
    },
  };
}
