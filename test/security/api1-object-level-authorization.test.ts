import { beforeAll, describe, expect, it } from "vitest";
import { bytes, createProduct, createShop, PNG_HEADER, type Product, uniqueSku } from "../catalog/helpers";
import { ADDRESS, checkout, userCart } from "../orders/helpers";
import { type OwnedResources, ownedResources, type People, people } from "../platform/route-security.fixture";
import { call, expectJson } from "../support/http";
import {
  isOperatorOperation,
  type JsonSchema,
  type OpenApiDocument,
  operationsOf,
  publishedDocument,
  resolve,
} from "./support/openapi";

// OWASP API1:2023, Broken Object Level Authorization.
// Every route with an id in its PATH is swept by test/platform/route-security.test.ts (generated
// from the registered routes: user B on user A's resources → 403/404, A's resources unchanged).
// This file covers the ids that travel elsewhere: in request BODIES and QUERY strings (every such
// field of /openapi.json is classified below; a new one fails until it is), and in LISTS (B's
// lists never hold A's private objects).

/** Id-like fields: `id`, `...Id`, `...Ids`, and `replyTo`. */
const ID_FIELD = /(^id$|Id$|Ids$|^replyTo$)/;

/** Ids anyone may name: they point at public or the caller's own things. */
const PUBLIC_REFERENCES: Record<string, string> = {
  "device.id": "the caller's own device, named by the client at sign-in",
  categoryId: "categories are public",
  shopId: "as a filter of the public catalog (GET /products); creating a product in a shop is checked below",
  productId: "products are public (cart lines, reviews, promotions)",
  shippingOptionId: "a courier rate option, the same for everyone",
  participantIds: "any user may start a chat with any user (blocked users aside)",
  userIds: "adding members: the dialog in the path is checked (route-security), members are any users",
  clientId: "the sender's own idempotency key for a message",
  "to.userId": "a transfer's recipient: money may be sent to any user (the sender's own wallet is the one debited)",
  "sticker.id": "stickers are public",
  "sticker.packId": "sticker packs are public",
  "items[].productId":
    "a line of the order in the path (route-security checks the order) or a product of the shop in the path: products are public",
  "items[].variantId": "a variant of such a product: variants are public with their product",
};

/** Fields naming someone's private object; each is exercised by a test below. */
const PRIVATE_REFERENCES = new Set([
  "POST /api/v1/products shopId",
  "PATCH /api/v1/products/{id} variants[].id",
  "PUT /api/v1/inventory/{productId} variantId",
  "POST /api/v1/cart/items variantId",
  "POST /api/v1/orders shippingAddressId",
  "POST /api/v1/checkout/quote shippingAddressId",
  "POST /api/v1/payments orderIds",
  "GET /api/v1/payments/options orderIds",
  "POST /api/v1/dialogs/{id}/messages mediaId",
  "POST /api/v1/dialogs/{id}/messages card.id",
  "POST /api/v1/dialogs/{id}/messages replyTo",
  "POST /api/v1/wallet/conversions quoteId",
  // Only the transfer's sender, in a direct dialog with its receiver: test/wallet/transfer-card.test.ts.
  "POST /api/v1/dialogs/{id}/messages transferId",
  "PATCH /api/v1/orders/{id}/shipping-address shippingAddressId",
  // The buyer's own pictures only: test/returns/returns.test.ts ("takes the buyer's own pictures and refuses someone else's").
  "POST /api/v1/orders/{id}/returns mediaIds",
  // The shop owner's own uploads only: test/seller/verification.test.ts (a document of another shop is refused).
  "POST /api/v1/shops/{id}/verification documentIds",
]);

function idFields(doc: OpenApiDocument, raw: JsonSchema | undefined, prefix = "", depth = 0): string[] {
  const schema = resolve(doc, raw);
  if (depth > 6) return [];
  const out: string[] = [];
  for (const alt of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    out.push(...idFields(doc, alt, prefix, depth + 1));
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (ID_FIELD.test(name)) out.push(`${prefix}${name}`);
    const resolved = resolve(doc, child);
    out.push(...idFields(doc, resolved, `${prefix}${name}.`, depth + 1));
    if (resolved.items) out.push(...idFields(doc, resolved.items, `${prefix}${name}[].`, depth + 1));
  }
  return [...new Set(out)];
}

let doc: OpenApiDocument;
let who: People;
let owned: OwnedResources;
/** A's product with a variant, A's uploaded picture. */
let variantProduct: Product;
let mediaId: string;
/** B's own shop, product and dialog with C, for requests that carry A's ids inside B's own things. */
let strangersProduct: Product;
let strangersDialog: string;

