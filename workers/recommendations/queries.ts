import { type SQL, sql } from "drizzle-orm";
import { categoryAndBelow, LISTED_PRODUCTS_SQL, PRODUCTS_SQL } from "../catalog";
import { coPurchases, orderedProducts, paidOrderLines, recentOrderLines } from "../orders";
import {
  BOUGHT_TOGETHER,
  DAY_MS,
  dayNumber,
  OWNED_STATUSES,
  PERSONAL,
  SIMILAR,
  SOLD_STATUSES,
  TRENDING,
} from "./rules";
import { SUMMARY_COLUMNS, type SummaryRow } from "./summaries";

export type ScoredRow = SummaryRow & { score: number };

/**
 * Every recommendation is one SQL statement that scores candidates and returns them as product
 * summaries (ScoredRow), best first. Nothing here runs a query per product. Run them with sql.ts.
 *
 * The statements join the catalog's and orders' relations (their faces: LISTED_PRODUCTS_SQL,
 * paidOrderLines, ...), never their tables; SQLite flattens those subqueries, so each plan is the
 * one the tables would get. Scoring (weights, decay, windows) is this domain's own: rules.ts.
 *
 * `CROSS JOIN` is SQLite's way to fix the join order: each query starts from its few candidates
 * and reaches products by primary key (or orders by checkout), never scanning the catalog to
 * probe the candidates, whatever the planner's statistics say.
 */

/** Every product, and the ones anyone may see (active, not deleted): ProductRelationRow. */
const PRODUCTS = sql.raw(PRODUCTS_SQL);
const LISTED = sql.raw(LISTED_PRODUCTS_SQL);

/**
 * Trending: order lines of orders paid in the last TRENDING.orderWindowDays and views of the last
 * TRENDING.viewWindowDays, weighted and decayed by age, summed per product.
 */
export function trendingQuery(options: { now: number; categoryId?: string; limit: number }) {
  const { now } = options;
  const today = dayNumber(now);
  const halfLifeMs = TRENDING.halfLifeDays * DAY_MS;
  const paid = paidOrderLines({ paidSince: now - TRENDING.orderWindowDays * DAY_MS, statuses: SOLD_STATUSES });
  return sql`
    WITH order_signal AS (
      SELECT l.product_id AS pid,
             SUM(MIN(l.quantity, ${TRENDING.maxQuantity}) * ${TRENDING.orderWeight}
                 / (1.0 + CAST(${now} - l.paid_at AS REAL) / ${halfLifeMs})) AS s
      FROM ${paid} l
      GROUP BY l.product_id
    ),
    view_signal AS (
      SELECT v.product_id AS pid,
             SUM(MIN(v.count, ${TRENDING.maxViewsPerViewerDay}) * ${TRENDING.viewWeight}
                 / (1.0 + CAST(${today} - v.day AS REAL) / ${TRENDING.halfLifeDays})) AS s
      FROM product_views v
      WHERE v.day > ${today - TRENDING.viewWindowDays}
      GROUP BY v.product_id
    ),
    scored AS (
      SELECT pid, SUM(s) AS score
      FROM (SELECT pid, s FROM order_signal UNION ALL SELECT pid, s FROM view_signal)
      GROUP BY pid
    )
    SELECT ${SUMMARY_COLUMNS}, scored.score AS score
    FROM scored CROSS JOIN ${LISTED} p ON p.id = scored.pid
    ${options.categoryId ? sql`WHERE p.category_id IN ${categoryAndBelow(options.categoryId)}` : sql``}
    ORDER BY scored.score DESC, p.sold_count DESC, p.id
    LIMIT ${options.limit}`;
}

/** Best sellers (then best rated): what fills trending when recent signals are few. */
export function popularQuery(options: { categoryId?: string; exclude: readonly string[]; limit: number }) {
  return sql`
    SELECT ${SUMMARY_COLUMNS}
    FROM ${LISTED} p
    WHERE p.id NOT IN (SELECT value FROM json_each(${JSON.stringify(options.exclude)}))
      ${options.categoryId ? sql`AND p.category_id IN ${categoryAndBelow(options.categoryId)}` : sql``}
    ORDER BY p.sold_count DESC, p.rating_count DESC, p.rating_average DESC, p.id
    LIMIT ${options.limit}`;
}

/** The product, if anyone may see it (recommendations are about public products only). */
export function publicProduct(productId: string): SQL {
  return sql`SELECT p.id AS id FROM ${LISTED} p WHERE p.id = ${productId}`;
}

/**
 * Similar: same currency, and the same category or the same brand; ranked by how many of
 * category, brand and price band (±30%) they share, then by closeness of price. Candidates come
 * from the category index and, for the brand, from the price index within the band.
 */
