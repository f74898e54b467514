import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, inject } from "vitest";
import { type LocalServer, localServer } from "../faults/server.mjs";

// A real local server of the calling file's own, for the stories the shared e2e server cannot
// host: the seeded admin turning two-step sign-in on (the other files sign it in with a password
// only), a metrics chart that only this file's traffic moves, a database quiet enough to compare
// with its backup. Started as `npm start` does (test/faults/server.mjs) on its own port and state
// directory (a copy of the run's migrated one, global-setup.ts), seeded, and killed after the
// file's tests.

const ROOT = join(import.meta.dirname, "../..");
const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");
const run = promisify(execFile);

export interface OwnServer {
  readonly base: string;
  /** The server's --persist-to directory (D1, R2, Durable Objects). */
  readonly stateDir: string;
  readonly server: LocalServer;
}

/**
 * Boots the file's own server in beforeAll (seeded with the demo data) and stops it in afterAll.
 * `vars` override .dev.vars.example; `cronTicker: false` leaves the minute cron to runCron().
 */
export function useOwnServer(options: { vars?: Record<string, string>; cronTicker?: boolean } = {}): OwnServer {
  let state: { base: string; stateDir: string; server: LocalServer } | undefined;
  beforeAll(async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "tchat-own-"));
    cpSync(await migratedTemplate(), stateDir, { recursive: true });
    const server = await startOnFreePort(stateDir, options);
    state = { base: server.base, stateDir, server };
    const seeded = await fetch(`${server.base}/api/v1/dev/seed`, { method: "POST" });
    if (!seeded.ok) throw new Error(`seeding failed: ${seeded.status} ${await seeded.text()}`);
  }, 900_000);
  afterAll(async () => {
    if (!state) return;
    await state.server.kill();
    rmSync(state.stateDir, { recursive: true, force: true });
  });
  const started = () => {
    if (!state) throw new Error("useOwnServer: the server starts in beforeAll; use it inside a test");
    return state;
  };
  return {
    get base() {
      return started().base;
    },
    get stateDir() {
      return started().stateDir;
    },
    get server() {
      return started().server;
    },
  };
}

/**
 * A started server. The port is free when chosen, but the many local runtimes of a run (servers,
 * migrations, wrangler d1 execute) bind ports of their own until wrangler dev binds it: when one
 * took it meanwhile, wrangler dev exits with "Address already in use" and another port is tried.
 */
async function startOnFreePort(
  stateDir: string,
  options: { vars?: Record<string, string>; cronTicker?: boolean },
  tries = 3,
): Promise<LocalServer> {
  const server = await localServer({ stateDir, migrated: true, ...options });
  try {
    await server.start();
    return server;
  } catch (err) {
    await server.kill();
    if (tries > 1 && /Address already in use/.test(String(err))) return startOnFreePort(stateDir, options, tries - 1);
    throw err;
  }
}

/**
 * The run's migrated empty state (global-setup.ts migrates it once at the start of the run), once
 * it is ready. The servers start on copies of it, with nothing left to migrate.
 */
export async function migratedTemplate(): Promise<string> {
  const file = inject("e2eMigratedFile");
  const deadline = Date.now() + 600_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the migrated state was not ready within 600 s (${file})`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const outcome = JSON.parse(readFileSync(file, "utf8")) as { dir?: string; error?: string };
  if (!outcome.dir) throw new Error(`the migrated state could not be made: ${outcome.error}`);
  return outcome.dir;
}

/**
 * Runs SQL on a local D1 state directory through `wrangler d1 execute` (as an operator would), one
 * result list per statement. For what no API shows or does (a consumer's bookkeeping).
 */
export async function localD1(stateDir: string, sql: string, tries = 3): Promise<Record<string, unknown>[][]> {
  try {
    const { stdout } = await run(
      WRANGLER,
      ["d1", "execute", "tchat-edge", "--local", "--persist-to", stateDir, "--json", "--command", sql],
      { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
    );
    return (JSON.parse(stdout) as { results: Record<string, unknown>[] }[]).map((r) => r.results);
  } catch (err) {
    // The running server holds a write lock for a moment (SQLITE_BUSY): ask again.
    if (tries > 1 && /SQLITE_BUSY|database is locked/.test(String((err as { stderr?: string }).stderr))) {
      return localD1(stateDir, sql, tries - 1);
    }
    throw err;
  }
}

/** Tables the backup leaves out by design (docs/runbooks/restore-from-backup.md), and SQLite's and Cloudflare's own. */
const NOT_BACKED_UP = /^(sqlite_|_cf_|d1_migrations$|backup_runs$)/;

/**
 * Each table's row count and a SHA-256 of its rows (each row as JSON, sorted, so the order rows
 * were written in does not matter), read through wrangler. FTS5 virtual tables and their shadow
 * tables are left out: the restore rebuilds them through triggers, with their own internal layout.
 * `derived` marks the tables triggers fill, found as workers/backup/plan.ts finds them: the backup
 * leaves them out and the restore's inserts rebuild them.
 */
export async function tableDigests(
  stateDir: string,
): Promise<Record<string, { rows: number; sha256: string; derived: boolean }>> {
  const [master] = await localD1(
    stateDir,
    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name",
  );
  const fts = master
    .filter((t) => t.type === "table" && /VIRTUAL TABLE .* USING fts5/i.test(String(t.sql)))
    .map((t) => String(t.name));
  const derived = new Set(
    master
      .filter((t) => t.type === "trigger")
      .flatMap((t) => [...String(t.sql).matchAll(/INSERT\s+(?:OR\s+\w+\s+)?INTO\s+[`"[]?(\w+)/gi)].map((m) => m[1])),
  );
  const tables = master
    .filter((t) => t.type === "table")
    .map((t) => String(t.name))
    .filter((name) => !NOT_BACKED_UP.test(name) && !fts.some((f) => name === f || name.startsWith(`${f}_`)));
  const results = await localD1(stateDir, tables.map((t) => `SELECT * FROM "${t}";`).join("\n"));
  return Object.fromEntries(
    tables.map((table, i) => {
      const lines = results[i].map((row) => JSON.stringify(row)).sort();
      const sha256 = createHash("sha256").update(lines.join("\n")).digest("hex");
      return [table, { rows: lines.length, sha256, derived: derived.has(table) }];
    }),
  );
}
