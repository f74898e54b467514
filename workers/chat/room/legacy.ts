import { sealContent } from "./content";
import { lastSeq } from "./store";

/**
 * The first sketch of the ChatRoom kept its messages with the text in plaintext (`body`);
 * migrateRoom (store.ts) sets that table aside as `messages_v0`. This moves its rows into today's
 * `messages`, the text sealed like any message's, and drops it: no plaintext stays at rest.
 */

interface LegacyRow {
  seq: number;
  id: string;
  client_id: string;
  sender_id: string;
  body: string;
  created_at: number;
}

const hasLegacyTable = (sql: SqlStorage) =>
  sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages_v0'").toArray().length > 0;

/**
 * Called by the Room's constructor after migrateRoom. Sealing is asynchronous (WebCrypto), so the
 * object takes no event until the rows are moved: nothing reads or writes `messages` half-migrated.
 */
export function migrateLegacyMessages(ctx: DurableObjectState, env: Env): void {
  if (hasLegacyTable(ctx.storage.sql)) void ctx.blockConcurrencyWhile(() => moveLegacyMessages(ctx.storage, env));
}

/**
 * Moves `messages_v0` into `messages` and drops it; returns how many rows moved. Idempotent: the
 * copy and the drop are one transaction, a row whose id is already in `messages` is skipped, and
 * with no legacy table there is nothing to do. Legacy rows keep their seq when none of them is
 * taken; in a room used since the table was set aside they follow its messages, in their order.
 */
export async function moveLegacyMessages(storage: DurableObjectStorage, env: Env): Promise<number> {
  const sql = storage.sql;
  if (!hasLegacyTable(sql)) return 0;
  const rows = sql
    .exec<LegacyRow & Record<string, SqlStorageValue>>(
      "SELECT seq, id, client_id, sender_id, body, created_at FROM messages_v0 ORDER BY seq",
    )
    .toArray();
  const sealed: (string | null)[] = [];
  for (const row of rows) sealed.push(await sealContent(env, { text: row.body }));

  return storage.transactionSync(() => {
    if (!hasLegacyTable(sql)) return 0; // another run finished first
    const taken = (query: string, ...args: SqlStorageValue[]) => sql.exec(query, ...args).toArray().length > 0;
    const fresh = rows
      .map((row, i) => ({ row, sealed: sealed[i] }))
      .filter((r) => !taken("SELECT 1 FROM messages WHERE id = ?", r.row.id));
    const keepSeqs = !fresh.some((r) => taken("SELECT 1 FROM messages WHERE seq = ?", r.row.seq));
    let next = lastSeq(sql);
    for (const { row, sealed: contentEnc } of fresh) {
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
        contentEnc,
        row.created_at,
      );
    }
    sql.exec("DROP TABLE messages_v0");
    return fresh.length;
  });
}
