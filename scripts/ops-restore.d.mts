// Types of ops-restore.mjs for the TypeScript test that imports it (test/ops/restore-script.static.test.ts).
export const EMPTY_SHA256: string;
export function sha256Hex(data: string | Uint8Array): string;
export function chainChecksum(previous: string, part: string): string;
export interface RestoreArgs {
  from: string;
  env: "local" | "staging" | "production";
  database: string;
  bucket: string;
  force: boolean;
  /** wrangler's flags for the target database (--local/--remote, --env, --persist-to). */
  flags: string[];
  /** wrangler's flags for the bucket holding the backup. */
  bucketFlags: string[];
}
export function parseArgs(argv: string[]): RestoreArgs;
export function sqlLiteral(value: unknown): string;
export function insertSql(table: string, rows: Record<string, unknown>[]): string;
export function parseLines(buffer: Buffer): Record<string, unknown>[];
