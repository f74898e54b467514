import { env, evictAllDurableObjects, evictDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Message } from "../../schemas/chat";
import {
  accounts,
  type Client,
  clientId,
  connect,
  direct,
  eventually,
  expectJson,
  expectProblem,
  get,
  group,
  roomOf,
  say,
  sendHttp,
  sleep,
  socketRequest,
  ticketFor,
} from "./helpers";

const textFrame = (text: string, id = clientId("ws")) => ({ type: "send", clientId: id, kind: "text", text });
const isMessage = (f: { type: string }) => f.type === "message";

describe("chat sockets: sending", () => {
  it("acks the sender and delivers to the other member, with seq rising by one", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    const sb = await connect(dialog.id, b);

    const id1 = clientId("ws");
    sa.send(textFrame("สวัสดีครับ", id1));
    const ack = await sa.nextOfType("ack");
    expect(ack.clientId).toBe(id1);
    expect(ack.message).toMatchObject({
      dialogId: dialog.id,
      seq: 1,
      senderId: a.userId,
      kind: "text",
      text: "สวัสดีครับ",
    });
    const delivered = await sb.nextOfType("message");
    expect(delivered.message).toEqual(ack.message);

    sb.send(textFrame("Hello!"));
    expect((await sb.nextOfType("ack")).message.seq).toBe(2);
    expect((await sa.nextOfType("message")).message).toMatchObject({ seq: 2, senderId: b.userId, text: "Hello!" });

    // The sender's own socket gets the ack only, not the message too.
    expect(await sa.drain(isMessage)).toEqual([]);
    sa.close();
    sb.close();
  });

  it("the same clientId sent twice over the socket gives one message (both acks carry it)", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    const sb = await connect(dialog.id, b);
    const id = clientId("dup");
    sa.send(textFrame("once", id));
    sa.send(textFrame("once", id));
    const first = await sa.nextOfType("ack");
    const second = await sa.nextOfType("ack");
    expect(second.message).toEqual(first.message);
    expect(await sb.drain(isMessage, 200)).toHaveLength(1);
    // And over HTTP with that clientId: still the first message.
    const res = await sendHttp(dialog.id, a.token, { clientId: id, text: "again" });
    expect(res.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await expectJson<Message>(res, 201)).id).toBe(first.message.id);
    expect(await sb.drain(isMessage, 100)).toHaveLength(0);
    sa.close();
    sb.close();
  });

  it("messages sent over HTTP reach every socket of the dialog, the sender's too", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    const sb = await connect(dialog.id, b);
    const sent = await say(dialog.id, a, "from HTTP");
    expect((await sb.nextOfType("message")).message).toEqual(sent);
    expect((await sa.nextOfType("message")).message).toEqual(sent);
    sa.close();
    sb.close();
  });
});

describe("chat sockets: receipts, typing, presence", () => {
  it("delivered and read receipts reach the other member and move the read position", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    const sb = await connect(dialog.id, b);
    await say(dialog.id, a, "one");
    const m2 = await say(dialog.id, a, "two");
    await sb.next((f) => isMessage(f) && f.message.seq === 2);

    sb.send({ type: "delivered", seq: m2.seq });
    expect(await sa.nextOfType("receipt")).toEqual({ type: "receipt", userId: b.userId, seq: 2, status: "delivered" });
    sb.send({ type: "read", seq: 1 });
    expect(await sa.nextOfType("receipt")).toEqual({ type: "receipt", userId: b.userId, seq: 1, status: "read" });
    // Never backwards: an older read changes nothing and says nothing.
    sb.send({ type: "read", seq: 0 });
    expect(await sa.drain((f) => f.type === "receipt", 150)).toEqual([]);

    const receipts = await expectJson<{ items: { userId: string; lastDeliveredSeq: number; lastReadSeq: number }[] }>(
      await get(`/api/v1/dialogs/${dialog.id}/receipts`, a.token),
      200,
    );
    expect(receipts.items.find((r) => r.userId === b.userId)).toEqual({
      userId: b.userId,
      lastDeliveredSeq: 2,
      lastReadSeq: 1,
    });
    // The read position reaches D1 (unread counts) from the room's flush.
    const unread = await eventually(async () => {
      const res = await get(`/api/v1/dialogs/${dialog.id}`, b.token);
      const body = (await res.json()) as { unreadCount: number };
      return body.unreadCount === 1 ? body.unreadCount : undefined;
    });
    expect(unread).toBe(1);
    sa.close();
    sb.close();
  });

  it("typing reaches the others, throttled; typing false passes", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    const sb = await connect(dialog.id, b);
    sa.send({ type: "typing", typing: true });
    sa.send({ type: "typing", typing: true });
    sa.send({ type: "typing", typing: true });
    expect(await sb.nextOfType("typing")).toEqual({ type: "typing", userId: a.userId, typing: true });
    expect(await sb.drain((f) => f.type === "typing", 150)).toEqual([]);
    sa.send({ type: "typing", typing: false });
    expect(await sb.nextOfType("typing")).toEqual({ type: "typing", userId: a.userId, typing: false });
    // Nobody hears their own typing.
    expect(await sa.drain((f) => f.type === "typing", 50)).toEqual([]);
    sa.close();
    sb.close();
  });

  it("presence: frames when a member comes and goes, and GET /users/:id/presence", async () => {
    const [a, b, stranger] = await accounts(3);
    const dialog = await direct(a, b);
    const sb = await connect(dialog.id, b);
    const sa = await connect(dialog.id, a);
    expect(await sb.nextOfType("presence")).toEqual({ type: "presence", userId: a.userId, online: true });
    const online = await eventually(async () => {
      const p = (await (await get(`/api/v1/users/${a.userId}/presence`, b.token)).json()) as { online: boolean };
      return p.online ? p : undefined;
    });
    expect(online).toMatchObject({ userId: a.userId, online: true });

    sa.close();
    expect(await sb.nextOfType("presence")).toEqual({ type: "presence", userId: a.userId, online: false });
    const offline = await eventually(async () => {
      const p = (await (await get(`/api/v1/users/${a.userId}/presence`, b.token)).json()) as {
        online: boolean;
        lastSeenAt: string | null;
      };
      return p.online ? undefined : p;
    });
    expect(offline.lastSeenAt).not.toBeNull();
    // Only for people you share a dialog with.
    await expectProblem(await get(`/api/v1/users/${a.userId}/presence`, stranger.token), 403, "forbidden");
    expect(await expectJson(await get("/api/v1/users/me/presence", stranger.token), 200)).toMatchObject({
      userId: stranger.userId,
      online: false,
      lastSeenAt: null,
    });
    sb.close();
  });
});

