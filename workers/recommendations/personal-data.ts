import { desc, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { productViews } from "../../d1/schema/recommendations";
import type { Database } from "../platform/db";

/**
 * What recommendations learn about a signed-in person: the products they viewed, per day. Part of
 * the privacy export, and erased with the account (trending loses nothing it needs: the views of
 * other people stay).
 */

/** The caller's product views, newest first. */
export async function productViewsOf(db: Database, userId: string) {
  const rows = await db
    .select({
      productId: productViews.productId,
      day: productViews.day,
      count: productViews.count,
      lastViewedAt: productViews.lastViewedAt,
    })
    .from(productViews)
    .where(eq(productViews.viewerId, userId))
    .orderBy(desc(productViews.lastViewedAt));
  return rows.map((r) => ({ ...r, lastViewedAt: new Date(r.lastViewedAt).toISOString() }));
}

/** The write that forgets the person's product views (for the erasure's batch). */
export function productViewErasureWrites(db: Database, userId: string): BatchItem<"sqlite">[] {
  return [db.delete(productViews).where(eq(productViews.viewerId, userId))];
}
