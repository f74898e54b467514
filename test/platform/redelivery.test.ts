import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { outboundMessages, outboxEvents, processedEvents } from "../../d1/schema";
import type { EventEnvelope } from "../../schemas/events";
import {
  deliverMessage,
  MESSAGE_REQUESTED,
  type MessageRequest,
  messageWrites,
} from "../../workers/messaging/messages";
import { DevOutbox } from "../../workers/messaging/outbound";
import { queueStanding } from "../../workers/metrics/queues";
import { nowMs } from "../../workers/platform/clock";
import { readConfig } from "../../workers/platform/config";
import { database } from "../../workers/platform/db";
import { drainOutbox } from "../../workers/platform/outbox";
import { reconcileDeliveries } from "../../workers/platform/redelivery";
import { consumersFor, handleQueueBatch, type QueueDeps } from "../../workers/queue";
import { runScheduled } from "../../workers/scheduled";
import { grantAdmin, register } from "../support/accounts";
import { advanceTime } from "../support/clock";
import { useFreshStorage } from "../support/fresh-storage";
import { expectJson, expectProblem, get, post } from "../support/http";

// Its assertions are about the whole database; other test files share it.
useFreshStorage();

// An event is done when its consumer has applied it, not when the queue accepted it: the cron's
// reconciler publishes again what no consumer recorded in time, and gives up after a cap.

const db = database(env);
const config = readConfig(env);
const TIMEOUT = config.outbox.deliveryTimeoutMs;
/** Longer than any check delay the reconciler's backoff picks. */
const LONG_AFTER = 7 * 3_600_000;

/**
 * The fault under test: a queue that accepts messages and loses them, as the local queue does when
 * the server is killed with messages in memory (or any delivery that never reaches its consumer).
 */
const losingQueue = { send: async () => {}, sendBatch: async () => {} } as unknown as Queue;
const losingEnv = { ...env, NOTIFICATIONS: losingQueue } as Env;

let phoneSeq = 0;
function smsRequest(): MessageRequest {
  phoneSeq += 1;
  return {
    channel: "sms",
    to: `+668200${String(phoneSeq).padStart(5, "0")}`,
    locale: "th",
    body: "รหัส OTP ของคุณคือ 654321",
    category: "security",
  };
}

/** A state change and its event, committed together (the event is message.requested → messaging.deliver). */
async function requestMessage(request: MessageRequest) {
  const { messageId, writes } = await messageWrites(env, db, request);
  await db.batch(writes);
  const row = await env.DB.prepare(
    "SELECT id, envelope FROM outbox_events WHERE json_extract(envelope, '$.data.messageId') = ?",
  )
    .bind(messageId)
    .first<{ id: string; envelope: string }>();
  if (!row) throw new Error("no outbox row");
  return { messageId, eventId: row.id, envelope: JSON.parse(row.envelope) as EventEnvelope };
}

const outboxRow = (eventId: string) => db.select().from(outboxEvents).where(eq(outboxEvents.id, eventId)).get();
const outbound = (messageId: string) =>
  db.select().from(outboundMessages).where(eq(outboundMessages.id, messageId)).get();

