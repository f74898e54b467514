import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { cartCatalog, cartLineKey } from "../catalog";
import { database } from "../platform/db";
import { logEvent } from "../platform/log";
import { recordMetric } from "../platform/metrics";
import { loadAvailability } from "./availability";
import type { DroppedLine, MergeLine } from "./object/types";
import { CART_TOKEN_HEADER, cartStub, guestCartName, isCartToken, userCartName } from "./tokens";

export interface CartMergeOutcome {
  /** Units that moved into the user's cart. */
  merged: number;
  /** Units that did not (another currency, short stock, the 99 cap, a full cart, no longer for sale). */
  dropped: DroppedLine[];
  /** Set when nothing was attempted or the merge failed (the sign-in goes on regardless). */
  skipped?: "invalid_token" | "empty" | "error";
}

/**
 * Moves a guest cart into a user's cart at sign-in, then deletes the guest cart. Quantities add
 * up, capped by what is in stock now (and 99 per line); lines in another currency than the user's
 * cart, and lines no longer for sale, are dropped and logged. Prices are re-read from the catalog.
 * Never throws: a failed merge is logged and the sign-in goes on (the guest cart is then kept).
 */
export async function mergeGuestCartInto(env: Env, guestToken: string, userId: string): Promise<CartMergeOutcome> {
  if (!isCartToken(guestToken)) {
    logEvent("info", "cart_merge_skipped", { userId, reason: "invalid_token" });
    return { merged: 0, dropped: [], skipped: "invalid_token" };
  }
  try {
    const guest = cartStub(env, await guestCartName(guestToken));
    const snapshot = await guest.snapshot();
    if (snapshot.lines.length === 0) {
      if (snapshot.updatedAt !== null) await guest.destroy();
      return { merged: 0, dropped: [], skipped: "empty" };
    }
    const refs = snapshot.lines.map((l) => ({ productId: l.productId, variantId: l.variantId }));
    const catalog = await cartCatalog(database(env), refs);
    const sellable = refs.filter((r) => catalog.get(cartLineKey(r))?.unavailable === null);
    const stock = await loadAvailability(env, sellable);

    const offered: MergeLine[] = [];
    const dropped: DroppedLine[] = [];
    for (const line of snapshot.lines) {
      const entry = catalog.get(cartLineKey(line));
      if (!entry || entry.unavailable !== null) {
        dropped.push({
          productId: line.productId,
          variantId: line.variantId,
          quantity: line.quantity,
          reason: "unavailable",
        });
        continue;
      }
      offered.push({
        productId: line.productId,
        variantId: line.variantId,
        quantity: line.quantity,
        unitPrice: entry.unitPrice,
        currency: entry.currency,
        name: entry.name,
        available: stock.get(cartLineKey(line)) ?? 0,
      });
    }
    const userCart = cartStub(env, userCartName(userId));
    const result = await userCart.merge({ lines: offered });
    if (!result.ok) throw new Error(`Cart object refused the merge: ${result.message}`);
    dropped.push(...result.dropped);
    await guest.destroy();
    if (result.merged > 0) {
      // The funnel follows the lines: the guest cart left it, the account's cart got items (docs/metrics.md).
      recordMetric(env, { kind: "cart", action: "merged", cartKey: guest.id.toString() });
      recordMetric(env, { kind: "cart", action: "add", cartKey: userCart.id.toString() });
    }

    logEvent("info", "cart_merged", { userId, merged: result.merged, droppedLines: dropped.length });
    if (dropped.length > 0) {
      // Lines in another currency than the user's cart (and other leftovers) are dropped: say which.
      logEvent("warn", "cart_merge_dropped", { userId, dropped });
    }
    return { merged: result.merged, dropped };
  } catch (err) {
    logEvent("error", "cart_merge_failed", { userId, error: err instanceof Error ? err.message : String(err) });
    return { merged: 0, dropped: [], skipped: "error" };
  }
}

/**
 * The sign-in hook (identity's IdentityHooks.signedIn): a sign-in request that names a guest cart
 * in X-Cart-Token merges it into the user's cart before the sign-in answers.
 */
export async function mergeGuestCartOnSignIn(
  c: Context<AppEnv>,
  userId: string,
): Promise<CartMergeOutcome | undefined> {
  const token = c.req.header(CART_TOKEN_HEADER)?.trim();
  return token ? mergeGuestCartInto(c.env, token, userId) : undefined;
}
