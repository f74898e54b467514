import { nowMs } from "../../platform/clock";
import { readConfig } from "../../platform/config";
import type { Currency } from "../../platform/money";
import { prepareObject } from "../../platform/object-schema";
import { CART_MIGRATIONS, CART_SCHEMA } from "./schema";
import { type AddInput, type CartLine, type CartSnapshot, MAX_LINE_QUANTITY } from "./types";

export interface MetaRow {
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

type Row<T> = T & Record<string, SqlStorageValue>;

/** How early a set alarm may be and still be left for a later due time (scheduleAlarm). */
const ALARM_SLACK_MS = 3_600_000;

const NO_META: MetaRow = { currency: null, updated_at: null, expires_at: null };

/** Where the buyer's checkout-limit window is kept (handoffs.ts): it outlives a wipe while it runs. */
export const CHECKOUT_WINDOW_KEY = "checkout-limit";
/** Where the buyer's cart-addition limit window is kept (shopper-cart.ts `add`): the same. */
export const ADD_WINDOW_KEY = "add-limit";
/** Where a guest's payment limit window is kept (shopper-cart.ts `takePaymentSlot`): the same. */
export const PAYMENT_WINDOW_KEY = "payment-limit";
const LIMIT_WINDOW_KEYS = [CHECKOUT_WINDOW_KEY, ADD_WINDOW_KEY, PAYMENT_WINDOW_KEY];

/**
 * The Cart object's SQLite storage: one meta row (currency, last change, expiry) and the lines.
 * Every method is synchronous, so a caller's check and its write commit together.
 */
export class CartStorage {
  private readonly sql: SqlStorage;
  /**
   * The alarm this instance last set (null: none), undefined until it sets or deletes one. Kept so a
   * change whose alarm is already due at or before what it needs sets none: every `setAlarm` is a
   * write to the runtime's alarm store beside the cart's own commit.
   */
  private alarmAt: number | null | undefined;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
  ) {
    this.sql = ctx.storage.sql;
    // Synchronous, once per instance: a new cart's whole schema in one exec (its steps have no async work).
    prepareObject(ctx.storage, CART_MIGRATIONS, CART_SCHEMA);
  }

  /**
   * Deletes everything, alarm included; the tables are made again, as this instance may serve more
   * calls. A limit window still running (checkout, additions, payments) is kept: a wiped cart (merged at
   * sign-in) must not give its buyer a fresh window.
   */
  async wipe(): Promise<void> {
    const kv = this.ctx.storage.kv;
    const windows = LIMIT_WINDOW_KEYS.map((key) => [key, kv.get<{ endsAt: number }>(key)] as const);
    await this.ctx.storage.deleteAlarm();
    this.alarmAt = null;
    await this.ctx.storage.deleteAll();
    prepareObject(this.ctx.storage, CART_MIGRATIONS, CART_SCHEMA);
    for (const [key, window] of windows) if (window && window.endsAt > nowMs()) kv.put(key, window);
  }

  /**
   * An expired cart that the alarm has not deleted yet is emptied before anything else happens.
   * Answers the meta row as it stands after that (a caller reads it once, not again).
   */
  expireIfDue(now: number): MetaRow {
    const meta = this.meta();
    if (meta.expires_at === null || meta.expires_at > now) return meta;
    this.sql.exec("DELETE FROM cart_lines");
    this.sql.exec("DELETE FROM cart_meta");
    this.scheduleAlarm();
    return NO_META;
  }

  /**
   * A change: the expiry moves to now + TTL (and the alarm with it); an empty cart forgets its
   * currency. `hasLines`: whether the cart holds lines now, if the caller knows. Answers the new meta row.
   */
  touch(now: number, currency?: Currency, hasLines = this.lineCount() > 0): MetaRow {
    const expiresAt = now + readConfig(this.env).cart.ttlMs;
    const next = hasLines ? (currency ?? this.meta().currency) : null;
    this.sql.exec(
      `INSERT INTO cart_meta (id, currency, updated_at, expires_at) VALUES (1, ?1, ?2, ?3)
       ON CONFLICT (id) DO UPDATE SET currency = ?1, updated_at = ?2, expires_at = ?3`,
      next,
      now,
      expiresAt,
    );
    this.scheduleAlarm(expiresAt);
    return { currency: next, updated_at: now, expires_at: expiresAt };
  }

  /** When a hand-off next needs looking at (handoffs.ts), if any does. */
  nextHandOffCheck(): number | null {
    return this.sql
      .exec<{ at: number | null }>(
        "SELECT min(check_at) AS at FROM cart_handoffs WHERE state = 'handed' OR (state = 'abandoned' AND holds_released = 0)",
      )
      .one().at;
  }

