import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { resolveCart } from "../cart";

export interface CheckoutCart {
  lines: { productId: string; variantId: string | null; quantity: number }[];
  /** Puts the lines back into the cart when the checkout fails. */
  giveBack(): Promise<void>;
}

/**
 * Takes the caller's cart for checkout: its lines, removed from the cart in the same step, so a
 * second checkout of the same cart racing this one finds it empty and no lines become orders twice.
 */
export async function takeCartForCheckout(c: Context<AppEnv>): Promise<CheckoutCart> {
  const { stub } = await resolveCart(c);
  const taken = await stub.takeForCheckout();
  return {
    lines: taken.lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })),
    async giveBack() {
      await stub.returnFromCheckout(taken);
    },
  };
}
