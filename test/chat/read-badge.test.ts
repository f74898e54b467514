import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type Account, accounts, BASE, Client, connect, direct, type Frame, post, say } from "./helpers";

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
