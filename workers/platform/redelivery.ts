import { and, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { deadLetters, outboxEvents, processedEvents } from "../../d1/schema/platform";
import { backoffMs } from "./backoff";
import type { Config } from "./config";
import { type ConsumerDeps, type EventConsumer, keepDeadLetter, parseEnvelope } from "./consume";
import { type Database, database, inList, nowMs } from "./db";
import { logEvent } from "./log";
import { settleEvents } from "./settle";

/** Due events looked at per page, and pages per cron run (a backlog is worked off over runs). */
const PAGE = 200;
const MAX_PAGES = 10;
/**
 * The longest wait between two publications of one event, in delivery timeouts. The backoff keeps
 * a slow consumer from being flooded with copies, but an event lost several times in a row (a
 * local server killed again and again) must not wait hours: 4 timeouts at most (40 minutes with
 * production's 600 s).
 */
const MAX_CHECK_DELAY_TIMEOUTS = 4;

export interface RedeliveryReport {
  /** Every consumer of their type has applied them (or they had none). */
  settled: number;
  /** Not applied in time: handed back to the outbox drain. */
  republished: number;
  /** Not applied after EVENT_MAX_DELIVERIES publications, or dead-lettered by a consumer. */
  deadLettered: number;
}

type DueEvent = Pick<
  typeof outboxEvents.$inferSelect,
  "id" | "queue" | "type" | "envelope" | "attempts" | "publishedAt"
>;

/**
 * The cron's reconciler: delivery is at least once end to end, not just into the queue. A published
 * event is checked once its delay has passed (EVENT_DELIVERY_TIMEOUT_SECONDS, growing with backoff
 * after each publication): when every consumer of its type has recorded it in processed_events it
 * is settled; when one has not, the event goes back to the outbox and the drain that follows
 * publishes it again (consumers still apply it once, by its id); after EVENT_MAX_DELIVERIES
 * publications it is dead-lettered, visible to operators, and its consumers' onDeadLetter runs.
 * Losing a message (a local queue killed with it in memory, a dropped delivery) therefore delays
 * an event, never loses it.
 */
export async function reconcileDeliveries<D extends ConsumerDeps>(
  env: Env,
  config: Config,
  consumersFor: (type: string) => EventConsumer<D>[],
): Promise<RedeliveryReport> {
  const db = database(env);
  const report: RedeliveryReport = { settled: 0, republished: 0, deadLettered: 0 };
  for (let page = 0; page < MAX_PAGES; page++) {
    const now = nowMs();
    const due = await db
      .select({
        id: outboxEvents.id,
        queue: outboxEvents.queue,
        type: outboxEvents.type,
        envelope: outboxEvents.envelope,
        attempts: outboxEvents.attempts,
        publishedAt: outboxEvents.publishedAt,
      })
      .from(outboxEvents)
      .where(
        and(
          isNull(outboxEvents.settledAt),
          isNotNull(outboxEvents.publishedAt),
          lte(
            sql`${outboxEvents.publishedAt} + coalesce(${outboxEvents.checkDelayMs}, ${config.outbox.deliveryTimeoutMs})`,
            now,
          ),
        ),
      )
      .orderBy(outboxEvents.publishedAt)
      .limit(PAGE);
    if (due.length === 0) break;
    await reconcilePage(db, env, config, due, consumersFor, report);
    if (due.length < PAGE) break;
  }
  return report;
}

async function reconcilePage<D extends ConsumerDeps>(
  db: Database,
  env: Env,
  config: Config,
  due: DueEvent[],
  consumersFor: (type: string) => EventConsumer<D>[],
  report: RedeliveryReport,
): Promise<void> {
  const ids = due.map((e) => e.id);
  const [applied, dead] = await Promise.all([
    db
      .select({ consumer: processedEvents.consumer, eventId: processedEvents.eventId })
      .from(processedEvents)
      .where(and(inList(processedEvents.eventId, ids), eq(processedEvents.status, "done"))),
    db.select({ id: deadLetters.id }).from(deadLetters).where(inList(deadLetters.id, ids)),
  ]);
  const appliedBy = new Set(applied.map((r) => `${r.consumer}\u0000${r.eventId}`));
  const deadIds = new Set(dead.map((r) => r.id));
  const settledApplied: string[] = [];
  const settledDead: string[] = [];
  for (const event of due) {
    const waiting = consumersFor(event.type).filter((c) => !appliedBy.has(`${c.name}\u0000${event.id}`));
    if (deadIds.has(event.id)) settledDead.push(event.id);
    else if (waiting.length === 0) settledApplied.push(event.id);
    else if (event.attempts >= config.outbox.maxDeliveries) {
      await giveUp(db, env, event, waiting);
      settledDead.push(event.id);
    } else if (await republish(db, config, event)) report.republished += 1;
  }
  await settleEvents(db, { applied: settledApplied, deadLettered: settledDead });
  report.settled += settledApplied.length;
  report.deadLettered += settledDead.length;
}

/**
 * Back to the outbox: the drain publishes rows with no publishedAt. The next check waits longer
 * each time (exponential from the timeout, equal jitter), so a slow consumer is not flooded. The
 * update only applies to the publication this check saw, so overlapping cron runs republish once.
 */
async function republish(db: Database, config: Config, event: DueEvent): Promise<boolean> {
  const timeout = config.outbox.deliveryTimeoutMs;
  const checkDelayMs = Math.max(
    timeout,
    backoffMs(event.attempts, { baseMs: timeout, maxMs: MAX_CHECK_DELAY_TIMEOUTS * timeout, jitter: "equal" }),
  );
  const rows = await db
    .update(outboxEvents)
    .set({ publishedAt: null, claimedUntil: null, checkDelayMs })
    .where(
      and(
        eq(outboxEvents.id, event.id),
        isNull(outboxEvents.settledAt),
        eq(outboxEvents.publishedAt, event.publishedAt ?? -1),
      ),
    )
    .returning({ id: outboxEvents.id });
  if (rows.length > 0) {
    logEvent("warn", "event_republished", { eventId: event.id, type: event.type, deliveries: event.attempts });
  }
  return rows.length > 0;
}

/** Dead-letters an event its consumers never applied; those that did not are told once. */
async function giveUp<D extends ConsumerDeps>(
  db: Database,
  env: Env,
  event: DueEvent,
  waiting: EventConsumer<D>[],
): Promise<void> {
  const recorded = await keepDeadLetter(db, {
    id: event.id,
    queue: event.queue,
    eventType: event.type,
    body: event.envelope,
    attempts: event.attempts,
    reason: `not applied by ${waiting.map((c) => c.name).join(", ")} after ${event.attempts} deliveries`,
  });
  const envelope = parseEnvelope(event.envelope);
  if (!recorded || !envelope) return;
  for (const consumer of waiting) {
    try {
      await consumer.onDeadLetter?.(envelope, env);
    } catch (err) {
      logEvent("error", "dead_letter_hook_failed", { eventId: event.id, consumer: consumer.name, error: String(err) });
    }
  }
}
