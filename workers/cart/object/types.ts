import type { Currency } from "../../platform/money";
import type { InvalidArgument } from "../../platform/rpc-input";

/**
 * What the `Cart` Durable Object answers over RPC. Expected outcomes (short stock, another
 * currency, an unknown line) are values, never thrown errors: RPC would carry only an error's
 * name and message. The Worker turns them into problem+json (workers/cart/outcomes.ts).
 */

/** The most units of one line, and of one request (CONTRACT: quantity 1..99). */
export const MAX_LINE_QUANTITY = 99;

/** One line as the object stores it: what was chosen, how many, and the price seen when it was. */
export interface CartLine {
  id: string;
  productId: string;
  /** null for a product without variants. */
  variantId: string | null;
  quantity: number;
  /** Unit price (minor units of the cart's currency) when the line was added or last validated. */
  unitPrice: number;
  /** The product's name when the line was added, shown if the product disappears. */
  name: string;
  addedAt: number;
  updatedAt: number;
}

export interface CartSnapshot {
  lines: CartLine[];
  /** Set by the first line; null while the cart is empty. */
  currency: Currency | null;
  /** Epoch ms of the last change; null for a cart never changed (or wiped by expiry). */
  updatedAt: number | null;
  /** updatedAt + CART_TTL_SECONDS: when the alarm deletes the cart; null when there is nothing to delete. */
  expiresAt: number | null;
}

export type { InvalidArgument };

/** A line to put in the cart, with what the Worker read from the catalog and inventory. */
export interface AddInput {
  productId: string;
  variantId: string | null;
  quantity: number;
  unitPrice: number;
  currency: Currency;
  name: string;
  /** Units available now (Inventory); the line may hold at most this many. */
  available: number;
  /**
   * The buyer's cart-addition limit (WRITE_LIMIT_CART per account): a slot of it is taken first, in
   * the same transaction as the add, refused or not; none left, nothing changes (`rate_limited`).
   */
  accountLimit?: { limit: number; windowSeconds: number };
}

export type AddResult =
  | { ok: true; lineId: string; quantity: number; cart: CartSnapshot }
  | { ok: false; code: "currency_mismatch"; cartCurrency: Currency }
  | { ok: false; code: "insufficient_stock"; available: number; inCart: number }
  | { ok: false; code: "quantity_limit"; max: number; inCart: number }
  | { ok: false; code: "cart_full"; maxLines: number }
  /** The buyer's cart-addition limit is used up for this window: nothing changed. */
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number }
  | InvalidArgument;

export interface SetQuantityInput {
  lineId: string;
  /** 0 removes the line. */
  quantity: number;
  /**
   * Units available now; only checked when the quantity grows. Left out, a change that lowers
   * the quantity (or keeps it) is made at once and one that raises it answers `needs_stock`.
   */
  available?: number;
}

export type SetQuantityResult =
  | { ok: true; removed: boolean; cart: CartSnapshot }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "insufficient_stock"; available: number; inCart: number }
  /** A raise sent without `available`: nothing changed; the cart as it is, to read the line's stock. */
  | { ok: false; code: "needs_stock"; cart: CartSnapshot }
  | InvalidArgument;

export type RemoveResult = { ok: true; cart: CartSnapshot } | { ok: false; code: "not_found" } | InvalidArgument;

/** A guest line offered to a user's cart at sign-in. */
export type MergeLine = Omit<AddInput, "accountLimit">;

export interface DroppedLine {
  productId: string;
  variantId: string | null;
  /** Units of the guest line that did not make it into the user's cart. */
  quantity: number;
  reason: "currency_mismatch" | "insufficient_stock" | "quantity_limit" | "cart_full" | "unavailable";
}

export type MergeResult = { ok: true; merged: number; dropped: DroppedLine[]; cart: CartSnapshot } | InvalidArgument;

export interface PriceUpdate {
  lineId: string;
  unitPrice: number;
}

/** A checkout asking for the cart's lines, keyed by its id (derived from its Idempotency-Key). */
export interface HandOffInput {
  checkoutId: string;
  /** The checkout's Idempotency-Key and its scope: the alarm asks D1 how that request ended. */
  keyScope: string;
  key: string;
  /** When to look whether the checkout is abandoned, from now (each retry pushes it back). */
  checkAfterMs: number;
  /**
   * The buyer's checkout limit (WRITE_LIMIT_CHECKOUT per account): a slot of it is taken first, in
   * the same transaction as the hand-off; none left, nothing is handed over (`rate_limited`).
   */
  accountLimit?: { limit: number; windowSeconds: number };
}

/**
 * A guest's payment-limit slot (WRITE_LIMIT_PAYMENT per cart token), taken in their Cart object:
 * the window it counts in, to give it back; or how long until that window ends.
 */
export type LimitSlot = { ok: true; windowEndsAt: number } | { ok: false; retryAfterSeconds: number } | InvalidArgument;

export type HandOffResult =
  | {
      ok: true;
      lines: CartLine[];
      currency: Currency;
      /** When the lines were first handed to this checkout: the same on every retry. */
      takenAt: number;
      /** The lines were handed to this checkout before: the same lines again, none taken now. */
      replayed: boolean;
    }
  /** Nothing to hand over: the cart is empty and this checkout holds no lines. */
  | { ok: false; code: "empty" }
  /** The buyer's checkout limit is used up for this window: nothing was handed over. */
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number }
  /** The checkout already became orders, or was abandoned (its lines are back in the cart). */
  | { ok: false; code: "ordered" | "abandoned" }
  | InvalidArgument;
