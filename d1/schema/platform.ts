import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Exact fixed-window counters for limits that must hold (OTP sends, login failures). */
export const rateCounters = sqliteTable(
  "rate_counters",
  {
    key: text("key").notNull(),
    count: integer("count").notNull(),
    windowStartedAt: integer("window_started_at").notNull(),
    windowEndsAt: integer("window_ends_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key] }), index("rate_counters_ends").on(t.windowEndsAt)],
);

/** Remembered responses of idempotent writes (CONTRACT.md: same key + same body → replay). */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["in_progress", "completed"] }).notNull(),
    lockedUntil: integer("locked_until").notNull(),
    responseStatus: integer("response_status"),
    responseHeaders: text("response_headers"),
    responseBody: text("response_body"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_expires_at").on(t.expiresAt)],
);

/**
 * Events written in the same D1 batch as the state change they announce; drained to Queues. An
 * event is settled once every consumer of its type has applied it (or it was dead-lettered); until
 * then the cron's reconciler publishes it again (workers/platform/redelivery.ts).
 */
export const outboxEvents = sqliteTable(
  "outbox_events",
  {
    id: text("id").primaryKey(),
    queue: text("queue", { enum: ["order_events", "notifications", "catalog_events"] }).notNull(),
    type: text("type").notNull(),
    envelope: text("envelope").notNull(),
    createdAt: integer("created_at").notNull(),
    claimedUntil: integer("claimed_until"),
    publishedAt: integer("published_at"),
    /** Publications claimed so far (the first one included). */
    attempts: integer("attempts").notNull().default(0),
    /** How long after publishing the reconciler checks it was applied; null: EVENT_DELIVERY_TIMEOUT_SECONDS. */
    checkDelayMs: integer("check_delay_ms"),
    settledAt: integer("settled_at"),
    outcome: text("outcome", { enum: ["applied", "dead_lettered"] }),
  },
  (t) => [
    index("outbox_events_pending").on(t.publishedAt, t.id),
    index("outbox_events_unsettled")
      .on(t.publishedAt)
      .where(sql`${t.settledAt} IS NULL AND ${t.publishedAt} IS NOT NULL`),
    index("outbox_events_settled_at").on(t.settledAt),
  ],
);

/** Which consumer has applied which event: makes at-least-once delivery apply exactly once. */
export const processedEvents = sqliteTable(
  "processed_events",
  {
    consumer: text("consumer").notNull(),
    eventId: text("event_id").notNull(),
    status: text("status", { enum: ["processing", "done"] }).notNull(),
    leaseUntil: integer("lease_until").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  // By event id: the reconciler asks which consumers applied a page of events.
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] }), index("processed_events_event").on(t.eventId)],
);

/** Messages that exhausted their retries, kept for operators to inspect and replay. */
export const deadLetters = sqliteTable(
  "dead_letters",
  {
    id: text("id").primaryKey(),
    queue: text("queue").notNull(),
    eventType: text("event_type"),
    body: text("body").notNull(),
    attempts: integer("attempts").notNull(),
    receivedAt: integer("received_at").notNull(),
    /** Why it was given up, when known (e.g. which consumers never applied it). */
    reason: text("reason"),
  },
  (t) => [index("dead_letters_received_at").on(t.receivedAt)],
);

/**
 * The local sink of metric data points (workers/platform/metrics.ts): the same points the Worker
 * writes to Analytics Engine, kept in D1 only where METRICS_LOCAL_SINK is "true" (development and
 * tests; Analytics Engine stores nothing locally), so /admin/metrics shows real numbers there too.
 * Columns follow the data point layout: kind, blob2..blob6, double1, double2.
 */
export const metricPoints = sqliteTable(
  "metric_points",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    kind: text("kind").notNull(),
    blob2: text("blob2").notNull().default(""),
    blob3: text("blob3").notNull().default(""),
    blob4: text("blob4").notNull().default(""),
    blob5: text("blob5").notNull().default(""),
    blob6: text("blob6").notNull().default(""),
    double1: real("double1").notNull().default(0),
    double2: real("double2").notNull().default(0),
  },
  (t) => [index("metric_points_kind_at").on(t.kind, t.at)],
);
