import { eq } from "drizzle-orm";
import { products } from "../../d1/schema/catalog";
import type { InventoryLevel, SetInventoryInput } from "../../schemas/catalog";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { invalidateProduct } from "./cache";
import { PRODUCT_UPDATED, productEvent } from "./events";
import { type LoadedProduct, loadProduct, ownedProduct } from "./products";
import { productStock, setOnHand } from "./stock";

/** GET/PUT /inventory: the product's live levels, summed over its variants, with each variant's own. */
export async function inventoryLevel(env: Env, product: LoadedProduct): Promise<InventoryLevel> {
  const stock = await productStock(
    env,
    product.row.id,
    product.variants.map((v) => v.id),
  );
  return {
    productId: product.row.id,
    ...stock.total,
    variants: product.variants.map((v) => {
      const level = stock.variants.get(v.id) ?? { onHand: 0, reserved: 0, available: 0 };
      return { variantId: v.id, sku: v.sku, ...level };
    }),
  };
}

/**
 * The owner's stock-take (PUT /inventory/{productId}): the product's own on-hand, or one
 * variant's (which a product with variants must name). The list snapshot follows, announced as
 * `product.updated`.
 */
export async function takeStock(
  env: Env,
  origin: string,
  userId: string,
  productId: string,
  input: SetInventoryInput,
): Promise<InventoryLevel> {
  const db = database(env);
  const loaded = ownedProduct(await loadProduct(db, productId), userId);
  const { row, variants } = loaded;
  if (variants.length > 0 && !input.variantId) {
    throw new ApiError("validation_failed", "This product has variants: say which one with variantId.", {
      errors: [{ path: "variantId", message: `One of ${variants.map((v) => v.id).join(", ")}` }],
    });
  }
  if (input.variantId && !variants.some((v) => v.id === input.variantId)) {
    throw new ApiError(
      "validation_failed",
      variants.length > 0
        ? "variantId is not one of this product's variants."
        : "This product has no variants: leave variantId out.",
      { errors: [{ path: "variantId", message: "Not a variant of this product" }] },
    );
  }
  await setOnHand(env, row.id, input.variantId ?? null, input.onHand, { lowStockThreshold: input.lowStockThreshold });
  const level = await inventoryLevel(env, loaded);
  await db.batch([
    db.update(products).set({ stockSnapshot: level.available, updatedAt: nowMs() }).where(eq(products.id, row.id)),
    productEvent(db, PRODUCT_UPDATED, row, userId),
  ]);
  await invalidateProduct(origin, row.id);
  return level;
}
