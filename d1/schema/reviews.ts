import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Reviews: one per user per product, only from a buyer with a delivered order of it. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    productId: text("product_id").notNull(),
    userId: text("user_id").notNull(),
    orderId: text("order_id").notNull(),
    rating: integer("rating").notNull(),
    title: text("title"),
    body: text("body").notNull(),
    sellerReply: text("seller_reply"),
    sellerRepliedAt: integer("seller_replied_at"),
    reportCount: integer("report_count").notNull().default(0),
    hidden: integer("hidden", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("reviews_user_product").on(t.productId, t.userId),
    index("reviews_product").on(t.productId, t.id),
    // The moderation queue: hidden reviews, and visible ones with reports.
    index("reviews_moderation").on(t.hidden, t.reportCount, t.id),
  ],
);

export const reviewReports = sqliteTable(
  "review_reports",
  {
    reviewId: text("review_id").notNull(),
    reporterId: text("reporter_id").notNull(),
    reason: text("reason").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.reporterId] })],
);
