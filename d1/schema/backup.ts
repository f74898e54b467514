import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Backups of D1 to R2 (workers/backup, docs/runbooks/restore-from-backup.md). One row per run: the
 * minute cron exports a few pages per run and stores where it stopped here, so a database too big
 * for one invocation is exported across many without ever holding more than a page in memory.
 * This table itself is not exported (it changes while the export runs).
 */
export const backupRuns = sqliteTable(
  "backup_runs",
  {
    /** Derived from the schedule slot, so two overlapping crons start the same run, not two. */
    id: text("id").primaryKey(),
    /** R2 key prefix of the run's files, e.g. "d1/2026-12-06T05-00-00Z/". */
    prefix: text("prefix").notNull(),
    status: text("status", { enum: ["running", "done", "failed"] }).notNull(),
    /** The last applied migration (d1_migrations.name) when the run started. */
    migration: text("migration").notNull(),
    /** JSON: the tables to export, in foreign-key-safe order, and the trigger-derived ones left out. */
    plan: text("plan").notNull(),
    /** JSON: per exported table its parts, rows and running checksum. */
    progress: text("progress").notNull(),
    tableIndex: integer("table_index").notNull(),
    /** The last rowid exported from the current table (or the offset, for a WITHOUT ROWID table). */
    cursor: integer("cursor").notNull(),
    error: text("error"),
    /** A cron working on this run holds it until then; another one leaves it alone meanwhile. */
    leaseUntil: integer("lease_until").notNull(),
    startedAt: integer("started_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    finishedAt: integer("finished_at"),
  },
  (t) => [index("backup_runs_started").on(t.startedAt)],
);
