import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { securityAlertEvent } from "../../workers/identity";
import {
  call,
  deliveriesOf,
  deliverToQueue,
  expectJson,
  NOTIFICATIONS_QUEUE,
  type NotificationDbRow,
  notificationsOf,
  recordingDeps,
  register,
} from "./helpers";

/** SELECT * reads the notification's event id too. */
const eventIdOf = (n: NotificationDbRow) => (n as NotificationDbRow & { event_id: string }).event_id;

/** processed_events rows of the compose consumer for these events, by status. */
async function composed(ids: string[]) {
  const { results } = await env.DB.prepare(
    `SELECT event_id, status FROM processed_events
      WHERE consumer = 'notifications.compose' AND event_id IN (SELECT value FROM json_each(?1))`,
  )
    .bind(JSON.stringify(ids))
    .all<{ event_id: string; status: string }>();
  return results;
}

describe("the compose consumer applies a queue batch's events together", () => {
  it("one batch of many events: every event notified once, with its deliveries; the same batch again changes nothing", async () => {
    const people = await Promise.all(["th", "en", "vi"].map((locale) => register(locale)));
    // One of them has a push device, so the batch also records, enqueues and outboxes a push delivery.
    const device = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/notifications/devices", {
        token: people[1].token,
        body: { token: `batch-${crypto.randomUUID()}`, platform: "android" },
      }),
      201,
    );
    const events = people.flatMap((p, i) =>
      [0, 1, 2].map((n) => securityAlertEvent(p.userId, "new_sign_in", { device: `Phone ${i}.${n}` })),
    );
    // The same event twice in one batch (a producer's retry) is still one notification.
    const bodies = [...events, events[4]].map((body) => ({ body }));
    const first = recordingDeps();
    const result = await deliverToQueue(NOTIFICATIONS_QUEUE, bodies, first.deps);
    expect(result.explicitAcks).toHaveLength(bodies.length);
    expect(result.retryMessages).toEqual([]);

    const rows = await composed(events.map((e) => e.id));
    expect(rows).toHaveLength(events.length);
    expect(rows.every((r) => r.status === "done")).toBe(true);
    for (const [i, p] of people.entries()) {
      const mine = await notificationsOf(p.userId, "security.alert");
      expect(mine.map((n) => eventIdOf(n)).sort()).toEqual(
        events
          .slice(i * 3, i * 3 + 3)
          .map((e) => e.id)
          .sort(),
      );
      expect(new Set(mine.map((n) => n.locale))).toEqual(new Set([["th", "en", "vi"][i]]));
      for (const n of mine) {
        const deliveries = await deliveriesOf(n.id);
        expect(deliveries.map((d) => d.channel).sort()).toEqual(i === 1 ? ["inApp", "push"] : ["inApp"]);
        if (i === 1) expect(deliveries.find((d) => d.channel === "push")?.target).toBe(device.id);
      }
    }
    // One deliver event per push delivery, all in one send.
    expect(first.enqueued).toHaveLength(3);
    expect(new Set(first.enqueued.map((m) => m.body.data.deliveryId)).size).toBe(3);

    // Redelivered whole: acked, and nothing is written or enqueued twice.
    const again = recordingDeps();
    const second = await deliverToQueue(NOTIFICATIONS_QUEUE, bodies, again.deps);
    expect(second.explicitAcks).toHaveLength(bodies.length);
    expect(again.enqueued).toEqual([]);
    for (const p of people) expect(await notificationsOf(p.userId, "security.alert")).toHaveLength(3);
  });

  it("an event applied one at a time before is skipped by the batch, and the others still apply", async () => {
    const person = await register("id");
    const events = [0, 1, 2, 3].map((n) => securityAlertEvent(person.userId, "password_changed", { device: `D${n}` }));
    const deps = recordingDeps().deps;
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: events[2] }], deps);
    const result = await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      events.map((body) => ({ body })),
      deps,
    );
    expect(result.explicitAcks).toHaveLength(4);
    const mine = await notificationsOf(person.userId, "security.alert");
    expect(mine.map((n) => eventIdOf(n)).sort()).toEqual(events.map((e) => e.id).sort());
  });
});
