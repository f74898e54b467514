import { DurableObject } from "cloudflare:workers";
import { CURRENCY_CODES } from "../schemas/platform";
import {
  type AddInput,
  type AddResult,
  type CartLine,
  type CartSnapshot,
  type DroppedLine,
  type InvalidArgument,
  MAX_LINE_QUANTITY,
  type MergeLine,
  type MergeResult,
  type PriceUpdate,
  type RemoveResult,
  type SetQuantityInput,
  type SetQuantityResult,
} from "../workers/cart/object/types";
import { readConfig } from "../workers/platform/config";
import { newId } from "../workers/platform/ids";
import type { Currency } from "../workers/platform/money";

export type { CartLine, CartSnapshot } from "../workers/cart/object/types";

interface MetaRow {
  currency: Currency | null;
  updated_at: number | null;
  expires_at: number | null;
}

interface LineRow {
  id: string;
  product_id: string;
  variant_id: string;
  quantity: number;
  unit_price: number;
  name: string;
  added_at: number;
  updated_at: number;
}

const NO_META: MetaRow = { currency: null, updated_at: null, expires_at: null };

/**
 * One shopper's cart: `user:<userId>` or `guest:<sha256(token)>` (workers/cart/tokens.ts).
 *
 * A Durable Object runs one call at a time and every method below reads and writes synchronously
 * (no `await` between the check and the write), so each call commits atomically: twenty
 * concurrent adds to one cart are twenty serial transactions, none refused, none lost.
 *
 * Expiry: every change moves `expires_at` to now + CART_TTL_SECONDS and sets the alarm there; the
 * alarm deletes everything. Alarms are at-least-once, so the alarm re-checks `expires_at` (a
 * change may have moved it) and a second run finds nothing to do. A call that arrives after the
 * expiry but before the alarm sees (and leaves) an empty cart.
 */
