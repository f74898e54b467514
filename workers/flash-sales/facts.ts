import type { Currency } from "../platform/money";

/**
 * What a flash sale needs to know of the products it names: their shop, price and currency, and
 * variants. The catalog sits above flash-sales (it reads live sale prices), so this read is handed
 * in by the composition root (workers/app.ts) rather than imported.
 */
export interface SaleProductFacts {
  shopId: string;
  currency: Currency;
  /** The product's price, minor units of `currency`. */
  price: number;
  /** Listed, draft or archived; deleted products have no entry. */
  status: string;
  /** Live variants and their prices (their own, or the product's). Empty: a product without variants. */
  variants: Map<string, number>;
}

export type LoadSaleProducts = (env: Env, productIds: readonly string[]) => Promise<Map<string, SaleProductFacts>>;

export interface FlashSalesDeps {
  loadProducts: LoadSaleProducts;
}
