import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../workers/platform/config";
import { reconcileDeliveries } from "../../workers/platform/redelivery";
import { consumersFor } from "../../workers/queue";
import { runScheduled } from "../../workers/scheduled";
import { advanceTime } from "../support/clock";
import { useFreshStorage } from "../support/fresh-storage";
import {
  deliveriesOf,
  deliverToQueue,
  devOutboxFor,
  eventually,
  NOTIFICATIONS_QUEUE,
  notificationsOf,
  optedIn,
  priceDropFor,
  recordingDeps,
} from "./helpers";

// The cron jobs it runs work over the whole database, a bounded batch per run; other test files share it.
useFreshStorage();

// A notification's SMS, email and push go out as deliver events the compose consumer puts on the
// queue itself (each with its own delay). Those events are in the outbox too, written in the same
// batch as the deliveries, so a message lost on the way (a crash, a local queue killed with it in
// memory) is published again by the cron's reconciler: the email still goes, once.

const config = readConfig(env);
/** Longer than any check delay the reconciler's backoff picks. */
const LONG_AFTER = 7 * 3_600_000;

async function outboxRow(id: string) {
  return env.DB.prepare("SELECT published_at, attempts, check_delay_ms, outcome FROM outbox_events WHERE id = ?")
    .bind(id)
    .first<{ published_at: number | null; attempts: number; check_delay_ms: number | null; outcome: string | null }>();
}

describe("notification deliveries are delivered at least once end to end", () => {
  it("an email whose deliver event was lost after the commit is sent by the reconciler, once", async () => {
    const person = await optedIn();
    // The compose consumer commits the notification and its deliveries; its queue loses the deliver events.
    const compose = recordingDeps();
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: await priceDropFor(person) }], compose.deps);
    const [notification] = await notificationsOf(person.userId, "promotion.price_drop");
    const email = (await deliveriesOf(notification.id)).find((d) => d.channel === "email")!;
    expect(email.status).toBe("pending");
    const eventId = `evt_${email.id}_0`;
    expect(compose.enqueued.map((m) => m.body.id)).toContain(eventId);
    // Sent by the consumer itself, so marked published, to be checked after the timeout.
    expect(await outboxRow(eventId)).toMatchObject({
      published_at: expect.any(Number),
      attempts: 1,
      check_delay_ms: config.outbox.deliveryTimeoutMs,
      outcome: null,
    });

    const priceDropEmails = async () =>
      (await devOutboxFor(person.email, "email")).filter((m) => m.subject?.startsWith("Price drop:")).length;
    expect(await priceDropEmails()).toBe(0);

    advanceTime(config.outbox.deliveryTimeoutMs + 1_000);
    await runScheduled(env);
    await eventually(
      async () => (await deliveriesOf(notification.id)).find((d) => d.id === email.id)?.status !== "pending",
      "the email to be sent",
    );
    expect(await priceDropEmails()).toBe(1);

    advanceTime(LONG_AFTER);
    await reconcileDeliveries(env, config, consumersFor);
    expect(await outboxRow(eventId)).toMatchObject({ outcome: "applied", attempts: 2 });
    advanceTime(LONG_AFTER);
    await runScheduled(env);
    expect(await priceDropEmails()).toBe(1);
  });

  it("a delivery held by quiet hours keeps its next hop in the outbox, checked after its delay", async () => {
    const person = await optedIn();
    const compose = recordingDeps();
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: await priceDropFor(person) }], compose.deps);
    const [notification] = await notificationsOf(person.userId, "promotion.price_drop");
    const email = (await deliveriesOf(notification.id)).find((d) => d.channel === "email")!;
    const deliver = compose.enqueued.find((m) => m.body.data.deliveryId === email.id)!.body;

    // The person turned quiet hours on since: the email (not urgent) waits for their end.
    await env.DB.prepare("UPDATE notification_deliveries SET not_before = ? WHERE id = ?")
      .bind(Date.now() + 3 * 3_600_000, email.id)
      .run();
    const early = recordingDeps();
    const result = await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: deliver }], early.deps);
    expect(result.explicitAcks).toHaveLength(1);
    expect(early.sent).toEqual([]);
    const [hop] = early.enqueued;
    expect(hop.body).toMatchObject({ id: `evt_${email.id}_1`, data: { hop: 1 } });
    // The hop is recorded with this event's "done": the reconciler waits for its delay, then the timeout.
    const row = await outboxRow(hop.body.id);
    expect(row).toMatchObject({ published_at: expect.any(Number), attempts: 1, outcome: null });
    expect(row?.check_delay_ms).toBe((hop.delaySeconds ?? 0) * 1000 + config.outbox.deliveryTimeoutMs);
    advanceTime(config.outbox.deliveryTimeoutMs + 1_000);
    await reconcileDeliveries(env, config, consumersFor);
    expect((await outboxRow(hop.body.id))?.published_at).toBe(row?.published_at);
  });
});
