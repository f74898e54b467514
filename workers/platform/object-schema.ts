import { logEvent } from "./log";

/**
 * Versioned schemas for the Durable Objects' own SQLite storage (ChatRoom, Cart, Inventory).
 *
 * Each object class lists its migrations in order: version 1, 2, 3… (no gaps). The version an
 * object has reached is kept in its own `schema_version` table; at construction every step above
 * it runs once, each in its own transaction together with the version bump, so a step that throws
 * leaves the object at the previous version with nothing of the step applied. To change a schema,
 * append a step with the next version; never edit a step that has shipped.
 *
 * Version 1 of each class is the schema as it stood before versioning, written idempotently
 * (`CREATE TABLE IF NOT EXISTS`), so objects created before this file start at 0 and pass it safely.
 */
export interface SchemaMigration {
  version: number;
  /** What the step does, for the log and the reader. */
  name: string;
  /**
   * Asynchronous work the step needs first (encrypting rows into a new table, say), outside the
   * transaction but still before the object serves anything. It must be safe to run again: if
   * it or `up` fails, the version stays and the next construction repeats both.
   */
  before?(sql: SqlStorage): Promise<void>;
  /** Synchronous SQL only: it runs inside a storage transaction with the version bump. */
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
 * Migrates an object's storage before it serves anything: for the constructor. No request or
 * alarm reaches the object until the steps are done; if one throws, the runtime resets the
 * object and the next request tries again.
 */
export function migrateObject(ctx: DurableObjectState, migrations: readonly SchemaMigration[]): void {
  void ctx.blockConcurrencyWhile(() => migrateInOrder(ctx.storage, migrations));
}

/**
 * The schema a class's steps build, written out whole: for a new object (no table at all yet),
 * `prepareObject` runs it as ONE `exec` with the version row, in one transaction, instead of every
 * step. It must build exactly what the steps build (a test per class compares the two).
 */
export interface FreshSchema {
  /** The CREATE statements of the current schema, as one multi-statement string. */
  sql: string;
}

/**
 * Migrates synchronously, in the constructor, a class whose steps have no `before` work (the
 * Cart): a new object gets `fresh` in one exec; an existing one runs the steps above its version,
 * as `applyMigrations`. The constructor runs before the object serves anything, so no input gate
 * is needed, and the check happens once per instance, never per call.
 */
export function prepareObject(
  storage: DurableObjectStorage,
  migrations: readonly SchemaMigration[],
  fresh: FreshSchema,
): void {
  const tables = storage.sql
    .exec<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'",
    )
    .toArray();
  if (tables.some((t) => t.name === "schema_version")) {
    const stored = storage.sql
      .exec<{ version: number }>("SELECT version FROM schema_version WHERE id = 1")
      .toArray()[0];
    if (stored?.version === migrations.length) return;
  }
  if (tables.length > 0) {
    applyMigrations(storage, migrations);
    return;
  }
  storage.transactionSync(() => {
    storage.sql.exec(
      `${fresh.sql};\n${VERSION_TABLE};\nINSERT INTO schema_version (id, version) VALUES (1, ${migrations.length})`,
    );
  });
}

/** Every step above the stored version, in order, once (their `before` work awaited first). */
export async function migrateInOrder(
  storage: DurableObjectStorage,
  migrations: readonly SchemaMigration[],
): Promise<number> {
  let current = pendingFrom(storage.sql, migrations);
  for (const step of migrations.slice(current)) {
    await step.before?.(storage.sql);
    current = commitStep(storage, step);
  }
  return Math.max(current, schemaVersion(storage.sql));
}

/**
 * The same, synchronously, for a caller that holds the object's input gate already (a method that
 * has just wiped the storage). Steps with `before` work need migrateInOrder. Answers the version.
 */
export function applyMigrations(storage: DurableObjectStorage, migrations: readonly SchemaMigration[]): number {
  let current = pendingFrom(storage.sql, migrations);
  for (const step of migrations.slice(current)) {
    if (step.before) throw new Error(`Schema migration "${step.name}" has asynchronous work: use migrateInOrder.`);
    current = commitStep(storage, step);
  }
  return Math.max(current, schemaVersion(storage.sql));
}

/** The stored version, once the list is known to be in order (steps from here on are pending). */
function pendingFrom(sql: SqlStorage, migrations: readonly SchemaMigration[]): number {
  migrations.forEach((m, i) => {
    // A gap or a duplicate is a programming error, caught at once.
    if (m.version !== i + 1) {
      throw new Error(`Schema migration "${m.name}" has version ${m.version}; expected ${i + 1}.`);
    }
  });
  const current = schemaVersion(sql);
  if (current > migrations.length) {
    // A newer deployment migrated this object and an older one runs it now (gradual deploys):
    // steps only add, so the older code keeps working on the newer schema.
    logEvent("warn", "object_schema_newer", { version: current, known: migrations.length });
  }
  return current;
}

/** One step and its version bump, in one transaction. */
function commitStep(storage: DurableObjectStorage, step: SchemaMigration): number {
  const sql = storage.sql;
  storage.transactionSync(() => {
    step.up(sql);
    sql.exec(VERSION_TABLE);
    sql.exec(
      "INSERT INTO schema_version (id, version) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET version = ?1",
      step.version,
    );
  });
  return step.version;
}
