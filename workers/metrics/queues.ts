import { count, isNull } from "drizzle-orm";
import { deadLetters, outboxEvents } from "../../d1/schema/platform";
import { type Database, database } from "../platform/db";
import { flushMetrics, recordMetric } from "../platform/metrics";

/**
 * The queues as they stand: the backlog is the events published (or waiting to be) that not every
 * consumer of their type has applied yet (outbox rows not settled); dead letters are those kept
 * for an operator (GET /api/v1/admin/dead-letters). Read from D1 in every environment: these are
 * states, not streams of points.
 */
export async function queueStanding(db: Database): Promise<{ backlog: number; deadLetters: number }> {
  const [backlog, dead] = await db.batch([
    db.select({ n: count() }).from(outboxEvents).where(isNull(outboxEvents.settledAt)),
    db.select({ n: count() }).from(deadLetters),
  ]);
  return { backlog: backlog[0]?.n ?? 0, deadLetters: dead[0]?.n ?? 0 };
}

/** The minute cron's gauges: the queues' standing as two data points, so charts and Analytics Engine have its history. */
export async function recordQueueGauges(env: Env): Promise<{ backlog: number; deadLetters: number }> {
  const standing = await queueStanding(database(env));
  recordMetric(env, { kind: "queue", gauge: "backlog", value: standing.backlog });
  recordMetric(env, { kind: "queue", gauge: "deadLetters", value: standing.deadLetters });
  await flushMetrics(env);
  return standing;
}
