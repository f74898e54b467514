export { continueRun, type ExportOptions, latestRun, prefixFor, startRun } from "./export";
export { MANIFEST_NAME, type Manifest, type TableEntry } from "./format";
export { readPlan, topologicalOrder } from "./plan";
export { type RestoredTable, RestoreError, type RestoreOptions, readManifest, restoreBackup } from "./restore";
export { type BackupTick, requestBackup, runBackups } from "./schedule";

/**
 * Backups: the cron exports every D1 table to R2 (BACKUPS) as gzip-compressed NDJSON parts with a
 * manifest (row counts, checksums, migration level), a few pages per minute, resumable; the restore
 * loads one into an empty database and checks it against the manifest (scripts/ops-restore.mjs,
 * docs/runbooks/restore-from-backup.md).
 */
