import { and, eq, lt } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { deadLetters, processedEvents } from "../../d1/schema/platform";
import { type EventEnvelope, type EventOf, EventSchema, type EventType } from "../../schemas/events";
import { backoffMs } from "./backoff";
import { applyMany, type ManyOutcome, type SettledMany } from "./consume-many";
import { type Database, database, nowMs } from "./db";
import { logEvent } from "./log";
import { withRequestId } from "./request-context";
import { settleBatch } from "./settle";

/** What a consumer may need beyond bindings; tests pass their own (e.g. a failing provider). */
export interface ConsumerDeps {
  fetch: typeof fetch;
}

/**
 * One consumer of the event types it names. `handle` gets the event parsed by its type's schema,
 * does its work and returns the D1 writes that record it; they commit in the same batch as the
 * "done" marker, so a redelivered event changes nothing.
 */
export interface EventConsumer<D extends ConsumerDeps = ConsumerDeps, T extends EventType = EventType> {
  name: string;
  /** The event types it applies; the queue handler routes each event to the consumers naming it. */
  types: readonly T[];
  handle(event: EventOf<T>, env: Env, deps: D): Promise<BatchItem<"sqlite">[]>;
  /**
   * Optional: applies many events at once (consume-many.ts), for a consumer whose per-event cost
   * is mostly round trips that a whole batch can share. All or nothing; on failure each event
   * goes through `handle` on its own; an event it reports failed is retried (or dead-lettered) as
   * if `handle` had thrown.
   */
  handleMany?(events: EventOf<T>[], env: Env, deps: D): Promise<ManyOutcome>;
  /** Called once when the event is dead-lettered after its last retry. */
  onDeadLetter?(event: EventOf<T>, env: Env): Promise<void>;
}

/**
 * Declares a consumer, typed by the event types it names. The queue handler only ever hands it
 * events of those types (consumersOf routes by `types`), so it is held as a consumer of any event.
 */
export function defineConsumer<D extends ConsumerDeps, T extends EventType>(
  consumer: EventConsumer<D, T>,
): EventConsumer<D> {
  return consumer as unknown as EventConsumer<D>;
}

/** The consumers of an event type, among those given. */
export function consumersOf<D extends ConsumerDeps>(consumers: readonly EventConsumer<D>[]) {
  return (type: string): EventConsumer<D>[] => consumers.filter((c) => (c.types as readonly string[]).includes(type));
}

const LEASE_MS = 60_000;

export type ConsumeOutcome = "applied" | "duplicate" | "busy";

/**
 * Applies an event at most once per consumer: claim (consumer, event id) with a lease, do the
 * work, then mark done together with the work's own writes. A failure drops the claim so the
 * retry can run; a crash leaves the lease to expire.
 */
export async function consumeOnce<D extends ConsumerDeps>(
  consumer: EventConsumer<D>,
  event: EventEnvelope,
  env: Env,
  deps: D,
): Promise<ConsumeOutcome> {
  return (await claimAndApply(consumer, event, env, deps)).outcome;
}

/** consumeOnce, also telling when a busy claim's lease ends (so the retry waits for it). */
async function claimAndApply<D extends ConsumerDeps>(
  consumer: EventConsumer<D>,
  event: EventEnvelope,
  env: Env,
  deps: D,
): Promise<{ outcome: ConsumeOutcome; leaseUntil?: number }> {
  const db = database(env);
  const now = nowMs();
  const claim = await db
    .insert(processedEvents)
    .values({
      consumer: consumer.name,
      eventId: event.id,
      status: "processing",
      leaseUntil: now + LEASE_MS,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [processedEvents.consumer, processedEvents.eventId],
      set: { leaseUntil: now + LEASE_MS, updatedAt: now },
      setWhere: and(eq(processedEvents.status, "processing"), lt(processedEvents.leaseUntil, now)),
    })
    .returning({ status: processedEvents.status });
  if (claim.length === 0) {
    const existing = await db
      .select({ status: processedEvents.status, leaseUntil: processedEvents.leaseUntil })
      .from(processedEvents)
      .where(and(eq(processedEvents.consumer, consumer.name), eq(processedEvents.eventId, event.id)))
      .get();
    return existing?.status === "done"
      ? { outcome: "duplicate" }
      : { outcome: "busy", leaseUntil: existing?.leaseUntil ?? now };
  }
  const key = and(eq(processedEvents.consumer, consumer.name), eq(processedEvents.eventId, event.id));
  let writes: BatchItem<"sqlite">[];
  try {
    writes = await consumer.handle(event, env, deps);
  } catch (err) {
    await db.delete(processedEvents).where(and(key, eq(processedEvents.status, "processing")));
    throw err;
  }
  const done = db.update(processedEvents).set({ status: "done", updatedAt: nowMs() }).where(key);
  await db.batch([done, ...writes]);
  return { outcome: "applied" };
}

const BUSY_RETRY_MIN_SECONDS = 5;

