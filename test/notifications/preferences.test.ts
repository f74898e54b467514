import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { securityAlertEvent } from "../../workers/identity";
import { priceDropEvent } from "../../workers/notifications/events";
import { DEFAULT_PREFERENCES, quietHoursEnd } from "../../workers/notifications/preferences";
import {
  call,
  deliveriesOf,
  deliverToQueue,
  expectJson,
  expectProblem,
  makeAdmin,
  NOTIFICATIONS_QUEUE,
  notificationsOf,
  recordingDeps,
  register,
  shopWithProduct,
} from "./helpers";

interface Prefs {
  channels: { sms: boolean; email: boolean; push: boolean; inApp: boolean };
  categories: { orders: boolean; chat: boolean; payments: boolean; promotions: boolean };
  quietHours: { start: string; end: string; timezone?: string } | null;
}

const getPrefs = async (token: string) =>
  expectJson<Prefs>(await call("GET", "/api/v1/notifications/preferences", { token }), 200);
const putPrefs = (token: string, body: unknown) => call("PUT", "/api/v1/notifications/preferences", { token, body });

async function registerDevice(token: string, platform = "android") {
  const res = await call("POST", "/api/v1/notifications/devices", {
    token,
    body: { token: `fcm-${crypto.randomUUID()}-${crypto.randomUUID()}`, platform },
  });
  return expectJson<{ id: string }>(res, 201);
}

