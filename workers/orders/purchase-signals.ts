import { type SQL, sql } from "drizzle-orm";
import type { OrderStatus } from "../../schemas/orders";

/**
 * Orders as purchase signals, for read models in other domains that score products in one D1
 * statement (recommendations: trending, bought together, for you). Each function is a relation (a
 * subquery, parameters bound) over orders and their lines; the caller joins it, weighs it and
 * names the statuses that count. The column names given are the contract; SQLite flattens or
 * streams the subquery, so the plan is the one the tables would get.
 */

const DAY_MS = 86_400_000;

const list = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Lines of orders paid since `paidSince` in one of `statuses`: (product_id, quantity, paid_at). */
export function paidOrderLines(options: { paidSince: number; statuses: readonly OrderStatus[] }): SQL {
  // An order is paid before its reservation runs out, so this bound lets orders_expiry's index
  // (status, reservation_expires_at) find the window's orders without reading older ones.
  const reservedSince = options.paidSince - DAY_MS;
  return sql`(SELECT oi.product_id AS product_id, oi.quantity AS quantity, o.paid_at AS paid_at
    FROM orders o JOIN order_items oi ON oi.order_id = o.id
    WHERE o.status IN (${list(options.statuses)}) AND o.reservation_expires_at >= ${reservedSince}
      AND o.paid_at >= ${options.paidSince})`;
}

/**
 * Products bought in the same checkouts as `productId` (a checkout is one cart paid at once,
 * split into one order per shop, so companions from other shops count too), over its latest
 * `recentCheckouts` checkouts with orders in `statuses`: (product_id, together), `together` being
 * the number of those checkouts that had both.
 */
export function coPurchases(options: {
  productId: string;
  statuses: readonly OrderStatus[];
  recentCheckouts: number;
}): SQL {
  const statuses = list(options.statuses);
  return sql`(
    WITH mine AS (
      SELECT o.checkout_id AS checkout_id, MAX(o.id) AS last
      FROM order_items oi JOIN orders o ON o.id = oi.order_id
      WHERE oi.product_id = ${options.productId} AND o.status IN (${statuses})
      GROUP BY o.checkout_id
      ORDER BY last DESC
      LIMIT ${options.recentCheckouts}
    )
    SELECT oi.product_id AS product_id, COUNT(DISTINCT o.checkout_id) AS together
    FROM mine CROSS JOIN orders o ON o.checkout_id = mine.checkout_id
      CROSS JOIN order_items oi ON oi.order_id = o.id
    WHERE oi.product_id <> ${options.productId} AND o.status IN (${statuses})
    GROUP BY oi.product_id)`;
}

/** Lines of the customer's latest `recentOrders` orders in `statuses`: (product_id, quantity). */
export function recentOrderLines(options: {
  customerId: string;
  statuses: readonly OrderStatus[];
  recentOrders: number;
}): SQL {
  return sql`(SELECT oi.product_id AS product_id, oi.quantity AS quantity
    FROM (SELECT id FROM orders
          WHERE customer_id = ${options.customerId} AND status IN (${list(options.statuses)})
          ORDER BY id DESC LIMIT ${options.recentOrders}) mo
    JOIN order_items oi ON oi.order_id = mo.id)`;
}

/** The products of the customer's orders in one of `statuses` (once per order line): (product_id). */
export function orderedProducts(options: { customerId: string; statuses: readonly OrderStatus[] }): SQL {
  return sql`(SELECT oi.product_id AS product_id
    FROM orders o JOIN order_items oi ON oi.order_id = o.id
    WHERE o.customer_id = ${options.customerId} AND o.status IN (${list(options.statuses)}))`;
}
