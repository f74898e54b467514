import { and, isNull, sql } from "drizzle-orm";
import { products, productVariants } from "../../d1/schema/catalog";
import type { LoadSaleProducts, SaleProductFacts } from "../flash-sales";
import { database } from "../platform/db";
import type { Currency } from "../platform/money";

/**
 * What the flash-sales domain checks a new sale's items against: each product's shop, price,
 * currency, status and live variants (two D1 queries). Handed to it by workers/app.ts, since the
 * catalog sits above flash-sales. Deleted products have no entry.
 */
export const saleProductFacts: LoadSaleProducts = async (env, productIds) => {
  const facts = new Map<string, SaleProductFacts>();
  if (productIds.length === 0) return facts;
  const db = database(env);
  const ids = JSON.stringify([...new Set(productIds)]);
  const [rows, variants] = await Promise.all([
    db
      .select({
        id: products.id,
        shopId: products.shopId,
        price: products.priceAmount,
        currency: products.currency,
        status: products.status,
      })
      .from(products)
      .where(and(sql`${products.id} IN (SELECT value FROM json_each(${ids}))`, isNull(products.deletedAt))),
    db
      .select({ id: productVariants.id, productId: productVariants.productId, price: productVariants.priceAmount })
      .from(productVariants)
      .where(
        and(
          sql`${productVariants.productId} IN (SELECT value FROM json_each(${ids}))`,
          isNull(productVariants.deletedAt),
        ),
      ),
  ]);
  for (const row of rows) {
    const own = variants.filter((v) => v.productId === row.id);
    facts.set(row.id, {
      shopId: row.shopId,
      currency: row.currency as Currency,
      price: row.price,
      status: row.status,
      variants: new Map(own.map((v) => [v.id, v.price ?? row.price])),
    });
  }
  return facts;
};
