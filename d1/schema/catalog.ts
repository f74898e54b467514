import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** The category tree. Names per locale as JSON ({"en": "...", "th": "...", ...}). */
export const categories = sqliteTable(
  "categories",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    parentId: text("parent_id"),
    names: text("names", { mode: "json" }).$type<Record<string, string>>().notNull(),
    position: integer("position").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("categories_parent").on(t.parentId, t.position)],
);

export const brands = sqliteTable("brands", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const PRODUCT_STATUS = ["draft", "active", "archived"] as const;

/**
 * Products. Price is Money in the shop's currency (integer minor units). `available` is not kept
 * here: the Inventory Durable Object of each SKU owns stock; `stockSnapshot` is a copy for
 * listings and sorting, refreshed from inventory events. Soft-deleted rows keep `deletedAt`.
 */
export const products = sqliteTable(
  "products",
  {
    id: text("id").primaryKey(),
    shopId: text("shop_id").notNull(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull(),
    categoryId: text("category_id"),
    brand: text("brand"),
    sku: text("sku").notNull(),
    priceAmount: integer("price_amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: PRODUCT_STATUS }).notNull(),
    attributes: text("attributes", { mode: "json" }).$type<Record<string, string>>().notNull(),
    weightGrams: integer("weight_grams"),
    lengthMm: integer("length_mm"),
    widthMm: integer("width_mm"),
    heightMm: integer("height_mm"),
    ratingAverage: real("rating_average").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    soldCount: integer("sold_count").notNull().default(0),
    stockSnapshot: integer("stock_snapshot").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    deletedAt: integer("deleted_at"),
  },
  (t) => [
    uniqueIndex("products_shop_sku").on(t.shopId, t.sku),
    index("products_shop").on(t.shopId, t.id),
    index("products_category").on(t.categoryId, t.status, t.id),
    index("products_status_created").on(t.status, t.createdAt, t.id),
    index("products_status_price").on(t.status, t.priceAmount, t.id),
    // Recommendations: best sellers, and the same brand.
    index("products_status_sold").on(t.status, t.soldCount, t.id),
    index("products_brand").on(t.brand, t.status),
  ],
);

/** Variants of a product: their own SKU (and Inventory object), optional price override. */
export const productVariants = sqliteTable(
  "product_variants",
  {
    id: text("id").primaryKey(),
    productId: text("product_id").notNull(),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    priceAmount: integer("price_amount"),
    attributes: text("attributes", { mode: "json" }).$type<Record<string, string>>().notNull(),
    position: integer("position").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    deletedAt: integer("deleted_at"),
  },
  (t) => [
    index("product_variants_product").on(t.productId, t.position),
    uniqueIndex("product_variants_sku").on(t.productId, t.sku),
  ],
);

/** Images in R2 (`media/<id>`), checked by magic bytes on upload. */
export const productMedia = sqliteTable(
  "product_media",
  {
    id: text("id").primaryKey(),
    productId: text("product_id"),
    ownerId: text("owner_id").notNull(),
    r2Key: text("r2_key").notNull(),
    kind: text("kind", { enum: ["image", "file"] }).notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    etag: text("etag").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("product_media_product").on(t.productId, t.position), index("product_media_owner").on(t.ownerId, t.id)],
);

/**
 * Versions of what product reads show, for the isolates' caches (workers/catalog/read-cache.ts):
 * key "" is the whole catalog (lists), a product id that product (its detail). D1 triggers bump
 * them in the same statement as every write to products, variants, product images, flash sale
 * items and categories (migration catalog_version_triggers), so no write path can forget one.
 */
export const catalogVersions = sqliteTable("catalog_versions", {
  key: text("key").primaryKey(),
  value: integer("value").notNull(),
});
