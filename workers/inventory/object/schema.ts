import type { SchemaMigration } from "../../platform/object-schema";

/**
 * The Inventory object's SQLite schema, as numbered steps (workers/platform/object-schema.ts runs
 * them in order, once, at construction). To change it, append a step with the next version; never
 * edit a step that has shipped. `defaultSku` (the object's name) seeds the meta row.
 */
export function inventoryMigrations(defaultSku: string): readonly SchemaMigration[] {
  return [
    {
      version: 1,
      name: "inventory tables (the schema before versioning)",
      up(sql) {
        sql.exec(`CREATE TABLE IF NOT EXISTS inv_meta (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          sku TEXT NOT NULL,
          shard INTEGER NOT NULL DEFAULT 0,
          shards INTEGER NOT NULL DEFAULT 1,
          on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
          held INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0),
          sold INTEGER NOT NULL DEFAULT 0 CHECK (sold >= 0),
          received INTEGER NOT NULL DEFAULT 0,
          low_threshold INTEGER,
          low_armed INTEGER NOT NULL DEFAULT 1,
          alarm_at INTEGER
        )`);
        sql.exec(`CREATE TABLE IF NOT EXISTS inv_holds (
          id TEXT PRIMARY KEY,
          quantity INTEGER NOT NULL CHECK (quantity >= 0),
          requested INTEGER NOT NULL CHECK (requested > 0),
          status TEXT NOT NULL CHECK (status IN ('held', 'committed', 'released', 'expired')),
          expires_at INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        )`);
        sql.exec("CREATE INDEX IF NOT EXISTS inv_holds_live ON inv_holds (expires_at) WHERE status = 'held'");
        sql.exec("CREATE INDEX IF NOT EXISTS inv_holds_closed ON inv_holds (updated_at) WHERE status <> 'held'");
        sql.exec(`CREATE TABLE IF NOT EXISTS inv_adjustments (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          requested INTEGER NOT NULL,
          delta INTEGER NOT NULL,
          at INTEGER NOT NULL
        )`);
        sql.exec("CREATE INDEX IF NOT EXISTS inv_adjustments_at ON inv_adjustments (at)");
        sql.exec(`CREATE TABLE IF NOT EXISTS inv_events (
          id TEXT PRIMARY KEY,
          type TEXT NOT NULL,
          envelope TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER,
          sent_at INTEGER,
          last_error TEXT
        )`);
        sql.exec("CREATE INDEX IF NOT EXISTS inv_events_due ON inv_events (next_attempt_at) WHERE sent_at IS NULL");
        sql.exec("CREATE INDEX IF NOT EXISTS inv_events_sent ON inv_events (sent_at) WHERE sent_at IS NOT NULL");
        sql.exec("INSERT OR IGNORE INTO inv_meta (id, sku) VALUES (1, ?)", defaultSku);

        // The first sketch of the class kept on-hand in a `stock` table and never held anything: carry
        // its count over once.
        const legacy = sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'stock'").toArray();
        if (legacy.length > 0) {
          const onHand = sql.exec<{ on_hand: number }>("SELECT on_hand FROM stock LIMIT 1").toArray()[0]?.on_hand ?? 0;
          sql.exec("UPDATE inv_meta SET on_hand = ?1, received = ?1 WHERE id = 1 AND received = 0", onHand);
          sql.exec("DROP TABLE stock");
          sql.exec("DROP TABLE IF EXISTS reservations");
        }
      },
    },
    {
      version: 2,
      name: "flash-sale units on holds, sale quotas and units sold at sale price",
      up(sql) {
        // A hold may take some of its units at a flash sale's price: which sale, how many, for whom.
        sql.exec("ALTER TABLE inv_holds ADD COLUMN sale_id TEXT");
        sql.exec("ALTER TABLE inv_holds ADD COLUMN sale_units INTEGER NOT NULL DEFAULT 0");
        sql.exec("ALTER TABLE inv_holds ADD COLUMN buyer TEXT");
        sql.exec("CREATE INDEX IF NOT EXISTS inv_holds_sale ON inv_holds (sale_id, buyer) WHERE status = 'held'");
        // The quota of each sale this object has seen (its share, for a sharded SKU).
        sql.exec(`CREATE TABLE IF NOT EXISTS inv_sales (
          sale_id TEXT PRIMARY KEY,
          quota INTEGER NOT NULL CHECK (quota >= 0),
          per_user_limit INTEGER
        )`);
        // Units sold at a sale's price, per buyer: kept after the holds are forgotten (RETENTION_MS).
        sql.exec(`CREATE TABLE IF NOT EXISTS inv_sale_sold (
          sale_id TEXT NOT NULL,
          buyer TEXT NOT NULL,
          units INTEGER NOT NULL CHECK (units >= 0),
          PRIMARY KEY (sale_id, buyer)
        )`);
      },
    },
  ];
}
