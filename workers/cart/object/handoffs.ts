import { inventoryKey, releaseItems } from "../../inventory";
import { nowMs } from "../../platform/clock";
import { readConfig } from "../../platform/config";
import { database } from "../../platform/db";
import { settleAbandonedKey } from "../../platform/idempotency";
import { FixedWindow } from "../../platform/limiter/fixed-window";
import { logEvent } from "../../platform/log";
import type { Currency } from "../../platform/money";
import { parseRpcInput } from "../../platform/rpc-input";
import { HandOffInputSchema } from "./input";
import { type CartStorage, CHECKOUT_WINDOW_KEY } from "./storage";
import type { CartLine, HandOffResult } from "./types";

/** How soon a hand-off whose check failed (D1 or Inventory unreachable) is looked at again. */
const RETRY_MS = 60_000;

type HandOffState = "handed" | "returned" | "ordered" | "abandoned";

interface HandOffRow {
  checkout_id: string;
  key_scope: string;
  idem_key: string;
  lines: string;
  currency: Currency;
  taken_at: number;
  check_at: number;
  state: HandOffState;
  version: number;
  holds_released: number;
}

type Row<T> = T & Record<string, SqlStorageValue>;

/**
 * The cart's side of the checkout saga (workers/orders/checkout.ts). The lines a checkout takes are
 * recorded under its id, which derives from its Idempotency-Key, so:
 * - a retry of the checkout gets the very same lines again (and the same `takenAt`), never the
 *   cart's newer contents and never "empty";
 * - a checkout that failed gives them back (`giveBack`: state `returned`; the same id may take the
 *   cart again later), one that became orders says so (`done`: `ordered`);
 * - a checkout that died in between (a killed process reaches neither) is found by the alarm at
 *   `check_at`: it asks D1 how the checkout's request ended. Answered 201: the lines are orders.
 *   Still running: look again when its lock ends. Otherwise it is abandoned: the lines come back,
 *   the stock holds under its id are released (closed, so no late attempt can use them) and a
 *   retry of it is told so instead of taking the cart again.
 * `version` counts the calls about a hand-off: the alarm abandons one only if nothing touched it
 * while it was asking D1 (calls interleave at its awaits).
 */
export class CheckoutHandOffs {
  private readonly sql: SqlStorage;
  /** The buyer's checkout limit: one Cart per buyer, so its window lives here (the cart's alarm is its own). */
  private readonly checkouts: FixedWindow;

  constructor(
    ctx: DurableObjectState,
    private readonly env: Env,
    private readonly store: CartStorage,
  ) {
    this.sql = ctx.storage.sql;
    this.checkouts = new FixedWindow(ctx.storage, CHECKOUT_WINDOW_KEY, false);
  }

  handOff(raw: unknown): HandOffResult {
    const parsed = parseRpcInput(HandOffInputSchema, raw);
    if (!parsed.ok) return parsed;
    const { checkoutId, keyScope, key, checkAfterMs, accountLimit } = parsed.value;
    // The limit's slot first, in this same synchronous call: refused, nothing below runs.
    if (accountLimit) {
      const slot = this.checkouts.take(accountLimit.limit, accountLimit.windowSeconds);
      if (!slot.ok) return { ok: false, code: "rate_limited", retryAfterSeconds: slot.retryAfterSeconds };
    }
    const now = Date.now();
    this.store.expireIfDue(now);
    this.purge(now);
    const row = this.read(checkoutId);
    if (row?.state === "ordered" || row?.state === "abandoned") return { ok: false, code: row.state };
    if (row?.state === "handed") {
      this.sql.exec(
        "UPDATE cart_handoffs SET version = version + 1, check_at = ? WHERE checkout_id = ?",
        Math.max(row.check_at, now + checkAfterMs),
        checkoutId,
      );
      this.store.scheduleAlarm();
      const lines = JSON.parse(row.lines) as CartLine[];
      return { ok: true, lines, currency: row.currency, takenAt: row.taken_at, replayed: true };
    }
    const cart = this.store.read();
    if (cart.lines.length === 0 || cart.currency === null) return { ok: false, code: "empty" };
    this.store.deleteLines();
    this.sql.exec(
      `INSERT INTO cart_handoffs (checkout_id, key_scope, idem_key, lines, currency, taken_at, check_at, state, version)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'handed', ?8)
       ON CONFLICT (checkout_id) DO UPDATE SET lines = ?4, currency = ?5, taken_at = ?6, check_at = ?7,
         state = 'handed', version = ?8, holds_released = 0`,
      checkoutId,
      keyScope,
      key,
      JSON.stringify(cart.lines),
      cart.currency,
      now,
      now + checkAfterMs,
      (row?.version ?? 0) + 1,
    );
    this.store.touch(now);
    return { ok: true, lines: cart.lines, currency: cart.currency, takenAt: now, replayed: false };
  }

