import { createMessageBatch, env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { realtimePresence } from "../../d1/schema/realtime";
import { securityAlertEvent } from "../../workers/identity";
import { database } from "../../workers/platform/db";
import { handleQueueBatch } from "../../workers/queue";
import { presenceWrite } from "../../workers/realtime/presence";
import {
  call,
  deliveriesOf,
  eventually,
  expectJson,
  NOTIFICATIONS_QUEUE,
  notificationsOf,
  openStream,
  recordingDeps,
  register,
  signInAgain,
} from "../notifications/helpers";

/** The environment with its UserHub namespace counting which hubs are asked for. */
function countingHubs(): { env: Env; asked: string[] } {
  const asked: string[] = [];
  const hubs = env.USER_HUB;
  const USER_HUB = new Proxy(hubs, {
    get(target, prop) {
      if (prop === "getByName") {
        return (name: string, options?: DurableObjectNamespaceGetDurableObjectOptions) => {
          asked.push(name);
          return target.getByName(name, options);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { env: { ...env, USER_HUB }, asked };
}

/** A queue batch of security alerts, consumed with `on` as the environment. */
async function consumeAlerts(on: Env, userIds: string[]) {
  const events = userIds.map((id) => securityAlertEvent(id, "password_changed"));
  const batch = createMessageBatch(
    NOTIFICATIONS_QUEUE,
    events.map((body, i) => ({ id: `msg-${i}-${crypto.randomUUID()}`, attempts: 1, body, timestamp: new Date() })),
  );
  await handleQueueBatch(batch, on, recordingDeps().deps);
}

async function presenceOf(userId: string) {
  const [row] = await database(env).select().from(realtimePresence).where(eq(realtimePresence.userId, userId));
  return row;
}

const inAppStatus = async (notificationId: string) =>
  (await deliveriesOf(notificationId)).find((d) => d.channel === "inApp")?.status;

describe("realtime presence: only users with a socket open get a hub call", () => {
  it("a notification to users with no socket calls no hub; connecting right after, the catch-up shows it; the next arrives live", async () => {
    const [first, second] = [await register("en"), await register("th")];
    const counted = countingHubs();
    // A batch (composed together) and a single event (composed alone): neither calls a hub.
    await consumeAlerts(counted.env, [first.userId, second.userId]);
    await consumeAlerts(counted.env, [first.userId]);
    expect(counted.asked).toEqual([]);
    const missed = await notificationsOf(first.userId, "security.alert");
    expect(missed).toHaveLength(2);
    expect(await inAppStatus(missed[0].id)).toBe("sent");
    expect(await notificationsOf(second.userId, "security.alert")).toHaveLength(1);

    // The user connects right after: the row says so before the socket is open, and the client's
    // catch-up on open (the unread count, the inbox) has what was composed while offline.
    const stream = await openStream({ token: first.token });
    expect((await presenceOf(first.userId))?.onlineUntil).toBeGreaterThan(Date.now());
    const { count } = await expectJson<{ count: number }>(
      await call("GET", "/api/v1/notifications/unread-count", { token: first.token }),
      200,
    );
    expect(count).toBe(2);
    const inbox = await expectJson<{ items: { id: string }[] }>(
      await call("GET", "/api/v1/notifications?unread=true", { token: first.token }),
      200,
    );
    expect(inbox.items.map((n) => n.id).sort()).toEqual(missed.map((n) => n.id).sort());

    // Connected now: the next one goes to the hub, shows live and is delivered; still no call for the other user.
    await consumeAlerts(counted.env, [first.userId, second.userId]);
    expect(counted.asked).toEqual([first.userId]);
    const frame = await stream.next("notification");
    const [latest] = (await notificationsOf(first.userId, "security.alert")).filter(
      (n) => !missed.some((m) => m.id === n.id),
    );
    expect((frame.notification as { id: string }).id).toBe(latest.id);
    expect(await inAppStatus(latest.id)).toBe("delivered");
    stream.close();
  });

  it("the row follows the sockets: online while any is open, offline once the last one closes", async () => {
    const user = await register("en");
    expect(await presenceOf(user.userId)).toBeUndefined();
    const phone = await openStream({ token: user.token });
    const tablet = await openStream({ token: await signInAgain(user.email, "tablet-presence") });
    const online = await presenceOf(user.userId);
    expect(online?.onlineUntil).toBeGreaterThan(Date.now());

    phone.close();
    await phone.waitClosed();
    expect((await presenceOf(user.userId))?.onlineUntil).toBeGreaterThan(Date.now());
    tablet.close();
    await eventually(async () => (await presenceOf(user.userId))?.onlineUntil === 0, "the offline row");

    // A write older than the row's (a late one from before) changes nothing.
    const offline = await presenceOf(user.userId);
    await presenceWrite(database(env), user.userId, Date.now() + 60_000, offline.seq - 1, Date.now());
    expect(await presenceOf(user.userId)).toEqual(offline);
  });

  it("a lost write is made good at the next heartbeat, which also renews the lease before it runs out", async () => {
    const user = await register("en");
    const stream = await openStream({ token: user.token });
    const hub = env.USER_HUB.getByName(user.userId);
    // As if the hub's write had failed: no row, and the hub's record of it unconfirmed.
    await database(env).delete(realtimePresence).where(eq(realtimePresence.userId, user.userId));
    await runInDurableObject(hub, (_instance, state) => {
      const announced = state.storage.kv.get<{ confirmed: boolean }>("presence");
      state.storage.kv.put("presence", { ...announced, confirmed: false });
    });
    expect(await runDurableObjectAlarm(hub)).toBe(true);
    const restored = await presenceOf(user.userId);
    expect(restored?.onlineUntil).toBeGreaterThan(Date.now());

    // A lease nearly run out is renewed (and the row with it); a fresh one is left alone.
    await runInDurableObject(hub, (_instance, state) => {
      const announced = state.storage.kv.get<{ until: number }>("presence");
      state.storage.kv.put("presence", { ...announced, until: Date.now() + 1_000 });
    });
    expect(await runDurableObjectAlarm(hub)).toBe(true);
    const renewed = await presenceOf(user.userId);
    expect(renewed.seq).toBeGreaterThan(restored.seq);
    expect(renewed.onlineUntil).toBeGreaterThan(Date.now() + 60_000);
    expect(await runDurableObjectAlarm(hub)).toBe(true);
    expect(await presenceOf(user.userId)).toEqual(renewed);
    stream.close();
  });
});
