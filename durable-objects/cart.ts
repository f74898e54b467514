import { DurableObject } from "cloudflare:workers";

export interface CartLine {
  id: string;
  productId: string;
  variantId: string | null;
  quantity: number;
  addedAt: number;
}

/** One shopper's cart (a user or a guest token): strongly consistent, expiring 30 days after the last change. */
export class Cart extends DurableObject<Env> {
  private readonly sql = this.ctx.storage.sql;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS lines (
      id TEXT PRIMARY KEY,
      product_id TEXT NOT NULL,
      variant_id TEXT,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      added_at INTEGER NOT NULL,
      UNIQUE (product_id, variant_id)
    )`);
  }

  async lines(): Promise<CartLine[]> {
    return this.sql
      .exec<{ id: string; product_id: string; variant_id: string | null; quantity: number; added_at: number }>(
        "SELECT id, product_id, variant_id, quantity, added_at FROM lines ORDER BY added_at, id",
      )
      .toArray()
      .map((r) => ({
        id: r.id,
        productId: r.product_id,
        variantId: r.variant_id,
        quantity: r.quantity,
        addedAt: r.added_at,
      }));
  }
}
