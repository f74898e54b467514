import type { InventoryLevel } from "../../schemas/catalog";
import type { LoadedProduct } from "./products";
import { productStock } from "./stock";

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
