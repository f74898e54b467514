import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import type { EventEnvelope } from "../../schemas/events";
import { DevOutbox, type Outbound, type OutboundMessage } from "../../workers/notifications/outbound";
import { database } from "../../workers/platform/db";
import { handleQueueBatch, type QueueDeps } from "../../workers/queue";

export const BASE = "http://tchat.test";
export const ORDER_QUEUE = "tchat-order-events";
export const NOTIFICATIONS_QUEUE = "tchat-notifications";
export const NOTIFICATIONS_DLQ = "tchat-notifications-dlq";

export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  idempotencyKey?: string;
}

/** One real HTTP request through the Worker's fetch handler. */
export function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  if (options.idempotencyKey) headers.set("Idempotency-Key", options.idempotencyKey);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return exports.default.fetch(new Request(`${BASE}${path}`, { method, headers, body }));
}

export async function expectJson<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  return JSON.parse(text) as T;
}

export async function expectProblem(res: Response, status: number, code: string) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as { code: string; detail: string; errors?: { path: string }[] };
  expect(problem.code).toBe(code);
  expect(text).not.toMatch(/\n\s+at /);
  return problem;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds (the real queues deliver within a second or two). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

// --- People, shops, products ---------------------------------------------------------------------

export interface Person {
  token: string;
  userId: string;
  email: string;
}

let seq = 0;
const unique = () => `${Date.now().toString(36)}${++seq}${crypto.randomUUID().slice(0, 6)}`;

/** A fresh account signed up by email, in a chosen language. */
export async function register(locale: string, country = "TH", name = "Somchai"): Promise<Person> {
  const email = `n-${unique()}@example.com`;
  const res = await call("POST", "/api/v1/auth/register", {
    body: { email, password: "Sawasdee2026", displayName: name, country, locale },
  });
  const tokens = await expectJson<{ accessToken: string; user: { id: string } }>(res, 201);
  return { token: tokens.accessToken, userId: tokens.user.id, email };
}

export async function makeAdmin(person: Person): Promise<void> {
  await env.DB.prepare(`UPDATE users SET roles = '["customer","admin"]' WHERE id = ?`).bind(person.userId).run();
}

export interface Shop {
  id: string;
  name: string;
  currency: string;
}

export interface Product {
  id: string;
  shopId: string;
  name: string;
  price: { amount: number; currency: string };
}

export async function shopWithProduct(seller: Person, extra: Record<string, unknown> = {}) {
  const shop = await expectJson<Shop>(
    await call("POST", "/api/v1/shops", {
      token: seller.token,
      body: { name: `ร้านทดสอบ ${unique()}`, category: "electronics", country: "TH", currency: "THB" },
    }),
    201,
  );
  const product = await expectJson<Product>(
    await call("POST", "/api/v1/products", {
      token: seller.token,
      body: {
        shopId: shop.id,
        name: "หูฟังไร้สาย",
        description: "Wireless earbuds",
        sku: `SKU-${unique()}`,
        price: { amount: 129_900, currency: "THB" },
        stock: 10,
        weightGrams: 300,
        ...extra,
      },
    }),
    201,
  );
  return { shop, product };
}

export const ADDRESS_TH = {
  recipientName: "สมชาย ใจดี",
  phone: "081 234 5678",
  street: "1 Sukhumvit Soi 11",
  city: "Watthana",
  province: "Bangkok",
  postalCode: "10110",
  country: "TH",
};

export interface Order {
  id: string;
  number: string;
  shopId: string;
  total: { amount: number; currency: string };
  status: string;
}

/** Cart → checkout; returns the order (pending payment). */
export async function placeOrder(buyer: Person, productId: string, quantity = 1): Promise<Order> {
  const added = await call("POST", "/api/v1/cart/items", { token: buyer.token, body: { productId, quantity } });
  expect(added.status, await added.clone().text()).toBe(200);
  const { orders } = await expectJson<{ orders: Order[] }>(
    await call("POST", "/api/v1/orders", {
      token: buyer.token,
      body: { shippingAddress: ADDRESS_TH },
      idempotencyKey: crypto.randomUUID(),
    }),
    201,
  );
  return orders[0];
}

/** Pays orders with the sandbox gateway and simulates success (the same path as a real webhook). */
export async function payOrders(buyer: Person, orderIds: string[], outcome: "success" | "failure" = "success") {
  const payment = await expectJson<{ id: string }>(
    await call("POST", "/api/v1/payments", {
      token: buyer.token,
      body: { orderIds, gateway: "sandbox", method: "promptpay" },
      idempotencyKey: crypto.randomUUID(),
    }),
    201,
  );
  await expectJson(
    await call("POST", `/api/v1/payments/${payment.id}/simulate`, { token: buyer.token, body: { outcome } }),
    200,
  );
  return payment;
}

// --- Events and queues -----------------------------------------------------------------------------

/** The outbox envelope of an event about an order (order.*: data.orderId; payment.*: data.orderIds). */
export async function orderEvent(type: string, orderId: string): Promise<EventEnvelope> {
  const row = await eventually(
    () =>
      env.DB.prepare(
        `SELECT envelope FROM outbox_events WHERE type = ?
           AND (json_extract(envelope, '$.data.orderId') = ?
                OR EXISTS (SELECT 1 FROM json_each(json_extract(envelope, '$.data.orderIds')) WHERE value = ?))`,
      )
        .bind(type, orderId, orderId)
        .first<{ envelope: string }>(),
    `${type} of ${orderId} in the outbox`,
  );
  return JSON.parse(row.envelope) as EventEnvelope;
}

