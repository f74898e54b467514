import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { runLoad } from "../../scripts/ops-load.mjs";
import { localD1, tableDigests, useOwnServer } from "./own-server";

// Backups as an operator runs them on a real local server: `npm run ops:backup` asks for one, the
// cron exports it to the local R2 bucket, `npm run ops:restore` loads it into an empty, migrated
// copy of the local database; the copy holds the same rows as the original, table by table (row
// counts and a checksum of every row). The server runs no cron of its own (the test runs it) and
// no scheduled backups or synthetic checks, so nothing writes while the database is compared.

const ROOT = join(import.meta.dirname, "../..");
const run = promisify(execFile);
const own = useOwnServer({
  cronTicker: false,
  vars: { BACKUP_INTERVAL_HOURS: "0", SYNTHETIC_CHECK_INTERVAL_MINUTES: "0", BACKUP_PAGES_PER_RUN: "200" },
});
const copy = mkdtempSync(join(tmpdir(), "tchat-restore-copy-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const npm = (script: string, ...args: string[]) =>
  run("npm", ["run", "--silent", script, "--", ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });

describe("ops:backup and ops:restore on a real local server", { timeout: 900_000 }, () => {
  it("a backup restored into an empty copy has the same row counts and checksums, table by table", async () => {
    // More than the seed: orders, payments, chat, carts, a few refused requests.
    const load = await runLoad({ base: own.base, seconds: 10, workers: 2 });
    expect(load.checkouts).toBeGreaterThan(0);
    // The cron drains what the traffic left in the outbox before the backup starts.
    await own.server.runCron();
    await own.server.runCron();

    const requested = await npm("ops:backup", "--persist-to", own.stateDir);
    const [, id, prefix] = /Requested backup (\S+) \((d1\/\S+\/)\)/.exec(requested.stdout) ?? [];
    expect(prefix, requested.stdout).toBeDefined();
    // A second request while it runs is refused, not queued behind it.
    await expect(npm("ops:backup", "--persist-to", own.stateDir)).rejects.toThrow(/already running/);

    let status = "";
    for (let tick = 0; tick < 10 && status !== "done"; tick++) {
      await own.server.runCron();
      const [[row]] = await localD1(own.stateDir, `SELECT status FROM backup_runs WHERE id = '${id}'`);
      status = String(row?.status);
    }
    expect(status).toBe("done");

    const migrated = await run(
      join(ROOT, "node_modules/.bin/wrangler"),
      ["d1", "migrations", "apply", "DB", "--local", "--persist-to", copy],
      { cwd: ROOT },
    );
    expect(migrated.stdout).toMatch(/✅|Migrations/);
    const restored = await npm(
      "ops:restore",
      "--from",
      prefix,
      "--persist-to",
      copy,
      "--from-persist-to",
      own.stateDir,
    );
    expect(restored.stdout).toMatch(/Restored \d+ tables of /);

    const original = await tableDigests(own.stateDir);
    const restoredCopy = await tableDigests(copy);
    expect(Object.keys(restoredCopy).sort()).toEqual(Object.keys(original).sort());
    expect(original.products.rows).toBeGreaterThan(100);
    expect(original.orders.rows).toBeGreaterThan(0);
    for (const table of Object.keys(original)) {
      expect({ table, ...restoredCopy[table] }).toEqual({ table, ...original[table] });
    }

    // Loading it again into the copy, which now holds rows, is refused.
    await expect(
      npm("ops:restore", "--from", prefix, "--persist-to", copy, "--from-persist-to", own.stateDir),
    ).rejects.toThrow(/not empty/);
  });
});
