import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, gte, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { products } from "../../d1/schema/catalog";
import type { ProductListQuery, ProductSort } from "../../schemas/catalog";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import { type ImageRow, imagesOf, type ProductRow, type VariantRow, variantsOf } from "./products";
import { SOLD_COUNTS, versionFrom, versionQuery, WHOLE_CATALOG } from "./read-cache";
import { categoryAndBelow } from "./read-models";

/**
 * Browsing active products (GET /products): filters, five sorts, keyset pages. A page is one D1
 * round trip: the catalog's and the sold counts' versions, the rows, their variants and their images
 * in one batch.
 */

/** Each sort is a keyset: its columns (all in one direction) end with the id, so every row has one place. */
const SORTS: Record<ProductSort, { columns: SQLiteColumn[]; direction: "asc" | "desc" }> = {
  newest: { columns: [products.createdAt, products.id], direction: "desc" },
  price_asc: { columns: [products.priceAmount, products.id], direction: "asc" },
  price_desc: { columns: [products.priceAmount, products.id], direction: "desc" },
  rating: { columns: [products.ratingAverage, products.ratingCount, products.id], direction: "desc" },
  best_selling: { columns: [products.soldCount, products.id], direction: "desc" },
};

const KEY_VALUE = {
  [products.createdAt.name]: (r: ProductRow) => r.createdAt,
  [products.priceAmount.name]: (r: ProductRow) => r.priceAmount,
  [products.ratingAverage.name]: (r: ProductRow) => r.ratingAverage,
  [products.ratingCount.name]: (r: ProductRow) => r.ratingCount,
  [products.soldCount.name]: (r: ProductRow) => r.soldCount,
  [products.id.name]: (r: ProductRow) => r.id,
} as const;

function cursorSchema(sort: ProductSort) {
  const columns = SORTS[sort].columns;
  const values = columns.map((col) => (col.name === products.id.name ? z.string().min(1).max(64) : z.number()));
  return z
    .object({ s: z.literal(sort), k: z.array(z.union([z.number(), z.string()])).length(columns.length) })
    .refine((cursor) => cursor.k.every((v, i) => values[i].safeParse(v).success), "Cursor values do not fit this sort");
}

/** Rows after the cursor in the sort's order: one row-value comparison, which SQLite answers from the index. */
function after(sort: ProductSort, key: (string | number)[]): SQL {
  const { columns, direction } = SORTS[sort];
  const left = sql.join(columns, sql`, `);
  const right = sql.join(
    key.map((v) => sql`${v}`),
    sql`, `,
  );
  return direction === "asc" ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

function groupByProduct<T extends { productId: string | null }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (row.productId === null) continue;
    const group = groups.get(row.productId);
    if (group) group.push(row);
    else groups.set(row.productId, [row]);
  }
  return groups;
}

export interface BrowsedProduct {
  row: ProductRow;
  variants: VariantRow[];
  images: ImageRow[];
}

/** A page, and the whole catalog's and the sold counts' versions read in the same batch (read-cache.ts). */
export async function browseProducts(
  env: Env,
  query: ProductListQuery,
): Promise<Page<BrowsedProduct> & { version: number; soldVersion: number }> {
  const { sort, limit } = query;
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    throw new ApiError("validation_failed", "minPrice is above maxPrice: swap them.", {
      errors: [{ path: "minPrice", message: "Must not exceed maxPrice" }],
    });
  }
  const cursor = decodeCursor(query.cursor, cursorSchema(sort));
  const { columns, direction } = SORTS[sort];
  const db = database(env);
  const where = and(
    eq(products.status, "active"),
    isNull(products.deletedAt),
    query.shopId ? eq(products.shopId, query.shopId) : undefined,
    query.categoryId ? sql`${products.categoryId} IN ${categoryAndBelow(query.categoryId)}` : undefined,
    query.currency ? eq(products.currency, query.currency) : undefined,
    query.minPrice !== undefined ? gte(products.priceAmount, query.minPrice) : undefined,
    query.maxPrice !== undefined ? lte(products.priceAmount, query.maxPrice) : undefined,
    cursor ? after(sort, cursor.k) : undefined,
  );
  const order = columns.map((col) => (direction === "asc" ? asc(col) : desc(col)));
  // The page's rows, and the variants and images of the same rows (selected again by the same
  // query): one D1 round trip, whose statements run in order on one consistent database.
  const pageIds = db
    .select({ id: products.id })
    .from(products)
    .where(where)
    .orderBy(...order)
    .limit(limit + 1);
  const [version, soldVersion, rows, variants, images] = await db.batch([
    versionQuery(db, WHOLE_CATALOG),
    versionQuery(db, SOLD_COUNTS),
    db
      .select()
      .from(products)
      .where(where)
      .orderBy(...order)
      .limit(limit + 1),
    variantsOf(db, pageIds),
    imagesOf(db, pageIds),
  ]);

  const page = toPage(rows, limit, (r) => ({ s: sort, k: columns.map((col) => KEY_VALUE[col.name](r)) }));
  const variantsBy = groupByProduct(variants);
  const imagesBy = groupByProduct(images);
  const items = page.items.map((row) => ({
    row,
    variants: variantsBy.get(row.id) ?? [],
    images: imagesBy.get(row.id) ?? [],
  }));
  return {
    items,
    nextCursor: page.nextCursor,
    version: versionFrom(version),
    soldVersion: versionFrom(soldVersion),
  };
}
