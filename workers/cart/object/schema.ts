import type { FreshSchema, SchemaMigration } from "../../platform/object-schema";

/**
 * The Cart object's SQLite schema, as numbered steps (workers/platform/object-schema.ts runs them
 * in order, once, at construction and after a wipe). To change it, append a step with the next
 * version; never edit a step that has shipped.
 */
export const CART_MIGRATIONS: readonly SchemaMigration[] = [
  {
    version: 1,
    name: "cart tables (the schema before versioning)",
    up(sql) {
      // The first sketch of this class had a `lines` table and no method that wrote to it.
      sql.exec("DROP TABLE IF EXISTS lines");
      sql.exec(`CREATE TABLE IF NOT EXISTS cart_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        currency TEXT,
        updated_at INTEGER,
        expires_at INTEGER
      )`);
      // variant_id is '' for a product without variants, so UNIQUE holds (NULLs would all differ).
      sql.exec(`CREATE TABLE IF NOT EXISTS cart_lines (
        id TEXT PRIMARY KEY,
        product_id TEXT NOT NULL,
        variant_id TEXT NOT NULL DEFAULT '',
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price INTEGER NOT NULL,
        name TEXT NOT NULL,
        added_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (product_id, variant_id)
      )`);
    },
  },
  {
    version: 2,
    name: "checkout hand-offs",
    up(sql) {
      // Lines handed to a checkout, by checkout id, until they become orders or come back (handoffs.ts).
      sql.exec(`CREATE TABLE IF NOT EXISTS cart_handoffs (
        checkout_id TEXT PRIMARY KEY,
        key_scope TEXT NOT NULL,
        idem_key TEXT NOT NULL,
        lines TEXT NOT NULL,
        currency TEXT NOT NULL,
        taken_at INTEGER NOT NULL,
        check_at INTEGER NOT NULL,
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        holds_released INTEGER NOT NULL DEFAULT 0
      )`);
    },
  },
];

/**
 * What the steps above build, as one `exec` for a new Cart (every new guest's first add creates
 * one): keep it equal to them (test/cart/object.test.ts compares the two).
 */
export const CART_SCHEMA: FreshSchema = {
  sql: `CREATE TABLE cart_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    currency TEXT,
    updated_at INTEGER,
    expires_at INTEGER
  );
  CREATE TABLE cart_lines (
    id TEXT PRIMARY KEY,
    product_id TEXT NOT NULL,
    variant_id TEXT NOT NULL DEFAULT '',
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price INTEGER NOT NULL,
    name TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (product_id, variant_id)
  );
  CREATE TABLE cart_handoffs (
    checkout_id TEXT PRIMARY KEY,
    key_scope TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    lines TEXT NOT NULL,
    currency TEXT NOT NULL,
    taken_at INTEGER NOT NULL,
    check_at INTEGER NOT NULL,
    state TEXT NOT NULL,
    version INTEGER NOT NULL,
    holds_released INTEGER NOT NULL DEFAULT 0
  )`,
};
