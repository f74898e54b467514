/**
 * One line of demo products. Each option makes its own product (`${name} ${option}`) at the
 * matching price; `variants` become that product's variants (own SKU and stock). Prices are in
 * major units of the shop's currency (baht, rupiah, dong, dollars).
 */
export interface SeedLine {
  name: string;
  category: string;
  brand?: string;
  price: number | number[];
  description: string;
  options?: string[];
  variants?: string[];
  attributes?: Record<string, string>;
  weightGrams?: number;
}

export interface SeedShopProducts {
  /** SeedShop.key of the shop selling these lines. */
  shop: string;
  lines: SeedLine[];
}
