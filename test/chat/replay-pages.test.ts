import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ChatRoom } from "../../durable-objects/chat-room";
import { readConfig } from "../../workers/platform/config";
import { type Account, accounts, type Client, connect, direct, type Frame, roomOf, say } from "./helpers";

const ROOM_SIZE = 100_000;
const pageSize = readConfig(env).chat.replayPageSize;

/** A room with `count` stickers from `sender` (seq 1..count), written in one statement. */
async function fillRoom(dialogId: string, sender: Account, count: number): Promise<void> {
  await runInDurableObject(roomOf(dialogId), (_room: ChatRoom, state) => {
    state.storage.sql.exec(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
       INSERT INTO messages (seq, id, sender_id, client_id, kind, content_enc, payload, reply_to, created_at)
       SELECT i, 'msg_bulk' || i, ?2, 'bulk-' || i, 'sticker', NULL, '{"sticker":{"id":"wave"}}', NULL, ?3 FROM n`,
      count,
      sender.userId,
      Date.now(),
    );
  });
}

const isMessage = (f: Frame) => f.type === "message";

/** One page: the message frames up to and including the one with `more: true` (or the one at `lastSeq`). */
async function nextPage(client: Client, lastSeq: number): Promise<Frame[]> {
  const end = await client.next((f) => isMessage(f) && (f.more === true || f.message.seq === lastSeq), 20_000);
  const before = client.frames.splice(0);
  return [...before, end];
}

describe("replay after `since` comes in pages", () => {
  it("since=0 in a 100,000-message room sends one bounded page, and paging reaches every message once, in order", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    await say(dialog.id, a, "hello"); // sets the room up
    await runInDurableObject(roomOf(dialog.id), (_room: ChatRoom, state) => {
      state.storage.sql.exec("DELETE FROM messages");
    });
    await fillRoom(dialog.id, a, ROOM_SIZE);

    const socket = await connect(dialog.id, b, 0);
    const first = await nextPage(socket, ROOM_SIZE);
    // One batch is bounded: exactly one page, and nothing more until the client asks.
    expect(first).toHaveLength(pageSize);
    expect(first.at(-1)).toMatchObject({ type: "message", more: true });
    expect(first.slice(0, -1).some((f) => "more" in f)).toBe(false);
    expect(await socket.drain(isMessage, 100)).toEqual([]);

    const seqs = first.map((f) => f.message.seq as number);
    for (let page = first; page.at(-1)!.more === true; ) {
      socket.send({ type: "replay", since: page.at(-1)!.message.seq });
      page = await nextPage(socket, ROOM_SIZE);
      expect(page.length).toBeLessThanOrEqual(pageSize);
      seqs.push(...page.map((f) => f.message.seq as number));
    }
    expect(seqs).toHaveLength(ROOM_SIZE);
    expect(seqs.every((seq, i) => seq === i + 1)).toBe(true);
    // Caught up: asking again past the end sends nothing.
    socket.send({ type: "replay", since: ROOM_SIZE });
    expect(await socket.drain(isMessage, 100)).toEqual([]);
    socket.close();
  }, 180_000);

  it("messages sent between pages arrive live once; the pages stop where live delivery took over", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    await say(dialog.id, a, "hello");
    const total = pageSize * 2 + 7;
    await runInDurableObject(roomOf(dialog.id), (_room: ChatRoom, state) => {
      state.storage.sql.exec("DELETE FROM messages");
    });
    await fillRoom(dialog.id, a, total);

    const socket = await connect(dialog.id, b, 0);
    const first = await nextPage(socket, total);
    expect(first.at(-1)!.more).toBe(true);
    const live = await say(dialog.id, a, "while you page");
    expect(live.seq).toBe(total + 1);
    expect((await socket.next(isMessage)).message.id).toBe(live.id);

    const seqs = first.map((f) => f.message.seq as number);
    for (let page = first; page.at(-1)!.more === true; ) {
      socket.send({ type: "replay", since: page.at(-1)!.message.seq });
      page = await nextPage(socket, total);
      seqs.push(...page.map((f) => f.message.seq as number));
    }
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await socket.drain(isMessage, 100)).toEqual([]);
    socket.close();
  });

  it("refuses a malformed replay frame with an error frame, the socket stays up", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    await say(dialog.id, a, "one");
    const socket = await connect(dialog.id, b);
    socket.send({ type: "replay", since: -1 });
    expect(await socket.nextOfType("error")).toMatchObject({ code: "validation_failed" });
    socket.send({ type: "replay", since: 0 });
    expect(await socket.next(isMessage)).toMatchObject({ message: { seq: 1, text: "one" } });
    socket.close();
  });
});
