import { cartStub, guestCartName } from "./tokens";

/** A slot of a guest's payment limit: taken (with the means to give it back), or refused for now. */
export type GuestPaymentSlot = { ok: true; giveBack(): Promise<void> } | { ok: false; retryAfterSeconds: number };

/**
 * Takes a slot of the guest's payment limit (WRITE_LIMIT_PAYMENT per cart token) in their Cart
 * object rather than in a RateLimiter of its own: the guest's checkout made that object already,
 * so a payment makes no new one (a new object's first write was the largest cost of a guest's
 * payment, docs/performance-write.md). Exact: one object per token, check and take with no await.
 */
export async function takeGuestPaymentSlot(
  env: Env,
  token: string,
  accountLimit: { limit: number; windowSeconds: number },
): Promise<GuestPaymentSlot> {
  const stub = cartStub(env, await guestCartName(token));
  const slot = await stub.takePaymentSlot(accountLimit);
  if (slot.ok) return { ok: true, giveBack: () => stub.givePaymentSlotBack(slot.windowEndsAt) };
  if ("message" in slot) throw new Error(`payment slot refused its input: ${slot.message}`);
  return { ok: false, retryAfterSeconds: slot.retryAfterSeconds };
}
