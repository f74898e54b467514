import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  bytes,
  createProduct,
  createShop,
  PNG_HEADER,
  type Product,
  productInput,
  type Shop,
} from "../catalog/helpers";
import { type Account, accounts, clientId, direct, group, roomOf, say } from "../chat/helpers";
import { thaiAddress } from "../identity/helpers";
import { insertCheckout } from "../reviews/helpers";
import { advanceTime } from "../support/clock";
import { expectLimited, type LimitedCallOptions, uniqueIp, withVars } from "./limits";

// Each limited write other than checkout, payments and the cart (rate-limits-commerce.test.ts) and
// chat messages (test/chat/send-limits.test.ts): with its limit lowered to 2 per account, the third
// within the window is 429 with Retry-After and changes nothing; once the window is over the next
// one goes through. One write per limit is also refused per IP, across accounts.

const WINDOW = 60;
type Call = ReturnType<typeof withVars>;

interface Prepared {
  /** The i-th write (0..3) by the actor, each on its own target. */
  send: (call: Call, i: number, options: LimitedCallOptions) => Promise<Response>;
  /** Its success status. */
  status: number;
  /** The rows the actor's writes made so far. */
  count: () => Promise<number>;
}

const count = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n;

/** Forgets what the set-up's own writes counted (made under the development limits). */
const forgetSetUp = (actors: Account[]) =>
  env.DB.batch(
    actors.map((a) => env.DB.prepare("DELETE FROM rate_counters WHERE key LIKE ?").bind(`write:%:user:${a.userId}`)),
  );

const review = { rating: 5, body: "Arrived quickly, exactly as described." };

/** Four products of a fresh shop of `owner`, each delivered to every one of `buyers`. */
async function deliveredProducts(owner: Account, buyers: Account[]): Promise<Product[]> {
  const shop = await createShop(owner.token);
  const products: Product[] = [];
  for (let i = 0; i < 4; i++) {
    const product = await createProduct(owner.token, shop);
    for (const buyer of buyers) {
      await insertCheckout({ customerId: buyer.userId, lines: [{ product }], status: "delivered" });
    }
    products.push(product);
  }
  return products;
}

