import type { GuestSlotTaker } from "../middleware/write-limits";
import { cartStub, guestCartName, guestCartToken } from "./tokens";

/**
 * Takes a slot of the guest's payment limit (WRITE_LIMIT_PAYMENT per cart token) in their Cart
 * object rather than in a RateLimiter of its own: the guest's checkout made that object already,
 * so a payment makes no new one (a new object's first write was the largest cost of a guest's
 * payment, docs/performance-write.md). Exact: one object per token, check and take with no await.
 * A token this server could not have issued is the 422 the payment would answer anyway
 * (guestCartToken), before any object is made for it. write-limits.ts calls this only for a guest
 * who sent a token.
 */
export const guestPaymentSlot: GuestSlotTaker = async (c, accountLimit) => {
  const token = guestCartToken(c);
  if (!token) throw new Error("guestPaymentSlot: called without a cart token");
  const stub = cartStub(c.env, await guestCartName(token));
  const slot = await stub.takePaymentSlot(accountLimit);
  if (slot.ok) return { ok: true, giveBack: () => stub.givePaymentSlotBack(slot.windowEndsAt) };
  if ("message" in slot) throw new Error(`payment slot refused its input: ${slot.message}`);
  return { ok: false, retryAfterSeconds: slot.retryAfterSeconds };
};
