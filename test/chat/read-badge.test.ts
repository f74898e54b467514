import { runInDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import type { ChatRoom } from "../../durable-objects/chat-room";
import { type Account, accounts, BASE, Client, connect, direct, type Frame, post, roomOf, say } from "./helpers";

/** The user's per-user realtime stream (GET /api/v1/realtime/ws), where unread badges arrive. */
async function openRealtime(who: Account): Promise<Client> {
  const res = await exports.default.fetch(
    new Request(`${BASE}/api/v1/realtime/ws`, {
      headers: { Upgrade: "websocket", Authorization: `Bearer ${who.token}` },
    }),
  );
  if (res.status !== 101) throw new Error(`stream refused: ${res.status} ${await res.text()}`);
  const ws = res.webSocket!;
  ws.accept();
  return new Client(ws);
}

const unreadOf = (dialogId: string, count?: number) => (f: Frame) =>
  f.type === "unread" && f.dialogId === dialogId && (count === undefined || f.count === count);

describe("reading a dialog refreshes the reader's unread badge", () => {
  it("a `read` socket frame sends the new unread count to the reader's realtime stream, like POST /read", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const stream = await openRealtime(b);
    const sb = await connect(dialog.id, b);
    for (const text of ["one", "two", "three"]) await say(dialog.id, a, text);
    await sb.next((f) => f.type === "message" && f.message.seq === 3);
    await stream.drain(unreadOf(dialog.id), 50);

    // Over the socket: read up to 2 of 3, then all.
    sb.send({ type: "read", seq: 2 });
    expect(await stream.next(unreadOf(dialog.id))).toEqual({ type: "unread", dialogId: dialog.id, count: 1 });
    sb.send({ type: "read", seq: 3 });
    expect(await stream.next(unreadOf(dialog.id))).toEqual({ type: "unread", dialogId: dialog.id, count: 0 });
    // A read that moves nothing says nothing.
    sb.send({ type: "read", seq: 1 });
    expect(await stream.drain(unreadOf(dialog.id), 200)).toEqual([]);

    // Over HTTP, the same way.
    await say(dialog.id, a, "four");
    await sb.next((f) => f.type === "message" && f.message.seq === 4);
    await stream.drain(unreadOf(dialog.id), 50);
    expect((await post(`/api/v1/dialogs/${dialog.id}/read`, { seq: 4 }, b.token)).status).toBe(200);
    expect(await stream.next(unreadOf(dialog.id))).toEqual({ type: "unread", dialogId: dialog.id, count: 0 });

    // The badge is the reader's alone: the other member's stream hears nothing of b's reads.
    const streamA = await openRealtime(a);
    await say(dialog.id, a, "five");
    await sb.next((f) => f.type === "message" && f.message.seq === 5);
    sb.send({ type: "read", seq: 99 });
    expect(await stream.next(unreadOf(dialog.id))).toEqual({ type: "unread", dialogId: dialog.id, count: 0 });
    expect(await streamA.drain(unreadOf(dialog.id), 200)).toEqual([]);
    for (const client of [stream, streamA, sb]) client.close();
  });
});

/** Makes the room's next `times` calls to a UserHub fail (the hub is down); answers how many were made. */
async function hubDownFor(dialogId: string, times: number): Promise<{ failed(): number; restore(): Promise<void> }> {
  let failed = 0;
  await runInDurableObject(roomOf(dialogId), (instance: ChatRoom) => {
    const env = (instance as unknown as { env: Env }).env;
    const real = env.USER_HUB;
    const flaky = {
      getByName(name: string) {
        if (failed >= times) return real.getByName(name);
        failed += 1;
        return { unread: () => Promise.reject(new Error("hub unavailable")) };
      },
    };
    Object.assign(env, { USER_HUB: flaky, __realHub: real });
  });
  return {
    failed: () => failed,
    restore: () =>
      runInDurableObject(roomOf(dialogId), (instance: ChatRoom) => {
        const env = (instance as unknown as { env: Env & { __realHub: Env["USER_HUB"] } }).env;
        Object.assign(env, { USER_HUB: env.__realHub });
      }),
  };
}

describe("the unread badge goes through the room's effects queue", () => {
  it("arrives even when its first delivery fails: it stays queued and the alarm retries it", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const stream = await openRealtime(b);
    const sb = await connect(dialog.id, b);
    for (const text of ["one", "two"]) await say(dialog.id, a, text);
    await sb.next((f) => f.type === "message" && f.message.seq === 2);
    await stream.drain(unreadOf(dialog.id), 50);

    const hub = await hubDownFor(dialog.id, 1);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      sb.send({ type: "read", seq: 1 });
      // The first attempt fails; the retry (backoff of a second or two) delivers it.
      expect(await stream.next(unreadOf(dialog.id), 10_000)).toEqual({ type: "unread", dialogId: dialog.id, count: 1 });
      expect(hub.failed()).toBe(1);
      const queued = await runInDurableObject(roomOf(dialog.id), (_room: ChatRoom, state) =>
        state.storage.sql.exec("SELECT effect FROM pending_effects").toArray(),
      );
      expect(queued).toEqual([]);
    } finally {
      warn.mockRestore();
      await hub.restore();
    }
    for (const client of [stream, sb]) client.close();
  });
});
