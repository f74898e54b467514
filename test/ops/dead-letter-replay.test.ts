import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboundMessages, outboxEvents } from "../../d1/schema";
import type { EventEnvelope } from "../../schemas/events";
import { type MessageRequest, messageWrites } from "../../workers/messaging/messages";
import { DevOutbox } from "../../workers/messaging/outbound";
import { readConfig } from "../../workers/platform/config";
import { database } from "../../workers/platform/db";
import { drainOutbox } from "../../workers/platform/outbox";
import { handleQueueBatch, type QueueDeps } from "../../workers/queue";
import { grantAdmin, register } from "../support/accounts";
import { post } from "../support/http";

// A dead letter replayed is applied at most once: replayed twice at once, and while the original
// message is also redelivered, the consumer records the event once (processed_events) and its
// effect happens at most once.

const db = database(env);
const config = readConfig(env);
const deps: QueueDeps = { fetch: (input, init) => fetch(input, init), outbound: () => new DevOutbox(db) };

let seq = 0;
function smsRequest(): MessageRequest {
  seq += 1;
  return {
    channel: "sms",
    to: `+668300${String(seq + Math.floor(Math.random() * 90_000)).padStart(5, "0")}`,
    locale: "th",
    body: "รหัส OTP ของคุณคือ 111222",
    category: "security",
  };
}

async function deliver(queue: string, id: string, body: unknown) {
  const batch = createMessageBatch(queue, [{ id, attempts: 1, timestamp: new Date(), body }]);
  await handleQueueBatch(batch, env, deps);
  return getQueueResult(batch, createExecutionContext());
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const count = async (sql: string, ...params: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...params)
      .first<{ n: number }>()
  )?.n ?? 0;

describe("POST /api/v1/admin/dead-letters/:id/replay", () => {
  it("replayed twice at once while the original is redelivered, the consumer applies the event once", async () => {
    const request = smsRequest();
    const { messageId, writes } = await messageWrites(env, db, request);
    await db.batch(writes);
    const event = await env.DB.prepare(
      "SELECT id, envelope FROM outbox_events WHERE json_extract(envelope, '$.data.messageId') = ?",
    )
      .bind(messageId)
      .first<{ id: string; envelope: string }>();
    if (!event) throw new Error("no outbox row");
    const envelope = JSON.parse(event.envelope) as EventEnvelope;
    await db.update(outboxEvents).set({ publishedAt: Date.now() }).where(eq(outboxEvents.id, event.id));
    // Its retries exhausted: the queue hands it to the dead-letter queue.
    await deliver("tchat-notifications-dlq", "dlq-replay-1", envelope);
    expect(await count("SELECT COUNT(*) AS n FROM dead_letters WHERE id = ?", event.id)).toBe(1);

    const admin = await register({ emailPrefix: "opsadmin-dlq" });
    await grantAdmin(admin.user.id);
    const replay = () => post(`/api/v1/admin/dead-letters/${event.id}/replay`, undefined, admin.accessToken);
    const [a, b, original] = await Promise.all([
      replay(),
      replay(),
      deliver("tchat-notifications", "original-redelivery", envelope),
    ]);
    expect([a.status, b.status]).toContain(202);
    for (const status of [a.status, b.status]) expect([202, 404]).toContain(status);
    expect(original.explicitAcks).toEqual(["original-redelivery"]);
    await drainOutbox(env, config);
    await eventually(
      async () =>
        (await db.select().from(outboxEvents).where(eq(outboxEvents.id, event.id)).get())?.publishedAt != null,
      "the replay to be published",
    );
    // The replayed copy and the redelivered original: one application.
    await deliver("tchat-notifications", "replayed-copy", envelope);
    expect(await count("SELECT COUNT(*) AS n FROM processed_events WHERE event_id = ?", event.id)).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM dev_outbox WHERE recipient = ?", request.to)).toBeLessThanOrEqual(1);
    expect(await count("SELECT COUNT(*) AS n FROM dead_letters WHERE id = ?", event.id)).toBe(0);
    // Marked failed when it was given up, the message is not sent late.
    expect((await db.select().from(outboundMessages).where(eq(outboundMessages.id, messageId)).get())?.status).toBe(
      "failed",
    );
    // The replay is in the audit log with the operator as actor, once.
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM audit_events WHERE actor_id = ? AND json_extract(data, '$.action') = ?",
        admin.user.id,
        `POST /api/v1/admin/dead-letters/${event.id}/replay`,
      ),
    ).toBeGreaterThanOrEqual(1);
  });
});
