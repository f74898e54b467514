import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { shops } from "../../d1/schema/shops";

/**
 * The owner of the shop whose id `shopId` holds, as a scalar subquery (null when there is no such
 * shop) for another domain's select: a product read together with its shop's owner stays one
 * query, and one D1 round trip.
 */
export function shopOwnerOf(shopId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(SELECT ${shops.ownerId} FROM ${shops} WHERE ${shops.id} = ${shopId})`;
}
