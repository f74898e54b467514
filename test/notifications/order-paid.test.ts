import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { messagingDeps } from "../../workers/messaging/messages";
import {
  call,
  deliveriesOf,
  deliverToQueue,
  devOutboxFor,
  eventually,
  expectJson,
  notificationsOf,
  ORDER_QUEUE,
  openStream,
  orderEvent,
  payOrders,
  placeOrder,
  register,
  shopWithProduct,
  sleep,
} from "./helpers";

interface Item {
  id: string;
  type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

describe("an order paid with the sandbox gateway", () => {
  it("notifies the buyer (in Thai) and the seller (in English) once each, even when the event is delivered twice", async () => {
    const seller = await register("en", "TH", "Sam Seller");
    const buyer = await register("th", "TH", "สมหญิง");
    const { product } = await shopWithProduct(seller);
    const sellerStream = await openStream({ token: seller.token });
    const buyerStream = await openStream({ token: buyer.token });

    const order = await placeOrder(buyer, product.id, 2);
    await payOrders(buyer, [order.id]);

    // The real pipeline: outbox → order queue → notification consumer → hubs.
    const buyerFrame = await buyerStream.next("notification", (f) => (f.notification as Item).type === "order.paid");
    const sellerFrame = await sellerStream.next(
      "notification",
      (f) => (f.notification as Item).type === "seller.order_paid",
    );

    // The queue delivers the same event again, twice: nothing more happens.
    const paid = await orderEvent("order.paid", order.id);
    const deps = messagingDeps(env);
    for (let i = 0; i < 2; i++) {
      const result = await deliverToQueue(ORDER_QUEUE, [{ body: paid }], deps);
      expect(result.retryMessages.length + result.explicitAcks.length).toBe(1);
    }
    await eventually(
      async () => (await deliverToQueue(ORDER_QUEUE, [{ body: paid }], deps)).explicitAcks.length === 1,
      "the event to be acknowledged as already applied",
    );

    const buyerRows = await notificationsOf(buyer.userId, "order.paid");
    const sellerRows = await notificationsOf(seller.userId, "seller.order_paid");
    expect(buyerRows).toHaveLength(1);
    expect(sellerRows).toHaveLength(1);
    expect(buyerRows[0].locale).toBe("th");
    expect(sellerRows[0].locale).toBe("en");
    // Both links open the one order page (the web app shows its owner the seller's side there).
    const linkOf = (row: { params: string }) => (JSON.parse(row.params) as { link: string }).link;
    expect(linkOf(sellerRows[0])).toMatch(new RegExp(`/orders/${order.id}$`));
    expect(linkOf(sellerRows[0])).not.toContain("/seller/");
    expect(linkOf(buyerRows[0])).toBe(linkOf(sellerRows[0]));

    // The buyer reads it in Thai, with the total formatted for Thailand.
    const buyerList = await expectJson<{ items: Item[]; nextCursor: string | null }>(
      await call("GET", "/api/v1/notifications", { token: buyer.token }),
      200,
    );
    const paidItem = buyerList.items.find((i) => i.type === "order.paid");
    expect(paidItem).toMatchObject({
      id: buyerRows[0].id,
      read: false,
      data: { orderId: order.id, number: order.number },
    });
    expect(paidItem?.title).toBe(`ชำระเงินแล้ว: คำสั่งซื้อ ${order.number}`);
    expect(paidItem?.body).toContain("เราได้รับเงิน");
    expect(paidItem?.body).toContain(
      new Intl.NumberFormat("th-TH", { style: "currency", currency: "THB" }).format(order.total.amount / 100),
    );
    expect(new Date(paidItem!.createdAt).toISOString()).toBe(paidItem!.createdAt);
    // The order.created notification came first.
    expect(buyerList.items.map((i) => i.type)).toEqual(["order.paid", "order.created"]);

    // The seller's is in English and counts the units.
    const sellerList = await expectJson<{ items: Item[] }>(
      await call("GET", "/api/v1/notifications", { token: seller.token }),
      200,
    );
    expect(sellerList.items).toHaveLength(1);
    expect(sellerList.items[0]).toMatchObject({ type: "seller.order_paid", title: `New paid order ${order.number}` });
    expect(sellerList.items[0].body).toMatch(/^2 items for /);

    // The realtime frames carried the same notifications, once each.
    expect(buyerFrame.notification).toMatchObject({ id: buyerRows[0].id, title: paidItem?.title });
    expect(sellerFrame.notification).toMatchObject({ id: sellerRows[0].id, type: "seller.order_paid" });
    await sleep(300);
    expect(
      buyerStream.frames.filter((f) => f.type === "notification" && (f.notification as Item).type === "order.paid"),
    ).toHaveLength(1);

    // Email once each, in each one's language; the in-app delivery was delivered to the live socket.
    await eventually(
      async () =>
        (await devOutboxFor(buyer.email, "email")).some(
          (m) => m.subject?.includes(order.number) && m.subject.includes("ชำระเงิน"),
        ),
      "the buyer's email",
    );
    await eventually(
      async () => (await devOutboxFor(seller.email, "email")).some((m) => m.subject?.includes(order.number)),
      "the seller's email",
    );
    await sleep(500);
    const buyerEmails = (await devOutboxFor(buyer.email, "email")).filter((m) => m.subject?.includes(order.number));
    // One email per event; two events' emails travel independently (retries), so in either order.
    expect(buyerEmails.map((m) => m.subject).sort()).toEqual(
      [`คำสั่งซื้อ ${order.number} ของคุณรอการชำระเงิน`, `ได้รับชำระเงินแล้ว: คำสั่งซื้อ ${order.number}`].sort(),
    );
    expect(buyerEmails.every((m) => m.locale === "th")).toBe(true);
    const sellerEmails = (await devOutboxFor(seller.email, "email")).filter((m) => m.subject?.includes(order.number));
    expect(sellerEmails).toHaveLength(1);
    expect(sellerEmails[0].subject).toMatch(new RegExp(`^New paid order ${order.number} \\(`));

    const deliveries = await deliveriesOf(buyerRows[0].id);
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([
      // The dev outbox is the email's last stop: it reports delivery at once, as a provider's callback would.
      ["email", "delivered"],
      ["inApp", "delivered"],
    ]);
    expect(deliveries.find((d) => d.channel === "email")).toMatchObject({ attempts: 1, provider: "dev_outbox" });

    buyerStream.close();
    sellerStream.close();
  });

  it("a buyer who turned email off gets no email, but still the in-app notification", async () => {
    const seller = await register("en");
    const buyer = await register("th");
    const { product } = await shopWithProduct(seller);
    const prefs = await call("PUT", "/api/v1/notifications/preferences", {
      token: buyer.token,
      body: { channels: { email: false } },
    });
    expect((await expectJson<{ channels: { email: boolean } }>(prefs, 200)).channels.email).toBe(false);

    const order = await placeOrder(buyer, product.id);
    await payOrders(buyer, [order.id]);
    await eventually(
      async () => (await notificationsOf(buyer.userId, "order.paid")).length === 1,
      "the in-app notification",
    );
    await eventually(
      async () => (await devOutboxFor(seller.email, "email")).some((m) => m.subject?.includes(order.number)),
      "the seller's email",
    );
    await sleep(1_000);

    expect((await devOutboxFor(buyer.email, "email")).filter((m) => m.subject?.includes(order.number))).toEqual([]);
    for (const n of await notificationsOf(buyer.userId)) {
      expect((await deliveriesOf(n.id)).map((d) => d.channel)).toEqual(["inApp"]);
    }
  });

  it("a guest gets the confirmation by email at the contact address, in the shipping country's language", async () => {
    const seller = await register("en");
    const { product } = await shopWithProduct(seller);
    const added = await call("POST", "/api/v1/cart/items", { body: { productId: product.id, quantity: 1 } });
    expect(added.status).toBe(200);
    const cartToken = added.headers.get("X-Cart-Token")!;
    const contactEmail = `guest-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { orders } = await expectJson<{ orders: { id: string; number: string }[] }>(
      await call("POST", "/api/v1/orders", {
        headers: { "X-Cart-Token": cartToken },
        body: {
          contactEmail,
          shippingAddress: {
            recipientName: "Somsak",
            phone: "081 234 5678",
            street: "1 Silom",
            city: "Bang Rak",
            province: "Bangkok",
            postalCode: "10500",
            country: "TH",
          },
        },
        idempotencyKey: crypto.randomUUID(),
      }),
      201,
    );
    const order = orders[0];
    const email = await eventually(
      async () => (await devOutboxFor(contactEmail, "email")).find((m) => m.subject?.includes(order.number)),
      "the guest's email",
    );
    expect(email).toMatchObject({ locale: "th", subject: `คำสั่งซื้อ ${order.number} ของคุณรอการชำระเงิน` });
    expect(email.body).toContain("โปรดชำระเงินภายใน");
    // Guests have no inbox.
    const rows = await env.DB.prepare(
      "SELECT user_id, inbox FROM notifications WHERE json_extract(data, '$.orderId') = ? AND type = 'order.created'",
    )
      .bind(order.id)
      .all<{ user_id: string | null; inbox: number }>();
    expect(rows.results).toEqual([{ user_id: null, inbox: 0 }]);
  });
});
