import { and, isNull } from "drizzle-orm";
import { outboxEvents } from "../../d1/schema/platform";
import { type Database, database, inList, nowMs } from "./db";
import { logEvent } from "./log";

/** Event ids by how they ended: applied by every consumer of their type, or dead-lettered. */
export interface Settled {
  applied: readonly string[];
  deadLettered: readonly string[];
}

/**
 * Marks outbox events settled (never published again, no longer in the queue backlog). Called by
 * the queue consumer at the end of each batch for the events every consumer of their type applied
 * there, and by the cron's reconciler for those it finds applied later; only rows not yet settled
 * change, so the two (and overlapping runs of either) settle an event once. Ids with no outbox row
 * (events sent straight to a queue) change nothing.
 */
export async function settleEvents(db: Database, settled: Settled): Promise<void> {
  const now = nowMs();
  for (const [outcome, ids] of [
    ["applied", settled.applied],
    ["dead_lettered", settled.deadLettered],
  ] as const) {
    if (ids.length === 0) continue;
    await db
      .update(outboxEvents)
      .set({ settledAt: now, outcome })
      .where(and(inList(outboxEvents.id, ids), isNull(outboxEvents.settledAt)));
  }
}

/**
 * The batch's finished events leave the backlog now rather than at the reconciler's next check
 * (minutes later): the queue backlog gauge counts what is really still to do. Best effort: what
 * this misses, the reconciler settles when it finds every consumer's done marker.
 */
export async function settleBatch(env: Env, queue: string, settled: Settled): Promise<void> {
  try {
    await settleEvents(database(env), settled);
  } catch (err) {
    logEvent("warn", "event_settle_failed", { queue, error: err instanceof Error ? err.message : String(err) });
  }
}
