import { type AnyColumn, and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { earningEntries, earningLineRefunds, earningOrderLines, earningOrders } from "../../d1/schema/earnings";
import type { Database } from "../platform/db";
import { type Currency, money } from "../platform/money";
import { type Granularity, type Period, periodKeys } from "./period";

/** The period (as periodKey writes it, UTC) of an epoch-ms column, in SQL. */
function periodSql(column: AnyColumn, granularity: Granularity): SQL {
  const seconds = sql`(${column} / 1000)`;
  if (granularity === "month") return sql`strftime('%Y-%m', ${seconds}, 'unixepoch')`;
  // Back 6 days, then forward to a Monday: the Monday the day's week began.
  if (granularity === "week") return sql`date(${seconds}, 'unixepoch', '-6 days', 'weekday 1')`;
  return sql`strftime('%Y-%m-%d', ${seconds}, 'unixepoch')`;
}

export const TOP_PRODUCTS = 10;

export interface SalesReport {
  currency: string;
  series: { period: string; orders: number; units: number; revenue: Money; refunds: Money }[];
  topProducts: { productId: string; name: string; units: number; revenue: Money }[];
}
type Money = { amount: number; currency: Currency };

/**
 * A shop's sales in a period, from the orders as they were paid (recorded by the earnings ledger
 * from order.paid): per period the orders paid, their units and totals, and the money refunded in
 * it; and the products that brought in most.
 */
export async function salesReport(
  db: Database,
  shopId: string,
  currency: Currency,
  period: Period,
  granularity: Granularity,
): Promise<SalesReport> {
  const ordersIn = and(
    eq(earningOrders.shopId, shopId),
    gte(earningOrders.paidAt, period.from),
    lt(earningOrders.paidAt, period.to),
  );
  const linesIn = and(
    eq(earningOrderLines.shopId, shopId),
    gte(earningOrderLines.paidAt, period.from),
    lt(earningOrderLines.paidAt, period.to),
  );
  const orderPeriod = periodSql(earningOrders.paidAt, granularity);
  const linePeriod = periodSql(earningOrderLines.paidAt, granularity);
  const refundPeriod = periodSql(earningEntries.createdAt, granularity);
  const [orders, units, refunds, top] = await Promise.all([
    db
      .select({ period: orderPeriod, orders: sql<number>`count(*)`, revenue: sql<number>`sum(${earningOrders.gross})` })
      .from(earningOrders)
      .where(ordersIn)
      .groupBy(orderPeriod),
    db
      .select({ period: linePeriod, units: sql<number>`sum(${earningOrderLines.quantity})` })
      .from(earningOrderLines)
      .where(linesIn)
      .groupBy(linePeriod),
    db
      .select({ period: refundPeriod, refunds: sql<number>`sum(${earningEntries.gross})` })
      .from(earningEntries)
      .where(
        and(
          eq(earningEntries.shopId, shopId),
          eq(earningEntries.type, "refund"),
          gte(earningEntries.createdAt, period.from),
          lt(earningEntries.createdAt, period.to),
        ),
      )
      .groupBy(refundPeriod),
    topProductsOf(db, shopId, period),
  ]);
  const byPeriod = <T extends { period: unknown }>(rows: T[]) => new Map(rows.map((r) => [String(r.period), r]));
  const [o, u, r] = [byPeriod(orders), byPeriod(units), byPeriod(refunds)];
  return {
    currency,
    series: periodKeys(period, granularity).map((key) => ({
      period: key,
      orders: Number(o.get(key)?.orders ?? 0),
      units: Number(u.get(key)?.units ?? 0),
      revenue: money(Number(o.get(key)?.revenue ?? 0), currency),
      refunds: money(Number(r.get(key)?.refunds ?? 0), currency),
    })),
    topProducts: top.map((t) => ({
      productId: t.productId,
      name: t.name,
      units: Number(t.units),
      revenue: money(Number(t.revenue), currency),
    })),
  };
}

/**
 * The products that brought in most in the period: their lines' totals less what refunded returns
 * of those lines gave back (both dated by the order's payment), so a returned sale does not count.
 */
function topProductsOf(db: Database, shopId: string, period: Period) {
  const l = earningOrderLines;
  const r = earningLineRefunds;
  return db.all<{ productId: string; name: string; units: number; revenue: number }>(sql`
    SELECT product_id AS productId, max(name) AS name, sum(units) AS units, sum(revenue) AS revenue FROM (
      SELECT ${l.productId} AS product_id, ${l.name} AS name, ${l.quantity} AS units, ${l.lineTotal} AS revenue
      FROM ${l} WHERE ${l.shopId} = ${shopId} AND ${l.paidAt} >= ${period.from} AND ${l.paidAt} < ${period.to}
      UNION ALL
      SELECT ${r.productId}, NULL, 0, -${r.amount}
      FROM ${r} WHERE ${r.shopId} = ${shopId} AND ${r.paidAt} >= ${period.from} AND ${r.paidAt} < ${period.to}
    )
    GROUP BY product_id HAVING max(name) IS NOT NULL
    ORDER BY revenue DESC, product_id LIMIT ${TOP_PRODUCTS}`);
}
