import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, inject, it } from "vitest";

// Against the real local server of the e2e global setup (wrangler dev: real queues, Durable
// Objects and D1), the way a new user would: plain HTTP and a WebSocket, nothing from the Worker.

const base = inject("baseUrl");

interface Who {
  token?: string;
}

async function api(method: string, path: string, who: Who = {}, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(who.token ? { Authorization: `Bearer ${who.token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // biome-ignore lint/suspicious/noExplicitAny: any JSON the server answers, read field by field in the test
  return { status: res.status, headers: res.headers, text, json: json as Record<string, any> };
}

async function ok(
  method: string,
  path: string,
  who: Who = {},
  body?: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  const res = await api(method, path, who, body, headers);
  expect(res.status, `${method} ${path}: ${res.text.slice(0, 500)}`).toBe(status);
  return res;
}

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

async function signUp(locale: string, name: string) {
  const email = `e2e-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const res = await ok(
    "POST",
    "/api/v1/auth/register",
    {},
    { email, password: "Sawasdee2026", displayName: name, country: "TH", locale },
    201,
  );
  return { token: res.json.accessToken as string, userId: res.json.user.id as string, email };
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
    const seller = await signUp("en", "Sam Seller");
    const buyer = await signUp("th", "สมหญิง รักสงบ");
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

    await ok("POST", "/api/v1/cart/items", buyer, { productId: product.json.id, quantity: 1 });
    const created = await ok(
      "POST",
      "/api/v1/orders",
      buyer,
      {
        shippingAddress: {
          recipientName: "สมหญิง รักสงบ",
          phone: "089 765 4321",
          street: "99/1 ถนนสุขุมวิท",
          city: "คลองเตย",
          province: "กรุงเทพมหานคร",
          postalCode: "10110",
          country: "TH",
        },
      },
      201,
      { "Idempotency-Key": crypto.randomUUID() },
    );
    const order = created.json.orders[0];
    const payment = await ok(
      "POST",
      "/api/v1/payments",
      buyer,
      { orderIds: [order.id], gateway: "sandbox", method: "promptpay" },
      201,
      { "Idempotency-Key": crypto.randomUUID() },
    );
    await ok("POST", `/api/v1/payments/${payment.json.id}/simulate`, buyer, { outcome: "success" });

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
      ]),
    );
  });
});
