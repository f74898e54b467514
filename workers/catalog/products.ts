import { and, asc, eq, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { productMedia, products, productVariants } from "../../d1/schema/catalog";
import type { Product } from "../../schemas/catalog";
import { type Database, inList } from "../platform/db";
import { ApiError } from "../platform/errors";
import type { Currency } from "../platform/money";
import { shopFactOf } from "../shops";
import { versionFrom, versionQuery } from "./read-cache";
import type { ProductStock } from "./stock";

export type ProductRow = typeof products.$inferSelect;
export type VariantRow = typeof productVariants.$inferSelect;
export interface ImageRow {
  id: string;
  productId: string | null;
}

export interface LoadedProduct {
  row: ProductRow;
  ownerId: string;
  variants: VariantRow[];
  images: ImageRow[];
}

/** Live variants of some products, in display order: one query for a whole page. */
export function variantsOf(db: Database, productIds: ProductIds) {
  return db
    .select()
    .from(productVariants)
    .where(and(productIn(productVariants.productId, productIds), isNull(productVariants.deletedAt)))
    .orderBy(asc(productVariants.productId), asc(productVariants.position), asc(productVariants.id));
}

/**
 * Which products: a list of ids, or a query selecting one `id` column (so a page's rows and their
 * variants and images can go in one D1 batch, one round trip).
 */
type ProductIds = string[] | SQLWrapper;

function productIn(column: SQLiteColumn, ids: ProductIds): SQL {
  // Drizzle puts a query embedded in sql`` in parentheses: `IN (SELECT ...)`.
  return Array.isArray(ids) ? inList(column, ids) : sql`${column} IN ${ids}`;
}

/** Images of some products, in display order: one query for a whole page. */
export function imagesOf(db: Database, productIds: ProductIds) {
  return db
    .select({ id: productMedia.id, productId: productMedia.productId })
    .from(productMedia)
    .where(and(productIn(productMedia.productId, productIds), eq(productMedia.kind, "image")))
    .orderBy(asc(productMedia.position), asc(productMedia.id));
}

/** A product with its shop's owner, variants and images: three reads in one D1 round trip. */
export async function loadProduct(db: Database, id: string): Promise<LoadedProduct | undefined> {
  return (await loadProductAtVersion(db, id)).loaded;
}

/** loadProduct, and the product's catalog version read in the same batch (read-cache.ts). */
export async function loadProductAtVersion(
  db: Database,
  id: string,
): Promise<{ loaded: LoadedProduct | undefined; version: number }> {
  const [version, found, variants, images] = await db.batch([
    versionQuery(db, id),
    db
      .select({ product: products, ownerId: shopFactOf(products.shopId, "ownerId") })
      .from(products)
      .where(eq(products.id, id))
      .limit(1),
    variantsOf(db, [id]),
    imagesOf(db, [id]),
  ]);
  const [first] = found;
  const loaded =
    !first || first.ownerId === null ? undefined : { row: first.product, ownerId: first.ownerId, variants, images };
  return { loaded, version: versionFrom(version) };
}

/** Active and not deleted: what everyone may see. Drafts, archived and deleted products are the owner's alone. */
export function isPublic(row: Pick<ProductRow, "status" | "deletedAt">): boolean {
  return row.status === "active" && row.deletedAt === null;
}

const NOT_FOUND = "There is no product with this id.";

/** The product if the caller may see it; otherwise 404, so hidden products do not even show they exist. */
export function visibleProduct(loaded: LoadedProduct | undefined, userId: string | undefined): LoadedProduct {
  if (!loaded) throw new ApiError("not_found", NOT_FOUND);
  if (!isPublic(loaded.row) && loaded.ownerId !== userId) throw new ApiError("not_found", NOT_FOUND);
  return loaded;
}

/** The product if the caller owns its shop and it is not deleted: 404 when hidden, 403 when only visible. */
export function ownedProduct(loaded: LoadedProduct | undefined, userId: string): LoadedProduct {
  const product = visibleProduct(loaded, userId);
  if (product.ownerId !== userId) throw new ApiError("forbidden", "Only the shop's owner can change its products.");
  if (product.row.deletedAt !== null) throw new ApiError("not_found", "This product was deleted.");
  return product;
}

export function mediaUrl(origin: string, mediaId: string): string {
  return `${origin}/api/v1/media/${mediaId}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The Product of CONTRACT.md. `available` here is the list snapshot; single reads replace it with
 * live Inventory levels through `withStock`.
 */
export function presentProduct(
  row: ProductRow,
  variants: readonly VariantRow[],
  images: readonly ImageRow[],
  origin: string,
): Product {
  const currency = row.currency as Currency;
  const hasDimensions = row.lengthMm !== null && row.widthMm !== null && row.heightMm !== null;
  return {
    id: row.id,
    shopId: row.shopId,
    name: row.name,
    slug: row.slug,
    description: row.description,
    categoryId: row.categoryId,
    brand: row.brand,
    sku: row.sku,
    price: { amount: row.priceAmount, currency },
    status: row.status,
    images: images.map((m) => ({ id: m.id, url: mediaUrl(origin, m.id) })),
    variants: variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      name: v.name,
      price: { amount: v.priceAmount ?? row.priceAmount, currency },
      attributes: v.attributes,
    })),
    rating: { average: Math.round(row.ratingAverage * 100) / 100, count: row.ratingCount },
    available: row.stockSnapshot,
    attributes: row.attributes,
    weightGrams: row.weightGrams,
    dimensions: hasDimensions ? { lengthMm: row.lengthMm!, widthMm: row.widthMm!, heightMm: row.heightMm! } : null,
    soldCount: row.soldCount,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    ...(row.deletedAt !== null ? { deletedAt: iso(row.deletedAt) } : {}),
  };
}

/** The product with live stock: its total and each variant's. */
export function withStock(product: Product, stock: ProductStock): Product {
  return {
    ...product,
    available: stock.total.available,
    variants: product.variants.map((v) => ({ ...v, available: stock.variants.get(v.id)?.available ?? 0 })),
  };
}
