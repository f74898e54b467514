import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateEmptyState } from "../faults/server.mjs";

const ROOT = join(import.meta.dirname, "../..");
const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Written once the server is up and seeded ({ ok: true }) or failed to start ({ error }); see ready.ts. */
    e2eReadyFile: string;
    /** The server's D1 state (--persist-to), for the rare test that must write a row no API writes (granting admin). */
    e2eState: string;
    /**
     * Written once an empty state directory is migrated ({ dir }) or could not be ({ error }):
     * own-server.ts copies it rather than migrating again (see migrateEmptyState in setup()).
     */
    e2eMigratedFile: string;
  }
}

/**
 * A free port, held (listened on) until `release` is called right before wrangler dev binds it:
 * the minutes of migrating start local runtimes that bind ports of their own, which could take a
 * port merely chosen, and wrangler dev would then exit with "Address already in use".
 */
function holdPort(): Promise<{ port: number; release: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (typeof address !== "object" || !address) return reject(new Error("no port"));
      resolve({ port: address.port, release: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** Starts `wrangler dev` on a migrated state the way `npm start` does, waits for /health and seeds. */
async function boot(
  state: string,
  { port, release }: { port: number; release: () => Promise<void> },
  started: (server: ChildProcess) => void,
): Promise<void> {
  const baseUrl = `http://127.0.0.1:${port}`;
  await release();

  const server: ChildProcess = spawn(
    WRANGLER,
    [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      state,
      "--env-file",
      join(ROOT, ".dev.vars.example"),
      // Quiet per-request log unless asked for (ACCESS_LOG=true npx vitest run --project e2e).
      "--var",
      `ACCESS_LOG:${process.env.ACCESS_LOG === "true" ? "true" : "false"}`,
      // Any free inspector port: two servers starting at once (this and an own-server.ts one)
      // would both take the default 9229, and the second would exit.
      "--inspector-port",
      "0",
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  started(server);
  let output = "";
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));

  // Generous: the server boots while the workers project keeps both cores busy.
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (server.exitCode !== null || Date.now() > deadline) {
      throw new Error(`wrangler dev did not start:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const seeded = await fetch(`${baseUrl}/api/v1/dev/seed`, { method: "POST" });
  if (!seeded.ok) throw new Error(`seeding failed: ${seeded.status} ${await seeded.text()}`);
}

/**
 * Starts a real local server on a free port with throwaway state, and seeds it, in the
 * background: setup returns at once so the server boots while the other projects' tests run.
 * The e2e files wait for it in ready.ts (their setup file) before their first request.
 */
export default async function setup(project: TestProject) {
  const state = mkdtempSync(join(tmpdir(), "tchat-e2e-"));
  // Outside the wrangler state directory, which the server owns.
  const signals = mkdtempSync(join(tmpdir(), "tchat-e2e-ready-"));
  const readyFile = join(signals, "ready.json");
  const migratedFile = join(signals, "migrated.json");
  const template = mkdtempSync(join(tmpdir(), "tchat-e2e-migrated-"));
  const held = await holdPort();
  const { port } = held;
  let server: ChildProcess | undefined;

  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  project.provide("e2eReadyFile", readyFile);
  project.provide("e2eState", state);
  project.provide("e2eMigratedFile", migratedFile);
  // Written whole, then renamed: ready.ts and own-server.ts never read a half-written file.
  const signal = (file: string, outcome: object) => {
    writeFileSync(`${file}.tmp`, JSON.stringify(outcome));
    renameSync(`${file}.tmp`, file);
  };
  const reason = (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) });
  // Migrated once (in one batch, test/faults/server.mjs): the servers of a run (this one and
  // own-server.ts's) start from copies of it instead of each migrating its own.
  const booting = migrateEmptyState(template)
    .then(
      () => signal(migratedFile, { dir: template }),
      (e: unknown) => {
        signal(migratedFile, reason(e));
        throw e;
      },
    )
    .then(() => {
      // The template stays as migrated (no server ever opens it): copies of it do.
      cpSync(template, state, { recursive: true });
      return boot(state, held, (s) => (server = s));
    })
    .then(
      () => signal(readyFile, { ok: true }),
      (e: unknown) => signal(readyFile, reason(e)),
    );

  return async () => {
    await booting;
    await held.release(); // when the boot stopped before releasing it
    try {
      if (server?.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
    rmSync(state, { recursive: true, force: true });
    rmSync(template, { recursive: true, force: true });
    rmSync(signals, { recursive: true, force: true });
  };
}
