import type { CartCatalogEntry } from "../catalog";
import { ApiError } from "../platform/errors";
import type { AddResult, SetQuantityResult } from "./object/types";

/**
 * needs_stock is not a refusal: the route reads the stock and asks again (routes/item-update.ts);
 * rate_limited is the write limit's 429 (routes/item-add.ts).
 */
type Refusal = Exclude<
  Extract<AddResult | SetQuantityResult, { ok: false }>,
  { code: "needs_stock" } | { code: "rate_limited" }
>;

/** The problem+json for what the Cart object refused (RPC outcomes are values, see types.ts). */
export function refusalError(refusal: Refusal, productCurrency?: string): ApiError {
  switch (refusal.code) {
    case "currency_mismatch":
      return new ApiError(
        "currency_mismatch",
        productCurrency
          ? `Your cart holds items priced in ${refusal.cartCurrency} and this product is priced in ${productCurrency}. A cart holds one currency: check out or empty the cart first.`
          : `Your cart holds items priced in ${refusal.cartCurrency} and this product is priced in another currency. A cart holds one currency: check out or empty the cart first.`,
      );
    case "insufficient_stock":
      return new ApiError("insufficient_stock", stockRefusalDetail(refusal.available, refusal.inCart));
    case "quantity_limit":
      return new ApiError(
        "validation_failed",
        refusal.inCart > 0
          ? `A cart line holds at most ${refusal.max} units and yours already holds ${refusal.inCart}.`
          : `A cart line holds at most ${refusal.max} units.`,
        { errors: [{ path: "quantity", message: `At most ${refusal.max - refusal.inCart} more` }] },
      );
    case "cart_full":
      return new ApiError(
        "conflict",
        `A cart holds at most ${refusal.maxLines} different items. Remove one or check out first.`,
      );
    case "not_found":
      return new ApiError("not_found", "Your cart has no item with this id. GET /api/v1/cart lists its items.");
    default:
      // invalid_argument: the Worker sent the object something it should have checked first.
      throw new Error(`Cart object refused the call: ${refusal.message}`);
  }
}

/** Why the stock refuses more: one whole sentence per case, so each translates as a unit. */
function stockRefusalDetail(available: number, inCart: number): string {
  if (available === 0) return "This product is out of stock.";
  const more = Math.max(0, available - inCart);
  if (inCart === 0) return `Only ${available} in stock: add at most ${more} more.`;
  return more > 0
    ? `Only ${available} in stock and your cart already holds ${inCart}: add at most ${more} more.`
    : `Only ${available} in stock and your cart already holds ${inCart}: you can't add more.`;
}

/** A line may only be added for a product that is for sale (404 otherwise; 422 when a variant is needed). */
export function requirePurchasable(entry: CartCatalogEntry | undefined, variantId: string | null): CartCatalogEntry {
  if (!entry || entry.unavailable === "not_found" || entry.unavailable === "deleted") {
    throw new ApiError("not_found", "There is no product with this id.");
  }
  switch (entry.unavailable) {
    case "inactive":
      // Drafts and archived products are hidden from everyone but their owner: the same 404.
      throw new ApiError("not_found", "There is no product with this id.");
    case "variant_missing":
      throw new ApiError("not_found", `This product has no variant ${variantId}. GET the product to see its variants.`);
    case "variant_required":
      throw new ApiError(
        "validation_failed",
        "This product comes in variants: send variantId (GET the product to see its variants).",
        { errors: [{ path: "variantId", message: "Required for a product with variants" }] },
      );
    default:
      return entry;
  }
}
