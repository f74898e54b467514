import { and, desc, eq, lt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { backupRuns } from "../../d1/schema/backup";
import { nowMs } from "../platform/clock";
import {
  chainChecksum,
  EMPTY_SHA256,
  encodeLines,
  gzip,
  MANIFEST_NAME,
  type Manifest,
  partKey,
  sha256Hex,
  type TableEntry,
} from "./format";
import { type BackupPlan, migrationLevel, readPage, readPlan } from "./plan";

export interface ExportOptions {
  pageRows: number;
  pagesPerRun: number;
  leaseMs: number;
}

type RunRow = typeof backupRuns.$inferSelect;

/** `d1/2026-12-06T05-00-00Z/`: sortable, and readable in the R2 dashboard. */
export function prefixFor(startedAt: number, suffix = ""): string {
  const stamp = new Date(startedAt)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "-");
  return `d1/${stamp}${suffix}/`;
}

/**
 * Starts a run unless one is running. The id comes from the time slot (or the caller), so two
 * crons of the same minute insert one row; a run a script requested by hand (scripts/ops-backup.mjs
 * inserts a row with an empty plan) is planned by the first cron that continues it.
 */
export async function startRun(db: D1Database, id: string, startedAt: number, suffix = ""): Promise<void> {
  await drizzle(db)
    .insert(backupRuns)
    .values({
      id,
      prefix: prefixFor(startedAt, suffix),
      status: "running",
      migration: "",
      plan: "",
      progress: "",
      tableIndex: 0,
      cursor: 0,
      leaseUntil: 0,
      startedAt,
      updatedAt: startedAt,
    })
    .onConflictDoNothing();
}

export async function runningRun(db: D1Database): Promise<RunRow | undefined> {
  const [run] = await drizzle(db)
    .select()
    .from(backupRuns)
    .where(eq(backupRuns.status, "running"))
    .orderBy(backupRuns.startedAt)
    .limit(1);
  return run;
}

export async function latestRun(db: D1Database): Promise<RunRow | undefined> {
  const [run] = await drizzle(db).select().from(backupRuns).orderBy(desc(backupRuns.startedAt)).limit(1);
  return run;
}

/** Takes the run for this invocation; false when another cron holds it. */
async function claim(db: D1Database, id: string, now: number, leaseMs: number): Promise<boolean> {
  const result = await drizzle(db)
    .update(backupRuns)
    .set({ leaseUntil: now + leaseMs })
    .where(and(eq(backupRuns.id, id), eq(backupRuns.status, "running"), lt(backupRuns.leaseUntil, now)))
    .run();
  return (result.meta.changes ?? 0) > 0;
}

/**
 * Exports up to `pagesPerRun` parts of the running run and records where it stopped after each part
 * (the part's key is derived from its position, so a crash between the R2 write and the D1 update
 * writes the same object again). Writes the manifest and marks the run done after the last table.
 */
export async function continueRun(
  db: D1Database,
  bucket: R2Bucket,
  runId: string,
  options: ExportOptions,
): Promise<"done" | "partial" | "busy"> {
  const orm = drizzle(db);
  if (!(await claim(db, runId, nowMs(), options.leaseMs))) return "busy";
  let [run] = await orm.select().from(backupRuns).where(eq(backupRuns.id, runId));
  if (run.plan === "") run = await planRun(db, run);
  const plan = JSON.parse(run.plan) as BackupPlan;
  const progress = JSON.parse(run.progress) as TableEntry[];
  let { tableIndex, cursor } = run;
  for (let page = 0; page < options.pagesPerRun && tableIndex < plan.tables.length; page++) {
    const table = plan.tables[tableIndex];
    const entry = progress[tableIndex];
    const read = await readPage(db, table, cursor, options.pageRows);
    if (read.rows.length > 0) {
      const raw = encodeLines(read.rows);
      const packed = await gzip(raw);
      const key = partKey(run.prefix, table.name, entry.parts.length + 1);
      const sha256 = await sha256Hex(raw);
      await bucket.put(key, packed, { httpMetadata: { contentType: "application/x-ndjson", contentEncoding: "gzip" } });
      entry.parts.push({ key, rows: read.rows.length, sha256, bytes: packed.byteLength });
      entry.rows += read.rows.length;
      entry.sha256 = await chainChecksum(entry.sha256, sha256);
      cursor = read.cursor;
    }
    if (read.rows.length < options.pageRows) {
      tableIndex += 1;
      cursor = 0;
    }
    await orm
      .update(backupRuns)
      .set({ progress: JSON.stringify(progress), tableIndex, cursor, updatedAt: nowMs() })
      .where(eq(backupRuns.id, runId));
  }
  if (tableIndex < plan.tables.length) {
    // Released, so the next minute (or the next call of a script) goes on at once.
    await orm.update(backupRuns).set({ leaseUntil: 0 }).where(eq(backupRuns.id, runId));
    return "partial";
  }
  await finish(db, bucket, { ...run, tableIndex, cursor }, plan, progress);
  return "done";
}

async function planRun(db: D1Database, run: RunRow): Promise<RunRow> {
  const plan = await readPlan(db);
  const migration = await migrationLevel(db);
  const progress: TableEntry[] = plan.tables.map((t) => ({ name: t.name, rows: 0, sha256: EMPTY_SHA256, parts: [] }));
  const planned = { ...run, plan: JSON.stringify(plan), progress: JSON.stringify(progress), migration };
  await drizzle(db)
    .update(backupRuns)
    .set({ plan: planned.plan, progress: planned.progress, migration, tableIndex: 0, cursor: 0 })
    .where(eq(backupRuns.id, run.id));
  return planned;
}

async function finish(
  db: D1Database,
  bucket: R2Bucket,
  run: RunRow,
  plan: BackupPlan,
  tables: TableEntry[],
): Promise<void> {
  const finishedAt = nowMs();
  const manifest: Manifest = {
    format: "tchat-d1-ndjson-gzip/1",
    id: run.id,
    prefix: run.prefix,
    migration: run.migration,
    startedAt: new Date(run.startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    tables,
    derived: plan.derived,
  };
  await bucket.put(`${run.prefix}${MANIFEST_NAME}`, JSON.stringify(manifest, null, 2), {
    httpMetadata: { contentType: "application/json" },
  });
  await drizzle(db)
    .update(backupRuns)
    .set({ status: "done", finishedAt, updatedAt: finishedAt, leaseUntil: 0 })
    .where(eq(backupRuns.id, run.id));
}