export class Cart extends DurableObject<Env> {
  private readonly sql = this.ctx.storage.sql;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.migrate();
  }

  // ------------------------------------------------------------------ reads

  snapshot(): CartSnapshot {
    this.expireIfDue(Date.now());
    return this.read();
  }

  // ------------------------------------------------------------------ changes

  /**
   * Adds units of a product (or variant), merging into its line if there is one. The line's total
   * must stay within `available` and MAX_LINE_QUANTITY; the first line sets the cart's currency
   * and every later one must share it. The line records the price seen now.
   */
  add(input: AddInput): AddResult {
    const problem = checkLine(input);
    if (problem) return invalid(problem);
    const now = Date.now();
    this.expireIfDue(now);
    const meta = this.meta();
    const count = this.lineCount();
    if (count > 0 && meta.currency !== null && meta.currency !== input.currency) {
      return { ok: false, code: "currency_mismatch", cartCurrency: meta.currency };
    }
    const existing = this.lineFor(input.productId, input.variantId);
    const inCart = existing?.quantity ?? 0;
    const quantity = inCart + input.quantity;
    if (quantity > MAX_LINE_QUANTITY) return { ok: false, code: "quantity_limit", max: MAX_LINE_QUANTITY, inCart };
    if (quantity > input.available) {
      return { ok: false, code: "insufficient_stock", available: input.available, inCart };
    }
    const { maxLines } = readConfig(this.env).cart;
    if (!existing && count >= maxLines) return { ok: false, code: "cart_full", maxLines };

    const lineId = existing?.id ?? newId("cli", now);
    this.upsertLine(lineId, input, quantity, existing !== undefined, now);
    this.touch(now, input.currency);
    return { ok: true, lineId, quantity, cart: this.read() };
  }

  /** Sets a line's quantity (0 removes it). Growing needs the stock; shrinking is always allowed. */
  setQuantity(input: SetQuantityInput): SetQuantityResult {
    const { lineId, quantity, available } = input ?? ({} as SetQuantityInput);
    if (!isId(lineId)) return invalid("lineId must be a non-empty string");
    if (!isInt(quantity, 0, MAX_LINE_QUANTITY))
      return invalid(`quantity must be an integer from 0 to ${MAX_LINE_QUANTITY}`);
    if (!isInt(available, 0, Number.MAX_SAFE_INTEGER)) return invalid("available must be a non-negative integer");
    const now = Date.now();
    this.expireIfDue(now);
    const line = this.line(lineId);
    if (!line) return { ok: false, code: "not_found" };
    if (quantity === 0) {
      this.sql.exec("DELETE FROM cart_lines WHERE id = ?", lineId);
      this.touch(now);
      return { ok: true, removed: true, cart: this.read() };
    }
    if (quantity > line.quantity && quantity > available) {
      return { ok: false, code: "insufficient_stock", available, inCart: line.quantity };
    }
    if (quantity !== line.quantity) {
      this.sql.exec("UPDATE cart_lines SET quantity = ?, updated_at = ? WHERE id = ?", quantity, now, lineId);
      this.touch(now);
    }
    return { ok: true, removed: false, cart: this.read() };
  }

  remove(lineId: string): RemoveResult {
    if (!isId(lineId)) return invalid("lineId must be a non-empty string");
    const now = Date.now();
    this.expireIfDue(now);
    const deleted = this.sql.exec("DELETE FROM cart_lines WHERE id = ? RETURNING id", lineId).toArray();
    if (deleted.length === 0) return { ok: false, code: "not_found" };
    this.touch(now);
    return { ok: true, cart: this.read() };
  }

  /** Empties the cart (and forgets its currency). A cart that never held anything is left untouched. */
  clear(): CartSnapshot {
    const now = Date.now();
    this.expireIfDue(now);
    if (this.lineCount() === 0 && this.meta().updated_at === null) return this.read();
    this.sql.exec("DELETE FROM cart_lines");
    this.touch(now);
    return this.read();
  }

  /**
   * Checkout takes the whole cart in one step (the lines, then an empty cart), so two checkouts of
   * one cart racing each other cannot both turn the same lines into orders: the second finds it empty.
   */
  takeForCheckout(): CartSnapshot {
    const now = Date.now();
    this.expireIfDue(now);
    const taken = this.read();
    if (taken.lines.length > 0) {
      this.sql.exec("DELETE FROM cart_lines");
      this.touch(now);
    }
    return taken;
  }

  /** Gives back the lines of a checkout that failed, merged with anything added in the meantime. */
  returnFromCheckout(taken: CartSnapshot): CartSnapshot {
    const now = Date.now();
    const current = this.meta().currency;
    if (!taken?.lines?.length || (current !== null && taken.currency !== current)) return this.read();
    for (const line of taken.lines) {
      const existing = this.lineFor(line.productId, line.variantId);
      const input = { ...line, currency: taken.currency as Currency, available: MAX_LINE_QUANTITY };
      const quantity = Math.min(MAX_LINE_QUANTITY, (existing?.quantity ?? 0) + line.quantity);
      this.upsertLine(existing?.id ?? line.id, input, quantity, existing !== undefined, now);
    }
    this.touch(now, taken.currency ?? undefined);
    return this.read();
  }

  /**
   * Takes a guest cart's lines at sign-in. Quantities add up, capped by each line's `available`
   * and MAX_LINE_QUANTITY (a line already above `available` is left as it is); a line in another
   * currency than the cart's (the first merged line sets it for an empty cart) is dropped. Every
   * unit that did not make it is reported in `dropped`.
   */
  merge(input: { lines: MergeLine[] }): MergeResult {
    const lines = input?.lines;
    if (!Array.isArray(lines) || lines.length > 1000) return invalid("lines must be an array of at most 1000 lines");
    for (const line of lines) {
      const problem = checkLine(line);
      if (problem) return invalid(problem);
    }
    const now = Date.now();
    this.expireIfDue(now);
    const { maxLines } = readConfig(this.env).cart;
    let currency = this.lineCount() > 0 ? this.meta().currency : null;
    let merged = 0;
    const dropped: DroppedLine[] = [];
    const drop = (line: MergeLine, quantity: number, reason: DroppedLine["reason"]) =>
      dropped.push({ productId: line.productId, variantId: line.variantId, quantity, reason });

    for (const line of lines) {
      if (currency !== null && currency !== line.currency) {
        drop(line, line.quantity, "currency_mismatch");
        continue;
      }
      const existing = this.lineFor(line.productId, line.variantId);
      const inCart = existing?.quantity ?? 0;
      const cap = Math.min(MAX_LINE_QUANTITY, line.available);
      const target = Math.max(inCart, Math.min(inCart + line.quantity, cap));
      const added = target - inCart;
      const short = line.available < MAX_LINE_QUANTITY ? "insufficient_stock" : "quantity_limit";
      if (added === 0) {
        drop(line, line.quantity, short);
        continue;
      }
      if (!existing && this.lineCount() >= maxLines) {
        drop(line, line.quantity, "cart_full");
        continue;
      }
      this.upsertLine(existing?.id ?? newId("cli", now), line, target, existing !== undefined, now);
      currency = line.currency;
      merged += added;
      if (added < line.quantity) drop(line, line.quantity - added, short);
    }
    if (merged > 0) this.touch(now, currency ?? undefined);
    return { ok: true, merged, dropped, cart: this.read() };
  }

  /**
   * Records the unit prices the shopper has now been shown (POST /cart/validate), so the next
   * validation reports only newer changes. Not a change of the cart: the expiry stays.
   */
  recordPrices(updates: PriceUpdate[]): CartSnapshot {
    if (Array.isArray(updates)) {
      for (const u of updates) {
        if (isId(u?.lineId) && isInt(u?.unitPrice, 0, Number.MAX_SAFE_INTEGER)) {
          this.sql.exec("UPDATE cart_lines SET unit_price = ? WHERE id = ?", u.unitPrice, u.lineId);
        }
      }
    }
    return this.snapshot();
  }

  /** Deletes everything this object stores (a guest cart after it was merged into a user's). */
  async destroy(): Promise<void> {
    await this.wipeStorage();
  }

  // ------------------------------------------------------------------ alarm

  /**
   * Deletes the cart once `expires_at` has passed. At-least-once and safe to run any number of
   * times: a run before the expiry (the cart changed since the alarm was set) sets the alarm
   * again; a run after the cart is gone finds no expiry and does nothing.
   */
  override async alarm(): Promise<void> {
    const { expires_at } = this.meta();
    if (expires_at === null) return;
    if (expires_at > Date.now()) {
      await this.ctx.storage.setAlarm(expires_at);
      return;
    }
    await this.wipeStorage();
  }

  // ------------------------------------------------------------------ internals

  private migrate(): void {
    // The first sketch of this class had a `lines` table and no method that wrote to it.
    this.sql.exec("DROP TABLE IF EXISTS lines");
    this.sql.exec(`CREATE TABLE IF NOT EXISTS cart_meta (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      currency TEXT,
      updated_at INTEGER,
      expires_at INTEGER
    )`);
    // variant_id is '' for a product without variants, so UNIQUE holds (NULLs would all differ).
    this.sql.exec(`CREATE TABLE IF NOT EXISTS cart_lines (
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
  }

  private async wipeStorage(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    // deleteAll drops the tables too; this instance may serve more calls.
    this.migrate();
  }

  /** An expired cart that the alarm has not deleted yet is emptied before anything else happens. */
  private expireIfDue(now: number): void {
    const { expires_at } = this.meta();
    if (expires_at === null || expires_at > now) return;
    this.sql.exec("DELETE FROM cart_lines");
    this.sql.exec("DELETE FROM cart_meta");
    void this.ctx.storage.deleteAlarm();
  }

  /** A change: the expiry moves to now + TTL (and the alarm with it); an empty cart forgets its currency. */
  private touch(now: number, currency?: Currency): void {
    const expiresAt = now + readConfig(this.env).cart.ttlMs;
    const next = this.lineCount() === 0 ? null : (currency ?? this.meta().currency);
    this.sql.exec(
      `INSERT INTO cart_meta (id, currency, updated_at, expires_at) VALUES (1, ?1, ?2, ?3)
       ON CONFLICT (id) DO UPDATE SET currency = ?1, updated_at = ?2, expires_at = ?3`,
      next,
      now,
      expiresAt,
    );
    void this.ctx.storage.setAlarm(expiresAt);
  }

  private upsertLine(id: string, input: AddInput, quantity: number, exists: boolean, now: number): void {
    if (exists) {
      this.sql.exec(
        "UPDATE cart_lines SET quantity = ?, unit_price = ?, name = ?, updated_at = ? WHERE id = ?",
        quantity,
        input.unitPrice,
        input.name,
        now,
        id,
      );
    } else {
      this.sql.exec(
        `INSERT INTO cart_lines (id, product_id, variant_id, quantity, unit_price, name, added_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        input.productId,
        input.variantId ?? "",
        quantity,
        input.unitPrice,
        input.name,
        now,
        now,
      );
    }
  }

  private meta(): MetaRow {
    return (
      this.sql
        .exec<MetaRow & Record<string, SqlStorageValue>>(
          "SELECT currency, updated_at, expires_at FROM cart_meta WHERE id = 1",
        )
        .toArray()[0] ?? NO_META
    );
  }

  private lineCount(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM cart_lines").one().n;
  }

  private line(id: string): CartLine | undefined {
    const row = this.sql
      .exec<LineRow & Record<string, SqlStorageValue>>("SELECT * FROM cart_lines WHERE id = ?", id)
      .toArray()[0];
    return row ? toLine(row) : undefined;
  }

  private lineFor(productId: string, variantId: string | null): CartLine | undefined {
    const row = this.sql
      .exec<LineRow & Record<string, SqlStorageValue>>(
        "SELECT * FROM cart_lines WHERE product_id = ? AND variant_id = ?",
        productId,
        variantId ?? "",
      )
      .toArray()[0];
    return row ? toLine(row) : undefined;
  }

  private read(): CartSnapshot {
    const lines = this.sql
      .exec<LineRow & Record<string, SqlStorageValue>>("SELECT * FROM cart_lines ORDER BY added_at, id")
      .toArray()
      .map(toLine);
    const meta = this.meta();
    return {
      lines,
      currency: lines.length > 0 ? meta.currency : null,
      updatedAt: meta.updated_at,
      expiresAt: meta.expires_at,
    };
  }
}