  /**
   * The one alarm serves both the cart's expiry and its hand-offs: due for whichever comes first
   * (`expiresAt`: the cart's, if the caller has it at hand). An alarm already set at most
   * ALARM_SLACK_MS before that is left where it is (each add to a busy cart moves the expiry by
   * moments): the alarm re-reads everything when it fires, and one that fires early sets itself again
   * (`alarm`), so nothing is deleted or settled later than before. Beyond the slack (a settled
   * hand-off's check, minutes away, giving way to the expiry) the alarm moves, so no early run is paid for it.
   */
  scheduleAlarm(expiresAt: number | null = this.meta().expires_at): void {
    const due = [expiresAt, this.nextHandOffCheck()].filter((t): t is number => t !== null);
    if (due.length === 0) {
      if (this.alarmAt !== null) void this.ctx.storage.deleteAlarm();
      this.alarmAt = null;
      return;
    }
    const at = Math.min(...due);
    if (this.alarmAt != null && this.alarmAt <= at && at - this.alarmAt <= ALARM_SLACK_MS) return;
    void this.ctx.storage.setAlarm(at);
    this.alarmAt = at;
  }

  /** The alarm is running: what this instance set is spent (the handler sets the next one, or none). */
  alarmStarted(): void {
    this.alarmAt = undefined;
  }

  /**
   * Puts lines back (a checkout that failed or was abandoned), merged with anything added in the
   * meantime; a line not in the cart now comes back exactly as it was taken. Lines in another
   * currency than the cart's now are left out.
   */
  restoreLines(lines: readonly CartLine[], currency: Currency, now: number): void {
    const current = this.lineCount() > 0 ? this.meta().currency : null;
    if (lines.length === 0 || (current !== null && current !== currency)) return;
    for (const line of lines) {
      const existing = this.lineFor(line.productId, line.variantId);
      if (!existing) {
        this.restoreLine(line);
        continue;
      }
      const input = { ...line, currency, available: MAX_LINE_QUANTITY };
      this.upsertLine(existing.id, input, Math.min(MAX_LINE_QUANTITY, existing.quantity + line.quantity), true, now);
    }
    this.touch(now, currency);
  }

  upsertLine(id: string, input: AddInput, quantity: number, exists: boolean, now: number): void {
    if (exists) {
      this.sql.exec(
        "UPDATE cart_lines SET quantity = ?, unit_price = ?, name = ?, updated_at = ? WHERE id = ?",
        quantity,
        input.unitPrice,
        input.name,
        now,
        id,
      );
      return;
    }
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

  /** Puts a line back exactly as it was taken (its id, price seen and times). */
  private restoreLine(line: CartLine): void {
    this.sql.exec(
      `INSERT INTO cart_lines (id, product_id, variant_id, quantity, unit_price, name, added_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      line.id,
      line.productId,
      line.variantId ?? "",
      line.quantity,
      line.unitPrice,
      line.name,
      line.addedAt,
      line.updatedAt,
    );
  }

  setQuantity(lineId: string, quantity: number, now: number): void {
    this.sql.exec("UPDATE cart_lines SET quantity = ?, updated_at = ? WHERE id = ?", quantity, now, lineId);
  }

  setUnitPrice(lineId: string, unitPrice: number): void {
    this.sql.exec("UPDATE cart_lines SET unit_price = ? WHERE id = ?", unitPrice, lineId);
  }

  /** Deletes one line; false when there was none with this id. */
  deleteLine(lineId: string): boolean {
    return this.sql.exec("DELETE FROM cart_lines WHERE id = ? RETURNING id", lineId).toArray().length > 0;
  }

  deleteLines(): void {
    this.sql.exec("DELETE FROM cart_lines");
  }

  meta(): MetaRow {
    return (
      this.sql.exec<Row<MetaRow>>("SELECT currency, updated_at, expires_at FROM cart_meta WHERE id = 1").toArray()[0] ??
      NO_META
    );
  }

  lineCount(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM cart_lines").one().n;
  }

  line(id: string): CartLine | undefined {
    const row = this.sql.exec<Row<LineRow>>("SELECT * FROM cart_lines WHERE id = ?", id).toArray()[0];
    return row ? toLine(row) : undefined;
  }

  lineFor(productId: string, variantId: string | null): CartLine | undefined {
    const row = this.sql
      .exec<Row<LineRow>>(
        "SELECT * FROM cart_lines WHERE product_id = ? AND variant_id = ?",
        productId,
        variantId ?? "",
      )
      .toArray()[0];
    return row ? toLine(row) : undefined;
  }

  /** The whole cart (`known`: its meta row, if the caller has just read or written it). */
  read(known?: MetaRow): CartSnapshot {
    const lines = this.sql.exec<Row<LineRow>>("SELECT * FROM cart_lines ORDER BY added_at, id").toArray().map(toLine);
    const meta = known ?? this.meta();
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
