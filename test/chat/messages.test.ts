import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ChatRoom } from "../../durable-objects/chat-room";
import type { Message } from "../../schemas/chat";
import {
  accounts,
  call,
  clientId,
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
  roomOf,
  say,
  sendHttp,
} from "./helpers";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(120).fill(0)]);

describe("chat messages over HTTP: sending", () => {
  it("201 Message with every CONTRACT field; seq rises by one per dialog", async () => {
    const [a, b, c] = await accounts(3);
    const dialog = await direct(a, b);
    const other = await direct(a, c);
    const id = clientId();
    const res = await sendHttp(dialog.id, a.token, { clientId: id, text: "ราคาเท่าไหร่ครับ" });
    const m = await expectJson<Message>(res, 201);
    expect(m).toMatchObject({
      dialogId: dialog.id,
      seq: 1,
      senderId: a.userId,
      clientId: id,
      kind: "text",
      text: "ราคาเท่าไหร่ครับ",
      reactions: [],
    });
    expect(m.id).toMatch(/^msg_/);
    expect(new Date(m.createdAt).toISOString()).toBe(m.createdAt);
    expect(m.editedAt).toBeUndefined();
    expect(m.deleted).toBeUndefined();
    expect((await say(dialog.id, b, "500 บาทครับ")).seq).toBe(2);
    expect((await say(dialog.id, a, "ok")).seq).toBe(3);
    // Another dialog counts on its own.
    expect((await say(other.id, a, "hi")).seq).toBe(1);
  });

  it("parallel sends get distinct, gap-free seqs", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) => say(dialog.id, i % 2 ? a : b, `parallel ${i}`)),
    );
    expect(sent.map((m) => m.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("the same clientId twice (also at the same moment) returns the first message", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const id = clientId("same");
    const first = await expectJson<Message>(await sendHttp(dialog.id, a.token, { clientId: id, text: "one" }), 201);
    const again = await sendHttp(dialog.id, a.token, { clientId: id, text: "different text" });
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await expectJson<Message>(again, 201)).toEqual(first);
    const parallelId = clientId("par");
    const many = await Promise.all(
      Array.from({ length: 6 }, () => sendHttp(dialog.id, a.token, { clientId: parallelId, text: "race" })),
    );
    const bodies = await Promise.all(many.map((r) => expectJson<Message>(r, 201)));
    expect(new Set(bodies.map((m) => m.id)).size).toBe(1);
    // The other member may use the same clientId: it is per sender.
    expect(
      (await expectJson<Message>(await sendHttp(dialog.id, b.token, { clientId: id, text: "mine" }), 201)).seq,
    ).toBe(3);
    const history = await expectJson<Page<Message>>(await get(`/api/v1/dialogs/${dialog.id}/messages`, a.token), 200);
    expect(history.items.map((m) => m.seq)).toEqual([3, 2, 1]);
  });

  it("an outsider is refused (403); an unknown dialog is 404", async () => {
    const [a, b, outsider] = await accounts(3);
    const dialog = await direct(a, b);
    await say(dialog.id, a, "private");
    await expectProblem(await get(`/api/v1/dialogs/${dialog.id}/messages`, outsider.token), 403, "forbidden");
    await expectProblem(await sendHttp(dialog.id, outsider.token, { text: "let me in" }), 403, "forbidden");
    await expectProblem(await get(`/api/v1/dialogs/${dialog.id}`, outsider.token), 403, "forbidden");
    await expectProblem(await get(`/api/v1/dialogs/${dialog.id}/search?q=private`, outsider.token), 403, "forbidden");
    await expectProblem(
      await get("/api/v1/dialogs/dlg_01JD3Q5W8T2M4V6X8Z0B2D4F6H/messages", a.token),
      404,
      "not_found",
    );
    await expectProblem(await get("/api/v1/dialogs/whatever/messages", a.token), 404, "not_found");
  });

  it("validates kinds and sizes: 422 for missing parts, 413 past the text limit", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const bad = async (body: Record<string, unknown>, path: string) => {
      const problem = await expectProblem(await sendHttp(dialog.id, a.token, body), 422, "validation_failed");
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    };
    await bad({ text: undefined }, "text");
    await bad({ text: "   " }, "text");
    await bad({ kind: "image" }, "mediaId");
    await bad({ kind: "location" }, "location");
    await bad({ kind: "location", location: { latitude: 100, longitude: 1 } }, "location.latitude");
    await bad({ kind: "sticker" }, "sticker");
    await bad({ kind: "card" }, "card");
    await bad({ kind: "text", text: "x", mediaId: "med_x" }, "mediaId");
    await bad({ kind: "video", text: "x" }, "kind");
    await bad({ clientId: "", text: "x" }, "clientId");
    await bad({ clientId: "has space", text: "x" }, "clientId");
    await bad({ text: "reply", replyTo: "msg_unknown" }, "replyTo");
    await expectProblem(await sendHttp(dialog.id, a.token, { text: "ก".repeat(4001) }), 413, "payload_too_large");
    expect((await say(dialog.id, a, "ก".repeat(4000))).seq).toBe(1);
    const malformed = await call("POST", `/api/v1/dialogs/${dialog.id}/messages`, {
      token: a.token,
      raw: "{not json",
      headers: { "Content-Type": "application/json" },
    });
    await expectProblem(malformed, 400, "bad_request");
  });
});

