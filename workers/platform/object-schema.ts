import { logEvent } from "./log";

/**
 * Versioned schemas for the Durable Objects' own SQLite storage (ChatRoom, Cart, Inventory).
 *
 * Each object class lists its migrations in order: version 1, 2, 3… (no gaps). The version an
 * object has reached is kept in its own `schema_version` table; at construction every step above
 * it runs once, each in its own transaction together with the version bump, so a step that throws
 * leaves the object at the previous version with nothing half applied. To change a schema, append
 * a step with the next version; never edit a step that has shipped.
 *
 * Version 1 of each class is the schema as it stood before versioning, written idempotently
 * (`CREATE TABLE IF NOT EXISTS`), so objects created before this file start at 0 and pass it safely.
 */
export interface SchemaMigration {
  version: number;
  /** What the step does, for the log and the reader. */
  name: string;
  /** Synchronous SQL only: it runs inside a storage transaction. */
  up(sql: SqlStorage): void;
}

const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
)`;

/** The version the object's storage has reached (0: never migrated). */
export function schemaVersion(sql: SqlStorage): number {
  const table = sql
    .exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    .toArray().length;
  if (table === 0) return 0;
  return sql.exec<{ version: number }>("SELECT version FROM schema_version WHERE id = 1").toArray()[0]?.version ?? 0;
}

/**
 * Applies every migration above the stored version, in order, once. Synchronous, for callers
 * that already hold the object's input gate (a constructor's blockConcurrencyWhile, or a method
 * that has just wiped the storage). Answers the version reached.
 */
export function applyMigrations(storage: DurableObjectStorage, migrations: readonly SchemaMigration[]): number {
  checkOrder(migrations);
  const sql = storage.sql;
  let current = schemaVersion(sql);
  const latest = migrations.length;
  if (current > latest) {
    // A newer deployment migrated this object and an older one runs it now (gradual deploys):
    // steps only add, so the older code keeps working on the newer schema.
    logEvent("warn", "object_schema_newer", { version: current, known: latest });
    return current;
  }
  for (const step of migrations.slice(current)) {
    storage.transactionSync(() => {
      step.up(sql);
      sql.exec(VERSION_TABLE);
      sql.exec(
        "INSERT INTO schema_version (id, version) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET version = ?1",
        step.version,
      );
    });
    current = step.version;
  }
  return current;
}

/**
 * Migrates an object's storage before it serves anything: for the constructor. No request or
 * alarm reaches the object until the steps are done; if one throws, the runtime resets the
 * object and the next request tries again.
 */
export function migrateObject(ctx: DurableObjectState, migrations: readonly SchemaMigration[]): void {
  void ctx.blockConcurrencyWhile(async () => {
    applyMigrations(ctx.storage, migrations);
  });
}

/** Versions must be 1, 2, 3… in order: a gap or a duplicate is a programming error, caught at once. */
function checkOrder(migrations: readonly SchemaMigration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Schema migration "${m.name}" has version ${m.version}; expected ${i + 1}.`);
    }
  });
}
