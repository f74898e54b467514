import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { securityAlertEvent } from "../../workers/identity";
import { ProviderError } from "../../workers/platform/provider-http";
import {
  call,
  deliveriesOf,
  deliverToQueue,
  devOutboxFor,
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
    // One deliver event per push delivery, all in one send, and their outbox rows marked published
    // (in the commit of the batch's "done" markers).
    expect(first.enqueued).toHaveLength(3);
    expect(new Set(first.enqueued.map((m) => m.body.data.deliveryId)).size).toBe(3);
    const { results: outbox } = await env.DB.prepare(
      "SELECT published_at, claimed_until FROM outbox_events WHERE id IN (SELECT value FROM json_each(?1))",
    )
      .bind(JSON.stringify(first.enqueued.map((m) => m.body.id)))
      .all<{ published_at: number | null; claimed_until: number | null }>();
    expect(outbox).toHaveLength(3);
    for (const row of outbox) expect(row).toEqual({ published_at: expect.any(Number), claimed_until: null });

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

describe("the compose consumer's multi-row commit", () => {
  it("a batch with duplicates and a redelivered half gives each notification, delivery, message and outbox row once", async () => {
    const people = await Promise.all(["fil", "ms"].map((locale) => register(locale)));
    for (const p of people) {
      await expectJson(
        await call("POST", "/api/v1/notifications/devices", {
          token: p.token,
          body: { token: `rows-${crypto.randomUUID()}`, platform: "ios" },
        }),
        201,
      );
    }
    const events = people.flatMap((p) =>
      [0, 1, 2].map((n) => securityAlertEvent(p.userId, "new_sign_in", { device: `Tab ${n}` })),
    );
    // The first half was applied by an earlier batch (a redelivery of the queue's later messages follows).
    const earlier = recordingDeps();
    await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      events.slice(0, 3).map((body) => ({ body })),
      earlier.deps,
    );
    expect(earlier.enqueued).toHaveLength(3);
    // Then every event, with two of them twice.
    const later = recordingDeps();
    const bodies = [...events, events[1], events[4]].map((body) => ({ body }));
    const result = await deliverToQueue(NOTIFICATIONS_QUEUE, bodies, later.deps);
    expect(result.explicitAcks).toHaveLength(bodies.length);
    expect(result.retryMessages).toEqual([]);
    // Only the new half's pushes are enqueued, each once.
    expect(later.enqueued).toHaveLength(3);
    const pushIds = [...earlier.enqueued, ...later.enqueued].map((m) => m.body.data.deliveryId);
    expect(new Set(pushIds).size).toBe(6);

    const notificationIds: string[] = [];
    for (const p of people) {
      const mine = await notificationsOf(p.userId, "security.alert");
      expect(mine).toHaveLength(3);
      for (const n of mine) {
        notificationIds.push(n.id);
        const deliveries = await deliveriesOf(n.id);
        expect(deliveries.map((d) => d.channel).sort()).toEqual(["inApp", "push"]);
        expect(deliveries.find((d) => d.channel === "inApp")?.status).toBe("sent");
        expect(deliveries.find((d) => d.channel === "push")?.status).toBe("pending");
      }
    }
    const counts = await env.DB.prepare(
      `SELECT (SELECT COUNT(*) FROM outbound_messages m JOIN notification_deliveries d ON d.outbound_message_id = m.id
                WHERE d.id IN (SELECT value FROM json_each(?1))) AS messages,
              (SELECT COUNT(*) FROM outbox_events
                WHERE json_extract(envelope, '$.data.deliveryId') IN (SELECT value FROM json_each(?1))) AS outbox`,
    )
      .bind(JSON.stringify(pushIds))
      .first<{ messages: number; outbox: number }>();
    expect(counts).toEqual({ messages: 6, outbox: 6 });
    // The deliver events carry the notification each push belongs to.
    for (const m of [...earlier.enqueued, ...later.enqueued]) expect(notificationIds).toContain(m.body.subject?.id);
  });
});

