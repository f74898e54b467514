import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { runLoad } from "../../scripts/ops-load.mjs";
import { localD1, migratedTemplate, tableDigests, useOwnServer } from "./own-server";

// Backups as an operator runs them on a real local server: `npm run ops:backup` asks for one, the
// cron exports it to the local R2 bucket, `npm run ops:restore` loads it into an empty, migrated
// copy of the local database; the copy holds the same rows as the original, table by table (row
// counts and a checksum of every row). The server runs no cron of its own (the test runs it), no
// scheduled backups or synthetic checks, and keeps no local copy of its metrics (the cron's own
// data points would land in metric_points after the export), so nothing writes while the
// database is exported and compared.

const ROOT = join(import.meta.dirname, "../..");
const run = promisify(execFile);
const own = useOwnServer({
  cronTicker: false,
  vars: {
    BACKUP_INTERVAL_HOURS: "0",
    SYNTHETIC_CHECK_INTERVAL_MINUTES: "0",
    BACKUP_PAGES_PER_RUN: "200",
    METRICS_LOCAL_SINK: "false",
  },
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

    // The empty copy, migrated as an operator migrates a new database (`wrangler d1 migrations
    // apply`, done once for the run by global-setup.ts); the restore checks its level.
    cpSync(await migratedTemplate(), copy, { recursive: true });
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
    // catalog_versions (the read cache's versions: the time of the last write to each product) is
    // filled by triggers, not exported: the restore's inserts write it again with the restore's
    // time, so no version is older than before. Every other table, derived or not, is the same.
    expect(original.catalog_versions.derived).toBe(true);
    // Every differing table at once, rather than the first.
    const differing = Object.keys(original)
      .filter((t) => t !== "catalog_versions" && JSON.stringify(restoredCopy[t]) !== JSON.stringify(original[t]))
      .map((table) => ({ table, original: original[table], copy: restoredCopy[table] }));
    expect(differing).toEqual([]);
    const versions = async (stateDir: string) =>
      new Map(
        (await localD1(stateDir, "SELECT key, value FROM catalog_versions"))[0].map((r) => [r.key, Number(r.value)]),
      );
    const [before, after] = [await versions(own.stateDir), await versions(copy)];
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...before].filter(([key, value]) => (after.get(key) ?? 0) < value)).toEqual([]);

    // Loading it again into the copy, which now holds rows, is refused.
    await expect(
      npm("ops:restore", "--from", prefix, "--persist-to", copy, "--from-persist-to", own.stateDir),
    ).rejects.toThrow(/not empty/);
  });
});