/** "HH:MM" of `at` in a zone, shifted by `hours`. */
function clock(at: number, timeZone: string, hours: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" })
      .formatToParts(new Date(at + hours * 3_600_000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.hour}:${parts.minute}`;
}

describe("preferences API", () => {
  it("round-trips: defaults, partial changes, quiet hours on and off", async () => {
    const user = await register("th");
    expect(await getPrefs(user.token)).toEqual({
      channels: { sms: true, email: true, push: true, inApp: true },
      categories: { orders: true, chat: true, payments: true, promotions: false },
      quietHours: null,
    });
    const changed = await expectJson<Prefs>(
      await putPrefs(user.token, {
        channels: { sms: false },
        categories: { promotions: true },
        quietHours: { start: "22:00", end: "07:00" },
      }),
      200,
    );
    expect(changed).toEqual({
      channels: { sms: false, email: true, push: true, inApp: true },
      categories: { orders: true, chat: true, payments: true, promotions: true },
      quietHours: { start: "22:00", end: "07:00", timezone: "Asia/Bangkok" },
    });
    expect(await getPrefs(user.token)).toEqual(changed);
    // Fields left out keep their value; null turns quiet hours off.
    const later = await expectJson<Prefs>(
      await putPrefs(user.token, { channels: { push: false }, quietHours: null }),
      200,
    );
    expect(later.channels).toEqual({ sms: false, email: true, push: false, inApp: true });
    expect(later.categories.promotions).toBe(true);
    expect(later.quietHours).toBeNull();
  });

  it("refuses bad input with 422", async () => {
    const user = await register("en");
    const bad = [
      { quietHours: { start: "25:00", end: "07:00" } },
      { quietHours: { start: "22:00", end: "22:00" } },
      { channels: { fax: true } },
      { categories: { security: false } },
      { channels: { sms: "no" } },
    ];
    for (const body of bad) {
      const problem = await expectProblem(await putPrefs(user.token, body), 422, "validation_failed");
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
    expect(await getPrefs(user.token)).toEqual(DEFAULT_PREFERENCES);
  });
});

describe("quiet hours", () => {
  it("works out when quiet hours end, across midnight, in the user's zone", () => {
    const tz = "Asia/Bangkok"; // UTC+7
    const at = Date.UTC(2026, 2, 5, 16, 30, 15); // 23:30:15 in Bangkok
    expect(quietHoursEnd({ start: "22:00", end: "07:00" }, tz, at)).toBe(Date.UTC(2026, 2, 6, 0, 0, 0)); // 07:00 next day
    expect(quietHoursEnd({ start: "22:00", end: "07:00" }, tz, Date.UTC(2026, 2, 5, 10, 0))).toBeNull(); // 17:00
    expect(quietHoursEnd({ start: "13:00", end: "18:00" }, tz, Date.UTC(2026, 2, 5, 7, 0))).toBe(
      Date.UTC(2026, 2, 5, 11, 0),
    );
    expect(quietHoursEnd({ start: "22:00", end: "07:00" }, tz, Date.UTC(2026, 2, 6, 0, 0))).toBeNull(); // 07:00 sharp
    expect(quietHoursEnd(null, tz, at)).toBeNull();
  });

  it("defer push until they end (email and in-app arrive at once); security alerts are never held", async () => {
    const user = await register("th");
    const device = await registerDevice(user.token);
    const now = Date.now();
    const tz = "Asia/Bangkok";
    await expectJson(
      await putPrefs(user.token, {
        categories: { promotions: true },
        quietHours: { start: clock(now, tz, -1), end: clock(now, tz, 2) },
      }),
      200,
    );
    const { product } = await shopWithProduct(await register("en"));
    const drop = priceDropEvent({
      productId: product.id,
      productName: product.name,
      price: { amount: 99_900, currency: "THB" },
      previousPrice: { amount: 129_900, currency: "THB" },
      userIds: [user.userId],
    });
    const recorded = recordingDeps({ now: () => now });
    const result = await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: drop }], recorded.deps);
    expect(result.explicitAcks).toHaveLength(1);

    const [notification] = await notificationsOf(user.userId, "promotion.price_drop");
    expect(notification.title).toBe(`ลดราคา: ${product.name}`);
    const deliveries = await deliveriesOf(notification.id);
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([
      ["email", "pending"],
      ["inApp", "sent"],
      ["push", "pending"],
    ]);
    const push = deliveries.find((d) => d.channel === "push")!;
    expect(push.target).toBe(device.id);
    const end = quietHoursEnd({ start: clock(now, tz, -1), end: clock(now, tz, 2) }, tz, now)!;
    expect(push.not_before).toBe(end);
    expect(end - now).toBeGreaterThan(2 * 3_600_000 - 60_000);
    expect(deliveries.find((d) => d.channel === "email")?.not_before).toBeNull();

    // The email goes now; the push is delayed on the queue until quiet hours end.
    const byDelivery = new Map(recorded.enqueued.map((m) => [String(m.body.data.deliveryId), m]));
    expect(byDelivery.get(deliveries.find((d) => d.channel === "email")!.id)?.delaySeconds).toBe(0);
    const delayed = byDelivery.get(push.id)!;
    expect(delayed.delaySeconds).toBe(Math.ceil((end - now) / 1000));

    // Should the queue hand it over early, it waits again rather than buzz the phone.
    const early = recordingDeps({ now: () => now + 60_000 });
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: delayed.body }], early.deps);
    expect(early.sent).toEqual([]);
    expect(early.enqueued).toHaveLength(1);
    expect(early.enqueued[0].body.data).toMatchObject({ deliveryId: push.id, hop: 1 });
    expect(early.enqueued[0].delaySeconds).toBe(Math.ceil((end - now - 60_000) / 1000));

    // At the end of quiet hours it is sent.
    const later = recordingDeps({ now: () => end + 1_000 });
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: early.enqueued[0].body }], later.deps);
    expect(later.sent).toHaveLength(1);
    expect(later.sent[0]).toMatchObject({ channel: "push", subject: `ลดราคา: ${product.name}` });
    expect(later.sent[0].urgent).toBeFalsy();
    expect(later.sent[0].data).toMatchObject({
      type: "promotion.price_drop",
      productId: product.id,
      notificationId: notification.id,
    });
    expect((await deliveriesOf(notification.id)).find((d) => d.channel === "push")?.status).toBe("delivered");

    // A security alert in the same quiet hours is pushed at once.
    const alert = recordingDeps({ now: () => now });
    await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      [{ body: securityAlertEvent(user.userId, "password_changed") }],
      alert.deps,
    );
    const [security] = await notificationsOf(user.userId, "security.alert");
    const securityPush = (await deliveriesOf(security.id)).find((d) => d.channel === "push");
    expect(securityPush?.not_before).toBeNull();
    expect(alert.enqueued.map((m) => m.delaySeconds)).toEqual([0]);
  });
});

describe("channels × categories", () => {
  it("security messages ignore the switches; other categories honour them; promotions are opt-in", async () => {
    const user = await register("en");
    await registerDevice(user.token);
    await expectJson(
      await putPrefs(user.token, {
        channels: { push: false, inApp: false },
        categories: { orders: false, chat: false, payments: false },
      }),
      200,
    );
    const recorded = recordingDeps();
    await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      [{ body: securityAlertEvent(user.userId, "new_sign_in", { device: "Pixel 9" }) }],
      recorded.deps,
    );
    const [security] = await notificationsOf(user.userId, "security.alert");
    expect(security.inbox).toBe(1);
    expect(security.title).toBe("New sign-in to your account");
    expect(security.body).toMatch(/^Pixel 9 signed in on /);
    expect((await deliveriesOf(security.id)).map((d) => d.channel)).toEqual(["inApp", "push"]);

    // Promotions: this user never opted in, so a price drop reaches nobody.
    const { product } = await shopWithProduct(await register("en"));
    await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      [
        {
          body: priceDropEvent({
            productId: product.id,
            productName: product.name,
            price: { amount: 100, currency: "THB" },
            previousPrice: { amount: 200, currency: "THB" },
            userIds: [user.userId],
          }),
        },
      ],
      recorded.deps,
    );
    expect(await notificationsOf(user.userId, "promotion.price_drop")).toEqual([]);
  });
});

describe("promotions, triggered by an admin", () => {
  it("a price drop reaches opted-in users once, however often it is announced", async () => {
    const admin = await register("en");
    await makeAdmin(admin);
    const seller = await register("en");
    const { product } = await shopWithProduct(seller);
    const fan = await register("id", "ID");
    const quiet = await register("th");
    await expectJson(await putPrefs(fan.token, { categories: { promotions: true } }), 200);
    // The price drops from 1,599 to 1,299 THB.
    const announce = () =>
      call("POST", "/api/v1/admin/notifications/promotions", {
        token: admin.token,
        body: {
          type: "price_drop",
          productId: product.id,
          previousPrice: { amount: 159_900, currency: "THB" },
          userIds: [fan.userId, quiet.userId],
        },
      });
    expect(await expectJson(await announce(), 202)).toEqual({ events: 1, recipients: 2 });
    expect(await expectJson(await announce(), 202)).toEqual({ events: 1, recipients: 2 });
    const events = await env.DB.prepare("SELECT envelope FROM outbox_events WHERE type = 'promotion.price_drop'").all<{
      envelope: string;
    }>();
    expect(events.results).toHaveLength(2);
    const recorded = recordingDeps();
    for (const row of events.results) {
      await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: JSON.parse(row.envelope) }], recorded.deps);
    }
    const [n] = await notificationsOf(fan.userId, "promotion.price_drop");
    expect(await notificationsOf(fan.userId, "promotion.price_drop")).toHaveLength(1);
    expect(n.title).toBe(`Harga turun: ${product.name}`);
    expect(n.body).toContain("(hemat 19%)");
    expect(await notificationsOf(quiet.userId, "promotion.price_drop")).toEqual([]);
  });

  it("refuses non-admins, prices that did not drop, and vouchers without an expiry ahead", async () => {
    const admin = await register("en");
    await makeAdmin(admin);
    const user = await register("en");
    const { product } = await shopWithProduct(await register("en"));
    const body = { type: "price_drop", productId: product.id, previousPrice: { amount: 100, currency: "THB" } };
    await expectProblem(
      await call("POST", "/api/v1/admin/notifications/promotions", { token: user.token, body }),
      403,
      "forbidden",
    );
    await expectProblem(
      await call("POST", "/api/v1/admin/notifications/promotions", { token: admin.token, body }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await call("POST", "/api/v1/admin/notifications/promotions", {
        token: admin.token,
        body: { ...body, previousPrice: { amount: 200_000, currency: "IDR" } },
      }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await call("POST", "/api/v1/admin/notifications/promotions", {
        token: admin.token,
        body: { type: "voucher_expiring", voucherCode: "NOPE", userIds: [user.userId] },
      }),
      404,
      "not_found",
    );
    await env.DB.prepare(
      "INSERT INTO vouchers (code, type, value, min_spend, per_user_limit, used_count, expires_at, created_at) VALUES (?, 'percentage', 1000, 0, 1, 0, ?, ?)",
    )
      .bind("SONGKRAN10", Date.now() + 86_400_000, Date.now())
      .run();
    await expectJson(
      await call("POST", "/api/v1/admin/notifications/promotions", {
        token: admin.token,
        body: { type: "voucher_expiring", voucherCode: "SONGKRAN10", userIds: [user.userId] },
      }),
      202,
    );
  });
});
