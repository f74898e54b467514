import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { SalesReportQuerySchema, SalesReportSchema } from "../../../schemas/earnings";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { type Currency, toMajorString } from "../../platform/money";
import { bearerAuth, defineRoute } from "../../platform/openapi";
import { ownedShop } from "../../shops";
import { toCsv, wantsCsv } from "../csv";
import { granularityOf, periodOf } from "../period";
import { salesReport } from "../reports";

export const salesReportRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/reports/sales",
  tags: ["Earnings"],
  summary: "The shop's sales per day, week or month and its top products, JSON or CSV (its owner)",
  description:
    "Orders paid in [from, to) by period (UTC; a week starts on Monday), their units and totals, the money refunded in each period, and the 10 products that brought in most, their revenue net of refunded returns. `Accept: text/csv` gives the series as CSV, then the top products after a blank line. The period spans at most EARNINGS_REPORT_MAX_DAYS days.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, query: SalesReportQuerySchema },
  responses: {
    200: {
      description: "The sales report (top products net of refunded returns)",
      content: { "application/json": { schema: SalesReportSchema }, "text/csv": { schema: z.string() } },
    },
  },
  errors: [401, 403, 404],
});

export const salesReportHandler: RouteHandler<typeof salesReportRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const shop = await ownedShop(db, c.req.valid("param").id, currentAuth(c).userId);
  const query = c.req.valid("query");
  const granularity = granularityOf(query.granularity);
  const period = periodOf(query, c.get("config").earnings.reportMaxDays, nowMs());
  const report = await salesReport(db, shop.id, shop.currency as Currency, period, granularity);
  c.header("Cache-Control", "private, no-store");
  if (!wantsCsv(c.req.header("Accept"))) return c.json(report, 200);
  const series = toCsv(
    ["period", "orders", "units", "revenue", "refunds", "currency"],
    report.series.map((s) => [
      s.period,
      s.orders,
      s.units,
      toMajorString(s.revenue),
      toMajorString(s.refunds),
      report.currency,
    ]),
  );
  const top = toCsv(
    ["product_id", "name", "units", "revenue", "currency"],
    report.topProducts.map((p) => [p.productId, p.name, p.units, toMajorString(p.revenue), report.currency]),
  );
  c.header("Content-Disposition", `attachment; filename="sales-${shop.id}.csv"`);
  return c.body(`${series}\r\n${top}`, 200, { "Content-Type": "text/csv; charset=utf-8" });
};
