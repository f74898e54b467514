import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Dialog, Message } from "../../schemas/chat";
import { detectOffPlatform } from "../../workers/chat/room/moderation";
import {
  type Account,
  account,
  accounts,
  call,
  connect,
  direct,
  eventually,
  expectJson,
  expectProblem,
  get,
  outboxChatEvents,
  post,
  say,
  sendHttp,
  sleep,
} from "./helpers";

interface Flag {
  id: string;
  dialogId: string;
  messageId: string;
  seq: number;
  senderId: string;
  reason: string;
  reporterId: string | null;
  note: string | null;
  excerpt: string | null;
  status: string;
}

async function shopOf(owner: Account): Promise<{ id: string; name: string }> {
  return expectJson(
    await post(
      "/api/v1/shops",
      { name: `Shop ${crypto.randomUUID().slice(0, 6)}`, category: "fashion", country: "TH", currency: "THB" },
      owner.token,
    ),
    201,
  );
}

const flagsOf = async (admin: Account, dialogId: string, status = "all") =>
  (
    await expectJson<{ items: Flag[] }>(
      await get(`/api/v1/admin/chat/flags?dialogId=${dialogId}&status=${status}`, admin.token),
      200,
    )
  ).items;

describe("support chat with a shop", () => {
  it("POST /shops/:id/chat opens the buyer's dialog with the owner once (201, then 200), even in parallel", async () => {
    const [buyer, seller, other] = await accounts(3);
    const shop = await shopOf(seller);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call("POST", `/api/v1/shops/${shop.id}/chat`, { token: buyer.token })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const bodies = await Promise.all(results.map((r) => r.json() as Promise<{ dialogId: string; dialog: Dialog }>));
    expect(new Set(bodies.map((b) => b.dialogId)).size).toBe(1);
    const { dialogId, dialog } = bodies[0];
    expect(dialog).toMatchObject({ id: dialogId, type: "direct", shopId: shop.id, name: shop.name });
    expect(new Set(dialog.participantIds)).toEqual(new Set([buyer.userId, seller.userId]));

    // Another buyer gets their own; the plain direct dialog of the two people is a different one.
    const theirs = await expectJson<{ dialogId: string }>(
      await call("POST", `/api/v1/shops/${shop.id}/chat`, { token: other.token }),
      201,
    );
    expect(theirs.dialogId).not.toBe(dialogId);
    expect((await direct(buyer, seller)).id).not.toBe(dialogId);

    // The seller sees it in their list and answers.
    const list = await expectJson<{ items: { id: string; shopId?: string; unreadCount: number }[] }>(
      await get("/api/v1/dialogs", seller.token),
      200,
    );
    expect(list.items.find((d) => d.id === dialogId)).toMatchObject({ shopId: shop.id });
    expect((await say(dialogId, seller, "สวัสดีค่ะ ยินดีต้อนรับ")).seq).toBe(1);

    await expectProblem(await call("POST", `/api/v1/shops/${shop.id}/chat`, { token: seller.token }), 409, "conflict");
    await expectProblem(await call("POST", "/api/v1/shops/shp_nope/chat", { token: buyer.token }), 404, "not_found");
  });
});

