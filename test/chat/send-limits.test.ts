import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Dialog } from "../../schemas/chat";
import { keyOf, type SenderLeases } from "../../workers/chat/room/sender-limit";
import { nowMs } from "../../workers/platform/clock";
import { advanceTime } from "../support/clock";
import {
  type Account,
  accounts,
  type Client,
  clientId,
  connect,
  expectProblem,
  group,
  roomOf,
  sendHttp,
} from "./helpers";

// CHAT_SEND_LIMIT holds per room; CHAT_USER_SEND_LIMIT holds per user across every room, for
// messages over HTTP and over sockets alike (before, 5 new groups × 30 messages all went through).
// Rooms lease the user's slots from the user's RateLimiter (workers/chat/room/sender-limit.ts):
// the sum over all rooms never passes the limit; a user writing in several rooms may be refused
// early by what the other rooms hold unspent, and the tests count that exactly.

const USER_LIMIT = Number(env.CHAT_USER_SEND_LIMIT);
const USER_WINDOW = Number(env.CHAT_USER_SEND_WINDOW_SECONDS);
const ROOM_LIMIT = Number(env.CHAT_SEND_LIMIT);
const ROOM_WINDOW = Number(env.CHAT_SEND_WINDOW_SECONDS);
const textFrame = (text: string, id = clientId("ws")) => ({ type: "send", clientId: id, kind: "text", text });

async function lastSeq(dialog: Dialog): Promise<number> {
  const info = await roomOf(dialog.id).info();
  if (!info.ok) throw new Error(info.detail);
  return info.lastSeq;
}

/** Slots of the user's window counted by their RateLimiter (spent or leased). */
async function counted(userId: string): Promise<number> {
  const window = await runInDurableObject(env.RATE_LIMITER.getByName(keyOf(userId)), (_, state) =>
    state.storage.kv.get<{ count: number; endsAt: number }>("window"),
  );
  return window && window.endsAt > nowMs() ? window.count : 0;
}

type RoomView = { room: { core: { senderLeases: SenderLeases } } };

/** Slots of the user's current window a room holds leased and unspent. */
async function held(dialog: Dialog, userId: string): Promise<number> {
  return runInDurableObject(roomOf(dialog.id), (instance) => {
    const lease = (instance as unknown as RoomView).room.core.senderLeases.leases.peek(keyOf(userId));
    return lease && lease.windowEndsAt > nowMs() ? lease.left : 0;
  });
}

/** Whether a room is still waiting for the user's limiter to answer a lease request. */
async function asking(dialog: Dialog, userId: string): Promise<boolean> {
  return runInDurableObject(roomOf(dialog.id), (instance) =>
    Boolean((instance as unknown as RoomView).room.core.senderLeases.leases.peek(keyOf(userId))?.pending),
  );
}

/** What the rooms hold for the user, once no lease request is in flight (a refill may be). */
async function heldInAll(dialogs: Dialog[], userId: string): Promise<number> {
  await expect.poll(async () => (await Promise.all(dialogs.map((d) => asking(d, userId)))).some(Boolean)).toBe(false);
  return (await Promise.all(dialogs.map((d) => held(d, userId)))).reduce((a, b) => a + b, 0);
}

async function stored(dialogs: Dialog[]): Promise<number> {
  return (await Promise.all(dialogs.map(lastSeq))).reduce((a, b) => a + b, 0);
}

