import { applyD1Migrations, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  continueRun,
  type Manifest,
  RestoreError,
  readManifest,
  readPlan,
  restoreBackup,
  runBackups,
  startRun,
  topologicalOrder,
} from "../../workers/backup";
import { readConfig } from "../../workers/platform/config";
import { register } from "../support/accounts";
import { useFreshStorage } from "../support/fresh-storage";
import { expectJson, post } from "../support/http";

useFreshStorage();

/** Small pages, so every table of any size spans several parts and several calls (as cron minutes do). */
const SMALL = { pageRows: 100, pagesPerRun: 4, leaseMs: 60_000 };

async function backUp(db: D1Database, id: string, startedAt: number): Promise<{ manifest: Manifest; calls: number }> {
  await startRun(db, id, startedAt, `-${id}`);
  let calls = 0;
  for (;;) {
    calls += 1;
    const outcome = await continueRun(db, env.BACKUPS, id, SMALL);
    if (outcome === "done") break;
    expect(outcome).toBe("partial");
    expect(calls).toBeLessThan(500);
  }
  const row = await db.prepare("SELECT prefix FROM backup_runs WHERE id = ?").bind(id).first<{ prefix: string }>();
  return { manifest: await readManifest(env.BACKUPS, row?.prefix ?? ""), calls };
}

const count = async (db: D1Database, table: string) =>
  (await db.prepare(`SELECT count(*) AS n FROM "${table}"`).first<{ n: number }>())?.n;

describe("D1 backup to R2 and restore", () => {
  it("a backup restored into an empty database gives the same row counts and checksums", async () => {
    // Demo data (shops, products, the search index their triggers fill) and a few accounts.
    await expectJson(await post("/api/v1/dev/seed", {}), 200);
    await Promise.all([register(), register(), register()]);

    // Started long ago, so the cron test below finds a run due.
    const source = await backUp(env.DB, "bk_test_source", Date.UTC(2020, 0, 1, 5, 0, 0));
    const { manifest } = source;
    expect(source.calls).toBeGreaterThan(1);
    expect(manifest.format).toBe("tchat-d1-ndjson-gzip/1");
    expect(manifest.migration).not.toBe("");
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    expect(byName.get("users")?.rows).toBe(await count(env.DB, "users"));
    expect(byName.get("products")?.rows).toBe(await count(env.DB, "products"));
    expect(byName.get("products")?.parts.length).toBeGreaterThan(1);
    expect(byName.has("backup_runs")).toBe(false);
    // Parents before children: every table comes after the tables its foreign keys reference.
    const names = manifest.tables.map((t) => t.name);
    const { results } = await env.DB.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all<{
      name: string;
      sql: string | null;
    }>();
    for (const { name, sql } of results.filter((r) => names.includes(r.name))) {
      for (const [, parent] of (sql ?? "").matchAll(/REFERENCES\s+[`"]?(\w+)/gi)) {
        if (parent === name || !names.includes(parent)) continue;
        expect(names.indexOf(parent), `${parent} before ${name}`).toBeLessThan(names.indexOf(name));
      }
    }
    expect(manifest.derived).toContain("search_filters");
    for (const table of manifest.tables) {
      expect(table.rows).toBe(table.parts.reduce((sum, p) => sum + p.rows, 0));
      expect(table.sha256).toMatch(/^[0-9a-f]{64}$/);
    }

    await applyD1Migrations(env.RESTORE_TEST_DB, env.TEST_MIGRATIONS);
    const restored = await restoreBackup(env.BACKUPS, manifest.prefix, env.RESTORE_TEST_DB);
    expect(restored.map((t) => [t.name, t.rows, t.sha256])).toEqual(
      manifest.tables.map((t) => [t.name, t.rows, t.sha256]),
    );
    // The search index was rebuilt by its triggers from the restored documents.
    expect(await count(env.RESTORE_TEST_DB, "search_filters")).toBe(await count(env.DB, "search_filters"));
    expect(await count(env.RESTORE_TEST_DB, "search_completions")).toBe(await count(env.DB, "search_completions"));

    // Backing the copy up gives the very same tables, rows and checksums.
    const copy = await backUp(env.RESTORE_TEST_DB, "bk_test_copy", Date.UTC(2020, 0, 1, 6, 0, 0));
    expect(copy.manifest.prefix).not.toBe(manifest.prefix);
    expect(copy.manifest.tables.map((t) => [t.name, t.rows, t.sha256])).toEqual(
      manifest.tables.map((t) => [t.name, t.rows, t.sha256]),
    );

    // A database that holds rows is refused.
    await expect(restoreBackup(env.BACKUPS, manifest.prefix, env.RESTORE_TEST_DB)).rejects.toThrow(/not empty/);

    // A part changed in the bucket is detected before any of its rows is written.
    const first = manifest.tables.find((t) => t.parts.length > 0);
    const part = first?.parts[0];
    if (!part) throw new Error("the backup has no parts");
    const stream = new Blob(['{"tampered":true}\n']).stream().pipeThrough(new CompressionStream("gzip"));
    await env.BACKUPS.put(part.key, await new Response(stream).arrayBuffer());
    const tampered = restoreBackup(env.BACKUPS, manifest.prefix, env.RESTORE_TEST_DB, { force: true });
    await expect(tampered).rejects.toThrow(RestoreError);
    await expect(tampered).rejects.toThrow(/does not match its checksum/);
  }, 240_000);

  it("the cron starts one run per interval and goes on with it across minutes", async () => {
    const config = { ...readConfig(env).backup, pageRows: 1000, pagesPerRun: 1 };
    const first = await runBackups(env, config);
    expect(first.started).toMatch(/^bk_\d+$/);
    expect(first.outcome).toBe("partial");
    const second = await runBackups(env, config);
    expect(second.started).toBeUndefined();
    expect(second.continued).toBe(first.started);
    let tick = second;
    for (let i = 0; i < 500 && tick.outcome !== "done"; i++) tick = await runBackups(env, config);
    expect(tick.outcome).toBe("done");
    // Finished, and not due again before the interval: nothing to do.
    expect(await runBackups(env, config)).toEqual({});
  });

  it("orders tables parents first, whatever their names", () => {
    const refs = new Map([
      ["a_lines", ["z_orders", "m_products"]],
      ["m_products", ["z_shops"]],
      ["z_orders", ["z_shops"]],
      ["z_shops", []],
    ]);
    expect(topologicalOrder(refs)).toEqual(["z_shops", "m_products", "z_orders", "a_lines"]);
  });

  it("leaves out SQLite's own tables, the bookkeeping and the derived search tables", async () => {
    const plan = await readPlan(env.DB);
    const names = plan.tables.map((t) => t.name);
    for (const left of ["d1_migrations", "backup_runs", "search_fts", "search_fts_data", "search_terms"]) {
      expect(names).not.toContain(left);
    }
    expect(names).toContain("search_docs");
  });
});