export function similarQuery(options: { productId: string; limit: number }) {
  const low = 1 - SIMILAR.priceBand;
  const high = 1 + SIMILAR.priceBand;
  return sql`
    WITH t AS (
      SELECT id, category_id, brand, price_amount, currency FROM ${PRODUCTS} WHERE id = ${options.productId}
    ),
    candidates AS (
      SELECT p.id FROM t JOIN ${LISTED} p
        ON p.category_id = t.category_id AND p.currency = t.currency
      UNION
      SELECT p.id FROM t JOIN ${LISTED} p
        ON p.price_amount BETWEEN t.price_amount * ${low} AND t.price_amount * ${high}
       AND p.brand = t.brand AND p.currency = t.currency
    )
    SELECT ${SUMMARY_COLUMNS},
      (CASE WHEN p.category_id = t.category_id THEN ${SIMILAR.categoryScore} ELSE 0 END)
      + (CASE WHEN p.brand = t.brand THEN ${SIMILAR.brandScore} ELSE 0 END)
      + (CASE WHEN p.price_amount BETWEEN t.price_amount * ${low} AND t.price_amount * ${high}
              THEN ${SIMILAR.priceScore} ELSE 0 END) AS score
    FROM candidates c CROSS JOIN ${LISTED} p ON p.id = c.id CROSS JOIN t
    WHERE p.id <> t.id
    ORDER BY score DESC, ABS(p.price_amount - t.price_amount) ASC, p.sold_count DESC, p.id
    LIMIT ${options.limit}`;
}

/**
 * Bought together: products in the same checkouts as this one (orders' coPurchases), ranked by
 * the number of checkouts they shared.
 */
export function boughtTogetherQuery(options: { productId: string; limit: number }) {
  const pairs = coPurchases({
    productId: options.productId,
    statuses: SOLD_STATUSES,
    recentCheckouts: BOUGHT_TOGETHER.recentCheckouts,
  });
  return sql`
    SELECT ${SUMMARY_COLUMNS}, pairs.together AS score
    FROM ${pairs} pairs CROSS JOIN ${LISTED} p ON p.id = pairs.product_id
    ORDER BY pairs.together DESC, p.sold_count DESC, p.id
    LIMIT ${options.limit}`;
}

/** Products the user has ordered (not expired or cancelled): never recommended to them. */
export function ownedProductsQuery(userId: string) {
  return sql`SELECT DISTINCT product_id FROM ${orderedProducts({ customerId: userId, statuses: OWNED_STATUSES })}`;
}

/**
 * For you: the categories and brands of what the user recently bought (weighted more) and viewed,
 * their top few kept as affinities; products there are scored by the user's affinity (normalised
 * to the strongest), nudged by sales and rating, leaving out what they already ordered.
 */
export function personalQuery(options: { userId: string; now: number; limit: number }) {
  const { userId } = options;
  const viewedSince = options.now - PERSONAL.viewWindowDays * DAY_MS;
  const bought = recentOrderLines({ customerId: userId, statuses: SOLD_STATUSES, recentOrders: PERSONAL.recentOrders });
  return sql`
    WITH my_views AS (
      SELECT product_id, count FROM product_views
      WHERE viewer_id = ${userId} AND last_viewed_at >= ${viewedSince}
      ORDER BY last_viewed_at DESC LIMIT ${PERSONAL.recentViews}
    ),
    history AS (
      SELECT p.category_id AS category_id, p.brand AS brand, ${PERSONAL.orderWeight} * MIN(l.quantity, 3) AS w
      FROM ${bought} l JOIN ${PRODUCTS} p ON p.id = l.product_id
      UNION ALL
      SELECT p.category_id, p.brand, ${PERSONAL.viewWeight} * MIN(v.count, 3)
      FROM my_views v JOIN ${PRODUCTS} p ON p.id = v.product_id
    ),
    top_categories AS (
      SELECT category_id, SUM(w) AS w FROM history WHERE category_id IS NOT NULL
      GROUP BY category_id ORDER BY w DESC LIMIT ${PERSONAL.topCategories}
    ),
    top_brands AS (
      SELECT brand, SUM(w) AS w FROM history WHERE brand IS NOT NULL
      GROUP BY brand ORDER BY w DESC LIMIT ${PERSONAL.topBrands}
    ),
    strongest AS (
      SELECT MAX(w) AS w FROM (SELECT w FROM top_categories UNION ALL SELECT w FROM top_brands)
    ),
    owned AS ${orderedProducts({ customerId: userId, statuses: OWNED_STATUSES })},
    candidates AS (
      -- Every product of the categories (the index alone answers); the final join keeps the listed.
      SELECT p.id FROM top_categories tc
        CROSS JOIN ${PRODUCTS} p ON p.category_id = tc.category_id
      UNION
      -- No index on brand yet: at most one pass over the catalog, and none without brand affinity.
      SELECT p.id FROM ${LISTED} p
      WHERE p.brand IN (SELECT brand FROM top_brands) AND EXISTS (SELECT 1 FROM top_brands)
    )
    SELECT ${SUMMARY_COLUMNS},
      (COALESCE((SELECT w FROM top_categories tc WHERE tc.category_id = p.category_id), 0) * ${PERSONAL.categoryScore}
       + COALESCE((SELECT w FROM top_brands tb WHERE tb.brand = p.brand), 0) * ${PERSONAL.brandScore})
        / (SELECT w FROM strongest)
      + 0.5 * p.sold_count / (p.sold_count + 50.0)
      + 0.5 * (p.rating_average / 5.0) * (p.rating_count / (p.rating_count + 10.0)) AS score
    FROM candidates c CROSS JOIN ${LISTED} p ON p.id = c.id
    WHERE p.id NOT IN (SELECT product_id FROM owned)
    ORDER BY score DESC, p.id
    LIMIT ${options.limit}`;
}
