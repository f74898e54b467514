import { and, eq, isNull } from "drizzle-orm";
import { products, productVariants } from "../../d1/schema/catalog";
import type { Database } from "../platform/db";
import type { Currency, Money } from "../platform/money";

/** A product (and one of its variants) as others name it, whatever its status. */
export interface ProductSummary {
  productId: string;
  name: string;
  shopId: string;
  variantName?: string;
}

/** A product and, when `variantId` is given, its variant's name, in one round trip. */
export async function productSummary(
  db: Database,
  productId: string,
  variantId: string | null,
): Promise<ProductSummary | null> {
  const product = db
    .select({ name: products.name, shopId: products.shopId })
    .from(products)
    .where(eq(products.id, productId));
  const variant = db
    .select({ name: productVariants.name })
    .from(productVariants)
    .where(and(eq(productVariants.id, variantId ?? ""), eq(productVariants.productId, productId)));
  const [[row], [variantRow]] = variantId ? await db.batch([product, variant]) : [await product, []];
  if (!row) return null;
  return { productId, name: row.name, shopId: row.shopId, variantName: variantRow?.name };
}

/** An active (listed, not deleted) product's name and current price; null when there is none. */
export async function activeProductPrice(
  db: Database,
  productId: string,
): Promise<{ name: string; price: Money } | null> {
  const row = await db
    .select({ name: products.name, amount: products.priceAmount, currency: products.currency })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.status, "active"), isNull(products.deletedAt)))
    .get();
  return row ? { name: row.name, price: { amount: row.amount, currency: row.currency as Currency } } : null;
}
