import { metricPoints } from "../../d1/schema/platform";
import type { EventOf } from "../../schemas/events";
import { readConfig } from "../platform/config";
import { defineConsumer } from "../platform/consume";
import { database } from "../platform/db";
import { type MetricPoint, metricInsertValues, metricRow, writeAnalyticsPoint } from "../platform/metrics";

/**
 * Business data points from the events that announce them (the one place every order and payment
 * passes, whichever route or cron made it): orders placed, payments by gateway and outcome with
 * their amount per currency. Analytics Engine gets the point when the event is applied; the
 * local sink's row commits with the consumer's "done" marker, so a redelivered event counts once.
 */
export const metricsConsumer = defineConsumer({
  name: "metrics.business",
  types: ["order.created", "payment.success", "payment.failed"] as const,
  async handle(event, env) {
    const point = businessPoint(event);
    const row = metricRow(point);
    writeAnalyticsPoint(env, row);
    if (!readConfig(env).metrics.localSink) return [];
    const at = Date.parse(event.occurredAt) || Date.now();
    return [database(env).insert(metricPoints).values(metricInsertValues(row, at))];
  },
});

function businessPoint(event: EventOf<"order.created" | "payment.success" | "payment.failed">): MetricPoint {
  switch (event.type) {
    case "order.created":
      return {
        kind: "order",
        currency: event.data.total.currency,
        shopId: event.data.shopId,
        total: event.data.total.amount,
      };
    case "payment.success":
      return {
        kind: "payment",
        gateway: event.data.gateway,
        outcome: "succeeded",
        currency: event.data.amount.currency,
        amount: event.data.amount.amount,
      };
    case "payment.failed":
      return { kind: "payment", gateway: event.data.gateway, outcome: "failed", currency: "", amount: 0 };
  }
}
