import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { processedEvents } from "../../d1/schema/platform";
import type { EventEnvelope } from "../../schemas/events";
import { database, inList, nowMs } from "./db";
import { logEvent } from "./log";

/**
 * What applying a batch's events together settled for one consumer: the events it applied now or
 * had applied before (nothing left to do for them), the events another attempt holds, with when
 * that attempt's lease ends, and the events that failed, with their error (the queue retries or
 * dead-letters each exactly as if `handle` had thrown it). Events in none of these go through the
 * one-at-a-time path.
 */
export interface SettledMany {
  settled: Set<string>;
  busy: Map<string, number>;
  failed: Map<string, unknown>;
}

/**
 * What handleMany did: the writes that record the events it applied (committed with their "done"
 * markers) and, by event id, the events it could not apply, with why. A failed event's claim is
 * dropped and its message retried alone, so a provider refusing one message never re-sends the
 * others (their work is in `writes`, done).
 */
export interface ManyOutcome {
  writes: BatchItem<"sqlite">[];
  failed?: Map<string, unknown>;
}

/** A consumer able to apply many events at once (one D1 batch, one queue send, for all of them). */
export interface ManyConsumer<E extends EventEnvelope, D> {
  name: string;
  /**
   * Applies every event given (all claimed for this consumer) and returns the writes that record
   * them; they commit with the "done" markers. An event it reports failed is retried alone.
   * Throwing applies none of them: their claims are dropped and each event is then tried on its
   * own, so one bad event never holds up the others.
   */
  handleMany(events: E[], env: Env, deps: D): Promise<ManyOutcome>;
}

/**
 * consumeOnce's claim for many events at once (?2: their ids as a JSON array): a new claim, or a
 * claim whose holder's lease ran out, is ours and comes back; a done event or a live claim does not.
 */
const CLAIM_MANY = `INSERT INTO processed_events (consumer, event_id, status, lease_until, updated_at)
  SELECT ?1, value, 'processing', ?3, ?4 FROM json_each(?2) WHERE true
  ON CONFLICT (consumer, event_id) DO UPDATE SET lease_until = ?3, updated_at = ?4
    WHERE processed_events.status = 'processing' AND processed_events.lease_until < ?4
  RETURNING event_id`;

/**
 * consumeOnce for many events: the claims are one statement (the same upsert as consumeOnce's,
 * so the two paths exclude each other), the work one call, the "done" markers one
 * statement committed with the work's writes. Exactly-once holds as it does one at a time: an
 * event is done only in the batch that commits its work, and a crash leaves leases that expire.
 */
export async function applyMany<E extends EventEnvelope, D>(
  consumer: ManyConsumer<E, D>,
  events: E[],
  env: Env,
  deps: D,
  leaseMs: number,
): Promise<SettledMany> {
  const out: SettledMany = { settled: new Set(), busy: new Map(), failed: new Map() };
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  if (unique.length === 0) return out;
  const db = database(env);
  const now = nowMs();
  // One statement claims them all (the same upsert as consumeOnce's, row by row in json_each
  // order): a statement per event cost more building and parsing than the claim itself.
  const claimed = await env.DB.prepare(CLAIM_MANY)
    .bind(consumer.name, JSON.stringify(unique.map((e) => e.id)), now + leaseMs, now)
    .raw<[string]>();
  const mineIds = new Set(claimed.map(([id]) => id));
  const mine = unique.filter((e) => mineIds.has(e.id));
  const theirs = unique.filter((e) => !mineIds.has(e.id)).map((e) => e.id);
  if (theirs.length > 0) {
    const rows = await db
      .select({
        eventId: processedEvents.eventId,
        status: processedEvents.status,
        leaseUntil: processedEvents.leaseUntil,
      })
      .from(processedEvents)
      .where(and(eq(processedEvents.consumer, consumer.name), inList(processedEvents.eventId, theirs)));
    for (const row of rows) {
      if (row.status === "done") out.settled.add(row.eventId);
      else out.busy.set(row.eventId, row.leaseUntil ?? now);
    }
  }
  if (mine.length === 0) return out;
  const ids = mine.map((e) => e.id);
  const claimOf = (of: string[]) =>
    and(
      eq(processedEvents.consumer, consumer.name),
      inList(processedEvents.eventId, of),
      eq(processedEvents.status, "processing"),
    );
  let failed: Map<string, unknown>;
  try {
    const outcome = await consumer.handleMany(mine, env, deps);
    failed = outcome.failed ?? new Map();
    const applied = ids.filter((id) => !failed.has(id));
    const done = db.update(processedEvents).set({ status: "done", updatedAt: nowMs() }).where(claimOf(applied));
    // A failed event's claim goes in the same commit, so its retry can claim it again.
    const dropped = failed.size > 0 ? [db.delete(processedEvents).where(claimOf([...failed.keys()]))] : [];
    await db.batch([done, ...dropped, ...outcome.writes]);
  } catch (err) {
    logEvent("warn", "event_batch_failed", {
      consumer: consumer.name,
      events: ids.length,
      error: err instanceof Error ? err.message : String(err),
    });
    // Drops only our own claims (still "processing"): each event is tried again on its own.
    await db.delete(processedEvents).where(claimOf(ids));
    return out;
  }
  for (const id of ids) {
    if (failed.has(id)) out.failed.set(id, failed.get(id));
    else out.settled.add(id);
  }
  return out;
}