describe("chat sockets: reconnect and resume", () => {
  it("a client that drops and reconnects with since gets exactly the missed messages, in order, once", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sb = await connect(dialog.id, b);
    for (let i = 1; i <= 3; i++) await say(dialog.id, a, `before ${i}`);
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push((await sb.nextOfType("message")).message.seq);
    expect(seen).toEqual([1, 2, 3]);
    sb.close();
    await sb.waitClosed();

    for (let i = 1; i <= 12; i++) await say(dialog.id, a, `missed ${i}`);
    // b's other device wrote meanwhile: that is missed too.
    for (let i = 1; i <= 3; i++) await say(dialog.id, b, `from my phone ${i}`);
    // Messages keep coming while the client reconnects.
    const racing = (async () => {
      for (let i = 1; i <= 10; i++) await say(dialog.id, a, `during ${i}`);
    })();
    const again = await connect(dialog.id, b, 3);
    await racing;
    const frames = [];
    for (let i = 0; i < 25; i++) frames.push((await again.nextOfType("message")).message as Message);
    expect(frames.map((m) => m.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 4));
    expect(frames[0].text).toBe("missed 1");
    expect(frames[12].text).toBe("from my phone 1");
    expect(frames[24].text).toBe("during 10");
    expect(await again.drain(isMessage, 200)).toEqual([]);

    // Resuming from the end replays nothing.
    const caughtUp = await connect(dialog.id, b, 28);
    expect(await caughtUp.drain(isMessage, 150)).toEqual([]);
    again.close();
    caughtUp.close();
  });

  it("a room evicted from memory keeps serving its sockets, and its seq continues", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    const sb = await connect(dialog.id, b);
    sa.send(textFrame("before eviction"));
    expect((await sa.nextOfType("ack")).message.seq).toBe(1);
    await sb.nextOfType("message");

    await evictDurableObject(roomOf(dialog.id));
    sb.send(textFrame("after eviction"));
    const ack = await sb.nextOfType("ack");
    expect(ack.message.seq).toBe(2);
    expect((await sa.nextOfType("message")).message).toMatchObject({ seq: 2, text: "after eviction" });

    await evictAllDurableObjects();
    const viaHttp = await say(dialog.id, a, "HTTP after eviction");
    expect(viaHttp.seq).toBe(3);
    expect((await sb.nextOfType("message")).message.id).toBe(viaHttp.id);
    // Per-socket state survived in the attachments: the room still knows who is who.
    sa.send({ type: "typing", typing: true });
    expect(await sb.nextOfType("typing")).toMatchObject({ userId: a.userId, typing: true });
    sa.send({ type: "ping" });
    expect(await sa.nextOfType("pong")).toEqual({ type: "pong" });
    sa.close();
    sb.close();
  });
});

