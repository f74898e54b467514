import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

export type Database = ReturnType<typeof drizzle<Record<string, never>, D1Database>>;

/**
 * One Drizzle instance per D1 binding, built once per isolate: it holds no per-request state (D1
 * has no interactive transactions), and building it (dialect, session) on every call showed in
 * the request path's CPU profile (docs/performance.md).
 */
const instances = new WeakMap<D1Database, Database>();

/** Drizzle over the D1 binding; each domain types its queries with its own tables. */
export function database(env: Pick<Env, "DB">): Database {
  let db = instances.get(env.DB);
  if (!db) {
    db = drizzle(env.DB);
    instances.set(env.DB, db);
  }
  return db;
}

/** Every timestamp column holds Unix epoch milliseconds, read from the platform's one clock. */
export { nowMs } from "./clock";

/**
 * `column IN (...)` for lists of any length: the values travel as one JSON parameter, so a page of
 * ids never meets D1's limit of 100 bound parameters per statement.
 */
export function inList(column: SQLiteColumn, values: readonly (string | number)[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

/** D1 reports a unique index or primary key violation (two requests racing for one row) in its message. */
export function isUniqueViolation(err: unknown): boolean {
  const text =
    err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? "")}` : String(err);
  return /UNIQUE constraint failed/i.test(text);
}
