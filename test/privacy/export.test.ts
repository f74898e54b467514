import { describe, expect, it } from "vitest";
import { createShop, newAccount } from "../catalog/helpers";
import { createAddress, thaiAddress } from "../identity/helpers";
import { sellerWithProduct } from "../orders/helpers";
import { expectJson, get, post } from "../support/http";
import { dialog, notify, orderOf, say } from "./helpers";

type Entry = Record<string, unknown>;

interface Export {
  user: Entry;
  addresses: Entry[];
  sessions: Entry[];
  devices: { signIn: Entry[]; push: Entry[] };
  securityEvents: Entry[];
  messages: Entry[];
  notifications: { notifications: Entry[]; preferences: Entry };
  orders: Entry[];
  payments: Entry[];
  reviews: Entry[];
  chatMessages: Entry[];
  shops: Entry[];
  productViews: Entry[];
}

describe("GET /users/me/export holds everything the platform keeps about the caller", () => {
  it("has each section, each holding what was seeded for the caller", async () => {
    const seller = await sellerWithProduct("TH");
    const me = await newAccount("TH");
    const address = await expectJson<{ id: string }>(await createAddress(me.token, thaiAddress()), 201);
    const device = await expectJson<{ id: string }>(
      await post(
        "/api/v1/notifications/devices",
        { token: `fcm-${crypto.randomUUID()}`, platform: "android" },
        me.token,
      ),
      201,
    );
    await notify(me.userId);
    const order = await orderOf(me, seller, seller.product.id, "delivered");
    const review = await expectJson<{ id: string }>(
      await post(`/api/v1/products/${seller.product.id}/reviews`, { rating: 5, body: "Exactly as pictured" }, me.token),
      201,
    );
    const chat = await dialog(me, [seller]);
    const sent = await say(chat.id, me, "Is the blue one still in stock?");
    await say(chat.id, seller, "Yes it is"); // the seller's, not the caller's
    const shop = await createShop(me.token, "TH", { contact: { email: "shop-owner@example.com" } });
    expect((await post(`/api/v1/products/${seller.product.id}/views`, undefined, me.token)).status).toBe(204);

    const data = await expectJson<Export>(await get("/api/v1/users/me/export", me.token), 200);

    expect(data.user).toMatchObject({ id: me.userId });
    expect(data.addresses.map((a) => a.id)).toEqual([address.id]);
    expect(data.sessions).toHaveLength(1);
    expect(data.devices.signIn).toHaveLength(1);
    expect(data.devices.push.map((d) => d.id)).toEqual([device.id]);
    expect(data.securityEvents.map((e) => e.type)).toContain("user_registered");
    expect(data.messages.length).toBeGreaterThan(0); // the order's emails to the contact address at least
    expect(data.notifications.notifications.map((n) => n.type)).toContain("security.alert");
    expect(data.orders.map((o) => o.id)).toEqual([order.id]);
    expect(data.orders[0]).toMatchObject({ shippingAddress: { city: expect.any(String) }, status: "delivered" });
    expect(data.payments).toHaveLength(1);
    expect(data.payments[0]).toMatchObject({ orderIds: [order.id], status: "succeeded" });
    expect(data.reviews.map((r) => [r.id, r.body])).toEqual([[review.id, "Exactly as pictured"]]);
    expect(data.chatMessages).toEqual([
      expect.objectContaining({ dialogId: chat.id, id: sent.id, text: "Is the blue one still in stock?" }),
    ]);
    expect(data.shops.map((s) => s.id)).toEqual([shop.id]);
    expect(data.shops[0]).toMatchObject({ contact: { email: "shop-owner@example.com" } });
    expect(data.productViews).toEqual([
      expect.objectContaining({ productId: seller.product.id, count: 1, lastViewedAt: expect.any(String) }),
    ]);
    // Push tokens never leave, even in the export.
    expect(JSON.stringify(data)).not.toContain("fcm-");
  });
});