describe("chat messages over HTTP: kinds", () => {
  it("location, sticker, reply with a quote of the original", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const original = await say(dialog.id, a, "Where shall we meet?");
    const location = await expectJson<Message>(
      await sendHttp(dialog.id, b.token, {
        kind: "location",
        location: { latitude: 13.7466, longitude: 100.5393, name: "Siam Paragon" },
        replyTo: original.id,
      }),
      201,
    );
    expect(location).toMatchObject({
      kind: "location",
      location: { latitude: 13.7466, longitude: 100.5393, name: "Siam Paragon" },
      replyTo: original.id,
      replyPreview: { id: original.id, seq: 1, senderId: a.userId, kind: "text", text: "Where shall we meet?" },
    });
    const sticker = await expectJson<Message>(
      await sendHttp(dialog.id, a.token, { kind: "sticker", sticker: { id: "wai", packId: "thai-basics" } }),
      201,
    );
    expect(sticker).toMatchObject({ kind: "sticker", sticker: { id: "wai", packId: "thai-basics" } });
    expect(sticker.text).toBeUndefined();
  });

  it("image and file messages refer to uploads from POST /api/v1/media (the sender's own)", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const upload = await call("POST", "/api/v1/media", {
      token: a.token,
      raw: PNG,
      headers: { "Content-Type": "image/png" },
    });
    const media = await expectJson<{ id: string; url: string; contentType: string; size: number }>(upload, 201);
    const image = await expectJson<Message>(
      await sendHttp(dialog.id, a.token, { kind: "image", mediaId: media.id, text: "the crack on the screen" }),
      201,
    );
    expect(image).toMatchObject({
      kind: "image",
      text: "the crack on the screen",
      media: { id: media.id, contentType: "image/png", size: PNG.length, kind: "image" },
    });
    // The message's url names its dialog (private: test/media/private.test.ts).
    expect(image.media?.url).toMatch(new RegExp(`^${media.url}\\?dialog=${dialog.id}&sig=[\\w-]{43}$`));
    const pdf = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/media", {
        token: a.token,
        raw: new TextEncoder().encode("%PDF-1.4 receipt"),
        headers: { "Content-Type": "application/pdf" },
      }),
      201,
    );
    expect(
      (await expectJson<Message>(await sendHttp(dialog.id, a.token, { kind: "file", mediaId: pdf.id }), 201)).media,
    ).toMatchObject({ id: pdf.id, kind: "file", contentType: "application/pdf" });
    // A file is not a picture.
    await expectProblem(
      await sendHttp(dialog.id, a.token, { kind: "image", mediaId: pdf.id }),
      422,
      "validation_failed",
    );
    // Someone else's upload cannot be sent.
    await expectProblem(
      await sendHttp(dialog.id, b.token, { kind: "image", mediaId: media.id }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await sendHttp(dialog.id, a.token, { kind: "image", mediaId: "med_01JD3Q5W8T2M4V6X8Z0B2D4F6H" }),
      422,
      "validation_failed",
    );
  });

  it("a product card shows live product data; unknown cards are refused", async () => {
    const [buyer, seller] = await accounts(2);
    const shop = await expectJson<{ id: string; currency: string }>(
      await post(
        "/api/v1/shops",
        { name: "Gadget Hub", category: "electronics", country: "TH", currency: "THB" },
        seller.token,
      ),
      201,
    );
    const product = await expectJson<{ id: string; price: { amount: number } }>(
      await post(
        "/api/v1/products",
        {
          shopId: shop.id,
          name: "หูฟังไร้สาย",
          description: "Wireless earbuds",
          sku: `EAR-${crypto.randomUUID().slice(0, 6)}`,
          price: { amount: 99_000, currency: "THB" },
          stock: 5,
          status: "active",
        },
        seller.token,
      ),
      201,
    );
    const dialog = await direct(buyer, seller);
    const card = await expectJson<Message>(
      await sendHttp(dialog.id, buyer.token, {
        kind: "card",
        card: { type: "product", id: product.id },
        text: "Is this one in stock?",
      }),
      201,
    );
    expect(card).toMatchObject({
      kind: "card",
      text: "Is this one in stock?",
      card: {
        type: "product",
        id: product.id,
        product: { id: product.id, shopId: shop.id, name: "หูฟังไร้สาย", price: { amount: 99_000, currency: "THB" } },
      },
    });
    // The seller changes the price: the old message shows the new one.
    await expectJson(
      await patch(`/api/v1/products/${product.id}`, { price: { amount: 89_000, currency: "THB" } }, seller.token),
      200,
    );
    const history = await expectJson<Page<Message>>(
      await get(`/api/v1/dialogs/${dialog.id}/messages`, seller.token),
      200,
    );
    expect(history.items[0].card?.product?.price).toEqual({ amount: 89_000, currency: "THB" });
    // Deleted: the card stays, without product data.
    expect((await del(`/api/v1/products/${product.id}`, seller.token)).status).toBeLessThan(300);
    const after = await expectJson<Page<Message>>(
      await get(`/api/v1/dialogs/${dialog.id}/messages`, seller.token),
      200,
    );
    expect(after.items[0].card).toEqual({ type: "product", id: product.id, product: null });

    await expectProblem(
      await sendHttp(dialog.id, buyer.token, { kind: "card", card: { type: "product", id: "prd_missing" } }),
      422,
      "validation_failed",
    );
    const order = await expectProblem(
      await sendHttp(dialog.id, buyer.token, { kind: "card", card: { type: "order", id: "ord_1" } }),
      422,
      "validation_failed",
    );
    expect(order.errors?.[0].path).toBe("card.id");
  });
});

