import { asc, gt, inArray } from "drizzle-orm";
import { categories, products } from "../../d1/schema/catalog";
import type { Database } from "../platform/db";
import type { ProductRow } from "./products";

/**
 * Products and categories read in bulk by the read models that follow the catalog (search's
 * index): whole rows as they are now, hidden and deleted ones included.
 */

export type ProductSnapshot = Pick<
  ProductRow,
  | "id"
  | "shopId"
  | "name"
  | "description"
  | "categoryId"
  | "brand"
  | "priceAmount"
  | "currency"
  | "status"
  | "attributes"
  | "ratingAverage"
  | "ratingCount"
  | "soldCount"
  | "createdAt"
  | "updatedAt"
  | "deletedAt"
>;

const snapshotColumns = {
  id: products.id,
  shopId: products.shopId,
  name: products.name,
  description: products.description,
  categoryId: products.categoryId,
  brand: products.brand,
  priceAmount: products.priceAmount,
  currency: products.currency,
  status: products.status,
  attributes: products.attributes,
  ratingAverage: products.ratingAverage,
  ratingCount: products.ratingCount,
  soldCount: products.soldCount,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  deletedAt: products.deletedAt,
};

/** The products with these ids (ids with no product are left out), 90 ids per read. */
export async function productSnapshots(db: Database, ids: readonly string[]): Promise<ProductSnapshot[]> {
  const rows: ProductSnapshot[] = [];
  for (let i = 0; i < ids.length; i += 90) {
    rows.push(
      ...(await db
        .select(snapshotColumns)
        .from(products)
        .where(inArray(products.id, ids.slice(i, i + 90)))),
    );
  }
  return rows;
}

/** Up to `limit` products by id, after `after` (from the first without it). */
export function productSnapshotsAfter(
  db: Database,
  after: string | undefined,
  limit: number,
): Promise<ProductSnapshot[]> {
  return db
    .select(snapshotColumns)
    .from(products)
    .where(after ? gt(products.id, after) : undefined)
    .orderBy(asc(products.id))
    .limit(limit);
}

export interface CategoryNames {
  id: string;
  parentId: string | null;
  slug: string;
  /** Locale → name. */
  names: Record<string, string>;
}

/** Every category with its parent and names. */
export function categoryNames(db: Database): Promise<CategoryNames[]> {
  return db
    .select({ id: categories.id, parentId: categories.parentId, slug: categories.slug, names: categories.names })
    .from(categories);
}
