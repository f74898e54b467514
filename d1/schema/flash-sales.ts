import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const FLASH_SALE_STATUS = ["scheduled", "cancelled"] as const;

/**
 * A shop's flash sale: a window in which some of its products sell at a lower price, up to a quota.
 * Whether it is upcoming, live or ended is derived from the window and the clock (nothing runs at
 * its start or end); `status` only records a cancellation. Units held and sold against each quota
 * live in the Inventory objects (workers/inventory/object/sales.ts).
 */
export const flashSales = sqliteTable(
  "flash_sales",
  {
    id: text("id").primaryKey(),
    shopId: text("shop_id").notNull(),
    name: text("name").notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    status: text("status", { enum: FLASH_SALE_STATUS }).notNull(),
    createdAt: integer("created_at").notNull(),
    cancelledAt: integer("cancelled_at"),
  },
  (t) => [index("flash_sales_shop").on(t.shopId, t.id), index("flash_sales_window").on(t.endsAt, t.startsAt)],
);

/** One product (or variant) of a sale: its sale price (minor units of `currency`), quota and per-buyer limit. */
export const flashSaleItems = sqliteTable(
  "flash_sale_items",
  {
    id: text("id").primaryKey(),
    saleId: text("sale_id").notNull(),
    productId: text("product_id").notNull(),
    /** "" for a product without variants, so (sale, product, variant) is one key. */
    variantId: text("variant_id").notNull(),
    salePrice: integer("sale_price").notNull(),
    currency: text("currency").notNull(),
    quota: integer("quota").notNull(),
    perUserLimit: integer("per_user_limit"),
    position: integer("position").notNull(),
    /** Copied from the sale, so "the live sale of this SKU" is one indexed read. */
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    cancelled: integer("cancelled").notNull().default(0),
  },
  (t) => [
    index("flash_sale_items_sale").on(t.saleId, t.position),
    index("flash_sale_items_sku").on(t.productId, t.variantId, t.endsAt),
  ],
);