const asA = () => ({ token: who.owner.token });
const asB = () => ({ token: who.stranger.token });

beforeAll(async () => {
  doc = await publishedDocument();
  who = await people();
  owned = await ownedResources(who);
  const aShop = await createShop(who.owner.token);
  variantProduct = await createProduct(who.owner.token, aShop, {
    variants: [{ sku: uniqueSku("VAR"), name: "Red", stock: 7 }],
  });
  const upload = await call("POST", "/api/v1/media", {
    ...asA(),
    raw: bytes(PNG_HEADER),
    headers: { "Content-Type": "image/png" },
  });
  mediaId = (await expectJson<{ id: string }>(upload, 201)).id;
  const bShop = await createShop(who.stranger.token);
  strangersProduct = await createProduct(who.stranger.token, bShop, { weightGrams: 300 });
  const dialog = await call("POST", "/api/v1/dialogs", {
    ...asB(),
    body: { type: "direct", participantIds: [who.member.userId] },
  });
  strangersDialog = (await expectJson<{ id: string }>(dialog, dialog.status === 200 ? 200 : 201)).id;
}, 120_000);

/** A refusal: 403, 404, 409 or 422, as problem+json. */
async function expectRefused(res: Response, label: string) {
  const text = await res.text();
  expect([403, 404, 409, 422], `${label} answered ${res.status}: ${text}`).toContain(res.status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
}

describe("API1: ids in bodies and query strings", () => {
  it("every id-like field of /openapi.json is classified (public reference, or private and tested here)", () => {
    const unclassified: string[] = [];
    // Operators may name anything (their routes are role-checked: API5); dev routes are off in production (API8).
    for (const op of operationsOf(doc).filter((o) => !isOperatorOperation(o) && !o.tags.includes("Dev"))) {
      const fields = [
        ...idFields(doc, op.jsonBody),
        ...op.parameters.filter((p) => p.in === "query" && ID_FIELD.test(p.name)).map((p) => p.name),
      ];
      for (const field of fields) {
        if (!PRIVATE_REFERENCES.has(`${op.key} ${field}`) && !(field in PUBLIC_REFERENCES)) {
          unclassified.push(`${op.key} ${field}`);
        }
      }
    }
    expect(unclassified, "classify each in PUBLIC_REFERENCES or PRIVATE_REFERENCES (with a test)").toEqual([]);
  });

  it("POST /products into A's shop: refused", async () => {
    const res = await call("POST", "/api/v1/products", {
      ...asB(),
      body: {
        shopId: owned.shop,
        name: "Not mine",
        description: "x",
        sku: uniqueSku(),
        price: { amount: 1000, currency: "THB" },
        stock: 1,
      },
    });
    await expectRefused(res, "POST /products");
  });

  it("B's product PATCHed with A's variant id, B's stock-take of A's variant, B's cart line with it: refused, A's variant unchanged", async () => {
    const variant = variantProduct.variants[0] as { id: string };
    const before = await expectJson(await call("GET", `/api/v1/inventory/${variantProduct.id}`), 200);
    await expectRefused(
      await call("PATCH", `/api/v1/products/${strangersProduct.id}`, {
        ...asB(),
        body: { variants: [{ id: variant.id, sku: uniqueSku(), name: "Stolen", stock: 0 }] },
      }),
      "PATCH /products variants[].id",
    );
    await expectRefused(
      await call("PUT", `/api/v1/inventory/${strangersProduct.id}`, {
        ...asB(),
        body: { variantId: variant.id, onHand: 0 },
      }),
      "PUT /inventory variantId",
    );
    await expectRefused(
      await call("POST", "/api/v1/cart/items", {
        ...asB(),
        body: { productId: strangersProduct.id, variantId: variant.id, quantity: 1 },
      }),
      "POST /cart/items variantId of another product",
    );
    expect(await expectJson(await call("GET", `/api/v1/inventory/${variantProduct.id}`), 200)).toEqual(before);
  });

  it("POST /orders shipping to A's saved address: refused, B's cart kept", async () => {
    await userCart(who.stranger.token, [{ productId: strangersProduct.id, quantity: 1 }]);
    const res = await call("POST", "/api/v1/orders", {
      ...asB(),
      idempotencyKey: crypto.randomUUID(),
      body: { shippingAddressId: owned.address },
    });
    await expectRefused(res, "POST /orders shippingAddressId");
    const cart = await expectJson<{ itemCount: number }>(await call("GET", "/api/v1/cart", asB()), 200);
    expect(cart.itemCount).toBeGreaterThan(0);
  });

  it("POST /checkout/quote to A's saved address: refused, nothing of A's shown", async () => {
    await userCart(who.stranger.token, [{ productId: strangersProduct.id, quantity: 1 }]);
    const res = await call("POST", "/api/v1/checkout/quote", { ...asB(), body: { shippingAddressId: owned.address } });
    const text = await res.clone().text();
    await expectRefused(res, "POST /checkout/quote shippingAddressId");
    expect(text).not.toContain("postalCode");
  });

  it("PATCH /orders/:id/shipping-address of B's own order to A's saved address: refused, B's address kept", async () => {
    await userCart(who.stranger.token, [{ productId: owned.product, quantity: 1 }]);
    // B's own street (A's is looked for in B's lists below).
    const [order] = await checkout(asB(), { shippingAddress: { ...ADDRESS.TH, street: "99 Silom Road" } });
    const res = await call("PATCH", `/api/v1/orders/${order.id}/shipping-address`, {
      ...asB(),
      body: { shippingAddressId: owned.address },
    });
    await expectRefused(res, "B's order moved to A's address");
    const after = await expectJson<{ shippingAddress: unknown }>(
      await call("GET", `/api/v1/orders/${order.id}`, asB()),
      200,
    );
    expect(after.shippingAddress).toEqual(order.shippingAddress);
  });

  it("GET /payments/options for A's order: refused, its currency not told", async () => {
    await expectRefused(
      await call("GET", `/api/v1/payments/options?orderIds=${owned.order}`, asB()),
      "GET /payments/options orderIds",
    );
  });

  it("POST /payments for A's order: refused, A's order unchanged", async () => {
    const before = await expectJson(await call("GET", `/api/v1/orders/${owned.order}`, asA()), 200);
    const res = await call("POST", "/api/v1/payments", {
      ...asB(),
      idempotencyKey: crypto.randomUUID(),
      body: { orderIds: [owned.order], gateway: "sandbox", method: "qris" },
    });
    await expectRefused(res, "POST /payments orderIds");
    expect(await expectJson(await call("GET", `/api/v1/orders/${owned.order}`, asA()), 200)).toEqual(before);
  });

  it("POST /wallet/conversions with A's quote: not found for B, and A's quote still unused", async () => {
    const quoted = await call("POST", "/api/v1/fx/quotes", {
      ...asA(),
      body: { from: { amount: 100_000, currency: "THB" }, to: "USD" },
    });
    const quote = await expectJson<{ id: string }>(quoted, 201);
    const convert = (auth: { token: string }) =>
      call("POST", "/api/v1/wallet/conversions", {
        ...auth,
        idempotencyKey: crypto.randomUUID(),
        body: { quoteId: quote.id },
      });
    const res = await convert(asB());
    expect(res.status).toBe(404);
    await expectRefused(res, "POST /wallet/conversions quoteId");
    // Still A's to use: A's (empty) wallet answers for its funds, not that the quote was used.
    const own = await convert(asA());
    expect(own.status).toBe(409);
    expect(((await own.json()) as { code: string }).code).toBe("insufficient_funds");
  });

  it("B's message with A's upload, A's order card, or a reply to A's private message: refused or shown without A's data", async () => {
    const send = (body: Record<string, unknown>) =>
      call("POST", `/api/v1/dialogs/${strangersDialog}/messages`, {
        ...asB(),
        body: { clientId: crypto.randomUUID(), ...body },
      });
    await expectRefused(await send({ kind: "image", mediaId }), "message mediaId");
    await expectRefused(await send({ kind: "card", card: { type: "order", id: owned.order } }), "message card.id");
    const reply = await send({ kind: "text", text: "what did they say?", replyTo: owned.message });
    const text = await reply.text();
    if (reply.status === 201) {
      expect(text).not.toContain("Hello from the sweep");
    } else {
      expect([403, 404, 422], text).toContain(reply.status);
    }
  });
});

describe("API1: lists", () => {
  it("no list B may call holds A's private objects", async () => {
    const privateIds = [
      owned.address,
      owned.order,
      owned.payment,
      owned.dialog,
      owned.message,
      owned.session,
      owned.notification,
      owned.device,
      owned.cartItem,
      ADDRESS.TH.street,
    ];
    const lists = operationsOf(doc).filter(
      (op) => op.method === "GET" && op.bearer && !op.path.includes("{") && !op.path.startsWith("/api/v1/admin/"),
    );
    expect(lists.length).toBeGreaterThan(8);
    for (const op of lists) {
      const res = await call("GET", op.path, asB());
      const text = await res.text();
      expect(res.status, `${op.key}: ${text}`).toBeLessThan(500);
      for (const id of privateIds) expect(text, `${op.key} shows ${id} of A's`).not.toContain(id);
    }
  });
});
