import { quoteIdent } from "./format";

/**
 * What a backup exports: every table of the database except SQLite's and D1's own, the backup
 * bookkeeping, virtual (FTS5) tables with their shadow tables, and tables that triggers fill from
 * other tables (the search index: the restore rebuilds them by inserting the tables they derive
 * from). Ordered so that a table comes after every table it references (foreign keys).
 */
export interface BackupPlan {
  tables: { name: string; withoutRowid: boolean }[];
  derived: string[];
}

/** Bookkeeping that changes while the export runs: never exported, never restored. */
const NOT_EXPORTED = new Set(["backup_runs", "d1_migrations"]);

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

export async function readPlan(db: D1Database): Promise<BackupPlan> {
  const { results } = await db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('table', 'trigger') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
    )
    .all<MasterRow>();
  const virtual = results
    .filter((r) => r.type === "table" && /^CREATE VIRTUAL TABLE/i.test(r.sql ?? ""))
    .map((r) => r.name);
  const derived = new Set<string>();
  for (const trigger of results.filter((r) => r.type === "trigger")) {
    for (const m of (trigger.sql ?? "").matchAll(/INSERT\s+(?:OR\s+\w+\s+)?INTO\s+[`"[]?(\w+)/gi)) derived.add(m[1]);
  }
  const tables = results.filter(
    (r) =>
      r.type === "table" &&
      !NOT_EXPORTED.has(r.name) &&
      !virtual.includes(r.name) &&
      !virtual.some((v) => r.name.startsWith(`${v}_`)) &&
      !derived.has(r.name),
  );
  const references = new Map(
    tables.map((t) => [
      t.name,
      [...(t.sql ?? "").matchAll(/REFERENCES\s+[`"[]?(\w+)/gi)].map((m) => m[1]).filter((n) => n !== t.name),
    ]),
  );
  return {
    tables: topologicalOrder(references).map((name) => ({
      name,
      withoutRowid: /WITHOUT\s+ROWID\s*;?\s*$/i.test(tables.find((t) => t.name === name)?.sql ?? ""),
    })),
    derived: [...derived].filter((d) => !virtual.includes(d)).sort(),
  };
}

/** Parents before children; ties (and any cycle's members) alphabetically, so the order is stable. */
export function topologicalOrder(references: Map<string, string[]>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const pending = [...references.keys()].sort();
  while (pending.length > 0) {
    const next =
      pending.find((name) => (references.get(name) ?? []).every((p) => placed.has(p) || !references.has(p))) ??
      pending[0];
    order.push(next);
    placed.add(next);
    pending.splice(pending.indexOf(next), 1);
  }
  return order;
}

/** The name of the last applied migration ("" on a database never migrated by wrangler). */
export async function migrationLevel(db: D1Database): Promise<string> {
  try {
    const row = await db.prepare("SELECT name FROM d1_migrations ORDER BY id DESC LIMIT 1").first<{ name: string }>();
    return row?.name ?? "";
  } catch {
    return "";
  }
}

/** One page of a table in a stable order: by rowid (keyset) or, without a rowid, by every column (offset). */
export async function readPage(
  db: D1Database,
  table: { name: string; withoutRowid: boolean },
  cursor: number,
  limit: number,
): Promise<{ rows: Record<string, unknown>[]; cursor: number }> {
  const name = quoteIdent(table.name);
  if (table.withoutRowid) {
    const { results: columns } = await db
      .prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid")
      .bind(table.name)
      .all<{ name: string }>();
    const order = columns.map((c) => quoteIdent(c.name)).join(", ");
    const { results } = await db
      .prepare(`SELECT * FROM ${name} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .bind(limit, cursor)
      .all<Record<string, unknown>>();
    return { rows: results, cursor: cursor + results.length };
  }
  const { results } = await db
    .prepare(`SELECT rowid AS "__backup_rowid", * FROM ${name} WHERE rowid > ? ORDER BY rowid LIMIT ?`)
    .bind(cursor, limit)
    .all<Record<string, unknown>>();
  let last = cursor;
  const rows = results.map(({ __backup_rowid, ...row }) => {
    last = Number(__backup_rowid);
    return row;
  });
  return { rows, cursor: last };
}