/**
 * How long a message waits when another attempt holds its claim: until that lease ends. The
 * holder may be a process that was killed mid-apply; retrying sooner would only spend the queue's
 * retries (max_retries) on "busy" and dead-letter an event nobody applied.
 */
export function busyRetrySeconds(leaseUntil: number, now = nowMs()): number {
  return Math.max(BUSY_RETRY_MIN_SECONDS, Math.ceil((leaseUntil - now) / 1000) + 1);
}

/** Backoff for a failed message: exponential with full jitter, capped at 10 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.max(1, Math.floor(backoffMs(attempts, { maxMs: 600_000 }) / 1000));
}

/** The id and type a message body claims, when they are strings (for dead letters that failed their schema). */
function claimedIdentity(body: unknown): { id?: string; type?: string } | undefined {
  const value = typeof body === "string" ? safeJson(body) : body;
  if (typeof value !== "object" || value === null) return undefined;
  const { id, type } = value as { id?: unknown; type?: unknown };
  return {
    ...(typeof id === "string" && id.length <= 128 ? { id } : {}),
    ...(typeof type === "string" && type.length <= 64 ? { type } : {}),
  };
}

/** The event a message carries, parsed by its type's schema; undefined when it is not one of ours. */
export function parseEnvelope(body: unknown): EventEnvelope | undefined {
  const parsed = EventSchema.safeParse(typeof body === "string" ? safeJson(body) : body);
  return parsed.success ? parsed.data : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Messages of one batch handled at the same time. Each does a few D1 round trips (claim, work,
 * mark done) and often a provider call, so the batch's time is mostly waiting; a Worker has at
 * most 6 connections open at once anyway.
 */
export const CONSUME_CONCURRENCY = 6;

/**
 * Runs a batch through the consumers registered for each event type, acking or retrying every
 * message on its own (a failure never retries its neighbours). Malformed messages can never
 * succeed, so they are recorded as dead letters at once.
 *
 * Up to `concurrency` messages are handled at once, but the events of one subject (one product,
 * order, dialog...) are handled one after another in batch order: consumers may rely on seeing a
 * subject's events in order (the search indexer re-reading a product, the unread hints of a
 * dialog, an order's notifications), and consumeOnce keeps each event exactly-once either way.
 */
export async function consumeBatch<D extends ConsumerDeps>(
  batch: MessageBatch<unknown>,
  env: Env,
  deps: D,
  consumersFor: (type: string) => EventConsumer<D>[],
  concurrency = CONSUME_CONCURRENCY,
): Promise<void> {
  const lanes = new Map<string, { message: Message<unknown>; event: EventEnvelope | undefined }[]>();
  for (const message of batch.messages) {
    const event = parseEnvelope(message.body);
    const key = laneOf(event, message);
    const lane = lanes.get(key);
    if (lane) lane.push({ message, event });
    else lanes.set(key, [{ message, event }]);
  }
  const together = await applyTogether(batch.messages.length, [...lanes.values()].flat(), env, deps, consumersFor);
  const settled = { applied: [] as string[], deadLettered: [] as string[] };
  try {
    await runBounded([...lanes.values()], concurrency, async (lane) => {
      for (const { message, event } of lane) {
        // The consumer runs in the context of the request that caused the event (logs, further events).
        const consume = () => consumeMessage(batch.queue, message, event, env, deps, consumersFor, together);
        const ended = await (event ? withRequestId(event.requestId, consume) : consume());
        if (event && ended) settled[ended === "applied" ? "applied" : "deadLettered"].push(event.id);
      }
    });
  } finally {
    await settleBatch(env, batch.queue, settled);
  }
}

/**
 * The consumers that can apply many events at once get all of the batch's events they take in
 * one go first (handleMany); what that settles, the per-message pass below skips.
 */
async function applyTogether<D extends ConsumerDeps>(
  size: number,
  items: { event: EventEnvelope | undefined }[],
  env: Env,
  deps: D,
  consumersFor: (type: string) => EventConsumer<D>[],
): Promise<Map<string, SettledMany>> {
  const byConsumer = new Map<EventConsumer<D>, EventEnvelope[]>();
  if (size < 2) return new Map();
  for (const { event } of items) {
    if (!event) continue;
    for (const consumer of consumersFor(event.type)) {
      if (!consumer.handleMany) continue;
      byConsumer.set(consumer, [...(byConsumer.get(consumer) ?? []), event]);
    }
  }
  const out = new Map<string, SettledMany>();
  for (const [consumer, events] of byConsumer) {
    if (events.length < 2) continue;
    const many = { name: consumer.name, handleMany: consumer.handleMany as NonNullable<typeof consumer.handleMany> };
    out.set(consumer.name, await applyMany(many, events, env, deps, LEASE_MS));
  }
  return out;
}

/** The lane of a message: its event's subject, else the event itself (copies of one event share a lane). */
function laneOf(event: EventEnvelope | undefined, message: Message<unknown>): string {
  if (!event) return `message:${message.id}`;
  return event.subject ? `subject:${event.subject.type}:${event.subject.id}` : `event:${event.id}`;
}

/**
 * Runs `work` over `items`, at most `limit` at a time. Every item is attempted even if another
 * one throws; the first error is thrown at the end (the runtime then retries the messages that
 * were neither acked nor retried, as it would have with one message at a time).
 */
export async function runBounded<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (err) {
        errors.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (errors.length > 0) throw errors[0];
}

async function consumeMessage<D extends ConsumerDeps>(
  queue: string,
  message: Message<unknown>,
  event: EventEnvelope | undefined,
  env: Env,
  deps: D,
  consumersFor: (type: string) => EventConsumer<D>[],
  together: Map<string, SettledMany> = new Map(),
): Promise<"applied" | "dead_lettered" | undefined> {
  if (!event) {
    // Not an event of ours (or not valid for its type): it can never succeed. Kept for operators.
    await recordDeadLetter(database(env), queue, message, undefined);
    message.ack();
    return undefined;
  }
  try {
    let busyUntil: number | undefined;
    for (const consumer of consumersFor(event.type)) {
      const many = together.get(consumer.name);
      if (many?.settled.has(event.id)) continue;
      // Its batch attempt failed: retried or dead-lettered below, as a throwing `handle` is.
      if (many?.failed.has(event.id)) throw many.failed.get(event.id);
      const busy = many?.busy.get(event.id);
      if (busy !== undefined) {
        busyUntil = Math.max(busyUntil ?? 0, busy);
        continue;
      }
      const { outcome, leaseUntil } = await claimAndApply(consumer, event, env, deps);
      if (outcome === "busy") busyUntil = Math.max(busyUntil ?? 0, leaseUntil ?? 0);
    }
    if (busyUntil !== undefined) {
      message.retry({ delaySeconds: busyRetrySeconds(busyUntil) });
      return undefined;
    }
    // Every consumer of its type has applied it (now, in this batch, or before).
    message.ack();
    return "applied";
  } catch (err) {
    logEvent("warn", "event_consumer_failed", {
      queue,
      eventId: event.id,
      type: event.type,
      attempts: message.attempts,
      error: err instanceof Error ? err.message : String(err),
    });
    if (isPermanentFailure(err)) {
      // Retrying cannot help (e.g. the provider refused the address): dead-letter it now.
      await deadLetter(env, queue, message, event, consumersFor);
      message.ack();
      return "dead_lettered";
    }
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    return undefined;
  }
}

/** Errors that say retrying is pointless carry `retryable: false` (see ProviderError). */
function isPermanentFailure(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { retryable?: unknown }).retryable === false;
}

