import type { RouteHandler } from "@hono/zod-openapi";
import { MetricsQuerySchema, MetricsSchema } from "../../../schemas/metrics";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { resolveRange } from "../range";
import { defaultMetricsDeps, readMetrics } from "../read";

export const metricsRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/metrics",
  tags: ["Admin"],
  summary: "Requests, latency, orders, revenue, payments, chat, notifications and queues over time (admins)",
  description:
    "Production reads Workers Analytics Engine through its SQL API; development and tests read the same data points from D1 (METRICS_LOCAL_SINK). Every bucket of the range is present (empty ones as zeros). docs/metrics.md defines each number, conversion and cart abandonment included.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { query: MetricsQuerySchema },
  responses: { 200: jsonResponse("The series of the range", MetricsSchema) },
  errors: [401, 403, 503],
});

export const metricsHandler: RouteHandler<typeof metricsRoute, AppEnv> = async (c) => {
  const range = resolveRange(c.req.valid("query"));
  return c.json(await readMetrics(c.env, range, defaultMetricsDeps()), 200);
};
