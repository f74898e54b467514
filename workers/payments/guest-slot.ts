import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { guestCartToken, takeGuestPaymentSlot } from "../cart";
import type { OwnSlot } from "../middleware/write-limits";

/**
 * A guest's payment-limit slot (write-limits.ts, `guestSlot`), in the Cart object their checkout
 * made, not in a new RateLimiter per cart token. A token this server could not have issued is the
 * 422 the payment would answer anyway (guestCartToken), before any object is made for it.
 */
export async function guestPaymentSlot(
  c: Context<AppEnv>,
  limit: { limit: number; windowSeconds: number },
): Promise<OwnSlot> {
  const token = guestCartToken(c);
  if (!token) throw new Error("guestPaymentSlot: called without a cart token");
  return takeGuestPaymentSlot(c.env, token, limit);
}
