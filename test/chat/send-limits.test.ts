import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Dialog } from "../../schemas/chat";
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

const USER_LIMIT = Number(env.CHAT_USER_SEND_LIMIT);
const USER_WINDOW = Number(env.CHAT_USER_SEND_WINDOW_SECONDS);
const ROOM_LIMIT = Number(env.CHAT_SEND_LIMIT);
const textFrame = (text: string, id = clientId("ws")) => ({ type: "send", clientId: id, kind: "text", text });

async function lastSeq(dialog: Dialog): Promise<number> {
  const info = await roomOf(dialog.id).info();
  if (!info.ok) throw new Error(info.detail);
  return info.lastSeq;
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

    // Half over sockets, half over HTTP, spread over the groups.
    for (let i = 0; i < USER_LIMIT; i++) {
      const at = i % groups;
      if (i % 2 === 0) {
        sockets[at].send(textFrame(`socket ${i}`));
        await sockets[at].nextOfType("ack");
      } else {
        const res = await sendHttp(dialogs[at].id, sender.token, { text: `http ${i}` });
        expect(res.status, await res.text()).toBe(201);
      }
    }
    const seqs = await Promise.all(dialogs.map(lastSeq));
    expect(seqs.reduce((a, b) => a + b, 0)).toBe(USER_LIMIT);

    // The next one, in any group and either way, is refused, and nothing is stored.
    const overHttp = await sendHttp(dialogs[0].id, sender.token, { text: "one too many" });
    const problem = await expectProblem(overHttp, 429, "rate_limited");
    expect(problem.detail).toContain("across your dialogs");
    const retryAfter = Number(overHttp.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(USER_WINDOW);
    sockets[1].send(textFrame("also too many", "over-socket"));
    const error = await sockets[1].nextOfType("error");
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

  it("a retry of a sent clientId is answered, not counted", async () => {
    const [sender, other]: Account[] = await accounts(2);
    const dialog = await group(sender, [other]);
    const body = { clientId: clientId(), kind: "text", text: "once" };
    for (let i = 0; i < 3; i++) {
      const res = await sendHttp(dialog.id, sender.token, body);
      expect(res.status, await res.text()).toBe(201);
    }
    expect(await lastSeq(dialog)).toBe(1);
    const counted = await runInDurableObject(
      env.RATE_LIMITER.getByName(`chat-send:user:${sender.userId}`),
      (_, state) => state.storage.kv.get<{ count: number }>("window"),
    );
    expect(counted?.count).toBe(1);
  });
});
