import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../schemas/events";
import { CONSUME_CONCURRENCY, consumeBatch, defineConsumer, type EventConsumer } from "../../workers/platform/consume";
import { createEvent } from "../../workers/platform/outbox";

const QUEUE = "tchat-consume-test";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A consumer that takes `ms` per event and records what ran when; `fail` decides per event how it fails. */
function slowConsumer(ms = 30, fail: (event: EventEnvelope) => Error | undefined = () => undefined) {
  const seen = { inFlight: 0, maxInFlight: 0, perSubject: new Map<string, number[]>(), overlapped: false, runs: 0 };
  const active = new Set<string>();
  const consumer: EventConsumer = defineConsumer({
    name: `test.slow.${crypto.randomUUID().slice(0, 8)}`,
    types: ["product.updated"],
    async handle(event) {
      const subject = event.subject?.id ?? event.id;
      if (active.has(subject)) seen.overlapped = true;
      active.add(subject);
      seen.inFlight += 1;
      seen.runs += 1;
      seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
      try {
        await sleep(ms);
        const error = fail(event);
        if (error) throw error;
        seen.perSubject.set(subject, [...(seen.perSubject.get(subject) ?? []), Number(event.data.productId.slice(2))]);
        return [];
      } finally {
        seen.inFlight -= 1;
        active.delete(subject);
      }
    },
  });
  return { consumer, seen };
}

const event = (n: number, subject?: string) =>
  createEvent(
    "product.updated",
    { productId: `p_${n}`, shopId: "shp_test" },
    subject ? { subject: { type: "thing", id: subject } } : {},
  );

async function run(bodies: unknown[], consumer: EventConsumer, concurrency?: number) {
  const batch = createMessageBatch(
    QUEUE,
    bodies.map((body, i) => ({ id: `msg-${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await consumeBatch(batch, env, { fetch }, () => [consumer], concurrency);
  const result = await getQueueResult(batch, ctx);
  return { result };
}

describe("consumeBatch handles a batch's messages concurrently", () => {
  it("runs messages of different subjects at once, at most CONSUME_CONCURRENCY at a time", async () => {
    expect(CONSUME_CONCURRENCY).toBeGreaterThan(1);
    const { consumer, seen } = slowConsumer(40);
    const bodies = Array.from({ length: 20 }, (_, i) => event(i, `s${i}`));
    const { result } = await run(bodies, consumer);
    expect(result.explicitAcks.sort()).toEqual(bodies.map((_, i) => `msg-${i}`).sort());
    expect(result.retryMessages).toEqual([]);
    expect(seen.runs).toBe(20);
    expect(seen.maxInFlight).toBeGreaterThan(1);
    // Overlap is proven by the messages in flight together, not by a stopwatch (a loaded machine stalls).
    expect(seen.maxInFlight).toBeLessThanOrEqual(CONSUME_CONCURRENCY);
  });

  it("keeps the events of one subject in batch order, one at a time", async () => {
    const { consumer, seen } = slowConsumer(10);
    const bodies = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => event(n, n % 2 === 0 ? "even" : "odd"));
    const { result } = await run(bodies, consumer);
    expect(result.explicitAcks).toHaveLength(10);
    expect(seen.overlapped).toBe(false);
    expect(seen.perSubject.get("even")).toEqual([0, 2, 4, 6, 8]);
    expect(seen.perSubject.get("odd")).toEqual([1, 3, 5, 7, 9]);
    expect(seen.maxInFlight).toBe(2);
  });

  it("acks, retries and dead-letters each message on its own; the same event twice is applied once", async () => {
    const permanent = Object.assign(new Error("refused for good"), { retryable: false });
    const bad = event(1, "a");
    const flaky = event(2, "b");
    const good = event(3, "c");
    const { consumer, seen } = slowConsumer(5, (e) =>
      e.id === bad.id ? permanent : e.id === flaky.id ? new Error("timed out") : undefined,
    );
    const { result } = await run([bad, flaky, good, "not an event", good], consumer, 3);
    expect(result.explicitAcks.sort()).toEqual(["msg-0", "msg-2", "msg-3", "msg-4"]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["msg-1"]);
    // The copy of `good` shares its lane: it comes second and is a duplicate, not a second run.
    expect(seen.perSubject.get("c")).toEqual([3]);
    const letters = await env.DB.prepare("SELECT id FROM dead_letters WHERE queue = ? AND id IN (?, ?) ORDER BY id")
      .bind(QUEUE, bad.id, "msg-3")
      .all<{ id: string }>();
    expect(letters.results.map((r) => r.id).sort()).toEqual([bad.id, "msg-3"].sort());
  });

  it("with concurrency 1, it is the old one-at-a-time loop", async () => {
    const { consumer, seen } = slowConsumer(5);
    const { result } = await run(
      [0, 1, 2, 3].map((n) => event(n, `x${n}`)),
      consumer,
      1,
    );
    expect(result.explicitAcks).toEqual(["msg-0", "msg-1", "msg-2", "msg-3"]);
    expect(seen.maxInFlight).toBe(1);
  });
});