  /** The checkout failed before its orders: its lines go back into the cart, once. */
  giveBack(checkoutId: string): void {
    const row = this.read(checkoutId);
    if (row?.state !== "handed") return;
    this.sql.exec(
      "UPDATE cart_handoffs SET state = 'returned', version = version + 1 WHERE checkout_id = ?",
      checkoutId,
    );
    this.store.restoreLines(JSON.parse(row.lines) as CartLine[], row.currency, Date.now());
  }

  /** The checkout's orders are written: its lines are theirs now. */
  done(checkoutId: string): void {
    this.sql.exec(
      "UPDATE cart_handoffs SET state = 'ordered', version = version + 1 WHERE checkout_id = ? AND state = 'handed'",
      checkoutId,
    );
    this.store.scheduleAlarm();
  }

  /** Whether a checkout still holds lines that may yet become orders. */
  pending(): boolean {
    return this.sql.exec("SELECT 1 FROM cart_handoffs WHERE state = 'handed' LIMIT 1").toArray().length > 0;
  }

  /** The alarm's part: every hand-off due for a look (see the class comment). At-least-once safe. */
  async settleDue(): Promise<void> {
    const due = this.sql
      .exec<Row<HandOffRow>>(
        "SELECT * FROM cart_handoffs WHERE check_at <= ? AND (state = 'handed' OR (state = 'abandoned' AND holds_released = 0))",
        Date.now(),
      )
      .toArray();
    for (const row of due) {
      if (row.state === "handed") await this.settle(row);
      else await this.releaseHolds(row);
    }
    this.purge(Date.now());
  }

  private async settle(seen: HandOffRow): Promise<void> {
    let outcome: Awaited<ReturnType<typeof settleAbandonedKey>>;
    try {
      outcome = await settleAbandonedKey(database(this.env), seen.key_scope, seen.idem_key, nowMs());
    } catch (err) {
      logEvent("warn", "cart_handoff_check_failed", { checkoutId: seen.checkout_id, error: String(err) });
      return this.checkAgainAt(seen.checkout_id, Date.now() + RETRY_MS);
    }
    const row = this.read(seen.checkout_id);
    if (row?.state !== "handed" || row.version !== seen.version) return;
    if (outcome.state === "running")
      return this.checkAgainAt(row.checkout_id, Math.max(outcome.until, Date.now()) + 1_000);
    if (outcome.state === "completed" && outcome.status === 201) return this.done(row.checkout_id);
    this.sql.exec(
      "UPDATE cart_handoffs SET state = 'abandoned', version = version + 1 WHERE checkout_id = ?",
      row.checkout_id,
    );
    this.store.restoreLines(JSON.parse(row.lines) as CartLine[], row.currency, Date.now());
    logEvent("info", "checkout_abandoned", { checkoutId: row.checkout_id });
    await this.releaseHolds(row);
  }

  private async releaseHolds(row: HandOffRow): Promise<void> {
    const lines = JSON.parse(row.lines) as CartLine[];
    try {
      const released = await releaseItems(
        this.env,
        row.checkout_id,
        lines.map((l) => ({ key: inventoryKey(l.productId, l.variantId) })),
      );
      if (!released.ok) logEvent("warn", "checkout_abandoned_holds", { checkoutId: row.checkout_id, released });
      this.sql.exec("UPDATE cart_handoffs SET holds_released = 1 WHERE checkout_id = ?", row.checkout_id);
      this.store.scheduleAlarm();
    } catch (err) {
      logEvent("warn", "checkout_abandoned_release_failed", { checkoutId: row.checkout_id, error: String(err) });
      this.checkAgainAt(row.checkout_id, Date.now() + RETRY_MS);
    }
  }

  private checkAgainAt(checkoutId: string, at: number): void {
    this.sql.exec("UPDATE cart_handoffs SET check_at = ? WHERE checkout_id = ?", at, checkoutId);
    this.store.scheduleAlarm();
  }

  /** Settled hand-offs are kept as long as a retry of their key may come (IDEMPOTENCY_TTL_SECONDS). */
  private purge(now: number): void {
    const keptMs = readConfig(this.env).limits.idempotencyTtlSeconds * 1000;
    this.sql.exec(
      `DELETE FROM cart_handoffs WHERE taken_at < ?
         AND (state IN ('returned', 'ordered') OR (state = 'abandoned' AND holds_released = 1))`,
      now - keptMs,
    );
  }

  private read(checkoutId: string): HandOffRow | undefined {
    return this.sql.exec<Row<HandOffRow>>("SELECT * FROM cart_handoffs WHERE checkout_id = ?", checkoutId).toArray()[0];
  }
}
