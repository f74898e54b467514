import { readConfig } from "../../platform/config";
import { newId } from "../../platform/ids";
import { FixedWindow } from "../../platform/limiter/fixed-window";
import type { Currency } from "../../platform/money";
import { parseRpcInput } from "../../platform/rpc-input";
import { CheckoutHandOffs } from "./handoffs";
import {
  AccountLimitSchema,
  AddInputSchema,
  LineIdSchema,
  MergeInputSchema,
  priceUpdatesOf,
  SetQuantityInputSchema,
} from "./input";
import { ADD_WINDOW_KEY, CartStorage, PAYMENT_WINDOW_KEY } from "./storage";
import {
  type AddResult,
  type CartSnapshot,
  type DroppedLine,
  type HandOffResult,
  type LimitSlot,
  MAX_LINE_QUANTITY,
  type MergeLine,
  type MergeResult,
  type RemoveResult,
  type SetQuantityResult,
} from "./types";

/**
 * One shopper's cart, as it runs inside its `Cart` Durable Object (durable-objects/cart.ts):
 * `user:<userId>` or `guest:<sha256(token)>` (workers/cart/tokens.ts).
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
export class ShopperCart {
  private readonly store: CartStorage;
  private readonly handOffs: CheckoutHandOffs;
  /** The buyer's cart-addition limit: one Cart per buyer, so its window lives here (the cart's alarm is its own). */
  private readonly adds: FixedWindow;
  /** A guest's payment limit: their Cart exists once they checked out, so paying makes no new object. */
  private readonly payments: FixedWindow;

  constructor(
    ctx: DurableObjectState,
    private readonly env: Env,
  ) {
    this.store = new CartStorage(ctx, env);
    this.handOffs = new CheckoutHandOffs(ctx, env, this.store);
    this.adds = new FixedWindow(ctx.storage, ADD_WINDOW_KEY, false);
    this.payments = new FixedWindow(ctx.storage, PAYMENT_WINDOW_KEY, false);
  }

  snapshot(): CartSnapshot {
    this.store.expireIfDue(Date.now());
    return this.store.read();
  }

  /**
   * Adds units of a product (or variant), merging into its line if there is one. The line's total
   * must stay within `available` and MAX_LINE_QUANTITY; the first line sets the cart's currency
   * and every later one must share it. The line records the price seen now. The buyer's limit
   * slot is taken first, in this same synchronous call (one commit with the line): refused,
   * nothing below runs; taken, it counts whatever the add answers, as the limit always did.
   */
  add(raw: unknown): AddResult {
    const parsed = parseRpcInput(AddInputSchema, raw);
    if (!parsed.ok) return parsed;
    const { accountLimit, ...input } = parsed.value;
    if (accountLimit) {
      const slot = this.adds.take(accountLimit.limit, accountLimit.windowSeconds);
      if (!slot.ok) return { ok: false, code: "rate_limited", retryAfterSeconds: slot.retryAfterSeconds };
    }
    const now = Date.now();
    const meta = this.store.expireIfDue(now);
    const count = this.store.lineCount();
    if (count > 0 && meta.currency !== null && meta.currency !== input.currency) {
      return { ok: false, code: "currency_mismatch", cartCurrency: meta.currency };
    }
    const existing = this.store.lineFor(input.productId, input.variantId);
    const inCart = existing?.quantity ?? 0;
    const quantity = inCart + input.quantity;
    if (quantity > MAX_LINE_QUANTITY) return { ok: false, code: "quantity_limit", max: MAX_LINE_QUANTITY, inCart };
    if (quantity > input.available) {
      return { ok: false, code: "insufficient_stock", available: input.available, inCart };
    }
    const { maxLines } = readConfig(this.env).cart;
    if (!existing && count >= maxLines) return { ok: false, code: "cart_full", maxLines };

    const lineId = existing?.id ?? newId("cli", now);
    this.store.upsertLine(lineId, input, quantity, existing !== undefined, now);
    const touched = this.store.touch(now, input.currency, true);
    return { ok: true, lineId, quantity, cart: this.store.read(touched) };
  }

  /**
   * Sets a line's quantity (0 removes it). Growing needs the stock; shrinking is always allowed,
   * so it needs no stock read: the Worker asks first without `available` (one call for a shrink).
   */
  setQuantity(raw: unknown): SetQuantityResult {
    const parsed = parseRpcInput(SetQuantityInputSchema, raw);
    if (!parsed.ok) return parsed;
    const { lineId, quantity, available } = parsed.value;
    const now = Date.now();
    const meta = this.store.expireIfDue(now);
    const line = this.store.line(lineId);
    if (!line) return { ok: false, code: "not_found" };
    if (quantity === 0) {
      this.store.deleteLine(lineId);
      this.store.touch(now);
      return { ok: true, removed: true, cart: this.store.read() };
    }
    if (quantity > line.quantity && available === undefined)
      return { ok: false, code: "needs_stock", cart: this.store.read() };
    if (quantity > line.quantity && available !== undefined && quantity > available) {
      return { ok: false, code: "insufficient_stock", available, inCart: line.quantity };
    }
    if (quantity === line.quantity) return { ok: true, removed: false, cart: this.store.read(meta) };
    this.store.setQuantity(lineId, quantity, now);
    const touched = this.store.touch(now, meta.currency ?? undefined, true);
    return { ok: true, removed: false, cart: this.store.read(touched) };
  }

  remove(raw: unknown): RemoveResult {
    const parsed = parseRpcInput(LineIdSchema, raw);
    if (!parsed.ok) return parsed;
    const now = Date.now();
    this.store.expireIfDue(now);
    if (!this.store.deleteLine(parsed.value)) return { ok: false, code: "not_found" };
    this.store.touch(now);
    return { ok: true, cart: this.store.read() };
  }

  /** Empties the cart (and forgets its currency). A cart that never held anything is left untouched. */
  clear(): CartSnapshot {
    const now = Date.now();
    this.store.expireIfDue(now);
    if (this.store.lineCount() === 0 && this.store.meta().updated_at === null) return this.store.read();
    this.store.deleteLines();
    this.store.touch(now);
    return this.store.read();
  }

  /**
   * Hands the cart's lines to a checkout, keyed by its id: all of them in one step (so two checkouts
   * of one cart racing each other cannot both turn the same lines into orders), or the same lines
   * again to a retry of that checkout. See handoffs.ts.
   */
  handOff(raw: unknown): HandOffResult {
    return this.handOffs.handOff(raw);
  }

  /**
   * Takes a slot of the guest's payment limit (check and take with no await: exact however many
   * payments race). The cart itself is left as it is.
   */
  takePaymentSlot(raw: unknown): LimitSlot {
    const parsed = parseRpcInput(AccountLimitSchema, raw);
    if (!parsed.ok) return parsed;
    return this.payments.take(parsed.value.limit, parsed.value.windowSeconds);
  }

  /** Gives back a payment slot of the window ending at `windowEndsAt` (the network's limit refused the payment). */
  givePaymentSlotBack(windowEndsAt: number): void {
    if (Number.isFinite(windowEndsAt)) this.payments.giveBack(windowEndsAt);
  }

  /** A checkout that failed before its orders gives its lines back, once. */
  giveBackHandOff(checkoutId: string): CartSnapshot {
    this.handOffs.giveBack(checkoutId);
    return this.store.read();
  }

  /** A checkout's orders are written: the lines it took are theirs. */
  handOffDone(checkoutId: string): void {
    this.handOffs.done(checkoutId);
  }

  /**
   * Takes a guest cart's lines at sign-in. Quantities add up, capped by each line's `available`
   * and MAX_LINE_QUANTITY (a line already above `available` is left as it is); a line in another
   * currency than the cart's (the first merged line sets it for an empty cart) is dropped. Every
   * unit that did not make it is reported in `dropped`.
   */
  merge(raw: unknown): MergeResult {
    const parsed = parseRpcInput(MergeInputSchema, raw);
    if (!parsed.ok) return parsed;
    const now = Date.now();
    this.store.expireIfDue(now);
    const { maxLines } = readConfig(this.env).cart;
    let currency: Currency | null = this.store.lineCount() > 0 ? this.store.meta().currency : null;
    let merged = 0;
    const dropped: DroppedLine[] = [];
    const drop = (line: MergeLine, quantity: number, reason: DroppedLine["reason"]) =>
      dropped.push({ productId: line.productId, variantId: line.variantId, quantity, reason });

    for (const line of parsed.value.lines) {
      if (currency !== null && currency !== line.currency) {
        drop(line, line.quantity, "currency_mismatch");
        continue;
      }
      const existing = this.store.lineFor(line.productId, line.variantId);
      const inCart = existing?.quantity ?? 0;
      const cap = Math.min(MAX_LINE_QUANTITY, line.available);
      const target = Math.max(inCart, Math.min(inCart + line.quantity, cap));
      const added = target - inCart;
      const short = line.available < MAX_LINE_QUANTITY ? "insufficient_stock" : "quantity_limit";
      if (added === 0) {
        drop(line, line.quantity, short);
        continue;
      }
      if (!existing && this.store.lineCount() >= maxLines) {
        drop(line, line.quantity, "cart_full");
        continue;
      }
      this.store.upsertLine(existing?.id ?? newId("cli", now), line, target, existing !== undefined, now);
      currency = line.currency;
      merged += added;
      if (added < line.quantity) drop(line, line.quantity - added, short);
    }
    if (merged > 0) this.store.touch(now, currency ?? undefined);
    return { ok: true, merged, dropped, cart: this.store.read() };
  }

  /**
   * Records the unit prices the shopper has now been shown (POST /cart/validate), so the next
   * validation reports only newer changes. Not a change of the cart: the expiry stays.
   */
  recordPrices(raw: unknown): CartSnapshot {
    for (const update of priceUpdatesOf(raw)) this.store.setUnitPrice(update.lineId, update.unitPrice);
    return this.snapshot();
  }

  /** Deletes everything this object stores (a guest cart after it was merged into a user's). */
  async destroy(): Promise<void> {
    await this.store.wipe();
  }

  /**
   * Settles the hand-offs that are due (handoffs.ts), then deletes the cart once `expires_at` has
   * passed (only its lines, while a checkout may still come back for its hand-off). At-least-once and
   * safe to run any number of times: a run before anything is due sets the alarm again; a run after
   * the cart is gone finds nothing to do.
   */
  async alarm(): Promise<void> {
    this.store.alarmStarted();
    await this.handOffs.settleDue();
    const { expires_at } = this.store.meta();
    if (expires_at !== null && expires_at <= Date.now()) {
      if (!this.handOffs.pending()) {
        await this.store.wipe();
        return;
      }
      this.store.expireIfDue(Date.now());
    }
    this.store.scheduleAlarm();
  }
}
