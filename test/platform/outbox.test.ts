import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { eq, isNull } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { outboundMessages, outboxEvents } from "../../d1/schema";
import type { EventEnvelope } from "../../schemas/events";
import { MESSAGE_REQUESTED, type MessageRequest, messageWrites } from "../../workers/messaging/messages";
import { DevOutbox } from "../../workers/messaging/outbound";
import type { Outbound } from "../../workers/messaging/provider";
import { readConfig } from "../../workers/platform/config";
import { retryDelaySeconds } from "../../workers/platform/consume";
import { database } from "../../workers/platform/db";
import { createEvent, drainOutbox, recordEvent } from "../../workers/platform/outbox";
import { handleQueueBatch, type QueueDeps } from "../../workers/queue";
import { advanceTime } from "../support/clock";

const NOTIFICATIONS_QUEUE = "tchat-notifications";
const NOTIFICATIONS_DLQ = "tchat-notifications-dlq";

/** A throwaway table standing in for a domain's state change (created in beforeAll). */
const testOrders = sqliteTable("outbox_test_orders", {
  id: text("id").primaryKey(),
  total: integer("total").notNull(),
});

const db = database(env);
const config = readConfig(env);

let phoneSeq = 0;
/** A message to a recipient no other test uses, so dev_outbox rows can be counted per test. */
function smsRequest(body = "รหัส OTP ของคุณคือ 123456"): MessageRequest {
  phoneSeq += 1;
  return {
    channel: "sms",
    to: `+668100${String(phoneSeq).padStart(5, "0")}`,
    locale: "th",
    body,
    category: "security",
  };
}

/** The state change's writes and its outbox event, committed in one batch. */
async function requestMessage(request: MessageRequest) {
  const { messageId, writes } = await messageWrites(env, db, request);
  await db.batch(writes);
  const event = await outboxRow(messageId);
  if (!event) throw new Error("no outbox row");
  return { messageId, eventId: event.id, envelope: JSON.parse(event.envelope) as EventEnvelope };
}

function outboxRow(messageId: string) {
  return env.DB.prepare(
    "SELECT id, type, envelope, published_at, claimed_until, attempts FROM outbox_events WHERE json_extract(envelope, '$.data.messageId') = ?",
  )
    .bind(messageId)
    .first<{
      id: string;
      type: string;
      envelope: string;
      published_at: number | null;
      claimed_until: number | null;
      attempts: number;
    }>();
}

function outbound(messageId: string) {
  return db.select().from(outboundMessages).where(eq(outboundMessages.id, messageId)).get();
}