describe("the send limit per user across dialogs", () => {
  it("messages over HTTP and sockets in several new groups count together; past the limit none is stored", async () => {
    // More groups than the per-room limit would need, so only the per-user limit can refuse.
    const groups = Math.ceil(USER_LIMIT / ROOM_LIMIT) + 3;
    expect(USER_LIMIT / groups).toBeLessThan(ROOM_LIMIT);
    const [sender, ...others] = await accounts(groups + 1);
    const dialogs: Dialog[] = [];
    for (const other of others) dialogs.push(await group(sender, [other]));
    const sockets: Client[] = await Promise.all(dialogs.map((d) => connect(d.id, sender)));

    // Half over sockets, half over HTTP, spread over the groups, until the first refusal.
    let accepted = 0;
    let refused: Response | null = null;
    for (let i = 0; i < USER_LIMIT + 1 && !refused; i++) {
      const at = i % groups;
      if (i % 2 === 0) {
        sockets[at].send(textFrame(`socket ${i}`));
        const frame = await sockets[at].next((f) => f.type === "ack" || f.type === "error");
        if (frame.type === "ack") accepted += 1;
        else expect(frame).toMatchObject({ code: "rate_limited" });
      } else {
        const res = await sendHttp(dialogs[at].id, sender.token, { text: `http ${i}` });
        if (res.status === 201) accepted += 1;
        else refused = res;
      }
    }
    // Never more than the limit; fewer only by what the other rooms hold leased and unspent.
    expect(await stored(dialogs)).toBe(accepted);
    expect(accepted).toBeLessThanOrEqual(USER_LIMIT);
    const unspent = await heldInAll(dialogs, sender.userId);
    expect(accepted + unspent).toBe(await counted(sender.userId));
    expect(await counted(sender.userId)).toBe(USER_LIMIT);
    const seqs = await Promise.all(dialogs.map(lastSeq));

    // Refused, in any group that holds nothing and either way, and nothing is stored.
    const empty: number[] = [];
    for (const [i, d] of dialogs.entries()) if ((await held(d, sender.userId)) === 0) empty.push(i);
    expect(empty.length).toBeGreaterThan(0);
    const overHttp = await sendHttp(dialogs[empty[0]].id, sender.token, { text: "one too many" });
    const problem = await expectProblem(overHttp, 429, "rate_limited");
    expect(problem.detail).toContain("across your dialogs");
    const retryAfter = Number(overHttp.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(USER_WINDOW);
    const last = empty[empty.length - 1];
    sockets[last].send(textFrame("also too many", "over-socket"));
    const error = await sockets[last].nextOfType("error");
    expect(error).toMatchObject({ code: "rate_limited", clientId: "over-socket" });
    expect(error.retryAfter).toBeGreaterThanOrEqual(1);
    expect(await Promise.all(dialogs.map(lastSeq))).toEqual(seqs);

    // Others in the same groups are not limited by the sender.
    const reply = await sendHttp(dialogs[0].id, others[0].token, { text: "my turn" });
    expect(reply.status, await reply.text()).toBe(201);

    // Once the window is over the sender may write again.
    advanceTime(USER_WINDOW * 1000);
    sockets[2].send(textFrame("later"));
    expect((await sockets[2].nextOfType("ack")).message.text).toBe("later");
    for (const s of sockets) s.close();
  });

  it("many rooms × concurrent sends by one user: never more than the limit in a window, counted exactly", async () => {
    // Each room alone stays under the per-room limit; together they ask for half again the user's.
    const rooms = 6;
    const half = Math.ceil((USER_LIMIT * 1.5) / rooms / 2);
    expect(2 * half).toBeLessThan(ROOM_LIMIT);
    const [sender, ...others] = await accounts(rooms + 1);
    const dialogs = await Promise.all(others.map((o) => group(sender, [o])));
    const sockets = await Promise.all(dialogs.slice(0, rooms / 2).map((d) => connect(d.id, sender)));

    // Every send at once: HTTP in every room, and sockets in half of them as well.
    const http = dialogs.flatMap((d) =>
      Array.from({ length: half }, (_, i) => sendHttp(d.id, sender.token, { text: `http ${i}` })),
    );
    const viaSockets = sockets.flatMap((s) =>
      Array.from({ length: half }, (_, i) => {
        s.send(textFrame(`socket ${i}`));
        return i;
      }),
    );
    const answers = await Promise.all(http);
    let accepted = 0;
    for (const res of answers) {
      if (res.status === 201) accepted += 1;
      else {
        const problem = await expectProblem(res, 429, "rate_limited");
        expect(problem.detail).toContain("across your dialogs");
        expect(Number(res.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      }
    }
    for (const s of sockets) {
      for (let i = 0; i < half; i++) {
        const frame = await s.next((f) => f.type === "ack" || f.type === "error");
        if (frame.type === "ack") accepted += 1;
        else expect(frame).toMatchObject({ code: "rate_limited", retryAfter: expect.any(Number) });
      }
    }
    expect(answers.length + viaSockets.length).toBeGreaterThan(USER_LIMIT);

    // Exactly what was stored was accepted, never more than the limit, and every slot the
    // limiter counted is either a stored message or one a room still holds: none counted twice.
    expect(await stored(dialogs)).toBe(accepted);
    expect(accepted).toBeLessThanOrEqual(USER_LIMIT);
    expect(accepted).toBeGreaterThan(0);
    const unspent = await heldInAll(dialogs, sender.userId);
    const count = await counted(sender.userId);
    expect(count).toBeLessThanOrEqual(USER_LIMIT);
    expect(accepted + unspent).toBe(count);
    for (const s of sockets) s.close();
  });

  it("a burst in one room takes the whole limit, is refused past it with the contract's error, and the window resets", async () => {
    const [sender, other] = await accounts(2);
    const dialog = await group(sender, [other]);
    const socket = await connect(dialog.id, sender);
    // The per-room limit is smaller: its windows pass (the clock moves), the user's does not.
    let accepted = 0;
    while (accepted < USER_LIMIT) {
      const chunk = Math.min(ROOM_LIMIT, USER_LIMIT - accepted);
      for (let i = 0; i < chunk; i++) {
        const res = await sendHttp(dialog.id, sender.token, { text: `burst ${accepted}` });
        expect(res.status, await res.text()).toBe(201);
        accepted += 1;
      }
      advanceTime(ROOM_WINDOW * 1000);
    }
    expect(ROOM_WINDOW * Math.ceil(USER_LIMIT / ROOM_LIMIT)).toBeLessThan(USER_WINDOW);
    expect(await lastSeq(dialog)).toBe(USER_LIMIT);
    expect(await counted(sender.userId)).toBe(USER_LIMIT);

    const over = await sendHttp(dialog.id, sender.token, { text: "one too many" });
    const problem = await expectProblem(over, 429, "rate_limited");
    expect(problem.detail).toContain("across your dialogs");
    const retryAfter = Number(over.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(USER_WINDOW);
    socket.send(textFrame("over the socket", "over"));
    expect(await socket.nextOfType("error")).toMatchObject({ code: "rate_limited", clientId: "over" });
    expect(await lastSeq(dialog)).toBe(USER_LIMIT);

    advanceTime(USER_WINDOW * 1000);
    const again = await sendHttp(dialog.id, sender.token, { text: "a new window" });
    expect(again.status, await again.text()).toBe(201);
    expect(await counted(sender.userId)).toBe(1 + (await heldInAll([dialog], sender.userId)));
    socket.close();
  });

  it("slots a room holds unspent go back when the user's last socket there closes", async () => {
    const [sender, a, b] = await accounts(3);
    const [busy, quiet] = [await group(sender, [a]), await group(sender, [b])];
    const socket = await connect(busy.id, sender);
    // Enough sends in one room for its leases to run ahead of its use.
    for (let i = 0; i < ROOM_LIMIT / 2; i++) {
      socket.send(textFrame(`m ${i}`));
      await socket.nextOfType("ack");
    }
    const unspent = await heldInAll([busy], sender.userId);
    expect(unspent).toBeGreaterThan(0);
    const before = await counted(sender.userId);
    expect(before - unspent).toBe(ROOM_LIMIT / 2);
    socket.close();
    await expect.poll(() => counted(sender.userId)).toBe(before - unspent);
    expect(await held(busy, sender.userId)).toBe(0);
    // The quiet room can use them.
    const res = await sendHttp(quiet.id, sender.token, { text: "here" });
    expect(res.status, await res.text()).toBe(201);
  });

  it("a retry of a sent clientId is answered, not counted", async () => {
    const [sender, other]: Account[] = await accounts(2);
    const dialog = await group(sender, [other]);
    const body = { clientId: clientId(), kind: "text", text: "once" };
    for (let i = 0; i < 3; i++) {
      const res = await sendHttp(dialog.id, sender.token, body);
      expect(res.status, await res.text()).toBe(201);
    }
    expect(await lastSeq(dialog)).toBe(1);
    // One slot spent; anything else the limiter counted is still held by the room.
    const unspent = await heldInAll([dialog], sender.userId);
    expect((await counted(sender.userId)) - unspent).toBe(1);
  });
});
