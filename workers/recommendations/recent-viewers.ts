import { and, eq, gte, notLike } from "drizzle-orm";
import { productViews } from "../../d1/schema/recommendations";
import type { Database } from "../platform/db";

/** Signed-in users who viewed a product since `since` (guests' views are hashes and cannot be told). */
export async function recentViewers(db: Database, productId: string, since: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ viewerId: productViews.viewerId })
    .from(productViews)
    .where(
      and(
        eq(productViews.productId, productId),
        gte(productViews.lastViewedAt, since),
        notLike(productViews.viewerId, "cart:%"),
        notLike(productViews.viewerId, "ip:%"),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.viewerId);
}
