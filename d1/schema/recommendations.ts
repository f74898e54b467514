import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Views of products, for trending and personal recommendations. */
export const productViews = sqliteTable(
  "product_views",
  {
    productId: text("product_id").notNull(),
    viewerId: text("viewer_id").notNull(),
    day: integer("day").notNull(),
    count: integer("count").notNull().default(1),
    lastViewedAt: integer("last_viewed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.viewerId, t.day] }),
    index("product_views_viewer").on(t.viewerId, t.lastViewedAt),
    // Trending: the views of the last days, per product.
    index("product_views_day").on(t.day, t.productId),
  ],
);
