import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { recordUpload } from "../../workers/catalog";
import { UPLOAD_MAX_LIFE_MS } from "../../workers/media";
import { readConfig } from "../../workers/platform/config";
import { database, nowMs } from "../../workers/platform/db";
import { newId } from "../../workers/platform/ids";
import { runAccountErasures } from "../../workers/privacy";
import { runScheduled } from "../../workers/scheduled";
import { accounts } from "../chat/helpers";
import { sellerWithProduct } from "../orders/helpers";
import { advanceTime } from "../support/clock";
import { useFreshStorage } from "../support/fresh-storage";
import { expectJson, get, post } from "../support/http";
import { count, deleteAccount, deliver, dialog, history, notify, orderOf, roomOf, say, sendPicture } from "./helpers";

// The cron jobs it runs work over the whole database, a bounded batch per run; other test files share it.
useFreshStorage();

interface OrderRow {
  shipping_address_enc: string | null;
  contact_email_enc: string | null;
  checkout_ip_hash: string | null;
  total: number;
  status: string;
}

const orderRow = (id: string) =>
  env.DB.prepare(
    "SELECT shipping_address_enc, contact_email_enc, checkout_ip_hash, total, status FROM orders WHERE id = ?",
  )
    .bind(id)
    .first<OrderRow>();
const job = (userId: string) =>
  env.DB.prepare("SELECT step, cursor, completed_at FROM account_erasures WHERE user_id = ?")
    .bind(userId)
    .first<{ step: string; cursor: string | null; completed_at: number | null }>();

