import { and, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { products } from "../../d1/schema/catalog";
import type { Database } from "../platform/db";
import { shopFactOf } from "../shops";

/**
 * What other domains read of one product inside their own queries (reviews: a review with its
 * product's shop and owner), and the one product column they may set: its rating. Queries come
 * back unrun, for the caller's db.batch, and scalar subqueries for the caller's select, so the
 * caller's reads stay one D1 round trip.
 */

/** The product's visibility, shop and shop owner: one row, or none when there is no such product. */
export function productWithOwner(db: Database, productId: string) {
  const ownerId = shopFactOf(products.shopId, "ownerId");
  return db
    .select({
      id: products.id,
      shopId: products.shopId,
      status: products.status,
      deletedAt: products.deletedAt,
      ownerId: sql<string>`${ownerId}`,
    })
    .from(products)
    .where(and(eq(products.id, productId), sql`${ownerId} IS NOT NULL`))
    .limit(1);
}

/** The shop of the product whose id `productId` holds (null when there is no such product). */
export function productShopOf(productId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(SELECT ${products.shopId} FROM ${products} WHERE ${products.id} = ${productId})`;
}

/** The owner of the shop of the product whose id `productId` holds (null when there is none). */
export function productOwnerOf(productId: SQLWrapper): SQL<string | null> {
  return sql<
    string | null
  >`(SELECT ${shopFactOf(products.shopId, "ownerId")} FROM ${products} WHERE ${products.id} = ${productId})`;
}

/**
 * The write that sets the product's rating from the caller's aggregates (reviews: the average and
 * count of its visible reviews, as subqueries), for the same db.batch as the change behind it.
 */
export function setRating(db: Database, productId: string, rating: { average: SQL<number>; count: SQL<number> }) {
  return db
    .update(products)
    .set({ ratingAverage: rating.average, ratingCount: rating.count })
    .where(eq(products.id, productId));
}
