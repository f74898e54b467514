import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../schemas/events";
import { consumeBatch, defineConsumer, type EventConsumer } from "../../workers/platform/consume";
import { createEvent } from "../../workers/platform/outbox";

const QUEUE = "tchat-consume-many-test";

const event = (n: number) => createEvent("product.updated", { productId: `p_${n}`, shopId: "shp_many" });

/** A consumer with handleMany that records what ran how; `poison` makes both paths fail for that event. */
function manyConsumer(poison?: string) {
  const seen = { batches: [] as string[][], single: [] as string[] };
  const consumer: EventConsumer = defineConsumer({
    name: `test.many.${crypto.randomUUID().slice(0, 8)}`,
    types: ["product.updated"],
    async handle(e) {
      if (e.id === poison) throw new Error("cannot apply this one");
      seen.single.push(e.id);
      return [];
    },
    async handleMany(events: EventEnvelope[]) {
      seen.batches.push(events.map((e) => e.id));
      if (events.some((e) => e.id === poison)) throw new Error("cannot apply this one");
      return { writes: [] };
    },
  });
  return { consumer, seen };
}

async function run(bodies: unknown[], consumer: EventConsumer) {
  const batch = createMessageBatch(
    QUEUE,
    bodies.map((body, i) => ({ id: `msg-${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await consumeBatch(batch, env, { fetch }, () => [consumer]);
  return getQueueResult(batch, ctx);
}

describe("consumeBatch with a consumer that applies many events at once", () => {
  it("hands it the whole batch once, acks every message, and a redelivery applies nothing again", async () => {
    const { consumer, seen } = manyConsumer();
    const bodies = Array.from({ length: 8 }, (_, i) => event(i));
    const result = await run(bodies, consumer);
    expect(result.explicitAcks).toHaveLength(8);
    expect(seen.batches).toEqual([bodies.map((b) => b.id)]);
    expect(seen.single).toEqual([]);
    const again = await run(bodies, consumer);
    expect(again.explicitAcks).toHaveLength(8);
    expect(seen.batches).toHaveLength(1);
    expect(seen.single).toEqual([]);
  });

  it("when the batch fails, each event is tried on its own: the good ones apply, only the bad one retries", async () => {
    const bodies = Array.from({ length: 5 }, (_, i) => event(i));
    const { consumer, seen } = manyConsumer(bodies[3].id);
    const result = await run(bodies, consumer);
    expect(seen.batches).toHaveLength(1);
    expect(seen.single.sort()).toEqual(
      bodies
        .filter((_, i) => i !== 3)
        .map((b) => b.id)
        .sort(),
    );
    expect(result.explicitAcks.sort()).toEqual(["msg-0", "msg-1", "msg-2", "msg-4"]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["msg-3"]);
  });

  it("an event the batch reports failed is retried alone (with its claim dropped), and the others are done", async () => {
    const bodies = Array.from({ length: 4 }, (_, i) => event(i));
    const seen = { batches: 0, single: [] as string[] };
    const consumer: EventConsumer = defineConsumer({
      name: `test.many.${crypto.randomUUID().slice(0, 8)}`,
      types: ["product.updated"],
      async handle(e) {
        seen.single.push(e.id);
        return [];
      },
      async handleMany() {
        seen.batches += 1;
        return { writes: [], failed: new Map([[bodies[2].id, new Error("provider timed out")]]) };
      },
    });
    const result = await run(bodies, consumer);
    expect(result.explicitAcks.sort()).toEqual(["msg-0", "msg-1", "msg-3"]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["msg-2"]);
    expect(seen.single).toEqual([]);
    // The retry claims it again (alone, so through `handle`); the others stay done.
    const again = await run([bodies[2]], consumer);
    expect(again.explicitAcks).toEqual(["msg-0"]);
    expect(seen.single).toEqual([bodies[2].id]);
    const all = await run(bodies, consumer);
    expect(all.explicitAcks).toHaveLength(4);
    expect(seen.batches).toBe(1);
  });
});