describe("chat sockets: refusals and limits", () => {
  it("an outsider is refused before the upgrade (403)", async () => {
    const [a, b, outsider] = await accounts(3);
    const dialog = await direct(a, b);
    await expectProblem(
      await exports.default.fetch(socketRequest(dialog.id, { token: outsider.token })),
      403,
      "forbidden",
    );
    await expectProblem(
      await exports.default.fetch(socketRequest("dlg_00000000000000000000000000", { token: a.token })),
      404,
      "not_found",
    );
    // Not a WebSocket request.
    await expectProblem(await get(`/api/v1/dialogs/${dialog.id}/ws`, a.token), 426, "upgrade_required");
  });

  it("tickets: single use, 60 s, and they open the caller's sockets only", async () => {
    const [a, b, outsider] = await accounts(3);
    const dialog = await direct(a, b);
    const res = await exports.default.fetch(
      new Request("http://tchat.test/api/v1/realtime/tickets", {
        method: "POST",
        headers: { Authorization: `Bearer ${a.token}` },
      }),
    );
    const issued = await expectJson<{ ticket: string; expiresIn: number }>(res, 201);
    expect(issued.expiresIn).toBe(60);
    expect(issued.ticket.length).toBeGreaterThanOrEqual(43);
    // Stored hashed only.
    const stored = await env.DB.prepare("SELECT token_hash FROM realtime_tickets WHERE user_id = ?")
      .bind(a.userId)
      .all<{ token_hash: string }>();
    expect(stored.results.map((r) => r.token_hash)).not.toContain(issued.ticket);

    const sa = await connect(dialog.id, { ticket: issued.ticket });
    sa.send(textFrame("via ticket"));
    expect((await sa.nextOfType("ack")).message.senderId).toBe(a.userId);
    await expectProblem(
      await exports.default.fetch(socketRequest(dialog.id, { ticket: issued.ticket })),
      401,
      "unauthorized",
    );

    // Expired: time has passed.
    const late = await ticketFor(a);
    await env.DB.prepare("UPDATE realtime_tickets SET expires_at = ? WHERE user_id = ? AND used_at IS NULL")
      .bind(Date.now() - 1, a.userId)
      .run();
    await expectProblem(await exports.default.fetch(socketRequest(dialog.id, { ticket: late })), 401, "unauthorized");

    // An outsider's ticket is theirs: it does not open someone else's dialog.
    const foreign = await ticketFor(outsider);
    await expectProblem(await exports.default.fetch(socketRequest(dialog.id, { ticket: foreign })), 403, "forbidden");
    // Without a token, no ticket.
    await expectProblem(
      await exports.default.fetch(new Request("http://tchat.test/api/v1/realtime/tickets", { method: "POST" })),
      401,
      "unauthorized",
    );
    sa.close();
  });

  it("bad frames get error frames and the socket and room stay up", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    const errors = async (raw: string | ArrayBuffer) => {
      sa.ws.send(raw);
      return sa.nextOfType("error");
    };
    expect(await errors("not json")).toMatchObject({ code: "bad_request" });
    expect(await errors(new Uint8Array([1, 2, 3]).buffer)).toMatchObject({ code: "bad_request" });
    expect(await errors("[]")).toMatchObject({ code: "validation_failed" });
    expect(await errors('{"type":"dance"}')).toMatchObject({ code: "validation_failed" });
    expect(await errors('{"type":"send","clientId":"x1","kind":"text"}')).toMatchObject({
      code: "validation_failed",
      clientId: "x1",
    });
    expect(await errors('{"type":"read","seq":-1}')).toMatchObject({ code: "validation_failed" });
    expect(await errors(JSON.stringify(textFrame("x".repeat(40_000))))).toMatchObject({ code: "payload_too_large" });
    expect(await errors(JSON.stringify(textFrame("y".repeat(4001))))).toMatchObject({ code: "payload_too_large" });
    expect(
      await errors(JSON.stringify({ type: "send", clientId: "r1", kind: "text", text: "hi", replyTo: "msg_nope" })),
    ).toMatchObject({ code: "validation_failed", clientId: "r1" });
    // Still fine.
    sa.send(textFrame("still here"));
    expect((await sa.nextOfType("ack")).message.seq).toBe(1);
    sa.send('{"type":"ping"}');
    expect(await sa.nextOfType("pong")).toEqual({ type: "pong" });
    sa.send('{ "type": "ping" }');
    expect(await sa.nextOfType("pong")).toEqual({ type: "pong" });
    sa.close();
  });

  it("rate limit: past CHAT_SEND_LIMIT per window a send gets a rate_limited error frame (and 429 over HTTP)", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    for (let i = 0; i < 30; i++) sa.send(textFrame(`m${i}`));
    for (let i = 0; i < 30; i++) await sa.nextOfType("ack");
    sa.send(textFrame("one too many", "over-1"));
    const err = await sa.nextOfType("error");
    expect(err).toMatchObject({ code: "rate_limited", clientId: "over-1" });
    expect(err.retryAfter).toBeGreaterThan(0);
    const res = await sendHttp(dialog.id, a.token, { text: "HTTP too" });
    await expectProblem(res, 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    // The other member is not limited by a's sending.
    expect((await say(dialog.id, b, "my turn")).seq).toBe(31);
    sa.close();
  });

  it("at most CHAT_MAX_SOCKETS_PER_USER sockets per user: a new one replaces the oldest", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sockets: Client[] = [];
    for (let i = 0; i < 5; i++) sockets.push(await connect(dialog.id, a));
    const sixth = await connect(dialog.id, a);
    expect(await sockets[0].nextOfType("error")).toMatchObject({ code: "rate_limited" });
    expect((await sockets[0].waitClosed()).code).toBe(4008);
    await say(dialog.id, b, "to all of a's devices");
    for (const s of [...sockets.slice(1), sixth]) expect((await s.nextOfType("message")).message.text).toBeTruthy();
    for (const s of [...sockets, sixth]) s.close();
  });
});

