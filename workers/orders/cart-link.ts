import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { resolveCart } from "../cart";

export interface CheckoutCart {
  lines: { productId: string; variantId: string | null; quantity: number }[];
  clear(): Promise<void>;
}

/** The caller's cart as checkout needs it: the lines, and a way to empty it once orders exist. */
export async function checkoutCart(c: Context<AppEnv>): Promise<CheckoutCart> {
  const { stub } = await resolveCart(c);
  const snapshot = await stub.snapshot();
  return {
    lines: snapshot.lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })),
    async clear() {
      await stub.clear();
    },
  };
}
