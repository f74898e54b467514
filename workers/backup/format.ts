/**
 * The backup file format, shared by the export (cron), the restore (workers/backup/restore.ts) and
 * the node restore script (scripts/ops-restore.mjs implements the same rules):
 * - each part is gzip-compressed NDJSON: one JSON object per row, columns in table order, a BLOB
 *   as an array of byte values (as D1 returns it);
 * - a part's checksum is the SHA-256 (hex) of its uncompressed bytes;
 * - a table's checksum chains its parts: c0 = SHA-256(""), ci = SHA-256(c(i-1) + part i's checksum),
 *   so it can be computed one part at a time across cron runs (WebCrypto cannot resume a digest).
 */

export type Row = Record<string, unknown>;

export interface PartEntry {
  key: string;
  rows: number;
  sha256: string;
  /** Compressed size in bytes. */
  bytes: number;
}

export interface TableEntry {
  name: string;
  rows: number;
  sha256: string;
  parts: PartEntry[];
}

export interface Manifest {
  format: "tchat-d1-ndjson-gzip/1";
  id: string;
  prefix: string;
  /** The last applied migration: restore into a database migrated to exactly this level. */
  migration: string;
  startedAt: string;
  finishedAt: string;
  /** In foreign-key-safe order: a table comes after the tables it references. */
  tables: TableEntry[];
  /** Tables that triggers fill from exported ones (search index): rebuilt by the restore itself. */
  derived: string[];
}

export const MANIFEST_NAME = "manifest.json";
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const encoder = new TextEncoder();

export function encodeLines(rows: Row[]): Uint8Array {
  return encoder.encode(rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
}

export function decodeLines(bytes: Uint8Array): Row[] {
  const text = new TextDecoder().decode(bytes);
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Row);
}

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function chainChecksum(previous: string, partSha256: string): Promise<string> {
  return sha256Hex(previous + partSha256);
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export const gzip = (bytes: Uint8Array) => pipe(bytes, new CompressionStream("gzip"));
export const gunzip = (bytes: Uint8Array) => pipe(bytes, new DecompressionStream("gzip"));

export function partKey(prefix: string, table: string, part: number): string {
  return `${prefix}${table}/part-${String(part).padStart(5, "0")}.ndjson.gz`;
}

/** A value as D1 binds it: a BLOB came out as an array of bytes and goes back in as bytes. */
export function bindable(value: unknown): unknown {
  if (Array.isArray(value)) return new Uint8Array(value as number[]);
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value ?? null;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