async function devOutboxCount(to: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM dev_outbox WHERE recipient = ?")
    .bind(to)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const reconcile = () => reconcileDeliveries(env, config, consumersFor);

async function deliverByHand(messages: { id: string; attempts: number; body: unknown }[]) {
  const batch = createMessageBatch(
    "tchat-notifications",
    messages.map((m) => ({ ...m, timestamp: new Date() })),
  );
  // The test queue result does not keep a retry's delay: read it from the calls.
  const retries = batch.messages.map((m) => vi.spyOn(m, "retry"));
  const deps: QueueDeps = { fetch: (input, init) => fetch(input, init), outbound: () => new DevOutbox(db) };
  await handleQueueBatch(batch, env, deps);
  const retryDelays = retries.flatMap((spy) => spy.mock.calls.map(([options]) => options?.delaySeconds));
  return { ...(await getQueueResult(batch, createExecutionContext())), retryDelays };
}

describe("delivery is at least once end to end, applied exactly once", () => {
  it("an event whose delivery was lost is published again by the cron and applied once", async () => {
    const request = smsRequest();
    const { messageId, eventId } = await requestMessage(request);
    // The queue accepts the event and loses it.
    expect(await drainOutbox(losingEnv, config)).toEqual({ published: 1, failed: 0 });
    expect((await outboxRow(eventId))?.publishedAt).toEqual(expect.any(Number));

    // Within the timeout the consumer may still be at work: nothing happens.
    advanceTime(TIMEOUT - 5_000);
    expect(await reconcile()).toEqual({ settled: 0, republished: 0, deadLettered: 0 });
    expect((await outbound(messageId))?.status).toBe("pending");

    // Past it, the minute cron publishes it again in the same run, and the consumer applies it.
    advanceTime(10_000);
    await runScheduled(env);
    const republished = await outboxRow(eventId);
    expect(republished).toMatchObject({ attempts: 2, settledAt: null, outcome: null });
    expect(republished?.checkDelayMs).toBeGreaterThanOrEqual(TIMEOUT);
    await eventually(async () => (await outbound(messageId))?.status === "delivered", "the message to be sent");

    // The consumer's batch settled it once applied: the next check has nothing left to do, never publishes it again.
    await eventually(async () => (await outboxRow(eventId))?.outcome === "applied", "the event to be settled");
    advanceTime(LONG_AFTER);
    expect(await reconcile()).toMatchObject({ republished: 0, deadLettered: 0 });
    expect(await outboxRow(eventId)).toMatchObject({ outcome: "applied", attempts: 2 });
    advanceTime(LONG_AFTER);
    await runScheduled(env);
    expect((await outboxRow(eventId))?.attempts).toBe(2);
    expect(await devOutboxCount(request.to)).toBe(1);
  });

  it("duplicate deliveries apply once, and an applied event is settled by its batch (the backlog shrinks), not published again", async () => {
    const request = smsRequest();
    const { messageId, eventId, envelope } = await requestMessage(request);
    expect((await drainOutbox(losingEnv, config)).published).toBe(1);
    const before = await queueStanding(db);
    expect((await outboxRow(eventId))?.settledAt).toBeNull();

    // The same event twice in one batch, then once more later (queues are at least once).
    const first = await deliverByHand([
      { id: "copy-1", attempts: 1, body: envelope },
      { id: "copy-2", attempts: 1, body: envelope },
    ]);
    expect([...first.explicitAcks].sort()).toEqual(["copy-1", "copy-2"]);
    // Settled at the end of the batch that applied it, not minutes later by the reconciler.
    expect(await outboxRow(eventId)).toMatchObject({ outcome: "applied", settledAt: expect.any(Number) });
    expect((await queueStanding(db)).backlog).toBeLessThanOrEqual(before.backlog - 1);
    const later = await deliverByHand([{ id: "copy-3", attempts: 1, body: JSON.stringify(envelope) }]);
    expect(later.explicitAcks).toEqual(["copy-3"]);
    expect(await devOutboxCount(request.to)).toBe(1);
    expect(await outbound(messageId)).toMatchObject({ status: "delivered", attempts: 1 });

    advanceTime(TIMEOUT);
    expect(await reconcile()).toMatchObject({ settled: 0, republished: 0 });
    expect(await outboxRow(eventId)).toMatchObject({
      outcome: "applied",
      attempts: 1,
      publishedAt: expect.any(Number),
    });
    expect(await devOutboxCount(request.to)).toBe(1);
  });

  it("an event never applied after EVENT_MAX_DELIVERIES publications is dead-lettered, its consumer told, operators see it", async () => {
    const request = smsRequest();
    const { messageId, eventId } = await requestMessage(request);
    const deliveries = config.outbox.maxDeliveries;
    for (let attempt = 1; attempt <= deliveries; attempt++) {
      expect((await drainOutbox(losingEnv, config)).published).toBe(1);
      advanceTime(LONG_AFTER);
      const report = await reconcile();
      expect(report).toMatchObject(
        attempt < deliveries ? { republished: 1, deadLettered: 0 } : { republished: 0, deadLettered: 1 },
      );
      // Each republication waits longer, but never more than 4 timeouts (lost again and again, not hours).
      const delay = (await outboxRow(eventId))?.checkDelayMs ?? 0;
      if (attempt < deliveries) expect(delay).toBeGreaterThanOrEqual(TIMEOUT);
      if (attempt < deliveries) expect(delay).toBeLessThanOrEqual(4 * TIMEOUT);
    }
    expect(await outboxRow(eventId)).toMatchObject({ outcome: "dead_lettered", attempts: deliveries });
    const letter = await env.DB.prepare("SELECT * FROM dead_letters WHERE id = ?").bind(eventId).first<{
      queue: string;
      event_type: string;
      attempts: number;
      reason: string;
    }>();
    expect(letter).toMatchObject({ queue: "notifications", event_type: MESSAGE_REQUESTED, attempts: deliveries });
    expect(letter?.reason).toBe(`not applied by messaging.deliver after ${deliveries} deliveries`);
    // The consumer's onDeadLetter ran: the message is failed, not pending forever.
    expect((await outbound(messageId))?.status).toBe("failed");
    // Given up for good: neither the cron nor the drain publishes it again.
    advanceTime(LONG_AFTER);
    expect(await reconcile()).toEqual({ settled: 0, republished: 0, deadLettered: 0 });
    expect(await drainOutbox(env, config)).toEqual({ published: 0, failed: 0 });

    // Operators see it, and may replay it (a customer may not).
    const customer = await register();
    await expectProblem(await get("/api/v1/admin/dead-letters", customer.accessToken), 403, "forbidden");
    const admin = await register();
    await grantAdmin(admin.user.id);
    const page = await expectJson<{ items: { id: string; error: string; replayable: boolean }[] }>(
      await get(`/api/v1/admin/dead-letters?eventType=${MESSAGE_REQUESTED}`, admin.accessToken),
      200,
    );
    // The contract's fields (id, queue, eventType, error, attempts, createdAt), plus whether it can be replayed.
    expect(page.items.find((i) => i.id === eventId)).toMatchObject({
      queue: "notifications",
      eventType: MESSAGE_REQUESTED,
      error: letter?.reason,
      attempts: deliveries,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      replayable: true,
    });
    const replay = await post(`/api/v1/admin/dead-letters/${eventId}/replay`, undefined, admin.accessToken);
    expect(await expectJson(replay, 202)).toEqual({ id: eventId, replayed: true });
    await eventually(async () => (await outboxRow(eventId))?.publishedAt != null, "the replay to be published");
    await eventually(
      async () =>
        (await env.DB.prepare("SELECT status FROM processed_events WHERE event_id = ?").bind(eventId).first()) !== null,
      "the replay to be applied",
    );
    await expectProblem(
      await post(`/api/v1/admin/dead-letters/${eventId}/replay`, undefined, admin.accessToken),
      404,
      "not_found",
    );
    // The batch that applied the replay settled it.
    await eventually(async () => (await outboxRow(eventId))?.outcome === "applied", "the replay to be settled");
    advanceTime(LONG_AFTER);
    await reconcile();
    expect(await outboxRow(eventId)).toMatchObject({ outcome: "applied", attempts: 1 });
    // Marked failed when given up, the message is not sent late by the replay.
    expect(await devOutboxCount(request.to)).toBe(0);
  });

  it("an event the queue dead-lettered is settled as such, not published again", async () => {
    const { eventId, envelope } = await requestMessage(smsRequest());
    expect((await drainOutbox(losingEnv, config)).published).toBe(1);
    const batch = createMessageBatch("tchat-notifications-dlq", [
      { id: "dlq-1", attempts: 5, timestamp: new Date(), body: envelope },
    ]);
    const deps: QueueDeps = { fetch: (input, init) => fetch(input, init), outbound: () => new DevOutbox(db) };
    await handleQueueBatch(batch, env, deps);
    advanceTime(TIMEOUT);
    expect(await reconcile()).toMatchObject({ republished: 0, deadLettered: 1 });
    expect(await outboxRow(eventId)).toMatchObject({ outcome: "dead_lettered", attempts: 1 });
  });

  it("a copy arriving while a killed process still holds the claim waits for its lease, then applies once", async () => {
    const request = smsRequest();
    const { messageId, envelope } = await requestMessage(request);
    // The process applying the event was killed mid-apply: its claim stays until the lease ends.
    const claimedAt = nowMs();
    await db.insert(processedEvents).values({
      consumer: deliverMessage.name,
      eventId: envelope.id,
      status: "processing",
      leaseUntil: claimedAt + 60_000,
      updatedAt: claimedAt,
    });
    const early = await deliverByHand([{ id: "after-crash", attempts: 1, body: envelope }]);
    expect(early.explicitAcks).toEqual([]);
    // Retried once the lease is over, not every few seconds: the queue's retries (max_retries)
    // would run out within the lease and dead-letter an event nobody applied.
    expect(early.retryMessages.map((m) => m.msgId)).toEqual(["after-crash"]);
    expect(early.retryDelays[0]).toBeGreaterThanOrEqual(60);
    expect(await devOutboxCount(request.to)).toBe(0);

    advanceTime((early.retryDelays[0] ?? 0) * 1000);
    const late = await deliverByHand([{ id: "after-lease", attempts: 2, body: envelope }]);
    expect(late.explicitAcks).toEqual(["after-lease"]);
    expect(await outbound(messageId)).toMatchObject({ status: "delivered", attempts: 1 });
    expect(await devOutboxCount(request.to)).toBe(1);
  });
});
