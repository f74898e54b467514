import { and, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { outboxEvents } from "../../d1/schema/platform";
import type { EventActor, EventData, EventEnvelope, EventOf, EventSubject, EventType } from "../../schemas/events";
import type { Config } from "./config";
import { type Database, database, nowMs } from "./db";
import { newId } from "./ids";
import { logEvent } from "./log";
import { requestIdOrNew } from "./request-context";

const OUTBOX_CHUNK = 90;

export type QueueName = (typeof outboxEvents.$inferInsert)["queue"];

/** Which producer binding carries each logical queue. */
export function queueBinding(env: Env, queue: QueueName): Queue {
  switch (queue) {
    case "order_events":
      return env.ORDER_EVENTS;
    case "notifications":
      return env.NOTIFICATIONS;
    case "catalog_events":
      return env.CATALOG_EVENTS;
  }
}

/**
 * The typed event constructor: `data` must match the schema of `type` in schemas/events.ts. The
 * event carries the id of the request it is created in (or `options.requestId`, for code that runs
 * outside one, such as a Durable Object told its caller's id).
 */
export function createEvent<T extends EventType>(
  type: T,
  data: EventData<T>,
  options: { actor?: EventActor; subject?: EventSubject; now?: Date; id?: string; requestId?: string } = {},
): EventOf<T> {
  const now = options.now ?? new Date();
  return {
    id: options.id ?? newId("evt", now.getTime()),
    type,
    version: 1,
    occurredAt: now.toISOString(),
    requestId: options.requestId ?? requestIdOrNew(),
    actor: options.actor ?? { type: "system" },
    ...(options.subject ? { subject: options.subject } : {}),
    data,
  } as EventOf<T>;
}

/**
 * The outbox row for an event. Put it in the same `db.batch([...])` as the state change the event
 * announces: D1 commits a batch as one transaction, so either both exist or neither does.
 */
export function recordEvent(db: Database, queue: QueueName, event: EventEnvelope) {
  return db.insert(outboxEvents).values({
    id: event.id,
    queue,
    type: event.type,
    envelope: JSON.stringify(event),
    createdAt: nowMs(),
  });
}

/**
 * The outbox row of an event its producer publishes itself right after the commit, through its
 * own queue call (e.g. with a per-message delay): written idempotently in the same batch as the
 * change, claimed by the producer for `claimSeconds` so drains leave it alone, then marked with
 * `publishedWrites` once sent. If the process dies before that, a drain publishes it when the claim
 * expires; if the message is lost after, the reconciler publishes it again. `published` records a
 * row the producer has already sent (e.g. from a consumer, whose writes commit after its work).
 */
export function recordEventOnce(
  db: Database,
  queue: QueueName,
  event: EventEnvelope,
  options: { claimSeconds: number } | { published: { at: number; checkDelayMs: number } },
) {
  const now = nowMs();
  return db
    .insert(outboxEvents)
    .values({
      id: event.id,
      queue,
      type: event.type,
      envelope: JSON.stringify(event),
      createdAt: now,
      ...("published" in options
        ? { publishedAt: options.published.at, attempts: 1, checkDelayMs: options.published.checkDelayMs }
        : { claimedUntil: now + options.claimSeconds * 1000 }),
    })
    .onConflictDoNothing();
}

const RECORD_MANY_ONCE = `INSERT INTO outbox_events (id, queue, type, envelope, created_at, claimed_until, attempts)
  SELECT json_extract(value, '$.id'), ?2, json_extract(value, '$.type'), value, ?3, ?4, 0
    FROM json_each(?1) WHERE true
  ON CONFLICT DO NOTHING`;

/**
 * recordEventOnce (claimed by its producer) for many events of one queue: one D1 prepared statement
 * for the caller's batch, the events as one JSON parameter (each row's envelope is its event's JSON).
 */
export function recordEventsOnce(
  env: Pick<Env, "DB">,
  queue: QueueName,
  events: readonly EventEnvelope[],
  options: { claimSeconds: number },
): D1PreparedStatement {
  const now = nowMs();
  return env.DB.prepare(RECORD_MANY_ONCE).bind(JSON.stringify(events), queue, now, now + options.claimSeconds * 1000);
}

/**
 * The writes that mark events their producer has just sent as published (see recordEventOnce),
 * for the producer to commit in its next batch (a consumer: with its "done" markers, one round trip
 * fewer). Until then the producer's claim keeps drains off the rows. The reconciler checks each
 * `delayMs` (its queue delay) plus EVENT_DELIVERY_TIMEOUT_SECONDS later.
 */
export function publishedWrites(
  db: Database,
  config: Config,
  sent: { id: string; delayMs: number }[],
): BatchItem<"sqlite">[] {
  const now = nowMs();
  const byDelay = new Map<number, string[]>();
  for (const { id, delayMs } of sent) byDelay.set(delayMs, [...(byDelay.get(delayMs) ?? []), id]);
  return [...byDelay].flatMap(([delayMs, ids]) =>
    chunks(ids, OUTBOX_CHUNK).map((chunk) =>
      db
        .update(outboxEvents)
        .set({
          publishedAt: now,
          claimedUntil: null,
          attempts: sql`${outboxEvents.attempts} + 1`,
          checkDelayMs: delayMs + config.outbox.deliveryTimeoutMs,
        })
        .where(and(inArray(outboxEvents.id, chunk), isNull(outboxEvents.publishedAt))),
    ),
  );
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The outbox row for an event, written only if `where` matches a row of `table` when the batch
 * runs: for changes guarded by a condition (a status move that may lose a race), so the event
 * exists exactly when the change happened.
 */
export function recordEventIf(db: Database, queue: QueueName, event: EventEnvelope, table: SQLiteTable, where: SQL) {
  return db.insert(outboxEvents).select(
    db
      .select({
        id: sql<string>`${event.id}`.as("id"),
        queue: sql<QueueName>`${queue}`.as("queue"),
        type: sql<string>`${event.type}`.as("type"),
        envelope: sql<string>`${JSON.stringify(event)}`.as("envelope"),
        createdAt: sql<number>`${nowMs()}`.as("created_at"),
        claimedUntil: sql<number | null>`NULL`.as("claimed_until"),
        publishedAt: sql<number | null>`NULL`.as("published_at"),
        attempts: sql<number>`0`.as("attempts"),
        checkDelayMs: sql<number | null>`NULL`.as("check_delay_ms"),
        settledAt: sql<number | null>`NULL`.as("settled_at"),
        outcome: sql<"applied" | "dead_lettered" | null>`NULL`.as("outcome"),
      })
      .from(table)
      .where(where)
      .limit(1),
  );
}

/**
 * Publishes pending outbox rows to their queues. Rows are claimed with one atomic UPDATE, so
 * drains running at the same time take disjoint rows. A drain that dies after sending but before
 * marking leaves the claim to expire and the row is sent again: delivery is at-least-once, and
 * consumers apply each event once by its id (see consume.ts).
 */
export async function drainOutbox(env: Env, config: Config): Promise<{ published: number; failed: number }> {
  const db = database(env);
  const now = nowMs();
  const pending = db
    .select({ id: outboxEvents.id })
    .from(outboxEvents)
    .where(
      and(isNull(outboxEvents.publishedAt), or(isNull(outboxEvents.claimedUntil), lt(outboxEvents.claimedUntil, now))),
    )
    .orderBy(outboxEvents.id)
    .limit(config.outbox.batchSize);
  const claimed = await db
    .update(outboxEvents)
    .set({ claimedUntil: now + config.outbox.claimSeconds * 1000, attempts: sql`${outboxEvents.attempts} + 1` })
    .where(and(inArray(outboxEvents.id, pending), isNull(outboxEvents.publishedAt)))
    .returning({ id: outboxEvents.id, queue: outboxEvents.queue, envelope: outboxEvents.envelope });
  if (claimed.length === 0) return { published: 0, failed: 0 };

  const byQueue = new Map<QueueName, typeof claimed>();
  for (const row of claimed) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);

  let published = 0;
  let failed = 0;
  for (const [queue, rows] of byQueue) {
    // sendBatch takes at most 100 messages, and marking them binds one parameter per id plus
    // the timestamp under D1's 100-parameter limit: 90 per chunk fits both.
    for (let i = 0; i < rows.length; i += OUTBOX_CHUNK) {
      const chunk = rows.slice(i, i + OUTBOX_CHUNK);
      const ids = chunk.map((r) => r.id);
      try {
        await queueBinding(env, queue).sendBatch(
          chunk.map((r) => ({ body: JSON.parse(r.envelope) as EventEnvelope, contentType: "json" as const })),
        );
        await db.update(outboxEvents).set({ publishedAt: nowMs() }).where(inArray(outboxEvents.id, ids));
        published += chunk.length;
      } catch (err) {
        // The claim expires and a later drain (cron, or the next request's) sends these again.
        failed += chunk.length;
        logEvent("warn", "outbox_publish_failed", { queue, count: chunk.length, error: String(err) });
      }
    }
  }
  return { published, failed };
}

/** Runs a drain after the response is sent, so events reach their queue within moments. */
export function drainSoon(ctx: Pick<ExecutionContext, "waitUntil">, env: Env, config: Config): void {
  ctx.waitUntil(
    drainOutbox(env, config).catch((err) => logEvent("error", "outbox_drain_failed", { error: String(err) })),
  );
}