describe("moderation", () => {
  it("flags phone numbers and payment or messenger links in buyer–seller chats, not elsewhere", async () => {
    const [buyer, seller] = await accounts(2);
    const admin = await account(["customer", "admin"]);
    const shop = await shopOf(seller);
    const { dialogId } = await expectJson<{ dialogId: string }>(
      await call("POST", `/api/v1/shops/${shop.id}/chat`, { token: buyer.token }),
      201,
    );
    const phone = await say(dialogId, seller, "โทรหาฉันที่ 081 234 5678 นะคะ");
    const link = await say(dialogId, seller, "Pay here instead: https://paypal.me/cheapdeals");
    const line = await say(dialogId, seller, "add me line.me/ti/p/abc");
    const fine = await say(dialogId, buyer, "Is size M available? It costs 1,290 baht right?");
    // Flags are written with the message, before the response.
    const flags = await flagsOf(admin, dialogId);
    const byMessage = new Map(flags.map((f) => [`${f.messageId}:${f.reason}`, f]));
    expect(byMessage.get(`${phone.id}:phone_number`)).toMatchObject({
      dialogId,
      seq: phone.seq,
      senderId: seller.userId,
      status: "open",
      reporterId: null,
      excerpt: "โทรหาฉันที่ 081 234 5678 นะคะ",
    });
    expect(byMessage.get(`${link.id}:payment_link`)).toBeDefined();
    expect(byMessage.get(`${line.id}:contact_link`)).toBeDefined();
    expect(flags.filter((f) => f.messageId === fine.id)).toEqual([]);

    // An edit that adds a number is flagged too.
    const edited = await say(dialogId, seller, "see you");
    await call("PATCH", `/api/v1/dialogs/${dialogId}/messages/${edited.id}`, {
      token: seller.token,
      body: { text: "see you, WhatsApp +66 89 765 4321" },
    });
    expect((await flagsOf(admin, dialogId)).some((f) => f.messageId === edited.id && f.reason === "phone_number")).toBe(
      true,
    );

    // A chat between friends is not moderated.
    const friends = await direct(buyer, seller);
    await say(friends.id, seller, "my number is 081 234 5678");
    await sleep(400);
    expect(await flagsOf(admin, friends.id)).toEqual([]);

    // An admin closes a flag.
    const target = byMessage.get(`${link.id}:payment_link`)!;
    const resolved = await expectJson<Flag>(
      await post(`/api/v1/admin/chat/flags/${target.id}/resolve`, {}, admin.token),
      200,
    );
    expect(resolved.status).toBe("resolved");
    expect((await flagsOf(admin, dialogId, "open")).some((f) => f.id === target.id)).toBe(false);
    // No flag is written twice by the room's own flush.
    await sleep(400);
    expect((await flagsOf(admin, dialogId)).filter((f) => f.messageId === phone.id)).toHaveLength(1);
  });

  it("flags messages sent over the socket too", async () => {
    const [buyer, seller] = await accounts(2);
    const admin = await account(["customer", "admin"]);
    const shop = await shopOf(seller);
    const { dialogId } = await expectJson<{ dialogId: string }>(
      await call("POST", `/api/v1/shops/${shop.id}/chat`, { token: buyer.token }),
      201,
    );
    const s = await connect(dialogId, seller);
    s.send({ type: "send", clientId: "ws-flag-1", kind: "text", text: "transfer to promptpay 0812345678" });
    const ack = await s.nextOfType("ack");
    const flags = await eventually(async () => {
      const found = (await flagsOf(admin, dialogId)).filter((f) => f.messageId === ack.message.id);
      return found.length > 0 ? found : undefined;
    });
    expect(flags.map((f) => f.reason).sort()).toEqual(["payment_link", "phone_number"]);
    s.close();
  });

  it("members report a message once; not their own; outsiders cannot", async () => {
    const [a, b, outsider] = await accounts(3);
    const admin = await account(["customer", "admin"]);
    const dialog = await direct(a, b);
    const m = await say(dialog.id, a, "send me your OTP code");
    const first = await expectJson<{ flagId: string; status: string }>(
      await post(`/api/v1/dialogs/${dialog.id}/messages/${m.id}/report`, { reason: "asked for my OTP" }, b.token),
      202,
    );
    const again = await expectJson<{ flagId: string }>(
      await post(`/api/v1/dialogs/${dialog.id}/messages/${m.id}/report`, {}, b.token),
      202,
    );
    expect(again.flagId).toBe(first.flagId);
    const noBody = await call("POST", `/api/v1/dialogs/${dialog.id}/messages/${m.id}/report`, { token: b.token });
    expect((await expectJson<{ flagId: string }>(noBody, 202)).flagId).toBe(first.flagId);
    await expectProblem(
      await post(`/api/v1/dialogs/${dialog.id}/messages/${m.id}/report`, {}, a.token),
      409,
      "conflict",
    );
    await expectProblem(
      await post(`/api/v1/dialogs/${dialog.id}/messages/${m.id}/report`, {}, outsider.token),
      403,
      "forbidden",
    );
    const flags = await flagsOf(admin, dialog.id);
    expect(flags).toEqual([
      expect.objectContaining({
        id: first.flagId,
        reason: "user_report",
        reporterId: b.userId,
        senderId: a.userId,
        note: "asked for my OTP",
        excerpt: "send me your OTP code",
      }),
    ]);
  });
});

describe("offline members are notified", () => {
  it("an HTTP send writes chat.message for the offline members to the outbox, once", async () => {
    const [a, b, c] = await accounts(3);
    const res = await post(
      "/api/v1/dialogs",
      { type: "group", name: "Trip", participantIds: [b.userId, c.userId] },
      a.token,
    );
    const dialog = await expectJson<Dialog>(res, 201);
    const sc = await connect(dialog.id, c);
    const m = await expectJson<Message>(await sendHttp(dialog.id, a.token, { text: "Leaving at 7" }), 201);
    // In the outbox as soon as the send answered.
    const events = await outboxChatEvents(dialog.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "chat.message",
      actor: { type: "user", id: a.userId },
      subject: { type: "dialog", id: dialog.id },
      data: { dialogId: dialog.id, seq: m.seq, senderId: a.userId, recipientIds: [b.userId], messageId: m.id },
    });
    const row = await env.DB.prepare("SELECT queue FROM outbox_events WHERE id = ?")
      .bind(events[0].id)
      .first<{ queue: string }>();
    expect(row?.queue).toBe("notifications");
    // The room's own flush writes the same event id: still one.
    await sleep(500);
    expect(await outboxChatEvents(dialog.id)).toHaveLength(1);
    // Everyone online: no event.
    const sb = await connect(dialog.id, b);
    await say(dialog.id, a, "see you");
    await sleep(400);
    expect(await outboxChatEvents(dialog.id)).toHaveLength(1);
    sb.close();
    sc.close();
  });
});

describe("detectOffPlatform", () => {
  it.each([
    ["081-234-5678", ["phone_number"]],
    ["๐๘๑ ๒๓๔ ๕๖๗๘", ["phone_number"]],
    ["0 8 1 . 2 3 4 . 5 6 7 8", ["phone_number"]],
    ["+62 812-3456-7890", ["phone_number"]],
    ["Call +65 9123 4567", ["phone_number"]],
    ["wa.me/66812345678", ["contact_link", "phone_number"]],
    ["https://www.paypal.me/x", ["payment_link"]],
    ["t.me/shopdeals", ["contact_link"]],
    ["chuyển khoản vào số tài khoản 19035712345678", ["payment_link"]],
    ["1,290 baht, size M, order 12345", []],
    ["see https://shopee.co.th/product/1", []],
    ["", []],
  ])("%s → %j", (text, reasons) => {
    expect(detectOffPlatform(text).sort()).toEqual([...reasons].sort());
  });
});
