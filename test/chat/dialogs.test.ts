import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Dialog } from "../../schemas/chat";
import { newId } from "../../workers/platform/ids";
import {
  accounts,
  connect,
  type DialogItem,
  del,
  direct,
  expectJson,
  expectProblem,
  get,
  group,
  type Page,
  patch,
  post,
  registeredAccount,
  say,
} from "./helpers";

describe("dialogs: direct", () => {
  it("201 the first time, 200 with the same dialog afterwards, from either side", async () => {
    const [a, b] = await accounts(2);
    const res = await post("/api/v1/dialogs", { type: "direct", participantIds: [b.userId] }, a.token);
    const dialog = await expectJson<Dialog>(res, 201);
    expect(dialog).toMatchObject({
      type: "direct",
      participantIds: [a.userId, b.userId],
      adminIds: [],
      lastMessageAt: null,
      memberCount: 2,
      createdBy: a.userId,
    });
    expect(dialog.id).toMatch(/^dlg_/);
    expect(dialog.name).toBeUndefined();
    const again = await expectJson<Dialog>(
      await post("/api/v1/dialogs", { type: "direct", participantIds: [b.userId, a.userId] }, a.token),
      200,
    );
    expect(again.id).toBe(dialog.id);
    const fromB = await expectJson<Dialog>(
      await post("/api/v1/dialogs", { type: "direct", participantIds: [a.userId] }, b.token),
      200,
    );
    expect(fromB.id).toBe(dialog.id);
    expect(new Set(fromB.participantIds)).toEqual(new Set([a.userId, b.userId]));
  });

  it("parallel creates from both sides race to one dialog, which then works", async () => {
    const [a, b] = await accounts(2);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(
          "/api/v1/dialogs",
          { type: "direct", participantIds: [i % 2 ? a.userId : b.userId] },
          i % 2 ? b.token : a.token,
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(11);
    const ids = new Set(await Promise.all(results.map(async (r) => ((await r.json()) as Dialog).id)));
    expect(ids.size).toBe(1);
    const [id] = ids;
    const rows = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM dialogs WHERE direct_key IS NOT NULL AND id IN (SELECT dialog_id FROM dialog_members WHERE user_id = ?)",
    )
      .bind(a.userId)
      .first<{ n: number }>();
    expect(rows?.n).toBe(1);
    expect((await say(id, a, "we made it")).seq).toBe(1);
    expect((await say(id, b, "once")).seq).toBe(2);
  });

  it("participants must exist (422), a direct dialog is exactly one other person (422)", async () => {
    const [a, b, c] = await accounts(3);
    const missing = await expectProblem(
      await post("/api/v1/dialogs", { type: "group", participantIds: [b.userId, "usr_ghost"] }, a.token),
      422,
      "validation_failed",
    );
    expect(missing.errors).toEqual([{ path: "participantIds.1", message: "No such user" }]);
    await expectProblem(
      await post("/api/v1/dialogs", { type: "direct", participantIds: [b.userId, c.userId] }, a.token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/dialogs", { type: "direct", participantIds: [a.userId] }, a.token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/dialogs", { type: "direct", participantIds: [] }, a.token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/dialogs", { type: "chatroom", participantIds: [b.userId] }, a.token),
      422,
      "validation_failed",
    );
    // A deleted account is not a participant.
    await env.DB.prepare("UPDATE users SET status = 'deleted' WHERE id = ?").bind(c.userId).run();
    await expectProblem(
      await post("/api/v1/dialogs", { type: "direct", participantIds: [c.userId] }, a.token),
      422,
      "validation_failed",
    );
  });

  it("works with accounts made through the real sign-up too", async () => {
    const a = await registeredAccount();
    const [b] = await accounts(1);
    const dialog = await direct(a, b);
    expect((await say(dialog.id, a, "signed up for real")).senderId).toBe(a.userId);
  });
});

describe("dialogs: groups and channels", () => {
  it("the creator is admin; admins add, remove, promote; members leave; system messages tell everyone", async () => {
    const [owner, m1, m2, m3, outsider] = await accounts(5);
    const dialog = await group(owner, [m1, m2]);
    expect(dialog).toMatchObject({ type: "group", name: "Team", adminIds: [owner.userId], memberCount: 3 });
    const s2 = await connect(dialog.id, m2);

    await expectProblem(
      await post(`/api/v1/dialogs/${dialog.id}/members`, { userIds: [m3.userId] }, m1.token),
      403,
      "forbidden",
    );
    const grown = await expectJson<Dialog>(
      await post(`/api/v1/dialogs/${dialog.id}/members`, { userIds: [m3.userId, m1.userId] }, owner.token),
      200,
    );
    expect(grown.participantIds.slice(0, 3).sort()).toEqual([owner.userId, m1.userId, m2.userId].sort());
    expect(grown.participantIds[3]).toBe(m3.userId);
    expect(grown.memberCount).toBe(4);
    expect((await s2.nextOfType("message")).message).toMatchObject({
      kind: "system",
      senderId: owner.userId,
      system: { event: "members_added", actorId: owner.userId, userIds: [m3.userId] },
    });
    // m3 joined after the system message's predecessors: nothing old is unread for them.
    const forM3 = await expectJson<DialogItem>(await get(`/api/v1/dialogs/${dialog.id}`, m3.token), 200);
    expect(forM3.unreadCount).toBe(1);

    const promoted = await expectJson<Dialog>(
      await patch(`/api/v1/dialogs/${dialog.id}/members/${m1.userId}`, { role: "admin" }, owner.token),
      200,
    );
    expect(promoted.adminIds.sort()).toEqual([owner.userId, m1.userId].sort());
    const renamed = await expectJson<Dialog>(
      await patch(`/api/v1/dialogs/${dialog.id}`, { name: "Team 🇹🇭" }, m1.token),
      200,
    );
    expect(renamed.name).toBe("Team 🇹🇭");
    await expectProblem(await patch(`/api/v1/dialogs/${dialog.id}`, { name: "nope" }, m2.token), 403, "forbidden");

    expect((await del(`/api/v1/dialogs/${dialog.id}/members/${m3.userId}`, m1.token)).status).toBe(204);
    await expectProblem(await del(`/api/v1/dialogs/${dialog.id}/members/${m3.userId}`, owner.token), 404, "not_found");
    await expectProblem(await del(`/api/v1/dialogs/${dialog.id}/members/${owner.userId}`, m2.token), 403, "forbidden");
    expect((await post(`/api/v1/dialogs/${dialog.id}/leave`, {}, m2.token)).status).toBe(204);
    await expectProblem(await get(`/api/v1/dialogs/${dialog.id}/messages`, m2.token), 403, "forbidden");
    await expectProblem(
      await post(`/api/v1/dialogs/${dialog.id}/members`, { userIds: [m2.userId] }, outsider.token),
      403,
      "forbidden",
    );

    const events = (
      await expectJson<Page<{ kind: string; system?: { event: string } }>>(
        await get(`/api/v1/dialogs/${dialog.id}/messages`, owner.token),
        200,
      )
    ).items
      .filter((m) => m.kind === "system")
      .map((m) => m.system?.event);
    expect(events).toEqual(["member_left", "member_removed", "renamed", "role_changed", "members_added"]);
    const now = await expectJson<Dialog>(await get(`/api/v1/dialogs/${dialog.id}`, owner.token), 200);
    expect(now.participantIds.sort()).toEqual([owner.userId, m1.userId].sort());
    expect(now.memberCount).toBe(2);
    s2.close();
  });

  it("the last admin leaving hands the group to the longest-standing member; a dialog keeps one admin", async () => {
    const [owner, m1, m2] = await accounts(3);
    const dialog = await group(owner, [m1, m2]);
    await expectProblem(
      await patch(`/api/v1/dialogs/${dialog.id}/members/${owner.userId}`, { role: "member" }, owner.token),
      409,
      "conflict",
    );
    expect((await del(`/api/v1/dialogs/${dialog.id}/members/me`, owner.token)).status).toBe(204);
    const after = await expectJson<Dialog>(await get(`/api/v1/dialogs/${dialog.id}`, m1.token), 200);
    expect(after.adminIds).toHaveLength(1);
    expect([m1.userId, m2.userId]).toContain(after.adminIds[0]);
    expect(after.participantIds).not.toContain(owner.userId);
  });

  it("direct dialogs have no members to manage and cannot be left", async () => {
    const [a, b, c] = await accounts(3);
    const dialog = await direct(a, b);
    await expectProblem(
      await post(`/api/v1/dialogs/${dialog.id}/members`, { userIds: [c.userId] }, a.token),
      409,
      "conflict",
    );
    await expectProblem(await post(`/api/v1/dialogs/${dialog.id}/leave`, {}, a.token), 409, "conflict");
    await expectProblem(await patch(`/api/v1/dialogs/${dialog.id}`, { name: "x" }, a.token), 409, "conflict");
  });

  it("groups hold up to 1000 members", async () => {
    const [a] = await accounts(1);
    const tooMany = Array.from({ length: 1000 }, (_, i) => `usr_fake_${i}`);
    const problem = await expectProblem(
      await post("/api/v1/dialogs", { type: "group", participantIds: tooMany }, a.token),
      422,
      "validation_failed",
    );
    expect(problem.detail).toContain("1000");
    const members = await accounts(999);
    const big = await expectJson<Dialog>(
      await post(
        "/api/v1/dialogs",
        { type: "group", name: "Big", participantIds: members.map((m) => m.userId) },
        a.token,
      ),
      201,
    );
    expect(big.memberCount).toBe(1000);
    const [extra] = await accounts(1);
    await expectProblem(
      await post(`/api/v1/dialogs/${big.id}/members`, { userIds: [extra.userId] }, a.token),
      409,
      "conflict",
    );
    expect((await say(big.id, members[500], "hello 999 friends")).seq).toBe(1);
  });
});

describe("dialogs: listing", () => {
  it("the caller's dialogs, most recent first, with unreadCount and lastMessage, paged", async () => {
    const [me, b, c, d] = await accounts(4);
    const d1 = await direct(me, b);
    const d2 = await direct(me, c);
    const g = await group(d, [me, b]);
    await say(d1.id, b, "first");
    await say(d2.id, c, "second");
    await say(d2.id, c, "second again, with a long tail ".repeat(20));
    await say(g.id, d, "group news");
    await say(d1.id, me, "my reply");

    const page1 = await expectJson<Page<DialogItem>>(await get("/api/v1/dialogs?limit=2", me.token), 200);
    expect(page1.items.map((x) => x.id)).toEqual([d1.id, g.id]);
    expect(page1.items[0]).toMatchObject({
      unreadCount: 0,
      role: "member",
      muted: false,
      lastMessage: { seq: 2, senderId: me.userId, kind: "text", text: "my reply" },
    });
    expect(page1.items[1]).toMatchObject({
      type: "group",
      unreadCount: 1,
      adminIds: [d.userId],
      lastMessage: { text: "group news" },
    });
    expect(page1.items[1].participantIds.sort()).toEqual([d.userId, me.userId, b.userId].sort());
    const page2 = await expectJson<Page<DialogItem>>(
      await get(`/api/v1/dialogs?limit=2&cursor=${page1.nextCursor}`, me.token),
      200,
    );
    expect(page2.items.map((x) => x.id)).toEqual([d2.id]);
    expect(page2.nextCursor).toBeNull();
    expect(page2.items[0].unreadCount).toBe(2);
    expect([...(page2.items[0].lastMessage?.text ?? "")].length).toBeLessThanOrEqual(200);
    expect(page2.items[0].lastMessageAt).not.toBeNull();

    // A deleted last message shows as deleted.
    const last = await say(d2.id, c, "oops");
    await del(`/api/v1/dialogs/${d2.id}/messages/${last.id}`, c.token);
    const again = await expectJson<Page<DialogItem>>(await get("/api/v1/dialogs?limit=1", me.token), 200);
    expect(again.items[0].lastMessage).toMatchObject({ id: last.id, deleted: true });
    expect(again.items[0].lastMessage?.text).toBeUndefined();

    // Mute is the caller's own.
    expect(await expectJson(await patch(`/api/v1/dialogs/${d2.id}/settings`, { muted: true }, me.token), 200)).toEqual({
      muted: true,
    });
    const muted = await expectJson<DialogItem>(await get(`/api/v1/dialogs/${d2.id}`, me.token), 200);
    expect(muted.muted).toBe(true);
    await expectProblem(await get("/api/v1/dialogs?cursor=bogus", me.token), 422, "validation_failed");
  });

  it("a dialog whose room was never set up (a lost init) is set up from D1 on first use", async () => {
    const [a, b] = await accounts(2);
    const id = newId("dlg");
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO dialogs (id, type, created_by, member_count, created_at, updated_at, activity_at) VALUES (?, 'group', ?, 2, ?, ?, ?)",
      ).bind(id, a.userId, now, now, now),
      env.DB.prepare(
        "INSERT INTO dialog_members (dialog_id, user_id, role, joined_at) VALUES (?, ?, 'admin', ?), (?, ?, 'member', ?)",
      ).bind(id, a.userId, now, id, b.userId, now),
    ]);
    const sb = await connect(id, b);
    expect((await say(id, a, "repaired")).seq).toBe(1);
    expect((await sb.nextOfType("message")).message.text).toBe("repaired");
    sb.close();
  });
});