describe("DELETE /users/me erases the account's personal data everywhere", () => {
  it("orders keep lines and amounts, lose the contact email at once and the address once delivered or closed", async () => {
    const seller = await sellerWithProduct("TH");
    const [buyer] = await accounts(1);
    const delivered = await orderOf(buyer, seller, seller.product.id, "delivered");
    const inFlight = await orderOf(buyer, seller, seller.product.id, "paid");
    const items = await count(
      "SELECT COUNT(*) AS n FROM order_items WHERE order_id IN (?, ?)",
      delivered.id,
      inFlight.id,
    );
    // Checkout records a keyed hash of the buyer's IP (hoarding caps): a trace of the person too.
    await env.DB.prepare("UPDATE orders SET checkout_ip_hash = 'iph_test' WHERE id IN (?, ?)")
      .bind(delivered.id, inFlight.id)
      .run();

    await deleteAccount(buyer.token);

    expect(await orderRow(delivered.id)).toMatchObject({
      shipping_address_enc: null,
      contact_email_enc: null,
      checkout_ip_hash: null,
      total: delivered.total.amount,
    });
    const travelling = await orderRow(inFlight.id);
    expect(travelling?.shipping_address_enc).not.toBeNull(); // the courier still needs it
    expect(travelling?.contact_email_enc).toBeNull();
    expect(travelling?.checkout_ip_hash).toBeNull();
    expect(
      await count("SELECT COUNT(*) AS n FROM order_items WHERE order_id IN (?, ?)", delivered.id, inFlight.id),
    ).toBe(items);
    // The seller still sees both orders; the delivered one without an address.
    const shopOrders = await expectJson<{ items: { id: string; shippingAddress: unknown }[] }>(
      await get(`/api/v1/shops/${seller.shop.id}/orders`, seller.token),
      200,
    );
    const byId = new Map(shopOrders.items.map((o) => [o.id, o]));
    expect(byId.get(delivered.id)?.shippingAddress).toBeNull();
    expect(byId.get(inFlight.id)?.shippingAddress).toMatchObject({ city: expect.any(String) });
    expect((await job(buyer.userId))?.step).toBe("orders"); // waiting for the order on its way

    // Delivered later: the job's next check (the cron, a lease later) erases the address and finishes.
    await deliver(seller, inFlight.id);
    await runScheduled(env);
    expect((await orderRow(inFlight.id))?.shipping_address_enc).not.toBeNull(); // not checked again yet
    advanceTime(readConfig(env).privacy.erasureLeaseMs + 1000);
    await runScheduled(env);
    expect(await orderRow(inFlight.id)).toMatchObject({ shipping_address_enc: null, status: "delivered" });
    // Open until no upload begun before the deletion can still land, then complete.
    expect((await job(buyer.userId))?.completed_at).toBeNull();
    advanceTime(UPLOAD_MAX_LIFE_MS);
    await runScheduled(env);
    expect((await job(buyer.userId))?.completed_at).not.toBeNull();
  });

  it("chat messages are erased in every room, pictures leave R2, reviews keep their rating only, notifications go", async () => {
    const seller = await sellerWithProduct("TH");
    const [buyer, friend] = await accounts(2);
    const order = await orderOf(buyer, seller, seller.product.id, "delivered");
    const review = await expectJson<{ id: string; rating: number }>(
      await post(
        `/api/v1/products/${seller.product.id}/reviews`,
        { rating: 4, title: "Mostly fine", body: "Call me on 081 234 5678 about it" },
        buyer.token,
      ),
      201,
    );
    const dm = await dialog(buyer, [seller]);
    await say(dm.id, buyer, "Please leave it with my neighbour at number 12");
    const picture = await sendPicture(dm.id, buyer, "the parcel at my door");
    await say(dm.id, seller, "Thank you!");
    const team = await dialog(buyer, [friend], "group");
    await say(team.id, buyer, "my home address is 99 Sukhumvit");
    await notify(buyer.userId);
    expect(await count("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?", buyer.userId)).toBeGreaterThan(0);
    expect((await post(`/api/v1/products/${seller.product.id}/views`, undefined, buyer.token)).status).toBe(204);
    const upload = picture.media!;

    await deleteAccount(buyer.token);

    // Each room: the buyer's messages emptied and marked deleted; the others' untouched.
    const dmSeen = await history(dm.id, seller);
    for (const m of dmSeen.filter((m) => m.senderId === buyer.userId)) {
      expect(m).toMatchObject({ deleted: true });
      expect(m.text).toBeUndefined();
      expect(m.media).toBeUndefined();
    }
    expect(dmSeen.find((m) => m.senderId === seller.userId)?.text).toBe("Thank you!");
    const teamSeen = await history(team.id, friend);
    expect(teamSeen.filter((m) => m.senderId === buyer.userId && m.kind !== "system").every((m) => m.deleted)).toBe(
      true,
    );
    const stored = await runInDurableObject(roomOf(team.id), (_room, state) =>
      state.storage.sql
        .exec<{ n: number }>(
          "SELECT COUNT(*) AS n FROM messages WHERE sender_id = ? AND content_enc IS NOT NULL",
          buyer.userId,
        )
        .one(),
    );
    expect(stored.n).toBe(0);
    // The picture's bytes and record are gone.
    expect(await env.MEDIA.head(`media/${upload.id}`)).toBeNull();
    expect(await count("SELECT COUNT(*) AS n FROM product_media WHERE owner_id = ?", buyer.userId)).toBe(0);
    // The review keeps its rating (the product's average stays true); its words and author are gone.
    const reviews = await expectJson<{
      items: { id: string; rating: number; title: string | null; body: string; author: { displayName: string } }[];
    }>(await get(`/api/v1/products/${seller.product.id}/reviews`), 200);
    expect(reviews.items.find((r) => r.id === review.id)).toMatchObject({
      rating: 4,
      title: null,
      body: "",
      author: { displayName: "Deleted user" },
    });
    expect(await count("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?", buyer.userId)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM product_views WHERE viewer_id = ?", buyer.userId)).toBe(0);
    // No order in flight: the job waits only for uploads that may still land, then completes.
    expect((await orderRow(order.id))?.shipping_address_enc).toBeNull();
    expect((await job(buyer.userId))?.completed_at).toBeNull();
    advanceTime(UPLOAD_MAX_LIFE_MS);
    await runScheduled(env);
    expect((await job(buyer.userId))?.completed_at).not.toBeNull();
  });

  it("an upload in flight at the deletion, recorded after the uploads step, is erased by the next check", async () => {
    const [member, friend] = await accounts(2);
    const room = await dialog(member, [friend]);
    await sendPicture(room.id, member, "before");
    await deleteAccount(member.token);
    expect(await count("SELECT COUNT(*) AS n FROM product_media WHERE owner_id = ?", member.userId)).toBe(0);

    // The late upload: its bytes and its record land after the erasure's first run.
    const late = newId("med", nowMs() - 60_000);
    await env.MEDIA.put(`media/${late}`, new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    await recordUpload(database(env), {
      id: late,
      ownerId: member.userId,
      r2Key: `media/${late}`,
      kind: "image",
      contentType: "image/png",
      size: 4,
      etag: "late",
    });

    advanceTime(readConfig(env).privacy.erasureLeaseMs + 1000);
    await runScheduled(env);
    expect(await env.MEDIA.head(`media/${late}`)).toBeNull();
    expect(await count("SELECT COUNT(*) AS n FROM product_media WHERE owner_id = ?", member.userId)).toBe(0);
    expect((await job(member.userId))?.completed_at).toBeNull();
    advanceTime(UPLOAD_MAX_LIFE_MS);
    await runScheduled(env);
    expect((await job(member.userId))?.completed_at).not.toBeNull();
  });

  it("the erasure job resumes where it stopped: room by room, and after a crash once its lease has passed", async () => {
    const [member, a, b, c] = await accounts(4);
    const rooms = [await dialog(member, [a]), await dialog(member, [b]), await dialog(member, [c])];
    for (const room of rooms) await say(room.id, member, `private words in ${room.id}`);
    const sorted = rooms.map((r) => r.id).sort();
    const left = (dialogId: string) =>
      runInDurableObject(
        roomOf(dialogId),
        (_room, state) =>
          state.storage.sql
            .exec<{ n: number }>(
              "SELECT COUNT(*) AS n FROM messages WHERE sender_id = ? AND content_enc IS NOT NULL",
              member.userId,
            )
            .one().n,
      );
    // The job as DELETE /users/me records it (its first run is what this test plays step by step).
    const now = nowMs();
    await env.DB.prepare(
      "INSERT INTO account_erasures (user_id, step, lease_until, requested_at, updated_at) VALUES (?, 'chat', 0, ?, ?)",
    )
      .bind(member.userId, now, now)
      .run();

    // A run with room for one room call: the first room is done and recorded, the others wait.
    expect(await runAccountErasures(env, { userId: member.userId, calls: 1 })).toBe(0);
    expect(await job(member.userId)).toMatchObject({ step: "chat", cursor: sorted[0], completed_at: null });
    expect(await left(sorted[0])).toBe(0);
    expect(await left(sorted[1])).toBe(1);

    // A run takes the job and dies: nobody else touches it until its lease passes.
    await env.DB.prepare("UPDATE account_erasures SET lease_until = ? WHERE user_id = ?")
      .bind(now + readConfig(env).privacy.erasureLeaseMs, member.userId)
      .run();
    expect(await runAccountErasures(env)).toBe(0);
    expect(await left(sorted[1])).toBe(1);

    advanceTime(readConfig(env).privacy.erasureLeaseMs + 1000);
    expect(await runAccountErasures(env)).toBe(0); // every room done; open while uploads may land
    for (const id of sorted) expect(await left(id)).toBe(0);
    advanceTime(UPLOAD_MAX_LIFE_MS);
    expect(await runAccountErasures(env)).toBe(1);
    for (const id of sorted) expect(await left(id)).toBe(0);
    expect(await job(member.userId)).toMatchObject({ step: "done" });
  });
});
