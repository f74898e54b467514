import { inventoryKey, setStock, stockLevel as skuLevel } from "../inventory";
import { ApiError } from "../platform/errors";

export { inventoryKey };

/**
 * Every call the catalog makes to stock, in one place. Stock of one SKU lives in its own
 * `Inventory` Durable Object (RPC through `env.INVENTORY.getByName(key)`): the product itself when
 * it has no variants, otherwise each variant. D1 keeps only `products.stockSnapshot` for lists.
 */

export interface StockLevel {
  onHand: number;
  reserved: number;
  available: number;
}

export interface ProductStock {
  /** The product's total: its own level, or the sum over its variants. */
  total: StockLevel;
  /** Per variant id (empty for a product without variants). */
  variants: Map<string, StockLevel>;
}

const ZERO: StockLevel = { onHand: 0, reserved: 0, available: 0 };

function sumLevels(levels: Iterable<StockLevel>): StockLevel {
  const total = { ...ZERO };
  for (const level of levels) {
    total.onHand += level.onHand;
    total.reserved += level.reserved;
    total.available += level.available;
  }
  return total;
}

/**
 * A stock-take: on-hand becomes `onHand` (and the low-stock threshold, when given). An Inventory
 * object that refuses (e.g. fewer units than unpaid orders already hold) becomes a 409 naming why.
 */
export async function setOnHand(
  env: Env,
  productId: string,
  variantId: string | null,
  onHand: number,
  options: { lowStockThreshold?: number } = {},
): Promise<void> {
  const result = await setStock(
    env,
    { key: inventoryKey(productId, variantId) },
    { onHand, ...(options.lowStockThreshold !== undefined ? { lowStockThreshold: options.lowStockThreshold } : {}) },
  );
  if (!result.ok) {
    throw new ApiError(
      "conflict",
      result.code === "below_reserved"
        ? `The stock could not be set to ${onHand}: ${result.reserved} units are held by unpaid orders.`
        : // The Inventory object's own diagnostic (input the catalog should have checked first).
          `The stock could not be set to ${onHand}: ${result.message}.`,
    );
  }
}

export async function stockLevel(env: Env, productId: string, variantId?: string | null): Promise<StockLevel> {
  const { onHand, reserved, available } = await skuLevel(env, { key: inventoryKey(productId, variantId) });
  return { onHand, reserved, available };
}

/** Live levels of a product: one Inventory call per SKU, all at once. */
export async function productStock(env: Env, productId: string, variantIds: readonly string[]): Promise<ProductStock> {
  if (variantIds.length === 0) return { total: await stockLevel(env, productId), variants: new Map() };
  const levels = await Promise.all(variantIds.map((id) => stockLevel(env, productId, id)));
  const variants = new Map(variantIds.map((id, i) => [id, levels[i]]));
  return { total: sumLevels(levels), variants };
}

/** Sets the on-hand stock of many SKUs (new products, seeds), a bounded number of calls at a time. */
export async function setOnHandMany(
  env: Env,
  entries: readonly { productId: string; variantId: string | null; onHand: number }[],
  concurrency = 16,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const entry = entries[next++];
      await setOnHand(env, entry.productId, entry.variantId, entry.onHand);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
}
