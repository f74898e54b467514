import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Synthetic checks (workers/synthetics): the cron runs the main flows against the Worker itself
 * every SYNTHETIC_CHECK_INTERVAL_MINUTES and keeps each result here (and as an Analytics Engine
 * data point), so an operator sees the latest outcome of each check. Old rows are swept.
 */
export const syntheticCheckResults = sqliteTable(
  "synthetic_check_results",
  {
    id: text("id").primaryKey(),
    /** One run of all checks: its results share this id. */
    runId: text("run_id").notNull(),
    check: text("check").notNull(),
    status: text("status", { enum: ["pass", "fail", "skipped"] }).notNull(),
    durationMs: integer("duration_ms").notNull(),
    /** The HTTP status of the step that decided the outcome (0 when none answered). */
    httpStatus: integer("http_status").notNull(),
    detail: text("detail"),
    checkedAt: integer("checked_at").notNull(),
  },
  (t) => [index("synthetic_check_results_check").on(t.check, t.checkedAt)],
);
