import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { resolveCart } from "../cart";
import { accountSlotOf } from "../middleware/write-limits";
import { ApiError } from "../platform/errors";

export interface CheckoutCart {
  /** The Cart object's id (the funnel's cart key, docs/metrics.md). */
  id: string;
  lines: { productId: string; variantId: string | null; quantity: number }[];
  /** When the Cart object first handed these lines to this checkout: the same on every retry. */
  takenAt: number;
  /** The cart had handed these lines to this checkout before (a retry, or a takeover). */
  replayed: boolean;
  /** Puts the lines back into the cart when the checkout fails (once, however often called). */
  giveBack(): Promise<void>;
  /** Tells the cart the lines became orders (the cart's alarm would find out by itself). */
  done(): Promise<void>;
}

/**
 * Takes the caller's cart for checkout `checkoutId` (workers/cart/object/handoffs.ts): its lines,
 * removed from the cart in the same step, or, for a retry of the same checkout, the lines it was
 * handed before. The buyer's checkout-limit slot is taken in the same call (429 when none is
 * left, nothing taken). An empty cart is 422; a checkout abandoned meanwhile (its lines are back
 * in the cart, nothing is reserved) is 409.
 */
export async function handCartToCheckout(
  c: Context<AppEnv>,
  handOff: { checkoutId: string; keyScope: string; key: string; checkAfterMs: number },
): Promise<CheckoutCart | "ordered"> {
  const { id, stub } = await resolveCart(c);
  const slot = accountSlotOf(c);
  const accountLimit = slot ? { limit: slot.limit, windowSeconds: slot.windowSeconds } : undefined;
  const taken = await stub.handOff({ ...handOff, accountLimit });
  if (!taken.ok) {
    if (taken.code === "rate_limited" && slot) throw await slot.refused(taken.retryAfterSeconds);
    if (taken.code === "ordered") return "ordered";
    if (taken.code === "abandoned") {
      throw new ApiError(
        "conflict",
        "This checkout was interrupted and then abandoned: your items are back in your cart and nothing is reserved. Check out again with a new Idempotency-Key.",
      );
    }
    if (taken.code === "empty") {
      throw new ApiError("validation_failed", "Your cart is empty. Add items first.", {
        errors: [{ path: "cart", message: "empty" }],
      });
    }
    throw new Error(`cart hand-off refused: ${JSON.stringify(taken)}`);
  }
  return {
    id,
    lines: taken.lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })),
    takenAt: taken.takenAt,
    replayed: taken.replayed,
    async giveBack() {
      await stub.giveBackHandOff(handOff.checkoutId);
    },
    async done() {
      await stub.handOffDone(handOff.checkoutId);
    },
  };
}
