import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

const ROOT = join(import.meta.dirname, "../..");
const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Written once the server is up and seeded ({ ok: true }) or failed to start ({ error }); see ready.ts. */
    e2eReadyFile: string;
    /** The server's D1 state (--persist-to), for the rare test that must write a row no API writes (granting admin). */
    e2eState: string;
  }
}

function freePort(): Promise<number> {
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

/** Runs a command to its end without blocking Vitest's event loop (the workers tests run meanwhile). */
function run(command: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (e) => resolve({ status: null, output: `${output}\n${e.message}` }));
    child.on("close", (status) => resolve({ status, output }));
  });
}

/** Migrates, starts `wrangler dev` the way `npm start` does, waits for /health and seeds. */
async function boot(state: string, port: number, started: (server: ChildProcess) => void): Promise<void> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const migrate = await run(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.output}`);

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
  const port = await freePort();
  let server: ChildProcess | undefined;

  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  project.provide("e2eReadyFile", readyFile);
  project.provide("e2eState", state);
  // Written whole, then renamed: ready.ts never reads a half-written file.
  const signal = (outcome: { ok: true } | { error: string }) => {
    writeFileSync(`${readyFile}.tmp`, JSON.stringify(outcome));
    renameSync(`${readyFile}.tmp`, readyFile);
  };
  const booting = boot(state, port, (s) => (server = s)).then(
    () => signal({ ok: true }),
    (e: unknown) => signal({ error: e instanceof Error ? e.message : String(e) }),
  );

  return async () => {
    await booting;
    try {
      if (server?.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
    rmSync(state, { recursive: true, force: true });
    rmSync(signals, { recursive: true, force: true });
  };
}