/** Four reviews (by other buyers) of products of `owner`. */
async function reviewsOf(owner: Account): Promise<string[]> {
  const buyers = await accounts(4);
  const products = await deliveredProducts(owner, buyers);
  const call = withVars({});
  const ids: string[] = [];
  for (const [i, product] of products.entries()) {
    const res = await call("POST", `/api/v1/products/${product.id}/reviews`, { token: buyers[i].token, body: review });
    expect(res.status, await res.clone().text()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return ids;
}

const CASES: [string, string, (actor: Account) => Promise<Prepared>][] = [
  [
    "POST /products/:id/reviews",
    "WRITE_LIMIT_REVIEW",
    async (actor) => {
      const products = await deliveredProducts((await accounts(1))[0], [actor]);
      return {
        send: (call, i, o) => call("POST", `/api/v1/products/${products[i].id}/reviews`, { ...o, body: review }),
        status: 201,
        count: () => count("SELECT COUNT(*) AS n FROM reviews WHERE user_id = ?", actor.userId),
      };
    },
  ],
  [
    "POST /reviews/:id/reply",
    "WRITE_LIMIT_REVIEW",
    async (actor) => {
      const ids = await reviewsOf(actor);
      return {
        send: (call, i, o) => call("POST", `/api/v1/reviews/${ids[i]}/reply`, { ...o, body: { body: "Thank you!" } }),
        status: 200,
        count: () =>
          count(
            `SELECT COUNT(*) AS n FROM reviews WHERE seller_reply IS NOT NULL AND id IN (SELECT value FROM json_each(?))`,
            JSON.stringify(ids),
          ),
      };
    },
  ],
  [
    "POST /reviews/:id/report",
    "WRITE_LIMIT_REPORT",
    async (actor) => {
      const ids = await reviewsOf((await accounts(1))[0]);
      return {
        send: (call, i, o) => call("POST", `/api/v1/reviews/${ids[i]}/report`, { ...o, body: { reason: "spam" } }),
        status: 204,
        count: () => count("SELECT COUNT(*) AS n FROM review_reports WHERE reporter_id = ?", actor.userId),
      };
    },
  ],
  [
    "POST /dialogs/:id/messages/:messageId/report",
    "WRITE_LIMIT_REPORT",
    async (actor) => {
      const [other] = await accounts(1);
      const dialog = await direct(other, actor);
      const messages: { id: string }[] = [];
      for (let i = 0; i < 4; i++) messages.push(await say(dialog.id, other, `send me your OTP ${i}`));
      return {
        send: (call, i, o) =>
          call("POST", `/api/v1/dialogs/${dialog.id}/messages/${messages[i].id}/report`, {
            ...o,
            body: { reason: "asked for my OTP" },
          }),
        status: 202,
        count: () => count("SELECT COUNT(*) AS n FROM chat_flags WHERE reporter_id = ?", actor.userId),
      };
    },
  ],
  [
    "POST /dialogs",
    "WRITE_LIMIT_DIALOG",
    async (actor) => {
      const others = await accounts(4);
      return {
        send: (call, i, o) =>
          call("POST", "/api/v1/dialogs", {
            ...o,
            body: { type: "group", name: "Team", participantIds: [others[i].userId] },
          }),
        status: 201,
        count: () => count("SELECT COUNT(*) AS n FROM dialog_members WHERE user_id = ?", actor.userId),
      };
    },
  ],
  [
    "POST /shops/:id/chat",
    "WRITE_LIMIT_DIALOG",
    async (actor) => {
      const [owner] = await accounts(1);
      const shops: Shop[] = [];
      for (let i = 0; i < 4; i++) shops.push(await createShop(owner.token));
      return {
        send: (call, i, o) => call("POST", `/api/v1/shops/${shops[i].id}/chat`, o),
        status: 201,
        count: () => count("SELECT COUNT(*) AS n FROM dialog_members WHERE user_id = ?", actor.userId),
      };
    },
  ],
  [
    "POST /dialogs/:id/members",
    "WRITE_LIMIT_DIALOG",
    async (actor) => {
      const others = await accounts(5);
      const dialog = await group(actor, [others[4]]);
      return {
        send: (call, i, o) =>
          call("POST", `/api/v1/dialogs/${dialog.id}/members`, { ...o, body: { userIds: [others[i].userId] } }),
        status: 200,
        count: () => count("SELECT COUNT(*) AS n FROM dialog_members WHERE dialog_id = ?", dialog.id),
      };
    },
  ],
  [
    "POST /dialogs/:id/messages",
    "WRITE_LIMIT_CHAT_MESSAGE",
    async (actor) => {
      const [other] = await accounts(1);
      const dialog = await direct(actor, other);
      return {
        send: (call, i, o) =>
          call("POST", `/api/v1/dialogs/${dialog.id}/messages`, {
            ...o,
            body: { clientId: clientId(), kind: "text", text: `message ${i}` },
          }),
        status: 201,
        count: async () => {
          const room = await roomOf(dialog.id).info();
          return room.ok ? room.lastSeq : -1;
        },
      };
    },
  ],
  [
    "POST /media",
    "WRITE_LIMIT_MEDIA_UPLOAD",
    async (actor) => ({
      send: (call, i, o) =>
        call("POST", "/api/v1/media", {
          ...o,
          raw: bytes(PNG_HEADER, 100 + i),
          headers: { "Content-Type": "image/png" },
        }),
      status: 201,
      count: () => count("SELECT COUNT(*) AS n FROM product_media WHERE owner_id = ?", actor.userId),
    }),
  ],
  [
    "POST /products/:id/media",
    "WRITE_LIMIT_MEDIA_UPLOAD",
    async (actor) => {
      const product = await createProduct(actor.token, await createShop(actor.token));
      return {
        send: (call, i, o) =>
          call("POST", `/api/v1/products/${product.id}/media`, {
            ...o,
            raw: bytes(PNG_HEADER, 100 + i),
            headers: { "Content-Type": "image/png" },
          }),
        status: 201,
        count: () => count("SELECT COUNT(*) AS n FROM product_media WHERE product_id = ?", product.id),
      };
    },
  ],
  [
    "POST /shops",
    "WRITE_LIMIT_SHOP",
    async (actor) => ({
      send: (call, i, o) =>
        call("POST", "/api/v1/shops", {
          ...o,
          body: {
            name: `Limited ${i} ${crypto.randomUUID().slice(0, 6)}`,
            category: "fashion",
            country: "TH",
            currency: "THB",
          },
        }),
      status: 201,
      count: () => count("SELECT COUNT(*) AS n FROM shops WHERE owner_id = ?", actor.userId),
    }),
  ],
  [
    "POST /products",
    "WRITE_LIMIT_PRODUCT",
    async (actor) => {
      const shop = await createShop(actor.token);
      return {
        send: (call, _i, o) => call("POST", "/api/v1/products", { ...o, body: productInput(shop) }),
        status: 201,
        count: () => count("SELECT COUNT(*) AS n FROM products WHERE shop_id = ?", shop.id),
      };
    },
  ],
  [
    "POST /users/me/addresses",
    "WRITE_LIMIT_ADDRESS",
    async (actor) => ({
      send: (call, i, o) =>
        call("POST", "/api/v1/users/me/addresses", { ...o, body: thaiAddress({ label: `Place ${i}` }) }),
      status: 201,
      count: () => count("SELECT COUNT(*) AS n FROM addresses WHERE user_id = ?", actor.userId),
    }),
  ],
  [
    "POST /notifications/devices",
    "WRITE_LIMIT_DEVICE",
    async (actor) => ({
      send: (call, _i, o) =>
        call("POST", "/api/v1/notifications/devices", {
          ...o,
          body: { token: `fcm-${crypto.randomUUID()}:${crypto.randomUUID()}`, platform: "android" },
        }),
      status: 201,
      count: () => count("SELECT COUNT(*) AS n FROM notification_devices WHERE user_id = ?", actor.userId),
    }),
  ],
];

describe("rate limits of repeatable writes", () => {
  it.each(CASES)("%s: the third within the window is 429 and changes nothing (%s)", async (_, variable, prepare) => {
    const [actor] = await accounts(1);
    const { send, status, count: rows } = await prepare(actor);
    await forgetSetUp([actor]);
    const call = withVars({ [variable]: `2,1000,${WINDOW}` });
    const as = { token: actor.token, ip: uniqueIp() };
    for (let i = 0; i < 2; i++) {
      const res = await send(call, i, as);
      expect(res.status, await res.text()).toBe(status);
    }
    const before = await rows();
    await expectLimited(await send(call, 2, as), WINDOW);
    expect(await rows()).toBe(before);
    advanceTime(WINDOW * 1000);
    const after = await send(call, 2, as);
    expect(after.status, await after.text()).toBe(status);
    expect(await rows()).toBe(before + 1);
  });

  it.each(CASES)("%s: per IP too, across accounts (%s)", async (_, variable, prepare) => {
    const actors = await accounts(3);
    const writes = await Promise.all(actors.map(async (actor) => ({ actor, ...(await prepare(actor)) })));
    await forgetSetUp(actors);
    const call = withVars({ [variable]: `1000,2,${WINDOW}` });
    const ip = uniqueIp();
    for (const { actor, send, status } of writes.slice(0, 2)) {
      const res = await send(call, 0, { token: actor.token, ip });
      expect(res.status, await res.text()).toBe(status);
    }
    const third = writes[2];
    const before = await third.count();
    await expectLimited(await third.send(call, 0, { token: third.actor.token, ip }), WINDOW, "this network");
    expect(await third.count()).toBe(before);
    // Another network is not affected.
    const elsewhere = await third.send(call, 0, { token: third.actor.token, ip: uniqueIp() });
    expect(elsewhere.status, await elsewhere.text()).toBe(third.status);
  });
});
