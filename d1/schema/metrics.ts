import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Alert rules (PUT /api/v1/admin/alerts replaces them all): a metric, a comparison, a window, and
 * whom to tell. `notify` is a JSON array of email addresses and https webhook URLs.
 */
export const alertRules = sqliteTable("alert_rules", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  metric: text("metric").notNull(),
  op: text("op", { enum: [">", "<"] }).notNull(),
  threshold: real("threshold").notNull(),
  windowMinutes: integer("window_minutes").notNull(),
  notify: text("notify").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * Incidents: a rule's metric crossed its threshold (opened) until it recovered (resolved).
 * `openRuleId` holds the rule id while the incident is open and NULL after: its unique index lets
 * one open incident exist per rule, so overlapping cron runs open (and notify) it once.
 */
export const alertIncidents = sqliteTable(
  "alert_incidents",
  {
    id: text("id").primaryKey(),
    ruleId: text("rule_id").notNull(),
    openRuleId: text("open_rule_id"),
    metric: text("metric").notNull(),
    op: text("op", { enum: [">", "<"] }).notNull(),
    threshold: real("threshold").notNull(),
    windowMinutes: integer("window_minutes").notNull(),
    openedValue: real("opened_value").notNull(),
    openedAt: integer("opened_at").notNull(),
    resolvedValue: real("resolved_value"),
    resolvedAt: integer("resolved_at"),
  },
  (t) => [uniqueIndex("alert_incidents_open_rule").on(t.openRuleId), index("alert_incidents_opened").on(t.openedAt)],
);

/**
 * Alert notifications to send: one row per target of an incident's opening or resolving, written in
 * the same batch as that change (so a crash cannot lose it), id `<incident>.<kind>.<target index>`
 * (so racing runs write it once). The cron sends what has no `sent_at`: a send claims the row
 * (`claimed_until`, a lease) with an UPDATE only one run can make; a failure releases it for the next run.
 */
export const alertNotices = sqliteTable(
  "alert_notices",
  {
    id: text("id").primaryKey(),
    incidentId: text("incident_id").notNull(),
    kind: text("kind", { enum: ["opened", "resolved"] }).notNull(),
    target: text("target").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    payload: text("payload").notNull(),
    createdAt: integer("created_at").notNull(),
    claimedUntil: integer("claimed_until"),
    attempts: integer("attempts").notNull().default(0),
    sentAt: integer("sent_at"),
    lastError: text("last_error"),
  },
  (t) => [index("alert_notices_unsent").on(t.sentAt, t.createdAt)],
);
