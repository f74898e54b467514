import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ChatRoom } from "../../durable-objects/chat-room";
import { newId } from "../../workers/platform/ids";
import { accounts, BASE, clientId, get, group, roomOf, say } from "./helpers";

const text = (body: string) => ({ clientId: clientId(), kind: "text" as const, text: body });

/** Every row of every table of the room's storage, and its alarm. */
async function storageOf(dialogId: string): Promise<string> {
  return runInDurableObject(roomOf(dialogId), async (_room: ChatRoom, state) => {
    const tables = state.storage.sql
      .exec<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .toArray()
      .map((t) => t.name);
    const rows = Object.fromEntries(
      tables.map((t) => [t, state.storage.sql.exec(`SELECT * FROM "${t}" ORDER BY 1`).toArray()]),
    );
    return JSON.stringify({ rows, alarm: await state.storage.getAlarm() });
  });
}

describe("a send re-checks membership and role at the moment it writes", () => {
  it("a member removed while their send is in flight cannot post", async () => {
    const [owner, member, other] = await accounts(3);
    const dialog = await group(owner, [member, other]);
    const out = await runInDurableObject(roomOf(dialog.id), async (room: ChatRoom) => {
      // The send parks at its first await (sealing the text); the removal lands before it resumes.
      const sending = room.send({ senderId: member.userId, origin: BASE, message: text("after my removal") });
      expect(room.removeMember({ actorId: owner.userId, userId: member.userId })).toMatchObject({ ok: true });
      return sending;
    });
    expect(out).toMatchObject({ ok: false, code: "forbidden" });
    const history = await get(`/api/v1/dialogs/${dialog.id}/messages`, owner.token);
    const items = ((await history.json()) as { items: { text?: string }[] }).items;
    expect(items.map((m) => m.text)).not.toContain("after my removal");
  });

  it("a channel admin demoted while their post is in flight cannot post", async () => {
    const [owner, editor, reader] = await accounts(3);
    const channel = await group(owner, [editor, reader], "channel");
    const promoted = await roomOf(channel.id).setRole({ actorId: owner.userId, userId: editor.userId, role: "admin" });
    expect(promoted.ok).toBe(true);
    const out = await runInDurableObject(roomOf(channel.id), async (room: ChatRoom) => {
      const posting = room.send({ senderId: editor.userId, origin: BASE, message: text("news") });
      expect(room.setRole({ actorId: owner.userId, userId: editor.userId, role: "member" })).toMatchObject({
        ok: true,
      });
      return posting;
    });
    expect(out).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("an edit in flight when its sender is removed changes nothing", async () => {
    const [owner, member] = await accounts(2);
    const dialog = await group(owner, [member]);
    const mine = await say(dialog.id, member, "original");
    const out = await runInDurableObject(roomOf(dialog.id), async (room: ChatRoom) => {
      const editing = room.edit({ userId: member.userId, messageId: mine.id, text: "rewritten", origin: BASE });
      expect(room.removeMember({ actorId: owner.userId, userId: member.userId })).toMatchObject({ ok: true });
      return editing;
    });
    expect(out).toMatchObject({ ok: false, code: "forbidden" });
    const history = await get(`/api/v1/dialogs/${dialog.id}/messages`, owner.token);
    const items = ((await history.json()) as { items: { id: string; text?: string }[] }).items;
    expect(items.find((m) => m.id === mine.id)?.text).toBe("original");
  });
});

describe("reading the room changes nothing", () => {
  it("history, search, role, receipts, info and reports from another origin leave the storage as it was", async () => {
    const [owner, member] = await accounts(2);
    const dialog = await group(owner, [member]);
    const sent = await say(dialog.id, owner, "a message to read");
    await runDurableObjectAlarm(roomOf(dialog.id)); // the queued D1 work, flushed: the room is at rest
    const before = await storageOf(dialog.id);

    const room = roomOf(dialog.id);
    const origin = "https://elsewhere.example";
    const reads = await Promise.all([
      room.history({ userId: member.userId, before: null, limit: 50, origin }),
      room.search({ userId: member.userId, q: "read", before: null, limit: 20, origin }),
      room.role({ userId: member.userId }),
      room.receipts({ userId: member.userId }),
      room.info(),
      room.reportable({ userId: member.userId, messageId: sent.id }),
      // A stranger's reads are refused, and change nothing either.
      room.history({ userId: "usr_stranger", before: null, limit: 50, origin }),
    ]);
    expect(reads.map((r) => r.ok)).toEqual([true, true, true, true, true, true, false]);
    expect(await storageOf(dialog.id)).toBe(before);
  });

  it("a read of a room that was never set up answers not_initialized and stores no row", async () => {
    const dialogId = newId("dlg");
    const out = await roomOf(dialogId).history({ userId: "usr_x", before: null, limit: 10, origin: BASE });
    expect(out).toMatchObject({ ok: false, code: "not_initialized" });
    const stored = JSON.parse(await storageOf(dialogId)) as { rows: Record<string, unknown[]>; alarm: unknown };
    expect(Object.entries(stored.rows).filter(([name, rows]) => name !== "schema_version" && rows.length > 0)).toEqual(
      [],
    );
    expect(stored.alarm).toBeNull();
  });
});
