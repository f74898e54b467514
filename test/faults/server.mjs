// The real local server, as `npm start` runs it (wrangler dev with --test-scheduled and the cron
// ticker), on its own port and state directory, in its own process group so that one SIGKILL takes
// down wrangler and workerd together, mid-write, as a crash would.
import { execFile, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildWeb } from "../../scripts/build-web.mjs";
import { readCrons, startCronTicker } from "../../scripts/cron-ticker.mjs";
import { ROOT } from "../../scripts/dev-vars.mjs";

const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** wrangler's d1_migrations table, as `wrangler d1 migrations apply` creates it. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "d1_migrations"(
\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,
\t\tname       TEXT UNIQUE,
\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`;

/**
 * Migrates an empty state directory with the SQL `wrangler d1 migrations apply --local` runs (each
 * migration file in order, then its row in d1_migrations), sent as one `wrangler d1 execute --file`
 * batch. The apply command starts a local runtime per migration: about 60 s of CPU for the 42 of
 * them, where one batch takes 6 s. The database is the same (every table, trigger and row; only
 * d1_migrations.applied_at and workerd's own _cf_METADATA differ), and `npm start`'s apply on it
 * finds nothing left to do.
 * Not spawnSync: that would stop the calling test worker's event loop (its timers, Vitest's
 * messages) for as long as migrating takes.
 */
export async function migrateEmptyState(stateDir) {
  const dir = join(ROOT, "d1/migrations");
  const names = readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .sort();
  const applies = names.map(
    (name) =>
      `${readFileSync(join(dir, name), "utf8")}\nINSERT INTO "d1_migrations" (name)\nvalues ('${name.replace(/'/g, "''")}');`,
  );
  // Outside the state directory: a copy of it must hold nothing but the server's state.
  const scratch = mkdtempSync(join(tmpdir(), "tchat-migrations-"));
  const file = join(scratch, "all.sql");
  writeFileSync(file, [MIGRATIONS_TABLE, ...applies].join("\n"));
  try {
    await promisify(execFile)(WRANGLER, ["d1", "execute", "DB", "--local", "--persist-to", stateDir, "--file", file], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((err) => {
      throw new Error(`migrations failed:\n${err.stdout}\n${err.stderr}`);
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * One server on `stateDir`, started and SIGKILLed as often as asked. `vars` override variables
 * (wrangler dev --var). Output goes to `${stateDir}/server.log`. `cronTicker: false` leaves the
 * minute cron off: the caller runs it with runCron() when it wants (a quiet database).
 * `migrated: true` says `stateDir` is a copy of a migrated one (own-server.ts); otherwise it is
 * empty and migrated here.
 */
export async function localServer({ stateDir, vars = {}, cronTicker = true, migrated = false }) {
  const log = createWriteStream(join(stateDir, "server.log"), { flags: "a" });
  const crons = readCrons(readFileSync(join(ROOT, "wrangler.toml"), "utf8"));
  await buildWeb();
  if (!migrated) await migrateEmptyState(stateDir);
  // Chosen after migrating: a port is free only until wrangler dev binds it, and every local
  // runtime started meanwhile (a migration starts one each) binds ports of its own.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  let child;
  let ticker;
  let starts = 0;

  async function start() {
    starts += 1;
    log.write(`\n===== start ${starts} at ${new Date().toISOString()}\n`);
    child = spawn(
      WRANGLER,
      [
        "dev",
        "--ip",
        "127.0.0.1",
        "--port",
        String(port),
        "--persist-to",
        stateDir,
        "--test-scheduled",
        // Any free port for the inspector: by default every wrangler dev takes 9229 when it looks
        // free, and two starting at once both do, the second exiting with "Address already in use".
        "--inspector-port",
        "0",
        "--show-interactive-dev-session=false",
        "--log-level",
        "warn",
        "--env-file",
        join(ROOT, ".dev.vars.example"),
        ...Object.entries({ ACCESS_LOG: "false", ...vars }).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    // The start's last output, for the error when wrangler dev exits before serving.
    let output = "";
    const keep = (d) => (output = (output + d).slice(-1500));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const closed = new Promise((resolve) => child.once("close", resolve));
    const started = Date.now();
    for (;;) {
      try {
        if ((await fetch(`${base}/health`)).ok) break;
      } catch {
        // not up yet
      }
      if (child.exitCode !== null) {
        // Its last lines carry the reason ("Address already in use" for a port taken since).
        await Promise.race([closed, sleep(2_000)]);
        throw new Error(`wrangler dev exited (${child.exitCode}); see ${stateDir}/server.log, which ends:\n${output}`);
      }
      if (Date.now() - started > 180_000) throw new Error(`wrangler dev did not start; see ${stateDir}/server.log`);
      await sleep(200);
    }
    // The cron, as `npm start` runs it: once now (catching up after a crash), then every minute.
    if (cronTicker) ticker = startCronTicker({ base, crons, onError: () => {} });
    return Date.now() - started;
  }

  /** SIGKILL to the whole process group: no shutdown hook runs, in-memory queues are lost. */
  async function kill() {
    ticker?.stop();
    const pid = child.pid;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
    while (child.exitCode === null && child.signalCode === null) await sleep(20);
    // Every process of the group gone (workerd included) before the next start takes the port.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(-pid, 0);
      } catch {
        return;
      }
      await sleep(50);
    }
  }

  /** Runs the Worker's scheduled handler now (what the minute cron does). */
  async function runCron() {
    await Promise.all(
      crons.map((cron) => fetch(`${base}/__scheduled?cron=${encodeURIComponent(cron)}`).then((r) => r.text())),
    );
  }

  return {
    base,
    start,
    kill,
    runCron,
    get starts() {
      return starts;
    },
  };
}
