import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { logEvent } from "../platform/log";

/**
 * What sign-in asks of domains above identity, handed in by the composition root (workers/app.ts)
 * so that identity imports none of them.
 */
export interface IdentityHooks {
  /** Moves the guest cart named by `cartToken` into the user's cart (the cart domain's merge). */
  mergeGuestCart(env: Env, cartToken: string, userId: string): Promise<unknown>;
}

/** The request header that names a guest cart to merge at sign-in. */
const CART_TOKEN_HEADER = "X-Cart-Token";

/**
 * A sign-in request that carries a guest cart token merges that cart into the user's before it
 * answers. Never fails the sign-in: a failed merge is logged and the guest cart stays.
 */
export async function mergeGuestCartAtSignIn(c: Context<AppEnv>, hooks: IdentityHooks, userId: string): Promise<void> {
  const cartToken = c.req.header(CART_TOKEN_HEADER)?.trim();
  if (!cartToken) return;
  try {
    await hooks.mergeGuestCart(c.env, cartToken, userId);
  } catch (err) {
    logEvent("error", "sign_in_cart_merge_failed", { userId, error: err instanceof Error ? err.message : String(err) });
  }
}
