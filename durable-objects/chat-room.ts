import { DurableObject } from "cloudflare:workers";

/**
 * One dialog: its members, its messages ordered by a per-dialog `seq`, receipts and live
 * sockets (WebSocket Hibernation). Messages live in this object's own SQLite storage.
 */
export class ChatRoom extends DurableObject<Env> {
  private readonly sql = this.ctx.storage.sql;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      client_id TEXT NOT NULL,
      sender_id TEXT NOT NULL,
      body TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (sender_id, client_id)
    )`);
  }

  async lastSeq(): Promise<number> {
    return this.sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM messages").one().seq ?? 0;
  }
}
