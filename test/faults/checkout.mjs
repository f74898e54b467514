// Guest checkouts under kills (issue 13's first finding). Set up without kills: one shop with two
// products, and guests whose carts hold one of the first and two of the second. Each round checks
// out a few guests at once (POST /api/v1/orders with X-Cart-Token, contactEmail, an inline
// address and an Idempotency-Key); each is retried with its original key until it is answered.
// Checks, per guest: the original key answers again exactly as it first answered (a 201 with the
// same orders); at most one order; an answer other than 201 left no order behind; a cart with no
// order still holds its lines. Per product: reserved units equal what pending orders hold.
import { checkStock } from "./checks.mjs";
import { ADDRESS_TH, sellerWithProducts } from "./client.mjs";

const PER_ROUND = 3;
const STOCK = 500;
const LINES = [1, 2]; // quantity of each product in every cart

export function checkoutScenario({ http, rounds }) {
  let shop;
  const guests = []; // { cartToken, email, key, body, answer?, retries }
  const unexpected = [];
  const work = [];
  let next = 0;

  async function guestCart(i) {
    let who = {};
    for (const [p, quantity] of LINES.entries()) {
      const res = await http.expect(200, "POST", "/api/v1/cart/items", who, {
        productId: shop.products[p].id,
        quantity,
      });
      who = { cartToken: who.cartToken ?? res.headers.get("X-Cart-Token") };
    }
    const email = `faults-guest-${i}-${crypto.randomUUID().slice(0, 8)}@example.com`;
    guests.push({ ...who, key: crypto.randomUUID(), body: { contactEmail: email, shippingAddress: ADDRESS_TH } });
  }

  async function checkOut(guest) {
    const res = await http.call("POST", "/api/v1/orders", guest, guest.body, { "Idempotency-Key": guest.key });
    guest.answer = { status: res.status, code: res.json?.code, orderIds: orderIdsOf(res) };
    guest.attempts = res.attempts;
  }

  const orderIdsOf = (res) => (res.status === 201 ? res.json.orders.map((o) => o.id).sort() : []);

  /** One guest's invariants; returns its live orders. */
  async function checkGuest(guest, failures) {
    const name = `guest ${guest.key.slice(0, 8)}`;
    const { answer } = guest;
    const again = await http.call("POST", "/api/v1/orders", guest, guest.body, { "Idempotency-Key": guest.key });
    const againIds = orderIdsOf(again);
    if (again.status !== answer.status || againIds.join() !== answer.orderIds.join()) {
      failures.push(
        `${name}: answered ${answer.status} ${answer.code ?? answer.orderIds.join(",")}, the same key again ${again.status} ${again.json?.code ?? againIds.join(",")}`,
      );
    }
    const orders = await http.all("/api/v1/orders", guest);
    const orderIds = orders.map((o) => o.id).sort();
    if (orders.length > 1) failures.push(`${name}: ${orders.length} orders from one cart (double order)`);
    if (answer.status === 201 && orderIds.join() !== answer.orderIds.join()) {
      failures.push(`${name}: 201 with orders ${answer.orderIds.join(",")} but holds ${orderIds.join(",") || "none"}`);
    }
    if (answer.status !== 201 && orders.length > 0) {
      failures.push(`${name}: answered ${answer.status} ${answer.code} while its order ${orderIds.join(",")} exists`);
    }
    if (orders.length === 0) {
      const cart = (await http.expect(200, "GET", "/api/v1/cart", guest)).json;
      const kept = LINES.every((quantity, p) =>
        cart.items.some((i) => i.productId === shop.products[p].id && i.quantity === quantity),
      );
      if (!kept) failures.push(`${name}: cart emptied (${cart.items.length} lines left) with no order`);
    }
    return orders;
  }

  return {
    name: "checkout",
    async setup() {
      shop = await sellerWithProducts(
        http,
        "Checkout",
        LINES.map(() => STOCK),
      );
      const count = rounds * PER_ROUND;
      for (let i = 0; i < count; i += 6) {
        await Promise.all(Array.from({ length: Math.min(6, count - i) }, (_, j) => guestCart(i + j)));
      }
    },
    round() {
      for (let i = 0; i < PER_ROUND; i++) work.push(checkOut(guests[next++]));
    },
    async settle() {
      await Promise.all(work);
    },
    async check() {
      const failures = [...unexpected];
      const tried = guests.slice(0, next);
      for (const guest of tried) await checkGuest(guest, failures);
      const orders = await http.all(`/api/v1/shops/${shop.shopId}/orders`, shop.seller);
      const reserved = await checkStock(http, shop.products, orders, failures);
      const answers = {};
      for (const g of tried)
        answers[g.answer.code ?? g.answer.status] = (answers[g.answer.code ?? g.answer.status] ?? 0) + 1;
      return {
        failures,
        counts: {
          checkouts: tried.length,
          answers: JSON.stringify(answers),
          retried: tried.filter((g) => g.attempts > 1).length,
          orders: orders.length,
          reservedUnits: reserved,
        },
      };
    },
  };
}
