import { eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { shops } from "../../d1/schema/shops";
import type { Database } from "../platform/db";

/*
 * Single facts about a shop that other domains need (who owns it, what it is called, where it ships
 * from), so they never read the shops table themselves.
 */

/** The owner's user id, or undefined when there is no such shop. */
export async function shopOwnerId(db: Database, shopId: string): Promise<string | undefined> {
  const row = await db.select({ ownerId: shops.ownerId }).from(shops).where(eq(shops.id, shopId)).get();
  return row?.ownerId;
}

/** The shop's name, or undefined when there is no such shop. */
export async function shopName(db: Database, shopId: string): Promise<string | undefined> {
  const row = await db.select({ name: shops.name }).from(shops).where(eq(shops.id, shopId)).get();
  return row?.name;
}

/**
 * The country a shop ships from, as a correlated subquery on another query's shop-id column (NULL
 * when the shop does not exist), so a caller's query reads it in the same D1 round trip.
 */
export function shopCountrySql(shopId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(SELECT ${shops.country} FROM ${shops} WHERE ${shops.id} = ${shopId})`;
}
