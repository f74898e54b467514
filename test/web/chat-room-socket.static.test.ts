import { describe, expect, it } from "vitest";
import {
  type Message,
  PING_MS,
  type RoomEvent,
  RoomSocket,
  type SocketLike,
} from "../../web/src/views/chat/room-socket";

// The chat room's connection rules (docs/chat.md "Replay and resume"), driven with a fake socket,
// a fake clock and fake timers: what reaches the view, and what is sent to the room.

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closedWith: number | null = null;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closedWith = code;
    this.readyState = 3;
  }
  // The server's side.
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  frame(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function msg(seq: number, extra: Partial<Message> = {}): Message {
  return {
    id: `msg_${seq}`,
    dialogId: "dlg_1",
    seq,
    senderId: "usr_b",
    clientId: `c${seq}`,
    kind: "text",
    text: `m${seq}`,
    reactions: [],
    createdAt: "2026-12-05T00:00:00.000Z",
    ...extra,
  };
}

function harness(ticket: () => Promise<string> = async () => "tkt") {
  let now = 1_000_000;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let nextTimer = 1;
  const sockets: FakeSocket[] = [];
  const events: RoomEvent[] = [];
  const room = new RoomSocket({
    dialogId: "dlg_1",
    origin: "ws://app.test",
    ticket,
    open: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    onEvent: (e) => events.push(e),
    now: () => now,
    random: () => 0.5,
    setTimer: (fn, ms) => {
      const id = nextTimer++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id) => timers.delete(id as number),
  });
  /** Moves the clock on, running the timers that come due (in order). */
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
      await flush();
    }
    now = until;
  };
  const last = () => sockets[sockets.length - 1];
  const messages = () => events.flatMap((e) => (e.type === "message" ? [e.message.seq] : []));
  return { room, sockets, events, advance, last, messages, timers };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("chat room socket", () => {
  it("opens with a fresh ticket and since = the newest seq shown, then passes live frames on", async () => {
    const h = harness();
    h.room.start(7);
    await flush();
    expect(h.last().url).toBe("ws://app.test/api/v1/dialogs/dlg_1/ws?since=7&ticket=tkt");
    h.last().open();
    h.last().frame({ type: "message", message: msg(8) });
    h.last().frame({ type: "typing", userId: "usr_b", typing: true });
    h.last().frame({ type: "receipt", userId: "usr_b", seq: 8, status: "read" });
    expect(h.messages()).toEqual([8]);
    expect(h.events.map((e) => e.type)).toEqual(["status", "status", "message", "typing", "receipt"]);
    expect(h.room.since).toBe(8);
  });

  it("passes each message on once, in any arrival order, and resumes after the highest seq held without a gap", async () => {
    const h = harness();
    h.room.start(10);
    await flush();
    h.last().open();
    for (const seq of [11, 11, 13, 12, 10, 9, 13, 14]) h.last().frame({ type: "message", message: msg(seq) });
    expect(h.messages()).toEqual([11, 13, 12, 14]);
    expect(h.room.since).toBe(14);
  });

  it("follows a replay page that stopped short with a replay frame", async () => {
    const h = harness();
    h.room.start(0);
    await flush();
    h.last().open();
    h.last().frame({ type: "message", message: msg(1) });
    h.last().frame({ type: "message", message: msg(2), more: true });
    expect(h.last().sent).toEqual([{ type: "replay", since: 2 }]);
  });

  it("keeps a send until its ack and sends it again, with the same clientId, after a dropped connection", async () => {
    const h = harness();
    h.room.start(3);
    await flush();
    h.room.send({ clientId: "c-early", kind: "text", text: "before the socket opened" });
    h.last().open();
    h.room.send({ clientId: "c-late", kind: "text", text: "while open" });
    expect(h.last().sent.map((f) => f.clientId)).toEqual(["c-early", "c-late"]);
    h.last().frame({ type: "ack", clientId: "c-early", message: msg(4, { clientId: "c-early", senderId: "usr_a" }) });

    h.last().drop();
    expect(h.events.at(-1)).toMatchObject({ type: "status", status: "waiting" });
    const first = h.sockets.length;
    // Full jitter on the first attempt: at most 0.5 s (random 0.5 → 250 ms).
    await h.advance(250);
    expect(h.sockets.length).toBe(first + 1);
    expect(h.last().url).toContain("since=4&");
    h.last().open();
    // Only the unacknowledged send goes again; the room answers it with the first message.
    expect(h.last().sent).toEqual([{ type: "send", clientId: "c-late", kind: "text", text: "while open" }]);
    const acks = h.events.filter((e) => e.type === "ack");
    expect(acks).toHaveLength(1);
  });

  it("backs off exponentially while the network is down, and goes at once when it is back", async () => {
    let online = false;
    const h = harness(async () => {
      if (!online) throw { status: 0, detail: "Failed to fetch" };
      return "tkt";
    });
    h.room.start(1);
    await flush();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const wait = h.events.at(-1);
      expect(wait).toMatchObject({ type: "status", status: "waiting" });
      waits.push((wait as { retryInMs: number }).retryInMs);
      await h.advance((wait as { retryInMs: number }).retryInMs);
    }
    expect(waits).toEqual([250, 500, 1000, 2000]);
    online = true;
    h.room.reconnectNow();
    await flush();
    expect(h.sockets).toHaveLength(1);
    expect(h.last().url).toContain("since=1&");
  });

  it("stops for good when the session ended (4401) or the ticket is refused (401)", async () => {
    const h = harness();
    h.room.start(0);
    await flush();
    h.last().open();
    h.last().drop(4401);
    expect(h.events.at(-1)).toMatchObject({ type: "status", status: "closed" });
    await h.advance(60_000);
    expect(h.sockets).toHaveLength(1);

    const refused = harness(async () => {
      throw { status: 401, detail: "Sign in again" };
    });
    refused.room.start(0);
    await flush();
    expect(refused.events.at(-1)).toEqual({ type: "status", status: "closed", reason: "Sign in again" });
    expect(refused.timers.size).toBe(0);
  });

  it("pings every 30 s while open and throttles typing to one `true` per 3 s", async () => {
    const h = harness();
    h.room.start(0);
    await flush();
    h.last().open();
    h.room.typing(true);
    h.room.typing(true);
    await h.advance(1_000);
    h.room.typing(true);
    h.room.typing(false);
    h.room.typing(false);
    await h.advance(PING_MS);
    expect(h.last().sent).toEqual([
      { type: "typing", typing: true },
      { type: "typing", typing: false },
      { type: "ping" },
    ]);
  });

  it("sends the read position once, and again on the next connection if it was not sent", async () => {
    const h = harness();
    h.room.start(5);
    h.room.read(5);
    await flush();
    h.last().open();
    h.room.read(5);
    h.room.read(4);
    expect(h.last().sent).toEqual([{ type: "read", seq: 5 }]);
    h.last().drop();
    h.room.read(6);
    await h.advance(250);
    h.last().open();
    expect(h.last().sent).toEqual([{ type: "read", seq: 6 }]);
  });

  it("reports a send the room refused, and retries one that was rate limited", async () => {
    const h = harness();
    h.room.start(0);
    await flush();
    h.last().open();
    h.room.send({ clientId: "c1", kind: "text", text: "x" });
    h.room.send({ clientId: "c2", kind: "text", text: "y" });
    h.last().frame({ type: "error", code: "validation_failed", detail: "Too long", clientId: "c1" });
    h.last().frame({ type: "error", code: "rate_limited", detail: "Slow down", clientId: "c2", retryAfter: 2 });
    expect(h.events.filter((e) => e.type === "failed")).toEqual([
      { type: "failed", clientId: "c1", code: "validation_failed", detail: "Too long" },
    ]);
    await h.advance(2_000);
    expect(h.last().sent.filter((f) => f.clientId === "c2")).toHaveLength(2);
  });

  it("ignores frames from a socket it already replaced", async () => {
    const h = harness();
    h.room.start(0);
    await flush();
    const old = h.last();
    old.open();
    old.drop();
    await h.advance(250);
    h.last().open();
    old.frame({ type: "message", message: msg(1) });
    expect(h.messages()).toEqual([]);
    h.room.stop();
    expect(h.last().closedWith).toBe(1000);
  });
});