/** A user with one push device and `n` security alerts composed; the deliver events they enqueued. */
async function pushDeliveries(n: number) {
  const person = await register("ms");
  const token = `deliver-${crypto.randomUUID()}`;
  await expectJson(
    await call("POST", "/api/v1/notifications/devices", {
      token: person.token,
      body: { token, platform: "android" },
    }),
    201,
  );
  const events = Array.from({ length: n }, (_, i) =>
    securityAlertEvent(person.userId, "new_sign_in", { device: `P${i}` }),
  );
  const composing = recordingDeps();
  await deliverToQueue(
    NOTIFICATIONS_QUEUE,
    events.map((body) => ({ body })),
    composing.deps,
  );
  expect(composing.enqueued).toHaveLength(n);
  return { person, token, deliver: composing.enqueued.map((m) => m.body) };
}

async function pushStates(ids: string[]) {
  const { results } = await env.DB.prepare(
    `SELECT id, status, attempts, last_error FROM notification_deliveries WHERE id IN (SELECT value FROM json_each(?1))`,
  )
    .bind(JSON.stringify(ids))
    .all<{ id: string; status: string; attempts: number; last_error: string | null }>();
  return new Map(results.map((r) => [r.id, r]));
}

describe("the deliver consumer sends a queue batch's deliveries together", () => {
  it("sends each once; a send that fails retries alone, and the batch again sends only that one", async () => {
    const { token, deliver } = await pushDeliveries(5);
    // The provider refuses the third message it is asked for (whichever that is: the sends are concurrent).
    const failing = recordingDeps({ fail: (_m, attempt) => (attempt === 3 ? new Error("FCM timed out") : undefined) });
    const bodies = deliver.map((body, i) => ({ id: `dlv-msg-${i}`, body }));
    const result = await deliverToQueue(NOTIFICATIONS_QUEUE, bodies, failing.deps);
    expect(failing.sent).toHaveLength(5);
    expect(result.explicitAcks).toHaveLength(4);
    expect(result.retryMessages).toHaveLength(1);
    const retried = bodies.find((b) => b.id === result.retryMessages[0].msgId)!.body.data.deliveryId;
    const states = await pushStates(deliver.map((d) => d.data.deliveryId));
    for (const [id, state] of states) {
      if (id === retried) expect(state).toMatchObject({ status: "pending", attempts: 1, last_error: "FCM timed out" });
      else expect(state).toMatchObject({ status: "delivered", attempts: 1, last_error: null });
    }
    expect(await devOutboxFor(token, "push")).toHaveLength(4);

    // The queue redelivers the whole batch: only the failed delivery is sent again.
    const healthy = recordingDeps();
    const again = await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      bodies.map((b) => ({ ...b, attempts: 2 })),
      healthy.deps,
    );
    expect(again.explicitAcks).toHaveLength(5);
    expect(healthy.sent).toHaveLength(1);
    expect((await pushStates([retried])).get(retried)).toMatchObject({ status: "delivered", attempts: 2 });
    expect(await devOutboxFor(token, "push")).toHaveLength(5);
  });

  it("a permanent refusal dead-letters only its own message", async () => {
    const { deliver } = await pushDeliveries(3);
    const refused = deliver[1].data.deliveryId;
    const message = await env.DB.prepare("SELECT outbound_message_id AS id FROM notification_deliveries WHERE id = ?")
      .bind(refused)
      .first<{ id: string }>();
    const refusing = recordingDeps({
      fail: (m) =>
        m.idempotencyKey === message?.id
          ? new ProviderError("fcm", "FCM 400 (INVALID_ARGUMENT): bad payload", {
              retryable: false,
              providerCode: "INVALID_ARGUMENT",
            })
          : undefined,
    });
    const result = await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      deliver.map((body) => ({ body })),
      refusing.deps,
    );
    expect(result.explicitAcks).toHaveLength(3);
    expect(result.retryMessages).toEqual([]);
    const dead = await env.DB.prepare("SELECT event_type FROM dead_letters WHERE id = ?")
      .bind(deliver[1].id)
      .first<{ event_type: string }>();
    expect(dead?.event_type).toBe("notification.deliver");
    const states = await pushStates(deliver.map((d) => d.data.deliveryId));
    expect(states.get(refused)?.status).toBe("failed");
    expect([...states.values()].filter((s) => s.status === "delivered")).toHaveLength(2);
  });
});
