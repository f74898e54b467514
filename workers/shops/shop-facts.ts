import { eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { shops } from "../../d1/schema/shops";
import { type Database, inList } from "../platform/db";

/*
 * What other domains need to know about shops (who owns one, what it is called, where it ships
 * from), so they never read the shops table themselves: looked up by ids, or as a subquery inside
 * the caller's own query so that it stays one D1 round trip.
 */

/** A shop as others name it: its name and who owns it. */
export interface ShopSummary {
  name: string;
  ownerId: string;
}

/** Shops by id in one query, however many ids (absent ids are absent from the map). */
export async function shopSummaries(db: Database, ids: readonly string[]): Promise<Map<string, ShopSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: shops.id, name: shops.name, ownerId: shops.ownerId })
    .from(shops)
    .where(inList(shops.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, { name: row.name, ownerId: row.ownerId }]));
}

/** One shop's summary, or undefined when there is no such shop. */
export async function shopSummary(db: Database, id: string): Promise<ShopSummary | undefined> {
  return (await shopSummaries(db, [id])).get(id);
}

const FACTS = { ownerId: shops.ownerId, country: shops.country, name: shops.name } as const;

/**
 * One fact of the shop whose id another query's column `shopId` holds, as a scalar subquery (NULL
 * when there is no such shop): e.g. a product read with its shop's owner stays one query.
 */
export function shopFactOf(shopId: SQLWrapper, fact: keyof typeof FACTS): SQL<string | null> {
  return sql<string | null>`(SELECT ${FACTS[fact]} FROM ${shops} WHERE ${shops.id} = ${shopId})`;
}

/** The ids of the shops `userId` owns, as a query to run alone or in the caller's `db.batch`. */
export function ownedShopIdsQuery(db: Database, userId: string) {
  return db.select({ id: shops.id }).from(shops).where(eq(shops.ownerId, userId));
}
