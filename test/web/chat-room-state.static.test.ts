import { describe, expect, it } from "vitest";
import type { Message } from "../../web/src/views/chat/room-socket";
import {
  addMessages,
  addPending,
  addReceipt,
  emptyRoom,
  failPending,
  newestSeq,
  tickOf,
  updateMessage,
} from "../../web/src/views/chat/room-state";

const ME = "usr_me";

function msg(seq: number, extra: Partial<Message> = {}): Message {
  return {
    id: `msg_${seq}`,
    dialogId: "dlg_1",
    seq,
    senderId: ME,
    clientId: `c${seq}`,
    kind: "text",
    text: `m${seq}`,
    reactions: [],
    createdAt: "2026-12-05T00:00:00.000Z",
    ...extra,
  };
}

describe("chat room state", () => {
  it("holds each message once, ordered by seq, whatever order and how often they arrive", () => {
    let state = addMessages(emptyRoom, [msg(5), msg(3)], ME);
    state = addMessages(state, [msg(4), msg(5), msg(6)], ME);
    state = addMessages(state, [msg(3)], ME);
    expect(state.messages.map((m) => m.seq)).toEqual([3, 4, 5, 6]);
    expect(newestSeq(state)).toBe(6);
  });

  it("replaces a pending send with its message (by clientId), however it arrives", () => {
    let state = addPending(emptyRoom, { clientId: "c-x", kind: "text", text: "hi" }, "2026-12-05T00:00:00.000Z");
    state = addPending(state, { clientId: "c-y", kind: "text", text: "there" }, "2026-12-05T00:00:00.000Z");
    // Another member's message with the same clientId is not ours.
    state = addMessages(state, [msg(1, { clientId: "c-x", senderId: "usr_other" })], ME);
    expect(state.pending).toHaveLength(2);
    state = addMessages(state, [msg(2, { clientId: "c-x" })], ME);
    expect(state.pending.map((p) => p.outgoing.clientId)).toEqual(["c-y"]);
    state = failPending(state, "c-y", "Too long");
    expect(state.pending[0].failed).toBe("Too long");
  });

  it("updates only messages it shows", () => {
    const state = addMessages(emptyRoom, [msg(1), msg(2)], ME);
    const edited = updateMessage(state, msg(2, { text: "edited", editedAt: "2026-12-05T00:01:00.000Z" }));
    expect(edited.messages[1].text).toBe("edited");
    expect(updateMessage(state, msg(99))).toBe(state);
  });

  it("moves receipts forward only, read implying delivered, and ticks by the other members' positions", () => {
    let state = addMessages(emptyRoom, [msg(1), msg(2), msg(3)], ME);
    state = addReceipt(state, ME, 3, "read");
    expect(tickOf(state, state.messages[0], ME)).toBe("sent");
    state = addReceipt(state, "usr_b", 2, "delivered");
    state = addReceipt(state, "usr_b", 1, "read");
    state = addReceipt(state, "usr_b", 1, "delivered");
    expect(state.receipts.usr_b).toEqual({ delivered: 2, read: 1 });
    expect(state.messages.map((m) => tickOf(state, m, ME))).toEqual(["read", "delivered", "sent"]);
    state = addReceipt(state, "usr_b", 3, "read");
    expect(state.receipts.usr_b).toEqual({ delivered: 3, read: 3 });
  });
});
