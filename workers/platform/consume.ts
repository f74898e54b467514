import { and, eq, lt } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { deadLetters, processedEvents } from "../../d1/schema";
import { type EventEnvelope, EventEnvelopeSchema } from "../../schemas/events";
import { type Database, database, nowMs } from "./db";
import { logEvent } from "./log";

/** What a consumer may need beyond bindings; tests pass their own (e.g. a failing provider). */
export interface ConsumerDeps {
  fetch: typeof fetch;
}

/**
 * One consumer of one event type. `handle` does its work and returns the D1 writes that record
 * it; they commit in the same batch as the "done" marker, so a redelivered event changes nothing.
 */
export interface EventConsumer<D extends ConsumerDeps = ConsumerDeps> {
  name: string;
  handle(event: EventEnvelope, env: Env, deps: D): Promise<BatchItem<"sqlite">[]>;
  /** Called once when the event is dead-lettered after its last retry. */
  onDeadLetter?(event: EventEnvelope, env: Env): Promise<void>;
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
      .select({ status: processedEvents.status })
      .from(processedEvents)
      .where(and(eq(processedEvents.consumer, consumer.name), eq(processedEvents.eventId, event.id)))
      .get();
    return existing?.status === "done" ? "duplicate" : "busy";
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
  return "applied";
}

/** Backoff for a failed message: exponential with full jitter, capped at 10 minutes. */
export function retryDelaySeconds(attempts: number): number {
  const ceiling = Math.min(600, 2 ** Math.min(attempts, 10));
  return Math.max(1, Math.floor(Math.random() * ceiling));
}

export function parseEnvelope(body: unknown): EventEnvelope | undefined {
  const parsed = EventEnvelopeSchema.safeParse(typeof body === "string" ? safeJson(body) : body);
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
 * Runs a batch through the consumers registered for each event type, acking or retrying every
 * message on its own (a failure never retries its neighbours). Malformed messages can never
 * succeed, so they are recorded as dead letters at once.
 */
export async function consumeBatch<D extends ConsumerDeps>(
  batch: MessageBatch<unknown>,
  env: Env,
  deps: D,
  consumersFor: (type: string) => EventConsumer<D>[],
): Promise<void> {
  for (const message of batch.messages) {
    const event = parseEnvelope(message.body);
    if (!event) {
      await recordDeadLetter(database(env), batch.queue, message, undefined);
      message.ack();
      continue;
    }
    try {
      let busy = false;
      for (const consumer of consumersFor(event.type)) {
        busy = (await consumeOnce(consumer, event, env, deps)) === "busy" || busy;
      }
      if (busy) message.retry({ delaySeconds: 5 });
      else message.ack();
    } catch (err) {
      logEvent("warn", "event_consumer_failed", {
        queue: batch.queue,
        eventId: event.id,
        type: event.type,
        attempts: message.attempts,
        error: err instanceof Error ? err.message : String(err),
      });
      if (isPermanentFailure(err)) {
        // Retrying cannot help (e.g. the provider refused the address): dead-letter it now.
        await deadLetter(env, batch.queue, message, event, consumersFor);
        message.ack();
      } else {
        message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      }
    }
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
  const rows = await db
    .insert(deadLetters)
    .values({
      id: event?.id ?? message.id,
      queue,
      eventType: event?.type ?? null,
      body: typeof message.body === "string" ? message.body : (JSON.stringify(message.body) ?? "null"),
      attempts: message.attempts,
      receivedAt: nowMs(),
    })
    .onConflictDoNothing()
    .returning({ id: deadLetters.id });
  logEvent("warn", "dead_letter", { queue, eventId: event?.id, type: event?.type, attempts: message.attempts });
  return rows.length > 0;
}
