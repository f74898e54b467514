import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import type { EventEnvelope, EventOf } from "../../schemas/events";
import { DevOutbox } from "../../workers/messaging/outbound";
import type { Outbound, OutboundMessage } from "../../workers/messaging/provider";
import { priceDropEvent } from "../../workers/notifications/events";
import { database } from "../../workers/platform/db";
import { handleQueueBatch, type QueueDeps } from "../../workers/queue";
import { createProduct, createShop, type Product, type Shop } from "../catalog/helpers";
import { ADDRESS, checkout, type Order, pay, simulate, userCart } from "../orders/helpers";
import { grantAdmin, register as signUp } from "../support/accounts";
import { BASE, call, expectJson } from "../support/http";

export const ORDER_QUEUE = "tchat-order-events";
export const NOTIFICATIONS_QUEUE = "tchat-notifications";
export const NOTIFICATIONS_DLQ = "tchat-notifications-dlq";

export * from "../support/http";

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

/** A fresh account signed up by email, in a chosen language. */
export async function register(locale: string, country = "TH", name = "Somchai"): Promise<Person> {
  const tokens = await signUp({ emailPrefix: "n", locale, country, displayName: name });
  return { token: tokens.accessToken, userId: tokens.user.id, email: tokens.email };
}

/** The same account signed in again from another device (another session, another socket): its access token. */
export async function signInAgain(email: string, deviceId: string): Promise<string> {
  const res = await call("POST", "/api/v1/auth/login", {
    body: { email, password: "Sawasdee2026", device: { id: deviceId, platform: "android" } },
  });
  return (await expectJson<{ accessToken: string }>(res, 200)).accessToken;
}

export async function makeAdmin(person: Person): Promise<void> {
  await grantAdmin(person.userId);
}

export type { Order, Product, Shop };

/** A Thai shop of the seller's with one product in stock (extra: product fields). */
export async function shopWithProduct(seller: Person, extra: Record<string, unknown> = {}) {
  const shop = await createShop(seller.token, "TH", { name: `ร้านทดสอบ ${crypto.randomUUID().slice(0, 8)}` });
  const product = await createProduct(seller.token, shop, {
    name: "หูฟังไร้สาย",
    description: "Wireless earbuds",
    weightGrams: 300,
    ...extra,
  });
  return { shop, product };
}

export const ADDRESS_TH = ADDRESS.TH;

/** Cart → checkout; returns the order (pending payment). */
export async function placeOrder(buyer: Person, productId: string, quantity = 1): Promise<Order> {
  await userCart(buyer.token, [{ productId, quantity }]);
  const [order] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS_TH });
  return order;
}

/** Pays orders with the sandbox gateway and simulates success (the same path as a real webhook). */
export async function payOrders(buyer: Person, orderIds: string[], outcome: "success" | "failure" = "success") {
  const payment = await pay({ token: buyer.token }, orderIds, "sandbox", "promptpay");
  await simulate({ token: buyer.token }, payment.id, outcome);
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
  enqueued: { body: EventOf<"notification.deliver">; delaySeconds?: number }[];
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
  /** The template's parameters, as JSON (the link among them). */
  params: string;
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

// --- Promotions ----------------------------------------------------------------------------------

/** A fresh account that opted in to promotions (they are off by default). */
export async function optedIn(locale = "en"): Promise<Person> {
  const person = await register(locale);
  await expectJson(
    await call("PUT", "/api/v1/notifications/preferences", {
      token: person.token,
      body: { categories: { promotions: true } },
    }),
    200,
  );
  return person;
}

/** A price drop (1,299 → 999 THB) of a fresh product, announced to this person. */
export async function priceDropFor(person: Person): Promise<EventOf<"promotion.price_drop">> {
  const { product } = await shopWithProduct(await register("en"));
  return priceDropEvent({
    productId: product.id,
    productName: product.name,
    price: { amount: 99_900, currency: "THB" },
    previousPrice: { amount: 129_900, currency: "THB" },
    userIds: [person.userId],
  });
}
