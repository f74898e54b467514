// Invariants the commerce scenarios share: stock held only by live orders, an order moved once,
// and notifications delivered once, within a minute.
import { sleep } from "./client.mjs";

/** Units held per product by the orders given (those still pending payment hold stock). */
export function heldBy(orders) {
  const held = new Map();
  for (const order of orders) {
    if (order.status !== "pending_payment") continue;
    for (const item of order.items) held.set(item.productId, (held.get(item.productId) ?? 0) + item.quantity);
  }
  return held;
}

/**
 * Compares each product's reserved units with what live orders hold, and (when `sold` is given:
 * productId → units) its on-hand units with the initial stock less what was sold. Returns the
 * units reserved in all.
 */
export async function checkStock(http, products, orders, failures, sold) {
  const held = heldBy(orders);
  let reserved = 0;
  for (const product of products) {
    const stock = (await http.expect(200, "GET", `/api/v1/inventory/${product.id}`)).json;
    reserved += stock.reserved;
    const expected = held.get(product.id) ?? 0;
    if (stock.reserved !== expected) {
      failures.push(`product ${product.id}: ${stock.reserved} units reserved, live orders hold ${expected}`);
    }
    const gone = sold?.get(product.id) ?? 0;
    if (sold && stock.onHand !== product.stock - gone) {
      failures.push(`product ${product.id}: ${stock.onHand} on hand, ${product.stock} less ${gone} sold expected`);
    }
  }
  return reserved;
}

/** The order is in `status`, and its timeline moved it there exactly once. */
export async function checkOrderMovedOnce(http, who, order, status, failures) {
  const current = (await http.expect(200, "GET", `/api/v1/orders/${order.id}`, who)).json;
  if (current.status !== status) failures.push(`order ${order.number}: ${current.status}, expected ${status}`);
  const timeline = (await http.expect(200, "GET", `/api/v1/orders/${order.id}/timeline`, who)).json.items;
  const moves = timeline.filter((e) => e.type === `status.${status}`).length;
  if (moves !== 1) failures.push(`order ${order.number}: ${moves} timeline entries to ${status}`);
  return current;
}

/**
 * Waits until every expected notification is in its recipient's inbox (and, with `subject`, its
 * email in the dev outbox), or until each is a minute past its `from` time (when it was caused,
 * or when the server came back up, whichever is later); then checks none came twice.
 * `expected`: [{ who: { userId, email, token }, type, order, from, subject? }].
 */
export async function awaitNotifications(http, expected, failures) {
  const people = [...new Set(expected.map((e) => e.who))];
  const seenAt = new Map();
  let seen;
  for (;;) {
    seen = await readInboxes(http, people);
    for (const e of expected) if (!seenAt.has(e) && delivered(seen, e)) seenAt.set(e, deliveredAt(seen, e));
    const missing = expected.filter((e) => !seenAt.has(e));
    if (missing.length === 0 || missing.every((e) => Date.now() > e.from + 60_000)) break;
    await sleep(2_000);
  }
  for (const e of expected) {
    const late = seenAt.has(e) && seenAt.get(e) > e.from + 60_000;
    if (!seenAt.has(e) || late) {
      failures.push(
        `${e.type} for order ${e.order.number} ${late ? "delivered late" : "not delivered"} (within a minute)`,
      );
    }
    const { inbox, email } = copies(seen, e);
    if (inbox > 1) failures.push(`${e.type} for order ${e.order.number} in the inbox ${inbox} times`);
    if (email > 1) failures.push(`${e.type} email for order ${e.order.number} sent ${email} times`);
  }
  const delays = expected.filter((e) => seenAt.has(e)).map((e) => Math.max(0, seenAt.get(e) - e.from));
  return {
    notifications: expected.length,
    notificationsMissing: expected.length - seenAt.size,
    slowestNotificationSeconds: delays.length ? Math.round(Math.max(...delays) / 1000) : "none",
  };
}

function matching(seen, e) {
  const inbox = (seen.inbox.get(e.who.userId) ?? []).filter((n) => n.type === e.type && n.data?.orderId === e.order.id);
  const email = e.subject ? (seen.email.get(e.who.email) ?? []).filter((m) => m.subject?.startsWith(e.subject)) : [];
  return { inbox, email };
}

function copies(seen, e) {
  const { inbox, email } = matching(seen, e);
  return { inbox: inbox.length, email: email.length };
}

/** When the server recorded it (the later of the in-app notification and the email), not when the harness looked. */
function deliveredAt(seen, e) {
  const { inbox, email } = matching(seen, e);
  return Math.max(...[...inbox, ...email].map((item) => Date.parse(item.createdAt)));
}

function delivered(seen, e) {
  const { inbox, email } = copies(seen, e);
  return inbox > 0 && (!e.subject || email > 0);
}

async function readInboxes(http, people) {
  const inbox = new Map();
  const email = new Map();
  for (const who of people) {
    inbox.set(who.userId, await http.all("/api/v1/notifications", who));
    email.set(who.email, await http.all(`/api/v1/dev/outbox?to=${encodeURIComponent(who.email)}&channel=email`));
  }
  return { inbox, email };
}
