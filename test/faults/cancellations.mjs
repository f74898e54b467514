// Cancellations of unpaid orders under kills. Set up without kills: one shop, signed-in buyers
// with unpaid orders. Each round cancels two orders (POST /orders/:id/cancel), each retried until
// answered: 200, or 409 invalid_transition when the first attempt had cancelled it before the kill.
// Checks: each order is cancelled, once (timeline); reserved units equal what the still-pending
// orders hold (a cancellation gives its hold back); each buyer told once, within a minute.

import { awaitNotifications, checkOrderMovedOnce, checkStock } from "./checks.mjs";
import { checkoutsBy, sellerWithProducts, signUp } from "./client.mjs";

const STOCK = 1_000;
const BUYERS = 2;
const PER_ROUND = 2;

export function cancellationsScenario({ http, rounds }) {
  let shop;
  let checkouts = [];
  const cancels = []; // { buyer, order, answer, acknowledgedAt }
  const unexpected = [];
  const work = [];

  async function cancel({ buyer, orders: [order] }) {
    const res = await http.call("POST", `/api/v1/orders/${order.id}/cancel`, buyer);
    const retried = res.status === 409 && res.json?.code === "invalid_transition";
    if (res.status !== 200 && !retried)
      unexpected.push(`cancel ${order.number}: ${res.status} ${res.text.slice(0, 200)}`);
    cancels.push({ buyer, order, answer: res.status, acknowledgedAt: Date.now() });
  }

  return {
    name: "cancellations",
    async setup() {
      shop = await sellerWithProducts(http, "Cancel", [STOCK]);
      const buyers = [];
      for (let i = 0; i < BUYERS; i++) buyers.push(await signUp(http, `Canceller ${i + 1}`));
      // One spare checkout per buyer stays pending, so live holds are checked too.
      checkouts = await checkoutsBy(http, buyers, [shop], rounds * PER_ROUND + BUYERS);
    },
    round(i) {
      for (let j = 0; j < PER_ROUND; j++) work.push(cancel(checkouts[(i - 1) * PER_ROUND + j]));
    },
    async settle() {
      await Promise.all(work);
    },
    async check({ upSince }) {
      const failures = [...unexpected];
      const expected = [];
      for (const { buyer, order, acknowledgedAt } of cancels) {
        await checkOrderMovedOnce(http, buyer, order, "cancelled", failures);
        expected.push({ who: buyer, type: "order.cancelled", order, from: Math.max(upSince, acknowledgedAt) });
      }
      const orders = await http.all(`/api/v1/shops/${shop.shopId}/orders`, shop.seller);
      const reserved = await checkStock(http, shop.products, orders, failures, new Map());
      const notified = await awaitNotifications(http, expected, failures);
      return {
        failures,
        counts: {
          cancelled: cancels.length,
          answeredAlreadyCancelled: cancels.filter((c) => c.answer === 409).length,
          pendingOrders: orders.filter((o) => o.status === "pending_payment").length,
          reservedUnits: reserved,
          ...notified,
        },
      };
    },
  };
}
