import type { SchemaMigration } from "../../platform/object-schema";
import { sealContent } from "./content";
import { lastSeq } from "./store";

/**
 * The first sketch of the ChatRoom kept its messages with the text in plaintext (`body`); step 1
 * of the room's schema sets that table aside as `messages_v0`. Step 2 (this file) moves its rows
 * into today's `messages`, the text sealed like any message's, and drops it: no plaintext stays at
 * rest. Sealing is asynchronous (WebCrypto), so it runs in the step's `before` into a staging
 * table; the move and the drops are the step's one synchronous transaction.
 */

interface LegacyRow {
  seq: number;
  id: string;
  client_id: string;
  sender_id: string;
  content_enc: string | null;
  created_at: number;
}

const hasTable = (sql: SqlStorage, name: string) =>
  sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", name).toArray().length > 0;

/** Version 2 of the ChatRoom's schema (workers/chat/room/schema.ts); it needs the env to seal. */
export function legacyMessagesStep(env: Env): SchemaMigration {
  return {
    version: 2,
    name: "plaintext messages_v0 sealed into messages, then dropped",
    before: (sql) => sealLegacyRows(sql, env),
    up: (sql) => void moveSealedRows(sql),
  };
}

/**
 * The whole step outside the schema runner, answering how many rows moved. Idempotent: with no
 * legacy table there is nothing to do.
 */
export async function moveLegacyMessages(storage: DurableObjectStorage, env: Env): Promise<number> {
  await sealLegacyRows(storage.sql, env);
  return storage.transactionSync(() => moveSealedRows(storage.sql));
}

/** Seals every legacy row not sealed yet into `messages_v0_sealed`; safe to run again. */
async function sealLegacyRows(sql: SqlStorage, env: Env): Promise<void> {
  if (!hasTable(sql, "messages_v0")) return;
  sql.exec("CREATE TABLE IF NOT EXISTS messages_v0_sealed (id TEXT PRIMARY KEY, content_enc TEXT)");
  const rows = sql
    .exec<{ id: string; body: string }>(
      `SELECT v.id, v.body FROM messages_v0 v
       LEFT JOIN messages_v0_sealed s ON s.id = v.id WHERE s.id IS NULL`,
    )
    .toArray();
  for (const row of rows) {
    const sealed = await sealContent(env, { text: row.body });
    sql.exec("INSERT OR IGNORE INTO messages_v0_sealed (id, content_enc) VALUES (?, ?)", row.id, sealed);
  }
}

/**
 * Synchronous: inside a transaction. A row whose id is already in `messages` is skipped. Legacy
 * rows keep their seq when none of them is taken; in a room used since the table was set aside
 * they follow its messages, in their order.
 */
function moveSealedRows(sql: SqlStorage): number {
  if (!hasTable(sql, "messages_v0")) return 0; // another run finished first
  const rows = sql
    .exec<LegacyRow & Record<string, SqlStorageValue>>(
      `SELECT v.seq, v.id, v.client_id, v.sender_id, s.content_enc, v.created_at
       FROM messages_v0 v JOIN messages_v0_sealed s ON s.id = v.id ORDER BY v.seq`,
    )
    .toArray();
  const legacyCount = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM messages_v0").one().n;
  // A row sealed by no `before` run (it came in between) would be lost: refuse, the step repeats.
  if (rows.length !== legacyCount) throw new Error("messages_v0 has rows not sealed yet");

  const taken = (query: string, ...args: SqlStorageValue[]) => sql.exec(query, ...args).toArray().length > 0;
  const fresh = rows.filter((r) => !taken("SELECT 1 FROM messages WHERE id = ?", r.id));
  const keepSeqs = !fresh.some((r) => taken("SELECT 1 FROM messages WHERE seq = ?", r.seq));
  let next = lastSeq(sql);
  for (const row of fresh) {
    const clientTaken = taken(
      "SELECT 1 FROM messages WHERE sender_id = ? AND client_id = ?",
      row.sender_id,
      row.client_id,
    );
    sql.exec(
      `INSERT INTO messages (seq, id, sender_id, client_id, kind, content_enc, payload, reply_to, created_at, edited_at, deleted_at)
       VALUES (?, ?, ?, ?, 'text', ?, NULL, NULL, ?, NULL, NULL)`,
      keepSeqs ? row.seq : ++next,
      row.id,
      row.sender_id,
      clientTaken ? `legacy:${row.id}` : row.client_id,
      row.content_enc,
      row.created_at,
    );
  }
  sql.exec("DROP TABLE messages_v0");
  sql.exec("DROP TABLE messages_v0_sealed");
  return fresh.length;
}
