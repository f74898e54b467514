import type { SchemaMigration } from "../../platform/object-schema";
import { legacyMessagesStep } from "./legacy";

/**
 * The ChatRoom object's SQLite schema, as numbered steps (workers/platform/object-schema.ts runs
 * them in order, once, at construction). To change the schema, append a step with the next
 * version, e.g. `{ version: 3, name: "…", up(sql) { … } }`; never edit a step that has shipped.
 */
export const roomMigrations = (env: Env): readonly SchemaMigration[] => [ROOM_TABLES, legacyMessagesStep(env)];

/** Version 1: the tables as they stood before versioning, written idempotently. */
export const ROOM_TABLES: SchemaMigration = {
  version: 1,
  name: "room tables (the schema before versioning)",
  up(sql) {
    // The first sketch of this class kept a `messages` table with a plaintext `body`: set it aside.
    const legacy = sql
      .exec<{ name: string }>("SELECT name FROM pragma_table_info('messages') WHERE name = 'body'")
      .toArray();
    if (legacy.length > 0) sql.exec("ALTER TABLE messages RENAME TO messages_v0");

    sql.exec(`CREATE TABLE IF NOT EXISTS room_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        dialog_id TEXT NOT NULL,
        type TEXT NOT NULL,
        shop_id TEXT,
        created_at INTEGER NOT NULL,
        origin TEXT,
        alarm_at INTEGER,
        heartbeat_at INTEGER
      )`);
    sql.exec(`CREATE TABLE IF NOT EXISTS members (
        user_id TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        joined_at INTEGER NOT NULL,
        last_read_seq INTEGER NOT NULL DEFAULT 0,
        last_delivered_seq INTEGER NOT NULL DEFAULT 0
      )`);
    sql.exec(`CREATE TABLE IF NOT EXISTS messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sender_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        content_enc TEXT,
        payload TEXT,
        reply_to TEXT,
        created_at INTEGER NOT NULL,
        edited_at INTEGER,
        deleted_at INTEGER,
        UNIQUE (sender_id, client_id)
      )`);
    sql.exec(`CREATE TABLE IF NOT EXISTS reactions (
        seq INTEGER NOT NULL,
        emoji TEXT NOT NULL,
        user_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (seq, emoji, user_id)
      )`);
    // Side effects waiting for the alarm: D1 writes of accepted messages, unread badges.
    sql.exec("CREATE TABLE IF NOT EXISTS pending_effects (id INTEGER PRIMARY KEY AUTOINCREMENT, effect TEXT NOT NULL)");
    // Read positions (and senders' own messages) waiting to be copied to D1 for unread counts.
    sql.exec("CREATE TABLE IF NOT EXISTS dirty_reads (user_id TEXT PRIMARY KEY, seq INTEGER NOT NULL)");
    // Presence changes waiting to be written to D1 (leases).
    sql.exec(
      "CREATE TABLE IF NOT EXISTS presence_dirty (user_id TEXT PRIMARY KEY, online INTEGER NOT NULL, at INTEGER NOT NULL)",
    );
  },
};