function toLine(r: LineRow): CartLine {
  return {
    id: r.id,
    productId: r.product_id,
    variantId: r.variant_id === "" ? null : r.variant_id,
    quantity: r.quantity,
    unitPrice: r.unit_price,
    name: r.name,
    addedAt: r.added_at,
    updatedAt: r.updated_at,
  };
}

function checkLine(input: AddInput | undefined): string | null {
  if (!input || typeof input !== "object") return "a line must be an object";
  if (!isId(input.productId)) return "productId must be a non-empty string";
  if (input.variantId !== null && !isId(input.variantId)) return "variantId must be null or a non-empty string";
  if (!isInt(input.quantity, 1, MAX_LINE_QUANTITY)) return `quantity must be an integer from 1 to ${MAX_LINE_QUANTITY}`;
  if (!isInt(input.unitPrice, 0, Number.MAX_SAFE_INTEGER)) return "unitPrice must be a non-negative integer";
  if (!(CURRENCY_CODES as readonly string[]).includes(input.currency)) return "currency must be a supported code";
  if (typeof input.name !== "string" || input.name.length > 500) return "name must be a string";
  if (!isInt(input.available, 0, Number.MAX_SAFE_INTEGER)) return "available must be a non-negative integer";
  return null;
}

function isId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= 200;
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max;
}

function invalid(message: string): InvalidArgument {
  return { ok: false, code: "invalid_argument", message };
}
