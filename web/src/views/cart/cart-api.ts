import { api, type Schemas, unwrap } from "../../api/client";
import { getCartToken, getSession } from "../../api/session";
import type { Money } from "../../format";

/**
 * The API's Cart, with `subtotal` and `currency` as the contract means them: null for an empty
 * cart. (The generated type intersects them with `Record<string, never> | null`, a quirk of how
 * the nullable Money is described, which no real value satisfies.)
 */
export type Cart = Omit<Schemas["Cart"], "subtotal" | "currency"> & { subtotal: Money | null; currency: string | null };
export type CartLine = Schemas["CartItem"];
export type CartProblem = Schemas["CartProblem"];

/** Whether there may be a cart to read: signed in, or a guest who was given a cart token. */
export function mayHaveCart(): boolean {
  return getSession() !== null || getCartToken() !== null;
}

/**
 * The caller's cart, or null for a visitor who never added anything: asking the server would
 * name a new guest cart (and hand back a token) for someone who has nothing in it.
 */
export async function loadCart(): Promise<Cart | null> {
  if (!mayHaveCart()) return null;
  return cartAnswer(api.GET("/api/v1/cart"));
}

/** A cart the API answered (GET, item changes, clear), typed as above. */
export function cartAnswer(pending: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<Cart> {
  return unwrap(pending) as Promise<unknown> as Promise<Cart>;
}

/** The cart's subtotal, or null for an empty cart (the API gives no currency then). */
export function cartSubtotal(cart: Cart | null): Money | null {
  if (!cart || cart.items.length === 0 || !cart.subtotal || !cart.currency) return null;
  return { amount: cart.subtotal.amount, currency: cart.subtotal.currency };
}
