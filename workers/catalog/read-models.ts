import { type SQL, sql } from "drizzle-orm";

/**
 * Catalog data as SQL, for read models in other domains that filter, score and page products in
 * one D1 statement (search's results, recommendations): they join these relations instead of the
 * catalog's tables, so table and column names stay the catalog's own. A relation is a subquery
 * that SQLite flattens into the caller's statement: the plan is the one the tables would get.
 * Relations are plain SQL text (no parameters), usable in a raw D1 statement or, through
 * `sql.raw`, in a drizzle template.
 */

/** The columns of PRODUCTS_SQL and LISTED_PRODUCTS_SQL. */
export interface ProductRelationRow {
  id: string;
  shop_id: string;
  name: string;
  slug: string;
  category_id: string | null;
  brand: string | null;
  /** Minor units of `currency`. */
  price_amount: number;
  currency: string;
  rating_average: number;
  rating_count: number;
  /** The list snapshot of available stock (live levels are Inventory's). */
  stock_snapshot: number;
  sold_count: number;
  /** The first image, if any. */
  image_id: string | null;
  /** 1 when anyone may see the product: active and not deleted. */
  listed: 0 | 1;
}

const PRODUCT_COLUMNS = `p.id AS id, p.shop_id AS shop_id, p.name AS name, p.slug AS slug,
  p.category_id AS category_id, p.brand AS brand, p.price_amount AS price_amount, p.currency AS currency,
  p.rating_average AS rating_average, p.rating_count AS rating_count, p.stock_snapshot AS stock_snapshot,
  p.sold_count AS sold_count,
  (SELECT m.id FROM product_media m WHERE m.product_id = p.id AND m.kind = 'image'
    ORDER BY m.position, m.id LIMIT 1) AS image_id,
  (p.status = 'active' AND p.deleted_at IS NULL) AS listed`;

/** Every product, deleted and hidden ones too (ProductRelationRow). */
export const PRODUCTS_SQL = `(SELECT ${PRODUCT_COLUMNS} FROM products p)`;

/** The products anyone may see: active and not deleted (ProductRelationRow). */
export const LISTED_PRODUCTS_SQL = `(SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.status = 'active' AND p.deleted_at IS NULL)`;

/** The category and everything below it, as a subquery of ids (one bound parameter, whatever the tree's size). */
export function categoryAndBelow(categoryId: string): SQL {
  return sql`(WITH RECURSIVE sub(id) AS (SELECT ${categoryId} UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`;
}

/**
 * The same tree as a recursive CTE `name(id)` for a raw statement whose parameter `root` (e.g.
 * `?3`) holds the category id; the statement starts `WITH RECURSIVE`.
 */
export function categoryAndBelowCte(name: string, root: string): string {
  return `${name}(id) AS (SELECT ${root} UNION SELECT c.id FROM categories c JOIN ${name} ON c.parent_id = ${name}.id)`;
}

/** The images of the products whose ids the subquery `productIds` selects: (product_id, media_id, position). */
export function productImagesSql(productIds: string): string {
  return `SELECT product_id, id AS media_id, position FROM product_media WHERE kind = 'image' AND product_id IN (${productIds})`;
}

/** Every category's names, one JSON object per row (`names`: locale → name). */
export const CATEGORY_NAMES_SQL = "SELECT names FROM categories";