describe("order cards", () => {
  it("the buyer or the shop's owner shares an order, rendered live; anyone else is refused", async () => {
    const [buyer, seller, stranger] = await accounts(3);
    const shop = await expectJson<{ id: string }>(
      await post(
        "/api/v1/shops",
        { name: "Card Shop", category: "electronics", country: "TH", currency: "THB" },
        seller.token,
      ),
      201,
    );
    const orderId = `ord_card_${crypto.randomUUID().slice(0, 8)}`;
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO orders (id, number, checkout_id, shop_id, customer_id, status, payment_status, currency, subtotal,
           shipping_cost, tax, discount, total, shipping_address_enc, shipping_country, shipping, reservation_id,
           reservation_expires_at, created_at, updated_at)
         VALUES (?, ?, 'chk_card', ?, ?, 'paid', 'paid', 'THB', 200000, 5000, 14350, 0, 219350, 'v1.x', 'TH', '{}', 'chk_card', ?, ?, ?)`,
      ).bind(orderId, `TH-261122-${orderId.slice(-6).toUpperCase()}`, shop.id, buyer.userId, now + 900_000, now, now),
      env.DB.prepare(
        "INSERT INTO order_items (id, order_id, product_id, name, sku, quantity, unit_price, line_total) VALUES (?, ?, 'prd_x', 'Item', 'SKU', 2, 100000, 200000)",
      ).bind(`oit_${orderId}`, orderId),
    ]);
    const dialog = await direct(buyer, seller);
    const sent = await expectJson<Message>(
      await sendHttp(dialog.id, buyer.token, {
        kind: "card",
        card: { type: "order", id: orderId },
        text: "Where is my parcel?",
      }),
      201,
    );
    expect(sent.card).toMatchObject({
      type: "order",
      id: orderId,
      order: { id: orderId, shopId: shop.id, status: "paid", total: { amount: 219350, currency: "THB" }, itemCount: 2 },
    });
    expect(JSON.stringify(sent.card)).not.toContain(buyer.userId);
    // The order moves on: the old message shows its live status.
    await env.DB.prepare("UPDATE orders SET status = 'shipped' WHERE id = ?").bind(orderId).run();
    const history = await expectJson<Page<Message>>(
      await get(`/api/v1/dialogs/${dialog.id}/messages`, seller.token),
      200,
    );
    expect(history.items[0].card?.order?.status).toBe("shipped");
    // The seller may share it too; a stranger in another dialog may not.
    await expectJson(
      await sendHttp(dialog.id, seller.token, { kind: "card", card: { type: "order", id: orderId } }),
      201,
    );
    const other = await direct(stranger, seller);
    const refused = await expectProblem(
      await sendHttp(other.id, stranger.token, { kind: "card", card: { type: "order", id: orderId } }),
      422,
      "validation_failed",
    );
    expect(refused.errors?.[0].path).toBe("card.id");
  });
});

describe("chat messages over HTTP: history, edits, deletes, reactions", () => {
  it("history pages newest first by before=<seq> and nextCursor", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    for (let i = 1; i <= 7; i++) await say(dialog.id, i % 2 ? a : b, `m${i}`);
    const first = await expectJson<Page<Message>>(
      await get(`/api/v1/dialogs/${dialog.id}/messages?limit=3`, a.token),
      200,
    );
    expect(first.items.map((m) => m.seq)).toEqual([7, 6, 5]);
    expect(first.nextCursor).toBe("5");
    const second = await expectJson<Page<Message>>(
      await get(`/api/v1/dialogs/${dialog.id}/messages?limit=3&cursor=${first.nextCursor}`, a.token),
      200,
    );
    expect(second.items.map((m) => m.seq)).toEqual([4, 3, 2]);
    const last = await expectJson<Page<Message>>(
      await get(`/api/v1/dialogs/${dialog.id}/messages?before=2`, a.token),
      200,
    );
    expect(last).toEqual({ items: [expect.objectContaining({ seq: 1, text: "m1" })], nextCursor: null });
    await expectProblem(
      await get(`/api/v1/dialogs/${dialog.id}/messages?before=abc`, a.token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await get(`/api/v1/dialogs/${dialog.id}/messages?cursor=xyz`, a.token),
      422,
      "validation_failed",
    );
  });

  it("edits (sender only), soft deletes, reactions; sockets get updated frames", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sb = await connect(dialog.id, b);
    const m = await say(dialog.id, a, "helo");
    await sb.nextOfType("message");

    await expectProblem(
      await patch(`/api/v1/dialogs/${dialog.id}/messages/${m.id}`, { text: "hijack" }, b.token),
      403,
      "forbidden",
    );
    const edited = await expectJson<Message>(
      await patch(`/api/v1/dialogs/${dialog.id}/messages/${m.id}`, { text: "hello" }, a.token),
      200,
    );
    expect(edited).toMatchObject({ id: m.id, seq: m.seq, text: "hello" });
    expect(edited.editedAt).toBeDefined();
    expect((await sb.nextOfType("updated")).message).toEqual(edited);

    const reacted = await expectJson<Message>(
      await post(`/api/v1/dialogs/${dialog.id}/messages/${m.id}/reactions`, { emoji: "👍" }, b.token),
      200,
    );
    expect(reacted.reactions).toEqual([{ emoji: "👍", count: 1, userIds: [b.userId] }]);
    await post(`/api/v1/dialogs/${dialog.id}/messages/${m.id}/reactions`, { emoji: "👍" }, b.token);
    const two = await expectJson<Message>(
      await post(`/api/v1/dialogs/${dialog.id}/messages/${m.id}/reactions`, { emoji: "👍" }, a.token),
      200,
    );
    expect(two.reactions).toEqual([{ emoji: "👍", count: 2, userIds: [b.userId, a.userId] }]);
    await expectProblem(
      await post(`/api/v1/dialogs/${dialog.id}/messages/${m.id}/reactions`, { emoji: "lol" }, a.token),
      422,
      "validation_failed",
    );
    const removed = await expectJson<Message>(
      await del(`/api/v1/dialogs/${dialog.id}/messages/${m.id}/reactions/${encodeURIComponent("👍")}`, b.token),
      200,
    );
    expect(removed.reactions).toEqual([{ emoji: "👍", count: 1, userIds: [a.userId] }]);
    const updates = await sb.drain((f) => f.type === "updated", 150);
    expect(updates.map((f) => f.message.reactions.length)).toEqual([1, 1, 1]);

    const reply = await expectJson<Message>(await sendHttp(dialog.id, b.token, { text: "hi!", replyTo: m.id }), 201);
    expect(reply.replyPreview).toMatchObject({ id: m.id, text: "hello" });

    await expectProblem(await del(`/api/v1/dialogs/${dialog.id}/messages/${m.id}`, b.token), 403, "forbidden");
    expect((await del(`/api/v1/dialogs/${dialog.id}/messages/${m.id}`, a.token)).status).toBe(204);
    expect((await del(`/api/v1/dialogs/${dialog.id}/messages/${m.id}`, a.token)).status).toBe(204);
    const gone = (await sb.next((f) => f.type === "updated" && f.message.deleted === true)).message as Message;
    expect(gone).toMatchObject({ id: m.id, seq: m.seq, deleted: true, reactions: [] });
    expect(gone.text).toBeUndefined();
    await expectProblem(
      await patch(`/api/v1/dialogs/${dialog.id}/messages/${m.id}`, { text: "back" }, a.token),
      409,
      "conflict",
    );
    await expectProblem(
      await post(`/api/v1/dialogs/${dialog.id}/messages/${m.id}/reactions`, { emoji: "😀" }, a.token),
      409,
      "conflict",
    );
    const history = await expectJson<Page<Message>>(await get(`/api/v1/dialogs/${dialog.id}/messages`, a.token), 200);
    expect(history.items[1]).toMatchObject({ id: m.id, deleted: true });
    expect(history.items[0].replyPreview).toMatchObject({ id: m.id, deleted: true });
    await expectProblem(await del(`/api/v1/dialogs/${dialog.id}/messages/msg_nope`, a.token), 404, "not_found");
    sb.close();
  });

  it("text is encrypted at rest in the room and in the listing's preview", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const secret = "บ้านเลขที่ 99/9 ซอยสุขุมวิท 11 secret-marker";
    await say(dialog.id, a, secret);
    await sendHttp(dialog.id, a.token, {
      kind: "location",
      location: { latitude: 13.1, longitude: 100.2, name: "home-marker" },
    });
    const stored = await runInDurableObject(roomOf(dialog.id), (_room: ChatRoom, state) =>
      state.storage.sql
        .exec("SELECT * FROM messages")
        .toArray()
        .map((r) => JSON.stringify(r)),
    );
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(row).not.toContain("secret-marker");
      expect(row).not.toContain("home-marker");
      expect(row).toContain("v1.");
    }
    const listing = await env.DB.prepare("SELECT * FROM dialogs WHERE id = ?").bind(dialog.id).first();
    expect(JSON.stringify(listing)).not.toContain("marker");
  });
});

describe("chat messages over HTTP: read positions and search", () => {
  it("POST /read moves the read position (never back) and unread counts follow", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    for (let i = 1; i <= 4; i++) await say(dialog.id, a, `news ${i}`);
    const listed = await expectJson<{ items: DialogItem[] }>(await get("/api/v1/dialogs", b.token), 200);
    expect(listed.items.find((d) => d.id === dialog.id)).toMatchObject({ unreadCount: 4, lastSeq: 4, lastReadSeq: 0 });
    // The sender has read their own messages.
    const mine = await expectJson<{ items: DialogItem[] }>(await get("/api/v1/dialogs", a.token), 200);
    expect(mine.items.find((d) => d.id === dialog.id)?.unreadCount).toBe(0);

    expect(await expectJson(await post(`/api/v1/dialogs/${dialog.id}/read`, { seq: 3 }, b.token), 200)).toEqual({
      dialogId: dialog.id,
      lastReadSeq: 3,
      unreadCount: 1,
    });
    expect(await expectJson(await post(`/api/v1/dialogs/${dialog.id}/read`, { seq: 1 }, b.token), 200)).toMatchObject({
      lastReadSeq: 3,
      unreadCount: 1,
    });
    expect(await expectJson(await post(`/api/v1/dialogs/${dialog.id}/read`, { seq: 999 }, b.token), 200)).toMatchObject(
      {
        lastReadSeq: 4,
        unreadCount: 0,
      },
    );
    const after = await expectJson<{ items: DialogItem[] }>(await get("/api/v1/dialogs", b.token), 200);
    expect(after.items.find((d) => d.id === dialog.id)?.unreadCount).toBe(0);
    await expectProblem(
      await post(`/api/v1/dialogs/${dialog.id}/read`, { seq: -1 }, b.token),
      422,
      "validation_failed",
    );
  });

  it("searches the caller's dialog: Thai inside Thai text, accents and case ignored, newest first", async () => {
    const [a, b, c] = await accounts(3);
    const dialog = await direct(a, b);
    const other = await direct(a, c);
    await say(dialog.id, a, "ส่งของวันพรุ่งนี้ได้ไหมครับ");
    await say(dialog.id, b, "Giao hàng ngày mai được không?");
    await say(dialog.id, a, "GIAO HANG nhanh nhé");
    await say(dialog.id, b, "nothing to see");
    await say(other.id, a, "ส่งของ to someone else");
    const thai = await expectJson<Page<Message>>(
      await get(`/api/v1/dialogs/${dialog.id}/search?q=${encodeURIComponent("ส่งของ")}`, b.token),
      200,
    );
    expect(thai.items.map((m) => m.seq)).toEqual([1]);
    const vi = await expectJson<Page<Message>>(
      await get(`/api/v1/dialogs/${dialog.id}/search?q=${encodeURIComponent("giao hàng")}`, a.token),
      200,
    );
    expect(vi.items.map((m) => m.seq)).toEqual([3, 2]);
    const paged = await expectJson<Page<Message>>(
      await get(`/api/v1/dialogs/${dialog.id}/search?q=giao&limit=1`, a.token),
      200,
    );
    expect(paged.items.map((m) => m.seq)).toEqual([3]);
    const rest = await expectJson<Page<Message>>(
      await get(`/api/v1/dialogs/${dialog.id}/search?q=giao&limit=1&cursor=${paged.nextCursor}`, a.token),
      200,
    );
    expect(rest.items.map((m) => m.seq)).toEqual([2]);
    await expectProblem(await get(`/api/v1/dialogs/${dialog.id}/search?q=`, a.token), 422, "validation_failed");
  });

  it("groups: members see one another's messages; an admin may delete any message", async () => {
    const [owner, m1, m2] = await accounts(3);
    const dialog = await group(owner, [m1, m2]);
    const spam = await say(dialog.id, m1, "buy followers!!!");
    expect((await del(`/api/v1/dialogs/${dialog.id}/messages/${spam.id}`, m2.token)).status).toBe(403);
    expect((await del(`/api/v1/dialogs/${dialog.id}/messages/${spam.id}`, owner.token)).status).toBe(204);
  });
});
