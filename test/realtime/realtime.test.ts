import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { securityAlertEvent } from "../../workers/identity";
import { createEvent } from "../../workers/platform/outbox";
import { notifyUnread } from "../../workers/realtime";
import {
  call,
  deliveriesOf,
  deliverToQueue,
  expectJson,
  expectProblem,
  NOTIFICATIONS_QUEUE,
  notificationsOf,
  openStream,
  recordingDeps,
  register,
  signInAgain,
  sleep,
  streamRequest,
} from "../notifications/helpers";

describe("GET /api/v1/realtime/ws, the per-user stream", () => {
  it("refuses plain requests (426) and unknown tickets (401)", async () => {
    const user = await register("en");
    await expectProblem(
      await exports.default.fetch(streamRequest({ token: user.token }, false)),
      426,
      "upgrade_required",
    );
    await expectProblem(await exports.default.fetch(streamRequest({ ticket: "not-a-ticket" })), 401, "unauthorized");
  });

  it("opens with a ticket, answers pings, and receives each new notification as it is committed", async () => {
    const user = await register("th");
    const { ticket } = await expectJson<{ ticket: string }>(
      await call("POST", "/api/v1/realtime/tickets", { token: user.token }),
      201,
    );
    const stream = await openStream({ ticket });
    stream.send({ type: "ping" });
    await stream.next("pong");
    stream.send('{ "type": "ping" }');
    await sleep(50);
    expect(stream.frames.filter((f) => f.type === "pong")).toHaveLength(2);
    stream.send({ type: "subscribe" });
    expect(await stream.next("error")).toMatchObject({ code: "validation_failed" });

    // The ticket was single use.
    await expectProblem(await exports.default.fetch(streamRequest({ ticket })), 401, "unauthorized");

    await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      [{ body: securityAlertEvent(user.userId, "password_changed") }],
      recordingDeps().deps,
    );
    const frame = await stream.next("notification");
    const [row] = await notificationsOf(user.userId, "security.alert");
    expect(frame.notification).toMatchObject({
      id: row.id,
      type: "security.alert",
      category: "security",
      title: "รหัสผ่านของคุณถูกเปลี่ยน",
      read: false,
      data: { alert: "password_changed" },
    });
    // Shown on a live socket: the in-app delivery is "delivered".
    expect((await deliveriesOf(row.id)).find((d) => d.channel === "inApp")?.status).toBe("delivered");
    stream.close();
  });

  it("several new notifications of one user in one queue batch arrive in order, each shown and delivered", async () => {
    const user = await register("en");
    const stream = await openStream({ token: user.token });
    const events = (["password_changed", "new_sign_in", "sessions_revoked"] as const).map((alert) =>
      securityAlertEvent(user.userId, alert),
    );
    await deliverToQueue(
      NOTIFICATIONS_QUEUE,
      events.map((body) => ({ body })),
      recordingDeps().deps,
    );
    const rows = await notificationsOf(user.userId, "security.alert");
    const idOf = new Map(rows.map((r) => [(r as typeof r & { event_id: string }).event_id, r.id]));
    // The last one's frame has come, so all have: in the batch's order, once each.
    const last = idOf.get(events[2].id);
    await stream.next("notification", (f) => (f.notification as { id: string }).id === last);
    const frames = stream.frames.filter((f) => f.type === "notification");
    expect(frames.map((f) => (f.notification as { id: string }).id)).toEqual(events.map((e) => idOf.get(e.id)));
    for (const row of rows) {
      expect((await deliveriesOf(row.id)).find((d) => d.channel === "inApp")?.status).toBe("delivered");
    }
    stream.close();
  });

  it("keeps one socket per device: a new one from the same device replaces the old; other devices stay", async () => {
    const user = await register("en");
    const first = await openStream({ token: user.token });
    const second = await openStream({ token: user.token });
    expect(await first.waitClosed()).toMatchObject({ code: 4009 });
    const tablet = await openStream({ token: await signInAgain(user.email, "tablet-1") });
    await sleep(50);
    expect(await env.USER_HUB.getByName(user.userId).connectedDevices()).toBe(2);

    await notifyUnread(env, user.userId, "dlg_123", 4);
    expect(await second.next("unread")).toEqual({ type: "unread", dialogId: "dlg_123", count: 4 });
    expect(await tablet.next("unread")).toEqual({ type: "unread", dialogId: "dlg_123", count: 4 });
    expect(first.frames.filter((f) => f.type === "unread")).toEqual([]);
    second.close();
    tablet.close();
  });

  it("chat.message for offline members: an unread hint to each, one notification per unread streak, none when muted", async () => {
    const sender = await register("en", "TH", "Malee");
    const reader = await register("en");
    const muter = await register("th");
    const dialogId = `dlg_${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO dialogs (id, type, name, created_by, member_count, created_at, updated_at, activity_at, last_seq) VALUES (?, 'group', 'Sukhumvit runners', ?, 3, ?, ?, ?, 0)",
      ).bind(dialogId, sender.userId, now, now, now),
      ...[sender, reader, muter].map((p) =>
        env.DB.prepare(
          "INSERT INTO dialog_members (dialog_id, user_id, role, joined_at, last_read_seq, muted) VALUES (?, ?, 'member', ?, 0, ?)",
        ).bind(dialogId, p.userId, now, p === muter ? 1 : 0),
      ),
    ]);
    const stream = await openStream({ token: reader.token });
    const muterStream = await openStream({ token: muter.token });
    const message = (seq: number, kind = "text") => {
      const event = createEvent(
        "chat.message",
        {
          dialogId,
          seq,
          senderId: sender.userId,
          recipientIds: [reader.userId, muter.userId],
          messageId: `msg_${seq}`,
          kind,
        },
        { actor: { type: "user", id: sender.userId }, subject: { type: "dialog", id: dialogId } },
      );
      return { ...event, id: `evt_chat_${dialogId}_${seq}` };
    };
    const deps = recordingDeps().deps;
    for (const seq of [1, 2, 3]) {
      await env.DB.prepare("UPDATE dialogs SET last_seq = ? WHERE id = ?").bind(seq, dialogId).run();
      await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: message(seq, seq === 1 ? "image" : "text") }], deps);
    }
    await stream.next("unread", (f) => f.count === 3);
    expect(stream.frames.filter((f) => f.type === "unread").map((f) => f.count)).toEqual([1, 2, 3]);
    expect(await muterStream.next("unread", (f) => f.count === 3)).toMatchObject({ dialogId });

    // One notification for the streak, updated to the latest count.
    const rows = await notificationsOf(reader.userId, "chat.message");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: "Malee in Sukhumvit runners", body: "3 new messages", read_at: null });
    const frames = stream.frames.filter((f) => f.type === "notification");
    expect(frames.map((f) => (f.notification as { body: string }).body)).toEqual([
      "Sent a photo",
      "2 new messages",
      "3 new messages",
    ]);
    expect(new Set(frames.map((f) => (f.notification as { id: string }).id))).toEqual(new Set([rows[0].id]));
    expect(await notificationsOf(muter.userId, "chat.message")).toEqual([]);

    // Once the reader has read the dialog, the next message starts a new streak.
    await env.DB.prepare("UPDATE dialog_members SET last_read_seq = 3 WHERE dialog_id = ? AND user_id = ?")
      .bind(dialogId, reader.userId)
      .run();
    await env.DB.prepare("UPDATE dialogs SET last_seq = 4 WHERE id = ?").bind(dialogId).run();
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: message(4) }], deps);
    const after = await notificationsOf(reader.userId, "chat.message");
    expect(after).toHaveLength(2);
    expect(after[1].body).toBe("Sent you a message");
    stream.close();
    muterStream.close();
  });

  it("the hub's heartbeat closes silent sockets (4000) and sockets whose session ended (4401)", async () => {
    const user = await register("en");
    const phone = await openStream({ token: user.token });
    const tabletToken = await signInAgain(user.email, "tablet-2");
    const tablet = await openStream({ token: tabletToken });
    const hub = env.USER_HUB.getByName(user.userId);
    await sleep(50);
    expect(await hub.connectedDevices()).toBe(2);

    // The tablet signs out: its socket goes at the next heartbeat.
    expect((await call("POST", "/api/v1/auth/logout", { token: tabletToken })).status).toBe(204);
    expect(await runDurableObjectAlarm(hub)).toBe(true);
    expect(await tablet.waitClosed()).toMatchObject({ code: 4401 });
    expect(phone.closed).toBeNull();

    // The phone goes silent (as if its last frame were long ago, and it never pinged).
    await runInDurableObject(hub, (_instance, state) => {
      for (const ws of state.getWebSockets()) {
        ws.serializeAttachment({ ...(ws.deserializeAttachment() as object), lastActiveAt: 0 });
      }
    });
    expect(await runDurableObjectAlarm(hub)).toBe(true);
    expect(await phone.waitClosed()).toMatchObject({ code: 4000 });
    // Nothing left to watch: no further alarm.
    expect(await runDurableObjectAlarm(hub)).toBe(false);
  });
});