describe("chat sockets: groups", () => {
  it("a group of 300 members: one send reaches 50 connected members once each; the offline ones are notified", async () => {
    const [owner, ...members] = await accounts(300);
    const dialog = await group(owner, members);
    expect(dialog.participantIds).toHaveLength(300);
    const online = members.slice(0, 50);
    const sockets = await Promise.all(online.map((m) => connect(dialog.id, m)));
    const sent = await say(dialog.id, owner, "Hello team");
    for (const s of sockets) expect((await s.nextOfType("message")).message.id).toBe(sent.id);
    const events = await eventually(async () => {
      const { outboxChatEvents } = await import("./helpers");
      const found = await outboxChatEvents(dialog.id);
      return found.length > 0 ? found : undefined;
    });
    const recipients = events[0].data.recipientIds as string[];
    expect(recipients).toHaveLength(249);
    expect(recipients).not.toContain(owner.userId);
    for (const m of online) expect(recipients).not.toContain(m.userId);
    // Large rooms do not broadcast presence or others' receipts.
    sockets[1].send({ type: "read", seq: sent.seq });
    expect(await sockets[0].drain((f) => f.type === "receipt" || f.type === "presence", 150)).toEqual([]);
    for (const s of sockets) s.close();
  });

  it("channel: admins post, members read and get frames, a member's send is refused", async () => {
    const [admin, reader] = await accounts(2);
    const channel = await group(admin, [reader], "channel");
    const sr = await connect(channel.id, reader);
    await say(channel.id, admin, "Announcement");
    expect((await sr.nextOfType("message")).message.text).toBe("Announcement");
    sr.send(textFrame("may I?", "no-1"));
    expect(await sr.nextOfType("error")).toMatchObject({ code: "forbidden", clientId: "no-1" });
    await expectProblem(await sendHttp(channel.id, reader.token, { text: "nope" }), 403, "forbidden");
    sr.close();
  });

  it("a removed member's socket closes at once", async () => {
    const [owner, m1, m2] = await accounts(3);
    const dialog = await group(owner, [m1, m2]);
    const s1 = await connect(dialog.id, m1);
    const s2 = await connect(dialog.id, m2);
    const res = await exports.default.fetch(
      new Request(`http://tchat.test/api/v1/dialogs/${dialog.id}/members/${m1.userId}`, {
        method: "DELETE",
        headers: { Authorization: `Bearer ${owner.token}` },
      }),
    );
    expect(res.status).toBe(204);
    expect((await s1.waitClosed()).code).toBe(4403);
    const system = await s2.nextOfType("message");
    expect(system.message).toMatchObject({ kind: "system", system: { event: "member_removed", userIds: [m1.userId] } });
    await expectProblem(await exports.default.fetch(socketRequest(dialog.id, { token: m1.token })), 403, "forbidden");
    s2.close();
  });
});

describe("chat sockets: offline members are notified", () => {
  it("a socket send to an offline member writes one chat.message event to the outbox", async () => {
    const { outboxChatEvents } = await import("./helpers");
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    const id = clientId("offline");
    sa.send(textFrame("are you there?", id));
    const ack = await sa.nextOfType("ack");
    const events = await eventually(async () => {
      const found = await outboxChatEvents(dialog.id);
      return found.length > 0 ? found : undefined;
    });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      dialogId: dialog.id,
      seq: ack.message.seq,
      senderId: a.userId,
      recipientIds: [b.userId],
    });
    // b comes online: the next message notifies nobody.
    const sb = await connect(dialog.id, b);
    sa.send(textFrame("now?"));
    await sb.nextOfType("message");
    await sleep(400);
    expect(await outboxChatEvents(dialog.id)).toHaveLength(1);
    sa.close();
    sb.close();
  });
});
