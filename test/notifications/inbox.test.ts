import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { securityAlertEvent } from "../../workers/identity";
import { notificationDataOf, notificationErasureWrites } from "../../workers/notifications";
import { database } from "../../workers/platform/db";
import {
  call,
  deliverToQueue,
  expectJson,
  expectProblem,
  NOTIFICATIONS_QUEUE,
  type Person,
  recordingDeps,
  register,
} from "./helpers";

interface Item {
  id: string;
  type: string;
  title: string;
  body: string;
  read: boolean;
  createdAt: string;
}

async function alerts(person: Person, n: number): Promise<void> {
  const deps = recordingDeps().deps;
  for (let i = 0; i < n; i++) {
    await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      [{ body: securityAlertEvent(person.userId, "new_sign_in", { device: `Phone ${i}` }) }],
      deps,
    );
  }
}

const count = async (token: string) =>
  (await expectJson<{ count: number }>(await call("GET", "/api/v1/notifications/unread-count", { token }), 200)).count;
const list = async (token: string, query = "") =>
  expectJson<{ items: Item[]; nextCursor: string | null }>(
    await call("GET", `/api/v1/notifications${query}`, { token }),
    200,
  );

describe("the in-app inbox", () => {
  it("counts unread, marks one read, then all; unread=true filters", async () => {
    const user = await register("en");
    await alerts(user, 3);
    expect(await count(user.token)).toBe(3);
    const all = await list(user.token);
    expect(all.items).toHaveLength(3);
    expect(all.items.map((i) => i.body.split(" ").slice(0, 2).join(" "))).toEqual(["Phone 2", "Phone 1", "Phone 0"]);

    const read = await call("PUT", `/api/v1/notifications/${all.items[1].id}/read`, { token: user.token });
    expect(read.status).toBe(204);
    expect(await read.text()).toBe("");
    // Again: still 204, nothing changes.
    expect((await call("PUT", `/api/v1/notifications/${all.items[1].id}/read`, { token: user.token })).status).toBe(
      204,
    );
    expect(await count(user.token)).toBe(2);
    const unread = await list(user.token, "?unread=true");
    expect(unread.items.map((i) => i.id)).toEqual([all.items[0].id, all.items[2].id]);
    expect((await list(user.token)).items.map((i) => i.read)).toEqual([false, true, false]);

    expect((await call("PUT", "/api/v1/notifications/read-all", { token: user.token })).status).toBe(204);
    expect(await count(user.token)).toBe(0);
    expect((await list(user.token, "?unread=true")).items).toEqual([]);
    expect((await list(user.token, "?unread=false")).items).toHaveLength(3);
  });

  it("pages with a cursor, newest first", async () => {
    const user = await register("en");
    await alerts(user, 5);
    const first = await list(user.token, "?limit=2");
    expect(first.items).toHaveLength(2);
    const second = await list(user.token, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    const third = await list(user.token, `?limit=2&cursor=${encodeURIComponent(second.nextCursor!)}`);
    expect(third.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(5);
    const times = [...first.items, ...second.items, ...third.items].map((i) => Date.parse(i.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    await expectProblem(
      await call("GET", "/api/v1/notifications?cursor=garbage", { token: user.token }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await call("GET", "/api/v1/notifications?limit=0", { token: user.token }),
      422,
      "validation_failed",
    );
  });

  it("shows notifications in the reader's current language, and only to their owner", async () => {
    const user = await register("en");
    const other = await register("en");
    await alerts(user, 1);
    const [item] = (await list(user.token)).items;
    expect(item.title).toBe("New sign-in to your account");
    await expectJson(await call("PATCH", "/api/v1/users/me", { token: user.token, body: { locale: "vi" } }), 200);
    const [again] = (await list(user.token)).items;
    expect(again.id).toBe(item.id);
    expect(again.title).toBe("Đăng nhập mới vào tài khoản của bạn");
    expect(again.body).toMatch(/^Phone 0 đã đăng nhập lúc /);

    await expectProblem(
      await call("PUT", `/api/v1/notifications/${item.id}/read`, { token: other.token }),
      404,
      "not_found",
    );
    await expectProblem(
      await call("GET", `/api/v1/notifications/${item.id}`, { token: other.token }),
      404,
      "not_found",
    );
    expect((await list(other.token)).items).toEqual([]);
    const detail = await expectJson<{ id: string; deliveries: { channel: string; status: string }[] }>(
      await call("GET", `/api/v1/notifications/${item.id}`, { token: user.token }),
      200,
    );
    expect(detail.deliveries).toEqual([
      expect.objectContaining({ channel: "inApp", status: "sent", scheduledFor: null }),
    ]);
  });
});

describe("push devices", () => {
  const token = () => `fcm-${crypto.randomUUID()}:${crypto.randomUUID()}`;

  it("registers, refreshes, lists and forgets devices; a token moves to whoever registers it last", async () => {
    const user = await register("en");
    const other = await register("en");
    const t = token();
    const created = await expectJson<{ id: string; platform: string; current: boolean }>(
      await call("POST", "/api/v1/notifications/devices", { token: user.token, body: { token: t, platform: "ios" } }),
      201,
    );
    expect(created).toMatchObject({ platform: "ios", current: true });
    const again = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/notifications/devices", { token: user.token, body: { token: t, platform: "ios" } }),
      200,
    );
    expect(again.id).toBe(created.id);
    const listed = await expectJson<{ items: { id: string }[] }>(
      await call("GET", "/api/v1/notifications/devices", { token: user.token }),
      200,
    );
    expect(listed.items.map((d) => d.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(t);

    // The same phone, signed in as someone else.
    await expectJson(
      await call("POST", "/api/v1/notifications/devices", { token: other.token, body: { token: t, platform: "ios" } }),
      201,
    );
    expect(
      (
        await expectJson<{ items: unknown[] }>(
          await call("GET", "/api/v1/notifications/devices", { token: user.token }),
          200,
        )
      ).items,
    ).toEqual([]);
    await expectProblem(
      await call("DELETE", `/api/v1/notifications/devices/${created.id}`, { token: user.token }),
      404,
      "not_found",
    );
    expect((await call("DELETE", `/api/v1/notifications/devices/${created.id}`, { token: other.token })).status).toBe(
      204,
    );
    await expectProblem(
      await call("DELETE", `/api/v1/notifications/devices/${created.id}`, { token: other.token }),
      404,
      "not_found",
    );
  });

  it("keeps at most NOTIFICATIONS_MAX_DEVICES_PER_USER devices and refuses bad tokens", async () => {
    const user = await register("en");
    for (let i = 0; i < 12; i++) {
      await expectJson(
        await call("POST", "/api/v1/notifications/devices", {
          token: user.token,
          body: { token: token(), platform: "android" },
        }),
        201,
      );
    }
    const listed = await expectJson<{ items: unknown[] }>(
      await call("GET", "/api/v1/notifications/devices", { token: user.token }),
      200,
    );
    expect(listed.items).toHaveLength(10);
    await expectProblem(
      await call("POST", "/api/v1/notifications/devices", {
        token: user.token,
        body: { token: "short", platform: "android" },
      }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await call("POST", "/api/v1/notifications/devices", {
        token: user.token,
        body: { token: token(), platform: "symbian" },
      }),
      422,
      "validation_failed",
    );
  });
});

describe("privacy", () => {
  it("exports a user's notification data and erases all of it, tracked push messages included", async () => {
    const user = await register("en");
    await expectJson(
      await call("POST", "/api/v1/notifications/devices", {
        token: user.token,
        body: { token: `fcm-${crypto.randomUUID()}`, platform: "android" },
      }),
      201,
    );
    await alerts(user, 2);
    const db = database(env);
    const exported = await notificationDataOf(db, user.userId);
    expect(exported.notifications).toHaveLength(2);
    expect(exported.notifications[0].deliveries.map((d) => d.channel).sort()).toEqual(["inApp", "push"]);
    expect(exported.pushDevices).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain("fcm-");

    // This user's tracked push messages (other files' messages share the table).
    const tracked = (
      await env.DB.prepare(
        "SELECT d.outbound_message_id AS id FROM notification_deliveries d JOIN outbound_messages m ON m.id = d.outbound_message_id WHERE d.user_id = ? AND m.channel = 'push'",
      )
        .bind(user.userId)
        .all<{ id: string }>()
    ).results.map((r) => r.id);
    expect(tracked.length).toBeGreaterThan(0);

    const [first, ...rest] = notificationErasureWrites(db, user.userId);
    await db.batch([first, ...rest]);
    const left = async (sql: string) => (await env.DB.prepare(sql).bind(user.userId).first<{ n: number }>())?.n;
    expect(await left("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?")).toBe(0);
    expect(await left("SELECT COUNT(*) AS n FROM notification_deliveries WHERE user_id = ?")).toBe(0);
    expect(await left("SELECT COUNT(*) AS n FROM notification_devices WHERE user_id = ?")).toBe(0);
    const pushes = await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM outbound_messages WHERE id IN (${tracked.map(() => "?").join(", ")})`,
    )
      .bind(...tracked)
      .first<{ n: number }>();
    expect(pushes?.n).toBe(0);
  });
});
