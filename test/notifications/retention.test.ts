import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { purgeOldNotifications } from "../../workers/notifications/retention";
import { runScheduled } from "../../workers/scheduled";
import { call, expectJson } from "../support/http";
import {
  deliveriesOf,
  deliverToQueue,
  NOTIFICATIONS_QUEUE,
  type NotificationDbRow,
  notificationsOf,
  optedIn,
  type Person,
  priceDropFor,
  recordingDeps,
} from "./helpers";

const DAY = 86_400_000;
const RETENTION_DAYS = Number(env.NOTIFICATIONS_RETENTION_DAYS);

/** A delivered price-drop notification (in-app, email through the dev outbox) for an opted-in user. */
async function notified(person: Person) {
  const drop = await priceDropFor(person);
  const compose = recordingDeps();
  await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: drop }], compose.deps);
  await deliverToQueue(
    NOTIFICATIONS_QUEUE,
    compose.enqueued.map((m) => ({ body: m.body })),
    recordingDeps().deps,
  );
  // This product's notification (the person may have others).
  const rows = (await notificationsOf(person.userId, "promotion.price_drop")) as (NotificationDbRow & {
    data: string;
  })[];
  return rows.find((n) => n.data.includes(String(drop.data.productId)))!;
}

/** Moves a notification and everything it sent `days` into the past. */
async function age(notificationId: string, days: number) {
  const at = Date.now() - days * DAY;
  const deliveries = await deliveriesOf(notificationId);
  await env.DB.batch([
    env.DB.prepare("UPDATE notifications SET created_at = ? WHERE id = ?").bind(at, notificationId),
    env.DB.prepare("UPDATE notification_deliveries SET created_at = ? WHERE notification_id = ?").bind(
      at,
      notificationId,
    ),
    ...deliveries
      .filter((d) => d.outbound_message_id)
      .map((d) =>
        env.DB.prepare("UPDATE outbound_messages SET created_at = ? WHERE id = ?").bind(at, d.outbound_message_id),
      ),
    ...deliveries
      .filter((d) => d.provider_message_id)
      .map((d) =>
        env.DB.prepare("UPDATE provider_receipts SET received_at = ? WHERE provider_message_id = ?").bind(
          at,
          d.provider_message_id,
        ),
      ),
  ]);
  return deliveries;
}

const countOf = async (sql: string, ...values: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...values)
    .first<{ n: number }>())!.n;

describe("notification retention", () => {
  it("purges notifications older than NOTIFICATIONS_RETENTION_DAYS with their deliveries, messages and receipts", async () => {
    const person = await optedIn();
    const old = await notified(person);
    const recent = await notified(person);
    const oldDeliveries = await age(old.id, RETENTION_DAYS + 1);
    await age(recent.id, RETENTION_DAYS - 1);
    const oldMessages = oldDeliveries.map((d) => d.outbound_message_id).filter((id): id is string => id !== null);
    const oldReceipts = oldDeliveries.map((d) => d.provider_message_id).filter((id): id is string => id !== null);
    expect(oldMessages.length).toBeGreaterThan(0);
    expect(oldReceipts.length).toBeGreaterThan(0);

    const purged = await purgeOldNotifications(env, Date.now());
    expect(purged.notifications).toBeGreaterThanOrEqual(1);

    expect(await countOf("SELECT count(*) AS n FROM notifications WHERE id = ?", old.id)).toBe(0);
    expect(await countOf("SELECT count(*) AS n FROM notification_deliveries WHERE notification_id = ?", old.id)).toBe(
      0,
    );
    for (const id of oldMessages) {
      expect(await countOf("SELECT count(*) AS n FROM outbound_messages WHERE id = ?", id)).toBe(0);
    }
    for (const id of oldReceipts) {
      expect(await countOf("SELECT count(*) AS n FROM provider_receipts WHERE provider_message_id = ?", id)).toBe(0);
    }

    // The recent one is untouched, and the inbox still lists it.
    expect((await deliveriesOf(recent.id)).length).toBeGreaterThan(0);
    const inbox = await expectJson<{ items: { id: string }[] }>(
      await call("GET", "/api/v1/notifications", { token: person.token }),
      200,
    );
    expect(inbox.items.map((n) => n.id)).toEqual([recent.id]);
  });

  it("the minute cron runs the purge", async () => {
    const person = await optedIn();
    const old = await notified(person);
    await age(old.id, RETENTION_DAYS + 30);
    await runScheduled(env);
    expect(await countOf("SELECT count(*) AS n FROM notifications WHERE id = ?", old.id)).toBe(0);
    expect(await countOf("SELECT count(*) AS n FROM notification_deliveries WHERE notification_id = ?", old.id)).toBe(
      0,
    );
  });
});
