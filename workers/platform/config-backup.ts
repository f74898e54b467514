import { z } from "zod";

/**
 * The backup and synthetic-check part of config.ts (kept apart so that file stays readable):
 * how often the cron exports D1 to R2 and in what page sizes (workers/backup), and how often it
 * runs the synthetic checks (workers/synthetics). docs/runbooks/restore-from-backup.md explains them.
 */
export interface BackupConfig {
  /** A new export starts when the last one started this long ago (ms). 0 = scheduled backups off. */
  intervalMs: number;
  /** Rows per NDJSON part (one D1 query, one R2 object). */
  pageRows: number;
  /** Parts one cron invocation exports before it leaves the rest to the next minute. */
  pagesPerRun: number;
  /** A cron holds a run this long; a crashed one's run is taken over after it. */
  leaseMs: number;
  /** Synthetic checks run this often (ms). 0 = off. */
  syntheticIntervalMs: number;
  /** Synthetic results older than this are deleted (ms). */
  syntheticKeptMs: number;
  /** The synthetic account's phone for the OTP sign-in check (only where DEV_OUTBOX is on). */
  syntheticPhone: string;
}

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback).describe(`an integer from ${min} to ${max}`);

export const BACKUP_VARS = {
  BACKUP_INTERVAL_HOURS: int(24, 0, 168),
  BACKUP_PAGE_ROWS: int(500, 10, 5000),
  BACKUP_PAGES_PER_RUN: int(20, 1, 200),
  BACKUP_LEASE_SECONDS: int(120, 30, 900),
  SYNTHETIC_CHECK_INTERVAL_MINUTES: int(5, 0, 1440),
  SYNTHETIC_RESULTS_KEPT_DAYS: int(7, 1, 90),
  SYNTHETIC_SIGNIN_PHONE: z
    .string()
    .regex(/^\+[1-9]\d{7,14}$/)
    .default("+66800000099")
    .describe("a phone number in E.164 form, e.g. +66800000099"),
};

type Parsed = { [K in keyof typeof BACKUP_VARS]: z.output<(typeof BACKUP_VARS)[K]> };

export function backupConfig(raw: Parsed): BackupConfig {
  return {
    intervalMs: raw.BACKUP_INTERVAL_HOURS * 3_600_000,
    pageRows: raw.BACKUP_PAGE_ROWS,
    pagesPerRun: raw.BACKUP_PAGES_PER_RUN,
    leaseMs: raw.BACKUP_LEASE_SECONDS * 1000,
    syntheticIntervalMs: raw.SYNTHETIC_CHECK_INTERVAL_MINUTES * 60_000,
    syntheticKeptMs: raw.SYNTHETIC_RESULTS_KEPT_DAYS * 86_400_000,
    syntheticPhone: raw.SYNTHETIC_SIGNIN_PHONE,
  };
}
