import { DurableObject } from "cloudflare:workers";

export interface StockLevel {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

/**
 * Stock of one SKU (or one shard of a hot SKU). Single-threaded by construction, so a check and
 * the write that follows it can never interleave with another request: no oversell.
 */
export class Inventory extends DurableObject<Env> {
  private readonly sql = this.ctx.storage.sql;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS stock (
      sku TEXT PRIMARY KEY,
      on_hand INTEGER NOT NULL CHECK (on_hand >= 0)
    )`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS reservations (
      id TEXT PRIMARY KEY,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      expires_at INTEGER NOT NULL
    )`);
  }

  private currentSku(): string {
    return this.ctx.id.name ?? this.ctx.id.toString();
  }

  async level(): Promise<StockLevel> {
    const sku = this.currentSku();
    const onHand =
      this.sql.exec<{ on_hand: number }>("SELECT on_hand FROM stock WHERE sku = ?", sku).toArray()[0]?.on_hand ?? 0;
    const reserved =
      this.sql
        .exec<{ total: number | null }>(
          "SELECT SUM(quantity) AS total FROM reservations WHERE expires_at > ?",
          Date.now(),
        )
        .one().total ?? 0;
    return { sku, onHand, reserved, available: Math.max(0, onHand - reserved) };
  }

  async setOnHand(onHand: number): Promise<StockLevel> {
    if (!Number.isInteger(onHand) || onHand < 0) throw new RangeError("onHand must be a non-negative integer");
    this.sql.exec(
      "INSERT INTO stock (sku, on_hand) VALUES (?, ?) ON CONFLICT(sku) DO UPDATE SET on_hand = excluded.on_hand",
      this.currentSku(),
      onHand,
    );
    return this.level();
  }
}
