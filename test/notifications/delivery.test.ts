import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ProviderError } from "../../workers/platform/provider-http";
import {
  call,
  deliveriesOf,
  deliverToQueue,
  devOutboxFor,
  expectJson,
  NOTIFICATIONS_DLQ,
  NOTIFICATIONS_QUEUE,
  notificationsOf,
  optedIn,
  priceDropFor,
  recordingDeps,
} from "./helpers";

async function outboundRow(id: string) {
  return env.DB.prepare("SELECT status, attempts, provider, last_error FROM outbound_messages WHERE id = ?")
    .bind(id)
    .first<{ status: string; attempts: number; provider: string | null; last_error: string | null }>();
}

async function deadLetter(id: string) {
  return env.DB.prepare("SELECT queue, event_type, attempts FROM dead_letters WHERE id = ?")
    .bind(id)
    .first<{ queue: string; event_type: string; attempts: number }>();
}

describe("delivery tracking, retries and dead letters", () => {
  it("a failing provider is retried with backoff, then dead-lettered with the status recorded", async () => {
    const person = await optedIn();
    const compose = recordingDeps();
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: await priceDropFor(person) }], compose.deps);
    const [notification] = await notificationsOf(person.userId, "promotion.price_drop");
    const email = (await deliveriesOf(notification.id)).find((d) => d.channel === "email")!;
    expect(email).toMatchObject({ status: "pending", attempts: 0 });
    const deliver = compose.enqueued.find((m) => m.body.data.deliveryId === email.id)!.body;
    expect(deliver).toMatchObject({ type: "notification.deliver", id: `evt_${email.id}_0` });

    const failing = recordingDeps({ fail: () => new Error("email gateway timed out") });
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await deliverToQueue(
        NOTIFICATIONS_QUEUE,
        [{ id: "m1", attempts: attempt, body: deliver }],
        failing.deps,
      );
      expect(result.retryMessages.map((m) => m.msgId)).toEqual(["m1"]);
      expect(result.explicitAcks).toEqual([]);
      const row = (await deliveriesOf(notification.id)).find((d) => d.id === email.id)!;
      expect(row).toMatchObject({ status: "pending", attempts: attempt, last_error: "email gateway timed out" });
      expect(await outboundRow(email.outbound_message_id!)).toMatchObject({
        status: "pending",
        attempts: attempt,
        provider: "recording",
        last_error: "email gateway timed out",
      });
    }
    expect(failing.sent).toHaveLength(3);
    expect(failing.sent[0]).toMatchObject({
      channel: "email",
      to: person.email,
      idempotencyKey: email.outbound_message_id,
    });

    // Retries exhausted: the queue moves it to the dead-letter queue, which records it and marks it failed.
    const dead = await deliverToQueue(NOTIFICATIONS_DLQ, [{ id: "m1", attempts: 5, body: deliver }], failing.deps);
    expect(dead.explicitAcks).toEqual(["m1"]);
    expect(await deadLetter(deliver.id)).toMatchObject({
      queue: NOTIFICATIONS_DLQ,
      event_type: "notification.deliver",
    });
    expect((await deliveriesOf(notification.id)).find((d) => d.id === email.id)).toMatchObject({
      status: "failed",
      attempts: 3,
      last_error: "email gateway timed out",
    });
    expect((await outboundRow(email.outbound_message_id!))?.status).toBe("failed");
    expect(failing.sent).toHaveLength(3);
    // The user sees that in the notification's deliveries.
    const detail = await expectJson<{ deliveries: { channel: string; status: string; attempts: number }[] }>(
      await call("GET", `/api/v1/notifications/${notification.id}`, { token: person.token }),
      200,
    );
    expect(detail.deliveries.find((d) => d.channel === "email")).toMatchObject({ status: "failed", attempts: 3 });

    // A late redelivery of the original event does not send again.
    const again = await deliverToQueue(NOTIFICATIONS_QUEUE, [{ id: "m1", attempts: 6, body: deliver }], failing.deps);
    expect(again.explicitAcks).toEqual(["m1"]);
    expect(failing.sent).toHaveLength(3);
  });

  it("an error the provider says is permanent is dead-lettered at once", async () => {
    const person = await optedIn();
    const compose = recordingDeps();
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: await priceDropFor(person) }], compose.deps);
    const [notification] = await notificationsOf(person.userId, "promotion.price_drop");
    const email = (await deliveriesOf(notification.id)).find((d) => d.channel === "email")!;
    const deliver = compose.enqueued.find((m) => m.body.data.deliveryId === email.id)!.body;
    const refusing = recordingDeps({
      fail: () =>
        new ProviderError("resend", "Resend 422 (validation_error): Invalid `to` field", {
          status: 422,
          retryable: false,
          providerCode: "validation_error",
        }),
    });
    const result = await deliverToQueue(NOTIFICATIONS_QUEUE, [{ id: "m2", body: deliver }], refusing.deps);
    expect(result.explicitAcks).toEqual(["m2"]);
    expect(result.retryMessages).toEqual([]);
    expect(await deadLetter(deliver.id)).toMatchObject({ queue: NOTIFICATIONS_QUEUE });
    expect((await deliveriesOf(notification.id)).find((d) => d.id === email.id)).toMatchObject({
      status: "failed",
      attempts: 1,
      provider: "resend",
      last_error: "Resend 422 (validation_error): Invalid `to` field",
    });
  });

  it("a push token FCM no longer knows expires the delivery and forgets the device", async () => {
    const person = await optedIn();
    const device = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/notifications/devices", {
        token: person.token,
        body: { token: `gone-${crypto.randomUUID()}`, platform: "ios" },
      }),
      201,
    );
    const compose = recordingDeps();
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: await priceDropFor(person) }], compose.deps);
    const [notification] = await notificationsOf(person.userId, "promotion.price_drop");
    const push = (await deliveriesOf(notification.id)).find((d) => d.channel === "push")!;
    expect(push.target).toBe(device.id);
    const deliver = compose.enqueued.find((m) => m.body.data.deliveryId === push.id)!.body;
    const fcm = recordingDeps({
      fail: () =>
        new ProviderError("fcm", "FCM 404 (UNREGISTERED): Requested entity was not found.", {
          status: 404,
          retryable: false,
          providerCode: "UNREGISTERED",
        }),
    });
    const result = await deliverToQueue(NOTIFICATIONS_QUEUE, [{ id: "m3", body: deliver }], fcm.deps);
    expect(result.explicitAcks).toEqual(["m3"]);
    expect(await deadLetter(deliver.id)).toBeNull();
    expect((await deliveriesOf(notification.id)).find((d) => d.id === push.id)).toMatchObject({
      status: "expired",
      attempts: 1,
      last_error: "the push token is no longer registered",
    });
    const devices = await expectJson<{ items: unknown[] }>(
      await call("GET", "/api/v1/notifications/devices", { token: person.token }),
      200,
    );
    expect(devices.items).toEqual([]);
  });

  it("a delivery past its expiry, or for a channel turned off since, is expired instead of sent", async () => {
    const person = await optedIn();
    const compose = recordingDeps();
    const at = Date.now();
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: await priceDropFor(person) }], compose.deps);
    const [notification] = await notificationsOf(person.userId, "promotion.price_drop");
    const email = (await deliveriesOf(notification.id)).find((d) => d.channel === "email")!;
    const deliver = compose.enqueued.find((m) => m.body.data.deliveryId === email.id)!.body;

    await expectJson(
      await call("PUT", "/api/v1/notifications/preferences", {
        token: person.token,
        body: { channels: { email: false } },
      }),
      200,
    );
    const off = recordingDeps({ now: () => at + 1000 });
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: deliver }], off.deps);
    expect(off.sent).toEqual([]);
    expect((await deliveriesOf(notification.id)).find((d) => d.id === email.id)).toMatchObject({
      status: "expired",
      last_error: "turned off by the recipient before it was sent",
    });
    expect((await outboundRow(email.outbound_message_id!))?.status).toBe("failed");
    expect(await devOutboxFor(person.email, "email")).toHaveLength(1); // only the welcome email

    // Another one that waited past NOTIFICATIONS_DELIVERY_TTL_SECONDS.
    const other = await optedIn();
    const compose2 = recordingDeps({ now: () => at });
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: await priceDropFor(other) }], compose2.deps);
    const [n2] = await notificationsOf(other.userId, "promotion.price_drop");
    const email2 = (await deliveriesOf(n2.id)).find((d) => d.channel === "email")!;
    const late = recordingDeps({ now: () => email2.expires_at + 1 });
    await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      [{ body: compose2.enqueued.find((m) => m.body.data.deliveryId === email2.id)!.body }],
      late.deps,
    );
    expect(late.sent).toEqual([]);
    expect((await deliveriesOf(n2.id)).find((d) => d.id === email2.id)?.status).toBe("expired");
  });

  it("a retried compose after a partial run writes nothing twice and re-sends only what is pending", async () => {
    const person = await optedIn("vi");
    const event = await priceDropFor(person);
    const first = recordingDeps();
    // The first run commits, then fails to reach the queue.
    first.deps.enqueue = async () => {
      throw new Error("queue unavailable");
    };
    const failed = await deliverToQueue(NOTIFICATIONS_QUEUE, [{ id: "c1", body: event }], first.deps);
    expect(failed.retryMessages.map((m) => m.msgId)).toEqual(["c1"]);
    const [notification] = await notificationsOf(person.userId, "promotion.price_drop");
    expect(notification.title).toMatch(/^Giảm giá: /);
    const before = await deliveriesOf(notification.id);

    const retry = recordingDeps();
    const ok = await deliverToQueue(NOTIFICATIONS_QUEUE, [{ id: "c1", attempts: 2, body: event }], retry.deps);
    expect(ok.explicitAcks).toEqual(["c1"]);
    expect(await notificationsOf(person.userId, "promotion.price_drop")).toHaveLength(1);
    expect((await deliveriesOf(notification.id)).map((d) => d.id)).toEqual(before.map((d) => d.id));
    expect(retry.enqueued.map((m) => m.body.data.deliveryId).sort()).toEqual(
      before
        .filter((d) => d.status === "pending")
        .map((d) => d.id)
        .sort(),
    );
    const outbound = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM outbound_messages WHERE id IN (SELECT outbound_message_id FROM notification_deliveries WHERE notification_id = ?)",
    )
      .bind(notification.id)
      .first<{ n: number }>();
    expect(outbound?.n).toBe(before.filter((d) => d.outbound_message_id).length);
  });
});
