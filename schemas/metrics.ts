import { z } from "@hono/zod-openapi";
import { MoneySchema, PageQuerySchema } from "./platform";

/** Bucket sizes of GET /api/v1/admin/metrics. */
export const GRANULARITIES = ["minute", "hour", "day"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The metrics an alert rule may watch (docs/metrics.md defines each over the rule's window). */
export const ALERT_METRICS = [
  "requests",
  "errorRate",
  "p50Ms",
  "p95Ms",
  "p99Ms",
  "orders",
  "paymentsSucceeded",
  "paymentsFailed",
  "chatMessages",
  "notificationsSent",
  "notificationsFailed",
  "queueBacklog",
  "deadLetters",
] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

const isoDate = (description: string) =>
  z.string().datetime({ offset: true }).optional().openapi({ description, example: "2026-12-06T05:00:00.000Z" });

export const MetricsQuerySchema = z.object({
  from: isoDate("Start of the range (ISO 8601); default one hour before `to`").openapi({
    param: { name: "from", in: "query" },
  }),
  to: isoDate("End of the range (ISO 8601, exclusive); default now").openapi({ param: { name: "to", in: "query" } }),
  granularity: z
    .enum(GRANULARITIES)
    .default("minute")
    .openapi({ param: { name: "granularity", in: "query" }, example: "minute" }),
});

export const MetricsPointSchema = z
  .object({
    at: z.string().openapi({ description: "Start of the bucket (ISO 8601)", example: "2026-12-06T05:00:00.000Z" }),
    requests: z.number(),
    errorRate: z.number().openapi({ description: "Share of requests answered 5xx (0 to 1)" }),
    p50Ms: z.number().nullable().openapi({ description: "Median duration; null without requests" }),
    p95Ms: z.number().nullable(),
    p99Ms: z.number().nullable(),
    orders: z.number().openapi({ description: "Orders placed" }),
    revenue: z.array(MoneySchema).openapi({ description: "Payments that succeeded, summed per currency" }),
    paymentsSucceeded: z.number(),
    paymentsFailed: z.number(),
    chatMessages: z.number(),
    notificationsSent: z.number().openapi({ description: "Messages a provider accepted (every channel)" }),
    notificationsFailed: z
      .number()
      .openapi({ description: "Send attempts a provider refused (retried ones count each time)" }),
  })
  .openapi("MetricsPoint");

export const MetricsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    granularity: z.enum(GRANULARITIES),
    source: z.enum(["analytics_engine", "local"]).openapi({ description: "Where the numbers were read" }),
    series: z.array(MetricsPointSchema),
    queues: z.object({
      backlog: z.number().int().openapi({ description: "Events published but not yet applied by every consumer" }),
      deadLetters: z.number().int().openapi({ description: "Dead letters kept (GET /api/v1/admin/dead-letters)" }),
    }),
    funnel: z
      .object({
        productViews: z.number().openapi({ description: "Product pages answered (GET /api/v1/products/:id < 400)" }),
        checkouts: z.number().openapi({ description: "Checkouts answered (POST /api/v1/orders < 400)" }),
        cartsStarted: z
          .number()
          .openapi({ description: "Carts that got an item in the range (not merged away into an account's cart)" }),
        cartsOrdered: z.number().openapi({
          description: "Of cartsStarted, the carts checked out after their last add (their lines became orders)",
        }),
        conversion: z
          .number()
          .nullable()
          .openapi({ description: "cartsOrdered ÷ cartsStarted (0 to 1); null without carts" }),
        cartAbandonment: z
          .number()
          .nullable()
          .openapi({ description: "1 − conversion, over the same carts (0 to 1); null without carts" }),
      })
      .openapi({ description: "Over the whole range (docs/metrics.md)" }),
  })
  .openapi("Metrics");

export const AlertRuleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .openapi({ example: "high-error-rate" }),
    metric: z
      .string()
      .max(64)
      .openapi({ description: `One of ${ALERT_METRICS.join(", ")}`, example: "errorRate" }),
    op: z.enum([">", "<"]),
    threshold: z.number().finite().openapi({ example: 0.05 }),
    windowMinutes: z.number().int().min(1).max(1440).openapi({ example: 5 }),
    notify: z
      .array(z.string().min(3).max(2048))
      .min(1)
      .max(10)
      .openapi({ description: "Email addresses and https webhook URLs", example: ["oncall@tchat.example"] }),
  })
  .strict()
  .openapi("AlertRule");

export const AlertRulesSchema = z
  .object({ rules: z.array(AlertRuleSchema).max(50) })
  .strict()
  .openapi("AlertRules");

export const AlertIncidentSchema = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    metric: z.string(),
    op: z.enum([">", "<"]),
    threshold: z.number(),
    windowMinutes: z.number().int(),
    status: z.enum(["open", "resolved"]),
    openedValue: z.number(),
    openedAt: z.string(),
    resolvedValue: z.number().nullable(),
    resolvedAt: z.string().nullable(),
  })
  .openapi("AlertIncident");

export const ALERT_NOTICE_STATUSES = ["pending", "sent", "failed"] as const;

export const AlertNoticeQuerySchema = PageQuerySchema.extend({
  incidentId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ param: { name: "incidentId", in: "query" }, description: "Only this incident's notices" }),
  status: z
    .enum(ALERT_NOTICE_STATUSES)
    .optional()
    .openapi({ param: { name: "status", in: "query" }, description: "Only notices in this state" }),
});

export const AlertNoticeSchema = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    kind: z.enum(["opened", "resolved"]).openapi({ description: "Tells of the incident's opening or resolving" }),
    channel: z.enum(["email", "webhook"]),
    target: z.string().openapi({ description: "The rule's email address or webhook URL" }),
    status: z.enum(ALERT_NOTICE_STATUSES).openapi({
      description:
        "pending: not sent yet (a failed send is tried again each cron minute); sent; failed: given up after the last attempt",
    }),
    attempts: z.number().int(),
    lastError: z.string().nullable().openapi({ description: "Why the latest attempt failed, if it did" }),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    failedAt: z.string().nullable().openapi({ description: "When it was given up" }),
  })
  .openapi("AlertNotice");
