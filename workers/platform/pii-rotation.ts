import { getTableName } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { logEvent } from "./log";
import { reencryptPii } from "./pii";

/**
 * Re-encrypting a table's PII columns to the newest key (workers/platform/pii.ts), a page of rows
 * at a time. Each domain names its encrypted columns (`encryptedColumns`, exported from its face);
 * the privacy domain's rotation job walks them and keeps the progress.
 */
export interface EncryptedColumns {
  table: string;
  /** A text primary key: pages are keyset on it. */
  key: string;
  columns: readonly string[];
}

export function encryptedColumns(
  table: SQLiteTable,
  key: SQLiteColumn,
  columns: readonly SQLiteColumn[],
): EncryptedColumns {
  return { table: getTableName(table), key: key.name, columns: columns.map((c) => c.name) };
}

export interface ReencryptedPage {
  /** The key of the last row read, where the next page starts (the `after` given when none was read). */
  last: string | null;
  /** Fewer rows than asked for: nothing after `last`. */
  done: boolean;
  rewritten: number;
  /** Values no key of PII_ENCRYPTION_KEYS opens: left as they are, counted, logged. */
  unreadable: number;
  /** One compare-and-set UPDATE per column, for the caller's batch (with its progress). */
  writes: D1PreparedStatement[];
}

/**
 * The rows of `target` after the key `after` (`limit` of them), each encrypted value not under the
 * newest key decrypted and encrypted again. Nothing is written here: the caller commits `writes`
 * together with its cursor. Each UPDATE only replaces a value still equal to what was read, so a
 * row changed in between (a new address, an erased one) keeps its newer value.
 */
export async function reencryptPage(
  env: Env,
  target: EncryptedColumns,
  after: string | null,
  limit: number,
): Promise<ReencryptedPage> {
  const { table, key, columns } = target;
  const { results } = await env.DB.prepare(
    `SELECT ${key} AS k, ${columns.join(", ")} FROM ${table} WHERE ${key} > ?1 ORDER BY ${key} LIMIT ?2`,
  )
    .bind(after ?? "", limit)
    .all<Record<string, string | null>>();
  const changes = new Map<string, { key: string; from: string; to: string }[]>(columns.map((c) => [c, []]));
  let unreadable = 0;
  for (const row of results) {
    for (const column of columns) {
      const stored = row[column];
      if (!stored) continue;
      try {
        const to = await reencryptPii(env, stored);
        if (to) changes.get(column)!.push({ key: row.k!, from: stored, to });
      } catch (err) {
        unreadable += 1;
        logEvent("error", "pii_unreadable", { table, key: row.k, column, error: String(err) });
      }
    }
  }
  const writes: D1PreparedStatement[] = [];
  for (const [column, list] of changes) {
    if (list.length === 0) continue;
    // The row's entry of the JSON list: its new value, and the value it must still hold.
    const entry = (field: "to" | "from") =>
      `(SELECT json_extract(j.value, '$.${field}') FROM json_each(?1) AS j WHERE json_extract(j.value, '$.key') = ${table}.${key})`;
    writes.push(
      env.DB.prepare(
        `UPDATE ${table} SET ${column} = ${entry("to")}
          WHERE ${key} IN (SELECT json_extract(value, '$.key') FROM json_each(?1))
            AND ${column} = ${entry("from")}`,
      ).bind(JSON.stringify(list)),
    );
  }
  return {
    last: results.length ? results[results.length - 1].k : after,
    done: results.length < limit,
    rewritten: [...changes.values()].reduce((n, list) => n + list.length, 0),
    unreadable,
    writes,
  };
}

/** Rows of `target` with a value not under the key `keyId`: what a rotation to it has left to do. */
export async function rowsNotOnKey(env: Env, target: EncryptedColumns, keyId: string): Promise<number> {
  const prefix = `${keyId}.`;
  const stale = target.columns.map((c) => `(${c} IS NOT NULL AND substr(${c}, 1, ?2) <> ?1)`).join(" OR ");
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${target.table} WHERE ${stale}`)
    .bind(prefix, prefix.length)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
