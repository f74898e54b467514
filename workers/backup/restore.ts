import {
  bindable,
  chainChecksum,
  decodeLines,
  EMPTY_SHA256,
  gunzip,
  MANIFEST_NAME,
  type Manifest,
  quoteIdent,
  sha256Hex,
} from "./format";
import { migrationLevel } from "./plan";

export interface RestoreOptions {
  /** Restore into a database that already holds rows (they stay; conflicting rows fail the restore). */
  force?: boolean;
}

export interface RestoredTable {
  name: string;
  rows: number;
  sha256: string;
}

/** Why a restore refused to start or stopped: a sentence for the operator. */
export class RestoreError extends Error {}

export async function readManifest(bucket: R2Bucket, prefix: string): Promise<Manifest> {
  const object = await bucket.get(`${withSlash(prefix)}${MANIFEST_NAME}`);
  if (!object) throw new RestoreError(`No manifest at ${withSlash(prefix)}${MANIFEST_NAME}: is the backup finished?`);
  return (await object.json()) as Manifest;
}

const withSlash = (prefix: string) => (prefix.endsWith("/") ? prefix : `${prefix}/`);

/**
 * Loads a backup into `db` table by table in the manifest's (foreign-key-safe) order. Every part's
 * checksum is checked before its rows are written, every table's chained checksum and row count
 * after: the restore stops at the first difference. The target must be migrated to the backup's
 * migration level and be empty (unless `force`); triggers rebuild the derived tables (search index).
 */
export async function restoreBackup(
  bucket: R2Bucket,
  prefix: string,
  db: D1Database,
  options: RestoreOptions = {},
): Promise<RestoredTable[]> {
  const manifest = await readManifest(bucket, prefix);
  const level = await migrationLevel(db);
  if (level !== manifest.migration && !options.force) {
    throw new RestoreError(
      `The backup was taken at migration "${manifest.migration}" but the target is at "${level}": migrate the target to that level first.`,
    );
  }
  if (!options.force) {
    for (const table of manifest.tables) {
      const row = await db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`).first<{ n: number }>();
      if ((row?.n ?? 0) > 0)
        throw new RestoreError(`The target is not empty (${table.name} has rows): restore into an empty database.`);
    }
  }
  const restored: RestoredTable[] = [];
  for (const table of manifest.tables) {
    let chain = EMPTY_SHA256;
    for (const part of table.parts) {
      const object = await bucket.get(part.key);
      if (!object) throw new RestoreError(`Part ${part.key} is missing from the bucket.`);
      const raw = await gunzip(new Uint8Array(await object.arrayBuffer()));
      const sha256 = await sha256Hex(raw);
      if (sha256 !== part.sha256) throw new RestoreError(`Part ${part.key} does not match its checksum.`);
      chain = await chainChecksum(chain, sha256);
      await insertRows(db, table.name, decodeLines(raw));
    }
    const count = await db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`).first<{ n: number }>();
    if (chain !== table.sha256) throw new RestoreError(`Table ${table.name} does not match its checksum.`);
    if (!options.force && count?.n !== table.rows) {
      throw new RestoreError(`Table ${table.name} has ${count?.n} rows after the restore, the backup ${table.rows}.`);
    }
    restored.push({ name: table.name, rows: count?.n ?? 0, sha256: chain });
  }
  return restored;
}

/** One D1 batch (one transaction) per part: a part is all in or all out. */
async function insertRows(db: D1Database, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const statements = rows.map((row) => {
    const columns = Object.keys(row);
    const sql = `INSERT INTO ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
    return db.prepare(sql).bind(...columns.map((c) => bindable(row[c])));
  });
  await db.batch(statements);
}