async function devOutboxCount(to: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM dev_outbox WHERE recipient = ?")
    .bind(to)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function deadLetter(id: string) {
  return env.DB.prepare("SELECT * FROM dead_letters WHERE id = ?").bind(id).first<{
    id: string;
    queue: string;
    event_type: string | null;
    body: string;
    attempts: number;
  }>();
}

async function countRows(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds (the real queue delivers within a second or two) or fails after the timeout. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Queue deps whose provider fails its first `failures` sends, then records to the dev outbox. */
function flakyDeps(failures: number) {
  const devOutbox = new DevOutbox(db);
  const calls = { sends: 0 };
  const provider: Outbound = {
    name: "flaky_sms_gateway",
    async send(message) {
      calls.sends += 1;
      if (calls.sends <= failures) throw new Error("SMS gateway timed out");
      return devOutbox.send(message);
    },
  };
  const deps: QueueDeps = { fetch: (input, init) => fetch(input, init), outbound: () => provider };
  return { deps, calls };
}

async function deliver(queue: string, messages: { id: string; attempts: number; body: unknown }[], deps: QueueDeps) {
  const batch = createMessageBatch(
    queue,
    messages.map((m) => ({ ...m, timestamp: new Date() })),
  );
  const ctx = createExecutionContext();
  await handleQueueBatch(batch, env, deps);
  return getQueueResult(batch, ctx);
}

beforeAll(async () => {
  await env.DB.prepare(
    "CREATE TABLE IF NOT EXISTS outbox_test_orders (id TEXT PRIMARY KEY, total INTEGER NOT NULL)",
  ).run();
});

describe("outbox → queue → consumer, exactly once", () => {
  it("(a) an event written with its state change reaches the real queue consumer once, however often the drain runs", async () => {
    const request = smsRequest();
    const { messageId, eventId, envelope } = await requestMessage(request);
    expect(envelope).toMatchObject({ id: eventId, type: MESSAGE_REQUESTED, data: { messageId, channel: "sms" } });
    // The event does not carry the recipient or the text: those stay encrypted in D1.
    expect(JSON.stringify(envelope)).not.toContain(request.to);
    expect((await outbound(messageId))?.status).toBe("pending");

    // Two drains at the same moment claim disjoint rows: exactly one publishes the event.
    const [first, second] = await Promise.all([drainOutbox(env, config), drainOutbox(env, config)]);
    expect(first.published + second.published).toBe(1);
    expect(first.failed + second.failed).toBe(0);
    expect(await drainOutbox(env, config)).toEqual({ published: 0, failed: 0 });
    const row = await outboxRow(messageId);
    expect(row?.published_at).toEqual(expect.any(Number));
    expect(row?.attempts).toBe(1);

    // The real NOTIFICATIONS queue hands it to the Worker's own queue handler; the dev outbox, the
    // message's last stop, reports it delivered at once.
    await eventually(async () => (await outbound(messageId))?.status === "delivered", "the message to be sent");
    expect(await devOutboxCount(request.to)).toBe(1);
    const sent = await outbound(messageId);
    expect(sent).toMatchObject({ status: "delivered", attempts: 1, provider: "dev_outbox", lastError: null });
    const recorded = await env.DB.prepare("SELECT id, body, locale FROM dev_outbox WHERE recipient = ?")
      .bind(request.to)
      .first<{ id: string; body: string; locale: string }>();
    expect(recorded).toEqual({ id: sent?.providerMessageId, body: request.body, locale: "th" });
    const processed = await env.DB.prepare("SELECT status FROM processed_events WHERE consumer = ? AND event_id = ?")
      .bind("messaging.deliver", eventId)
      .first<{ status: string }>();
    expect(processed?.status).toBe("done");

    await sleep(2_500);
    expect(await devOutboxCount(request.to)).toBe(1);
    expect((await outbound(messageId))?.attempts).toBe(1);
  });

  it("(a′) a drain that died after sending (claim expired, not marked) sends again; the consumer still applies it once", async () => {
    const request = smsRequest();
    const { messageId, eventId } = await requestMessage(request);
    expect((await drainOutbox(env, config)).published).toBe(1);
    await eventually(async () => (await outbound(messageId))?.status === "delivered", "the first delivery");

    // As if the drain crashed between sendBatch and marking the row published.
    await db
      .update(outboxEvents)
      .set({ publishedAt: null, claimedUntil: Date.now() - 1 })
      .where(eq(outboxEvents.id, eventId));
    // A sentinel published in the same drain: once it is delivered, the duplicate has been handled too.
    const sentinel = await requestMessage(smsRequest("sentinel"));
    expect((await drainOutbox(env, config)).published).toBe(2);
    expect((await outboxRow(messageId))?.attempts).toBe(2);
    await eventually(async () => (await outbound(sentinel.messageId))?.status === "delivered", "the sentinel");
    await sleep(1_500);

    expect(await devOutboxCount(request.to)).toBe(1);
    expect(await outbound(messageId)).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("(a″) concurrent drains with small batches publish many events once each", async () => {
    const small = { ...config, outbox: { ...config.outbox, batchSize: 3, claimSeconds: 30 } };
    const requests = Array.from({ length: 10 }, () => smsRequest());
    const messages: Awaited<ReturnType<typeof requestMessage>>[] = [];
    for (const request of requests) messages.push(await requestMessage(request));

    let published = 0;
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all([drainOutbox(env, small), drainOutbox(env, small), drainOutbox(env, small)]);
      const got = results.reduce((a, r) => a + r.published, 0);
      expect(results.every((r) => r.published <= 3 && r.failed === 0)).toBe(true);
      published += got;
      if (got === 0) break;
    }
    expect(published).toBe(10);
    for (const { messageId } of messages) expect((await outboxRow(messageId))?.attempts).toBe(1);

    await eventually(async () => {
      const statuses = await Promise.all(messages.map(async (m) => (await outbound(m.messageId))?.status));
      return statuses.every((s) => s === "delivered");
    }, "all ten messages to be sent");
    await sleep(1_500);
    for (const request of requests) expect(await devOutboxCount(request.to)).toBe(1);
  });

  it("(b) a consumer failure is retried with backoff, and the retry and later redeliveries apply it once", async () => {
    const request = smsRequest();
    const { messageId, eventId, envelope } = await requestMessage(request);
    // Published elsewhere: this test delivers it by hand.
    await db.update(outboxEvents).set({ publishedAt: Date.now() }).where(eq(outboxEvents.id, eventId));
    const { deps, calls } = flakyDeps(1);

    const firstTry = await deliver(NOTIFICATIONS_QUEUE, [{ id: "delivery-1", attempts: 1, body: envelope }], deps);
    expect(firstTry.explicitAcks).toEqual([]);
    expect(firstTry.ackAll).toBe(false);
    // (getQueueResult does not report the delay; retryDelaySeconds is checked on its own below.)
    expect(firstTry.retryMessages.map((m) => m.msgId)).toEqual(["delivery-1"]);
    expect(calls.sends).toBe(1);
    expect(await outbound(messageId)).toMatchObject({
      status: "pending",
      attempts: 1,
      provider: "flaky_sms_gateway",
      lastError: "SMS gateway timed out",
    });
    expect(await devOutboxCount(request.to)).toBe(0);
    // The claim was dropped so the retry can run.
    const claim = await env.DB.prepare("SELECT status FROM processed_events WHERE event_id = ?").bind(eventId).first();
    expect(claim).toBeNull();

    const secondTry = await deliver(NOTIFICATIONS_QUEUE, [{ id: "delivery-1", attempts: 2, body: envelope }], deps);
    expect(secondTry.explicitAcks).toEqual(["delivery-1"]);
    expect(secondTry.retryMessages).toEqual([]);
    expect(calls.sends).toBe(2);
    expect(await devOutboxCount(request.to)).toBe(1);
    expect(await outbound(messageId)).toMatchObject({
      status: "delivered",
      attempts: 2,
      provider: "dev_outbox",
      lastError: null,
    });

    // A third delivery of the same event (queues are at-least-once) changes nothing.
    const thirdTry = await deliver(NOTIFICATIONS_QUEUE, [{ id: "delivery-1", attempts: 3, body: envelope }], deps);
    expect(thirdTry.explicitAcks).toEqual(["delivery-1"]);
    expect(thirdTry.retryMessages).toEqual([]);
    expect(calls.sends).toBe(2);
    expect(await devOutboxCount(request.to)).toBe(1);
    expect((await outbound(messageId))?.attempts).toBe(2);
    // Delivered as JSON text, too, it is still the same event.
    const asText = await deliver(
      NOTIFICATIONS_QUEUE,
      [{ id: "delivery-1", attempts: 4, body: JSON.stringify(envelope) }],
      deps,
    );
    expect(asText.explicitAcks).toEqual(["delivery-1"]);
    expect(await devOutboxCount(request.to)).toBe(1);
  });

  it("(b′) a failure retries only its own message, never its neighbours in the batch", async () => {
    const failing = await requestMessage(smsRequest());
    const fine = await requestMessage(smsRequest());
    for (const m of [failing, fine]) {
      await db.update(outboxEvents).set({ publishedAt: Date.now() }).where(eq(outboxEvents.id, m.eventId));
    }
    const { deps } = flakyDeps(1);
    const result = await deliver(
      NOTIFICATIONS_QUEUE,
      [
        { id: "first", attempts: 1, body: failing.envelope },
        { id: "second", attempts: 1, body: fine.envelope },
      ],
      deps,
    );
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["first"]);
    expect(result.explicitAcks).toEqual(["second"]);
    expect((await outbound(failing.messageId))?.status).toBe("pending");
    expect((await outbound(fine.messageId))?.status).toBe("delivered");
  });

  it("(c) a malformed message is acked and kept in dead_letters; its neighbours are processed", async () => {
    const good = await requestMessage(smsRequest());
    await db.update(outboxEvents).set({ publishedAt: Date.now() }).where(eq(outboxEvents.id, good.eventId));
    const { deps } = flakyDeps(0);
    const result = await deliver(
      NOTIFICATIONS_QUEUE,
      [
        { id: "malformed-text", attempts: 1, body: "this is not an event" },
        { id: "malformed-object", attempts: 1, body: { type: "message.requested", data: "nope" } },
        { id: "good", attempts: 1, body: good.envelope },
      ],
      deps,
    );
    expect(result.retryMessages).toEqual([]);
    expect([...result.explicitAcks].sort()).toEqual(["good", "malformed-object", "malformed-text"]);
    expect(await deadLetter("malformed-text")).toMatchObject({
      queue: NOTIFICATIONS_QUEUE,
      event_type: null,
      body: "this is not an event",
      attempts: 1,
    });
    const object = await deadLetter("malformed-object");
    expect(object?.queue).toBe(NOTIFICATIONS_QUEUE);
    expect(JSON.parse(object?.body ?? "null")).toEqual({ type: "message.requested", data: "nope" });
    expect((await outbound(good.messageId))?.status).toBe("delivered");
    expect(await deadLetter(good.eventId)).toBeNull();
  });

  it("(d) the dead-letter queue records an event once and marks its message failed", async () => {
    const request = smsRequest();
    const { messageId, eventId, envelope } = await requestMessage(request);
    await db.update(outboxEvents).set({ publishedAt: Date.now() }).where(eq(outboxEvents.id, eventId));
    const { deps, calls } = flakyDeps(0);

    const first = await deliver(NOTIFICATIONS_DLQ, [{ id: "dlq-1", attempts: 1, body: envelope }], deps);
    expect(first.explicitAcks).toEqual(["dlq-1"]);
    expect(first.retryMessages).toEqual([]);
    expect(await deadLetter(eventId)).toMatchObject({
      id: eventId,
      queue: NOTIFICATIONS_DLQ,
      event_type: MESSAGE_REQUESTED,
      attempts: 1,
    });
    expect(JSON.parse((await deadLetter(eventId))?.body ?? "null")).toEqual(envelope);
    const failed = await outbound(messageId);
    expect(failed?.status).toBe("failed");

    // A later delivery would stamp a later updatedAt.
    advanceTime(5);
    const again = await deliver(NOTIFICATIONS_DLQ, [{ id: "dlq-2", attempts: 1, body: envelope }], deps);
    expect(again.explicitAcks).toEqual(["dlq-2"]);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM dead_letters WHERE id = ?")
      .bind(eventId)
      .first<{ n: number }>();
    expect(rows?.n).toBe(1);
    // onDeadLetter ran once: the second delivery did not touch the message again.
    expect((await outbound(messageId))?.updatedAt).toBe(failed?.updatedAt);
    // The dead-letter consumer never sends anything.
    expect(calls.sends).toBe(0);
    expect(await devOutboxCount(request.to)).toBe(0);
  });

  it("a drain of more than 100 pending events publishes and marks every one (D1's 100-parameter limit)", async () => {
    const before = (await db.select({ id: outboxEvents.id }).from(outboxEvents)).length;
    const events = Array.from({ length: 150 }, (_, i) =>
      createEvent("notification.deliver", { deliveryId: `dlv_bulk_${i}`, hop: 0 }),
    );
    for (let i = 0; i < events.length; i += 10) {
      const [first, ...rest] = events.slice(i, i + 10).map((e) => recordEvent(db, "catalog_events", e));
      await db.batch([first, ...rest]);
    }
    const bigConfig = { ...config, outbox: { ...config.outbox, batchSize: 200 } };
    const result = await drainOutbox(env, bigConfig);
    expect(result.failed).toBe(0);
    expect(result.published).toBeGreaterThanOrEqual(150);
    const pending = await db.select({ id: outboxEvents.id }).from(outboxEvents).where(isNull(outboxEvents.publishedAt));
    expect(pending).toEqual([]);
    expect((await db.select({ id: outboxEvents.id }).from(outboxEvents)).length).toBe(before + 150);
  });

  it("retries back off exponentially with jitter, between 1 s and 10 min", () => {
    for (let attempts = 0; attempts <= 30; attempts++) {
      const ceiling = Math.min(600, 2 ** attempts);
      const delays = Array.from({ length: 200 }, () => retryDelaySeconds(attempts));
      for (const d of delays) {
        expect(Number.isInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(Math.max(1, ceiling - 1));
      }
      if (ceiling >= 64) expect(new Set(delays).size).toBeGreaterThan(10);
    }
  });

  it("(e) a state change whose batch fails leaves no outbox event behind", async () => {
    const outboxBefore = await countRows("outbox_events");
    const outboundBefore = await countRows("outbound_messages");
    const orderId = `ord_${crypto.randomUUID()}`;
    const { messageId, writes } = await messageWrites(env, db, smsRequest());
    await expect(
      db.batch([
        db.insert(testOrders).values({ id: orderId, total: 129_900 }),
        ...writes,
        // Same primary key again: the whole batch rolls back.
        db.insert(testOrders).values({ id: orderId, total: 1 }),
      ]),
    ).rejects.toThrow();
    expect(await countRows("outbox_events")).toBe(outboxBefore);
    expect(await countRows("outbound_messages")).toBe(outboundBefore);
    expect(await outboxRow(messageId)).toBeNull();
    expect(await outbound(messageId)).toBeUndefined();
    expect(await db.select().from(testOrders).where(eq(testOrders.id, orderId)).get()).toBeUndefined();

    // The same batch without the conflict commits the state change and its event together.
    const ok = await messageWrites(env, db, smsRequest());
    await db.batch([db.insert(testOrders).values({ id: orderId, total: 129_900 }), ...ok.writes]);
    expect(await db.select().from(testOrders).where(eq(testOrders.id, orderId)).get()).toEqual({
      id: orderId,
      total: 129_900,
    });
    expect((await outboxRow(ok.messageId))?.type).toBe(MESSAGE_REQUESTED);
    expect((await outbound(ok.messageId))?.status).toBe("pending");
    expect(await countRows("outbox_events")).toBe(outboxBefore + 1);
  });
});
