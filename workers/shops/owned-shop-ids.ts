import { eq } from "drizzle-orm";
import { shops } from "../../d1/schema/shops";
import type { Database } from "../platform/db";

/** The ids of the shops `userId` owns, as a query to run alone or in the caller's `db.batch`. */
export function ownedShopIdsQuery(db: Database, userId: string) {
  return db.select({ id: shops.id }).from(shops).where(eq(shops.ownerId, userId));
}
