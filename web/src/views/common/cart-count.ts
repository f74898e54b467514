import { useEffect, useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { getCartToken, getSession, onSessionChange } from "../../api/session";

// The units in the reader's cart, shared by whoever shows or changes it: the header's cart link
// shows it, and any view that gets a Cart back from the API (add, change, remove) reports it here,
// so the count never needs a request of its own after the first.

let count: number | null = null;
let loading = false;
const listeners = new Set<(n: number) => void>();

/** Any answer carrying the cart (POST/PATCH/DELETE /cart/items, GET /cart) updates the count everywhere. */
export function reportCart(cart: Pick<Schemas["Cart"], "itemCount">) {
  count = cart.itemCount;
  for (const listener of listeners) listener(cart.itemCount);
}

/**
 * Reads the count once per page load, only when there is a cart to read: a guest with no cart
 * token has none yet, and asking would start an empty guest cart for nothing.
 */
function loadOnce() {
  if (count !== null || loading || (!getCartToken() && !getSession())) return;
  loading = true;
  unwrap(api.GET("/api/v1/cart")).then(reportCart, () => {
    // The header is not the place for a cart error: the cart page shows it. The count stays hidden.
    loading = false;
  });
}

// Signing in merges the guest cart into the user's, signing out leaves it: read the count again.
onSessionChange(() => {
  count = null;
  loading = false;
  if (listeners.size > 0) loadOnce();
});

/** The count for the header's cart link (0 until known). */
export function useCartCount(): number {
  const [n, setN] = useState(count ?? 0);
  useEffect(() => {
    listeners.add(setN);
    loadOnce();
    return () => {
      listeners.delete(setN);
    };
  }, []);
  return n;
}