/** Runs messages through the Worker's queue handler as the queue would; returns acks and retries. */
export async function deliverToQueue(
  queue: string,
  messages: { id?: string; attempts?: number; body: unknown }[],
  deps: QueueDeps,
) {
  const batch = createMessageBatch(
    queue,
    messages.map((m, i) => ({
      id: m.id ?? `msg-${i}-${crypto.randomUUID()}`,
      attempts: m.attempts ?? 1,
      body: m.body,
      timestamp: new Date(),
    })),
  );
  const ctx = createExecutionContext();
  await handleQueueBatch(batch, env, deps);
  return getQueueResult(batch, ctx);
}

export interface Recorded {
  deps: QueueDeps;
  /** Deliver events the consumer put on the notifications queue, with their delay. */
  enqueued: { body: EventEnvelope; delaySeconds?: number }[];
  /** What providers were asked to send. */
  sent: OutboundMessage[];
}

/**
 * Queue deps that record instead of reaching the real queue, with a provider per channel that
 * records and (optionally) fails: `fail(message, attempt)` returns an error to throw or nothing.
 */
export function recordingDeps(
  options: { now?: () => number; fail?: (message: OutboundMessage, attempt: number) => Error | undefined } = {},
): Recorded {
  const enqueued: Recorded["enqueued"] = [];
  const sent: OutboundMessage[] = [];
  const devOutbox = new DevOutbox(database(env));
  let attempts = 0;
  const provider: Outbound = {
    name: "recording",
    async send(message) {
      attempts += 1;
      sent.push(message);
      const error = options.fail?.(message, attempts);
      if (error) throw error;
      return devOutbox.send(message);
    },
  };
  const deps: QueueDeps = {
    fetch: (input, init) => fetch(input, init),
    outbound: () => provider,
    enqueue: async (messages) => {
      enqueued.push(...messages);
    },
    ...(options.now ? { now: options.now } : {}),
  };
  return { deps, enqueued, sent };
}

// --- D1 reads ----------------------------------------------------------------------------------------

export interface NotificationDbRow {
  id: string;
  user_id: string | null;
  type: string;
  category: string;
  title: string;
  body: string;
  locale: string;
  inbox: number;
  read_at: number | null;
  dedupe_key: string;
}

export async function notificationsOf(userId: string, type?: string): Promise<NotificationDbRow[]> {
  const { results } = await env.DB.prepare(
    `SELECT * FROM notifications WHERE user_id = ? ${type ? "AND type = ?" : ""} ORDER BY created_at, id`,
  )
    .bind(...(type ? [userId, type] : [userId]))
    .all<NotificationDbRow>();
  return results;
}

export interface DeliveryDbRow {
  id: string;
  notification_id: string;
  user_id: string | null;
  channel: string;
  target: string;
  status: string;
  attempts: number;
  not_before: number | null;
  expires_at: number;
  provider: string | null;
  provider_message_id: string | null;
  outbound_message_id: string | null;
  last_error: string | null;
}

export async function deliveriesOf(notificationId: string): Promise<DeliveryDbRow[]> {
  const { results } = await env.DB.prepare(
    "SELECT * FROM notification_deliveries WHERE notification_id = ? ORDER BY channel, target",
  )
    .bind(notificationId)
    .all<DeliveryDbRow>();
  return results;
}

export async function devOutboxFor(to: string, channel?: string) {
  const { results } = await env.DB.prepare(
    `SELECT channel, recipient, locale, subject, body FROM dev_outbox WHERE recipient = ? ${channel ? "AND channel = ?" : ""} ORDER BY id`,
  )
    .bind(...(channel ? [to, channel] : [to]))
    .all<{ channel: string; recipient: string; locale: string; subject: string | null; body: string }>();
  return results;
}

// --- The realtime stream -----------------------------------------------------------------------------

export interface Frame {
  type: string;
  [key: string]: unknown;
}

/** A client of GET /api/v1/realtime/ws inside workerd: collects frames and the close. */
export class HubClient {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | null = null;

  constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (e) => {
      this.frames.push(JSON.parse(String(e.data)) as Frame);
    });
    ws.addEventListener("close", (e) => {
      this.closed = { code: e.code, reason: e.reason };
    });
  }

  async next(type: string, predicate: (f: Frame) => boolean = () => true, timeoutMs = 10_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find((f) => f.type === type && predicate(f));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${type} frame; got ${JSON.stringify(this.frames)}`);
      await sleep(10);
    }
  }

  async waitClosed(timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error("socket did not close");
      await sleep(10);
    }
    return this.closed;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  close(): void {
    try {
      this.ws.close(1000, "bye");
    } catch {
      // already closed
    }
  }
}

export function streamRequest(auth: { token?: string; ticket?: string }, upgrade = true): Request {
  const query = auth.ticket ? `?ticket=${encodeURIComponent(auth.ticket)}` : "";
  return new Request(`${BASE}/api/v1/realtime/ws${query}`, {
    headers: {
      ...(upgrade ? { Upgrade: "websocket" } : {}),
      ...(auth.token ? { Authorization: `Bearer ${auth.token}` } : {}),
    },
  });
}

export async function openStream(auth: { token?: string; ticket?: string }): Promise<HubClient> {
  const res = await exports.default.fetch(streamRequest(auth));
  if (res.status !== 101) throw new Error(`stream refused: ${res.status} ${await res.text()}`);
  const ws = res.webSocket!;
  ws.accept();
  return new HubClient(ws);
}