async function deadLetter<D extends ConsumerDeps>(
  env: Env,
  queue: string,
  message: Message<unknown>,
  event: EventEnvelope | undefined,
  consumersFor: (type: string) => EventConsumer<D>[],
): Promise<void> {
  const inserted = await recordDeadLetter(database(env), queue, message, event);
  if (inserted && event) {
    for (const consumer of consumersFor(event.type)) await consumer.onDeadLetter?.(event, env);
  }
}

/** Dead-letter queue consumer: keep the message for operators and let its consumers react once. */
export async function consumeDeadLetters<D extends ConsumerDeps>(
  batch: MessageBatch<unknown>,
  env: Env,
  consumersFor: (type: string) => EventConsumer<D>[],
): Promise<void> {
  for (const message of batch.messages) {
    const event = parseEnvelope(message.body);
    try {
      await deadLetter(env, batch.queue, message, event, consumersFor);
      message.ack();
    } catch (err) {
      logEvent("error", "dead_letter_record_failed", { queue: batch.queue, error: String(err) });
      message.retry({ delaySeconds: 30 });
    }
  }
}

async function recordDeadLetter(
  db: Database,
  queue: string,
  message: Message<unknown>,
  event: EventEnvelope | undefined,
): Promise<boolean> {
  // A body that failed its schema is still named by whatever id and type it claims.
  const claimed = event ?? claimedIdentity(message.body);
  return keepDeadLetter(db, {
    id: claimed?.id ?? message.id,
    queue,
    eventType: claimed?.type ?? null,
    body: typeof message.body === "string" ? message.body : (JSON.stringify(message.body) ?? "null"),
    attempts: message.attempts,
  });
}

/**
 * Keeps a given-up message for operators (GET /api/v1/admin/dead-letters), once per id; true when
 * this call recorded it (so its consumers' onDeadLetter runs once).
 */
export async function keepDeadLetter(
  db: Database,
  letter: { id: string; queue: string; eventType: string | null; body: string; attempts: number; reason?: string },
): Promise<boolean> {
  const rows = await db
    .insert(deadLetters)
    .values({ ...letter, reason: letter.reason ?? null, receivedAt: nowMs() })
    .onConflictDoNothing()
    .returning({ id: deadLetters.id });
  logEvent("warn", "dead_letter", {
    queue: letter.queue,
    eventId: letter.id,
    type: letter.eventType ?? undefined,
    attempts: letter.attempts,
    reason: letter.reason,
  });
  return rows.length > 0;
}
