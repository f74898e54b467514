import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { ADDRESS_TH, addToCart, api, base, checkout, ok, signUp, simulatePayment, startPayment } from "./flows";

// Against the real local server of the e2e global setup (wrangler dev: real queues, Durable
// Objects and D1), the way a new user would: plain HTTP and a WebSocket, nothing from the Worker.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

/** The per-user stream, opened as a browser would: a ticket, then the socket (Node 22's WebSocket). */
async function openStream(token: string) {
  const { json } = await ok("POST", "/api/v1/realtime/tickets", { token }, undefined, 201);
  const ws = new WebSocket(
    `${base.replace(/^http/, "ws")}/api/v1/realtime/ws?ticket=${encodeURIComponent(json.ticket)}`,
  );
  // biome-ignore lint/suspicious/noExplicitAny: frames are JSON of several shapes, read field by field
  const frames: Record<string, any>[] = [];
  ws.addEventListener("message", (e) => frames.push(JSON.parse(String(e.data))));
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener("open", () => resolve(), { once: true });
    ws.addEventListener("error", () => reject(new Error("the realtime socket did not open")), { once: true });
  });
  return { ws, frames };
}

describe("notifications on a real server, as a new user would see them", () => {
  it("a paid order appears on the buyer's realtime socket, in GET /notifications and as an email in the dev outbox", async () => {
    const seller = await signUp("Sam Seller", "en");
    const buyer = await signUp("สมหญิง รักสงบ", "th");
    const shop = await ok(
      "POST",
      "/api/v1/shops",
      seller,
      {
        name: `E2E Gadgets ${crypto.randomUUID().slice(0, 6)}`,
        category: "electronics",
        country: "TH",
        currency: "THB",
      },
      201,
    );
    const product = await ok(
      "POST",
      "/api/v1/products",
      seller,
      {
        shopId: shop.json.id,
        name: "หูฟังไร้สาย",
        description: "Wireless earbuds",
        sku: `E2E-${Date.now()}`,
        price: { amount: 129_900, currency: "THB" },
        stock: 5,
        weightGrams: 300,
      },
      201,
    );

    const buyerStream = await openStream(buyer.token);
    const sellerStream = await openStream(seller.token);
    buyerStream.ws.send(JSON.stringify({ type: "ping" }));
    await eventually(async () => buyerStream.frames.some((f) => f.type === "pong"), "pong");

    await addToCart(buyer, product.json.id);
    const created = await checkout(buyer, { shippingAddress: ADDRESS_TH });
    const order = created.json.orders[0];
    const payment = await startPayment(buyer, [order.id]);
    await simulatePayment(buyer, payment.json.id);

    // Live, on the socket, in Thai.
    const frame = await eventually(
      async () => buyerStream.frames.find((f) => f.type === "notification" && f.notification.type === "order.paid"),
      "the order.paid frame on the buyer's socket",
    );
    expect(frame.notification).toMatchObject({
      title: `ชำระเงินแล้ว: คำสั่งซื้อ ${order.number}`,
      read: false,
      data: { orderId: order.id, number: order.number },
    });
    // The seller's own stream announces the new paid order, in English.
    const sellerFrame = await eventually(
      async () =>
        sellerStream.frames.find((f) => f.type === "notification" && f.notification.type === "seller.order_paid"),
      "the seller's frame",
    );
    expect(sellerFrame.notification.title).toBe(`New paid order ${order.number}`);

    // In the inbox.
    const list = await ok("GET", "/api/v1/notifications?unread=true", buyer);
    expect(list.json.items.map((i: { type: string }) => i.type)).toEqual(["order.paid", "order.created"]);
    expect(list.json.items[0]).toMatchObject({ id: frame.notification.id, title: frame.notification.title });
    expect((await ok("GET", "/api/v1/notifications/unread-count", buyer)).json).toEqual({ count: 2 });
    expect((await api("PUT", `/api/v1/notifications/${frame.notification.id}/read`, buyer)).status).toBe(204);
    expect((await ok("GET", "/api/v1/notifications/unread-count", buyer)).json).toEqual({ count: 1 });

    // And by email, recorded in the dev outbox.
    const email = await eventually(async () => {
      const outbox = await ok("GET", `/api/v1/dev/outbox?to=${encodeURIComponent(buyer.email)}&channel=email`);
      return (outbox.json.items as { subject?: string; body: string; locale: string }[]).find(
        (m) => m.subject === `ได้รับชำระเงินแล้ว: คำสั่งซื้อ ${order.number}`,
      );
    }, "the payment email in the dev outbox");
    expect(email.locale).toBe("th");
    expect(email.body).toContain(order.number);

    // Tracked per channel: the socket delivered the in-app copy, the dev outbox (the email's last
    // stop) confirmed the email.
    const detail = await eventually(async () => {
      const { json } = await ok("GET", `/api/v1/notifications/${frame.notification.id}`, buyer);
      const byChannel = new Map((json.deliveries as { channel: string; status: string }[]).map((d) => [d.channel, d]));
      return byChannel.get("email")?.status === "delivered" ? json : undefined;
    }, "the email delivery to be confirmed");
    expect(detail.deliveries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: "inApp", status: "delivered", deliveredAt: expect.any(String) }),
        expect.objectContaining({ channel: "email", status: "delivered", deliveredAt: expect.any(String) }),
      ]),
    );

    // Preferences round trip on the real server.
    const prefs = await ok("PUT", "/api/v1/notifications/preferences", buyer, {
      quietHours: { start: "22:00", end: "07:00" },
    });
    expect(prefs.json).toMatchObject({ quietHours: { start: "22:00", end: "07:00", timezone: "Asia/Bangkok" } });
    expect((await ok("GET", "/api/v1/notifications/preferences", buyer)).json).toEqual(prefs.json);

    buyerStream.ws.close();
    sellerStream.ws.close();
  });

  it("the OpenAPI document (valid 3.1) describes the notification endpoints", async () => {
    const doc = (await ok("GET", "/openapi.json")).json as { paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "GET /api/v1/notifications",
        "GET /api/v1/notifications/unread-count",
        "PUT /api/v1/notifications/{id}/read",
        "PUT /api/v1/notifications/read-all",
        "GET /api/v1/notifications/preferences",
        "PUT /api/v1/notifications/preferences",
        "POST /api/v1/notifications/devices",
        "DELETE /api/v1/notifications/devices/{id}",
        "GET /api/v1/realtime/ws",
        "PUT /api/v1/notifications/{id}/delivered",
        "POST /api/v1/notifications/webhooks/twilio",
        "POST /api/v1/notifications/webhooks/resend",
      ]),
    );
  });

  it("provider delivery receipts: a signed Twilio status callback is taken once, a forged one refused", async () => {
    // The development TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN of .dev.vars.example, as the server runs with them.
    const accountSid = "AC00000000000000000000000000dev01";
    const authToken = "tchat_development_twilio_auth_token";
    const url = `${base}/api/v1/notifications/webhooks/twilio`;
    const params = {
      AccountSid: accountSid,
      MessageSid: `SM${crypto.randomUUID().replace(/-/g, "")}`,
      MessageStatus: "delivered",
    };
    const data =
      url +
      Object.entries(params)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => k + v)
        .join("");
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(authToken),
      { name: "HMAC", hash: "SHA-1" },
      false,
      ["sign"],
    );
    const signature = Buffer.from(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(data))).toString(
      "base64",
    );
    const post = (sig: string) =>
      fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": sig },
        body: new URLSearchParams(params).toString(),
      });

    const first = await post(signature);
    expect(first.status).toBe(200);
    // No message of ours has this sid yet: the receipt waits for the send it reports on.
    expect(await first.json()).toEqual({ received: true, duplicate: false, applied: false });
    expect(await (await post(signature)).json()).toEqual({ received: true, duplicate: true, applied: false });
    const forged = await post(Buffer.from("forged").toString("base64"));
    expect(forged.status).toBe(401);
    expect(forged.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  });
});
