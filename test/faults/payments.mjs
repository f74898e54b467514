// Payments and their notifications under kills. Set up without kills: two shops, and signed-in
// buyers whose checkouts each made one order per shop. Each round pays two checkouts (POST
// /payments with an Idempotency-Key, then the sandbox's simulate, which goes through the webhook
// path), each step retried with its original key until answered.
// Checks: every acknowledged payment has its orders paid, once (timeline), and its key replays the
// same payment; reserved units equal what pending orders hold and on-hand stock fell by exactly
// the units paid for; every paid order told its buyer and its seller exactly once, in-app and by
// email, within a minute of the server being up.

import { awaitNotifications, checkOrderMovedOnce, checkStock } from "./checks.mjs";
import { checkoutsBy, sellerWithProducts, signUp } from "./client.mjs";

const STOCK = 1_000;
const BUYERS = 4;
const PER_ROUND = 2;

export function paymentsScenario({ http, rounds }) {
  const shops = [];
  let checkouts = [];
  const payments = []; // { checkout, key, body, paymentId?, acknowledgedAt? }
  const unexpected = [];
  const work = [];

  async function pay(checkout) {
    const key = crypto.randomUUID();
    const body = { orderIds: checkout.orders.map((o) => o.id), gateway: "sandbox", method: "promptpay" };
    const entry = { checkout, key, body };
    payments.push(entry);
    const created = await http.call("POST", "/api/v1/payments", checkout.buyer, body, { "Idempotency-Key": key });
    if (created.status !== 201) return void unexpected.push(`payment ${key}: ${created.status} ${created.text}`);
    entry.paymentId = created.json.id;
    const simulated = await http.call("POST", `/api/v1/payments/${entry.paymentId}/simulate`, checkout.buyer, {
      outcome: "success",
    });
    if (simulated.status !== 200 || simulated.json.status !== "succeeded") {
      return void unexpected.push(`simulate ${entry.paymentId}: ${simulated.status} ${simulated.text.slice(0, 200)}`);
    }
    entry.acknowledgedAt = Date.now();
  }

  /** The original key answers with the original payment, and its orders were paid once. */
  async function checkPayment(entry, failures) {
    const again = await http.call("POST", "/api/v1/payments", entry.checkout.buyer, entry.body, {
      "Idempotency-Key": entry.key,
    });
    if (again.status !== 201 || again.json.id !== entry.paymentId) {
      failures.push(`payment key ${entry.key}: now ${again.status} ${again.json?.id}, first ${entry.paymentId}`);
    }
    const payment = (await http.expect(200, "GET", `/api/v1/payments/${entry.paymentId}`, entry.checkout.buyer)).json;
    if (payment.status !== "succeeded") failures.push(`payment ${entry.paymentId}: ${payment.status}`);
    for (const order of entry.checkout.orders) {
      const current = await checkOrderMovedOnce(http, entry.checkout.buyer, order, "paid", failures);
      if (current.paymentStatus !== "paid") failures.push(`order ${order.number}: payment ${current.paymentStatus}`);
    }
  }

  return {
    name: "payments",
    async setup() {
      for (const label of ["Pay A", "Pay B"]) shops.push(await sellerWithProducts(http, label, [STOCK]));
      const buyers = [];
      for (let i = 0; i < BUYERS; i++) buyers.push(await signUp(http, `Buyer ${i + 1}`));
      checkouts = await checkoutsBy(http, buyers, shops, rounds * PER_ROUND);
    },
    round(i) {
      for (let j = 0; j < PER_ROUND; j++) work.push(pay(checkouts[(i - 1) * PER_ROUND + j]));
    },
    async settle() {
      await Promise.all(work);
    },
    async check({ upSince }) {
      const failures = [...unexpected];
      const acknowledged = payments.filter((e) => e.acknowledgedAt);
      const sold = new Map();
      const expected = [];
      for (const entry of acknowledged) {
        await checkPayment(entry, failures);
        const from = Math.max(upSince, entry.acknowledgedAt);
        for (const order of entry.checkout.orders) {
          for (const item of order.items) sold.set(item.productId, (sold.get(item.productId) ?? 0) + item.quantity);
          const seller = shops.find((s) => s.shopId === order.shopId).seller;
          const buyer = entry.checkout.buyer;
          expected.push({
            who: buyer,
            type: "order.paid",
            order,
            from,
            subject: `Payment received: order ${order.number}`,
          });
          expected.push({
            who: seller,
            type: "seller.order_paid",
            order,
            from,
            subject: `New paid order ${order.number} (`,
          });
        }
      }
      const orders = [];
      for (const shop of shops) orders.push(...(await http.all(`/api/v1/shops/${shop.shopId}/orders`, shop.seller)));
      const products = shops.flatMap((s) => s.products);
      const reserved = await checkStock(http, products, orders, failures, sold);
      const notified = await awaitNotifications(http, expected, failures);
      return {
        failures,
        counts: {
          payments: payments.length,
          acknowledged: acknowledged.length,
          paidOrders: [...sold.values()].reduce((a, b) => a + b, 0),
          reservedUnits: reserved,
          ...notified,
        },
      };
    },
  };
}
