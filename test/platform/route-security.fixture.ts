import { env } from "cloudflare:test";
import { expect } from "vitest";
import { securityAlertEvent } from "../../workers/identity";
import { walletStub } from "../../workers/wallet";
import { createProduct, createShop } from "../catalog/helpers";
import { deliverToQueue, NOTIFICATIONS_QUEUE, recordingDeps } from "../notifications/helpers";
import { ADDRESS, checkout, pay, userCart } from "../orders/helpers";
import { uploadPicture } from "../returns/helpers";
import { buyThroughApi } from "../reviews/helpers";
import { grantAdmin, register } from "../support/accounts";
import { call, expectJson } from "../support/http";

// The resources of one user (A), made through the public API, whose ids fill the path parameters of
// the route-security sweep (test/platform/route-security.test.ts). Another user (B) then calls
// every route with them.

export interface Person {
  userId: string;
  token: string;
}

/** The people of the sweep: A owns everything below, C takes part in it, B is a stranger to all of it. */
export interface People {
  owner: Person;
  member: Person;
  stranger: Person;
  operator: Person;
}

/** One id of A's (or of A's world) per kind of resource a path names. */
export interface OwnedResources {
  /** A's own user id (presence). */
  user: string;
  session: string;
  address: string;
  shop: string;
  product: string;
  order: string;
  payment: string;
  cartItem: string;
  /** C's review of A's product (A, the shop's owner, may reply). */
  review: string;
  /** A group dialog A created with C. */
  dialog: string;
  /** C, a member of A's dialog. */
  member: string;
  message: string;
  /** An emoji A reacted with to A's message. */
  emoji: string;
  /** C's report of A's message, an open flag. */
  flag: string;
  device: string;
  notification: string;
  /** Operators' resources (the operator role owns them). */
  category: string;
  synonym: string;
  /** A dead letter (a malformed message the dead-letter queue kept). */
  deadLetter: string;
  /** A courier's COD remittance statement, recorded by the operator. */
  codRemittance: string;
  /** A currency A's wallet holds, and a transaction in it (a top-up). */
  currency: string;
  walletTransaction: string;
  /** A's withdrawal to a bank account, whose id is also its disbursement's. */
  disbursement: string;
  /** A verification document A uploaded to A's shop (not yet sent), and A's verification request. */
  shopDocument: string;
  shopVerification: string;
  /** A's shop's sandbox shipment of C's paid order. */
  shipment: string;
  /** A's shop's voucher, an upcoming flash sale of A's product, and C's return of C's delivered order. */
  voucher: string;
  flashSale: string;
  returnRequest: string;
  /** The photo C sent with that return. */
  returnPhoto: string;
}

/**
 * Which resource fills a path parameter, by the path segment just before it: `/orders/{id}` takes
 * A's order, `/dialogs/{id}/members/{userId}` A's dialog and its member C. A route on a new kind of
 * resource needs an entry here (and a resource above), or the sweep reports it as unfilled.
 */
export const RESOURCE_BY_SEGMENT: Record<string, keyof OwnedResources> = {
  users: "user",
  sessions: "session",
  addresses: "address",
  shops: "shop",
  products: "product",
  inventory: "product",
  orders: "order",
  payments: "payment",
  items: "cartItem",
  reviews: "review",
  dialogs: "dialog",
  members: "member",
  messages: "message",
  reactions: "emoji",
  flags: "flag",
  devices: "device",
  notifications: "notification",
  categories: "category",
  synonyms: "synonym",
  "dead-letters": "deadLetter",
  "cod-remittances": "codRemittance",
  wallets: "currency",
  transactions: "walletTransaction",
  disbursements: "disbursement",
  documents: "shopDocument",
  "shop-verifications": "shopVerification",
  shipments: "shipment",
  vouchers: "voucher",
  "flash-sales": "flashSale",
  returns: "returnRequest",
  photos: "returnPhoto",
};

export interface Input {
  body?: unknown;
  query?: string;
}

/**
 * A valid request for the routes that check their input before they check who calls (an empty one
 * is refused as invalid before the caller is). The sweep first tries an empty request; a route that
 * answers 400/415/422 to it and has no entry here fails.
 */
export const SAMPLE_INPUT: Record<string, (r: OwnedResources) => Input> = {
  "PATCH /api/v1/users/me/addresses/{id}": () => ({ body: { recipientName: "Not yours" } }),
  "PATCH /api/v1/shops/{id}": () => ({ body: { name: "Not yours" } }),
  "PATCH /api/v1/products/{id}": () => ({ body: { name: "Not yours" } }),
  "PUT /api/v1/inventory/{productId}": () => ({ body: { onHand: 0 } }),
  "POST /api/v1/products/{id}/reviews": () => ({ body: { rating: 1, body: "Never bought it, reviewing anyway." } }),
  "POST /api/v1/reviews/{id}/reply": () => ({ body: { body: "Not the shop's reply." } }),
  "PATCH /api/v1/cart/items/{id}": () => ({ body: { quantity: 2 } }),
  "PATCH /api/v1/orders/{id}/status": () => ({ body: { status: "processing" } }),
  "POST /api/v1/payments/{id}/simulate": () => ({ body: { outcome: "success" } }),
  "POST /api/v1/shipments/{id}/simulate": () => ({ body: { status: "picked_up" } }),
  "POST /api/v1/dev/disbursements/{id}/simulate": () => ({ body: { status: "succeeded" } }),
  "PATCH /api/v1/dialogs/{id}": () => ({ body: { name: "Not yours" } }),
  "POST /api/v1/dialogs/{id}/members": (r) => ({ body: { userIds: [r.member] } }),
  "PATCH /api/v1/dialogs/{id}/members/{userId}": () => ({ body: { role: "admin" } }),
  "PATCH /api/v1/dialogs/{id}/settings": () => ({ body: { muted: true } }),
  "POST /api/v1/dialogs/{id}/messages": () => ({
    body: { clientId: `sweep-${crypto.randomUUID()}`, kind: "text", text: "Let me in" },
  }),
  "PATCH /api/v1/dialogs/{id}/messages/{messageId}": () => ({ body: { text: "Not my message" } }),
  "POST /api/v1/dialogs/{id}/messages/{messageId}/reactions": () => ({ body: { emoji: "👎" } }),
  "POST /api/v1/dialogs/{id}/read": () => ({ body: { seq: 1 } }),
  "GET /api/v1/dialogs/{id}/search": () => ({ query: "q=hello" }),
  "POST /api/v1/shops/{id}/verification": (r) => ({ body: { documentIds: [r.shopDocument] } }),
  "POST /api/v1/shops/{id}/vouchers": () => ({ body: voucherInput() }),
  "PATCH /api/v1/vouchers/{id}": () => ({ body: { active: false } }),
  "POST /api/v1/shops/{id}/flash-sales": (r) => ({ body: flashSaleInput(r.product, 3) }),
  "PATCH /api/v1/orders/{id}/shipping-address": () => ({ body: { shippingAddress: ADDRESS.TH } }),
  "POST /api/v1/orders/{id}/returns": (r) => ({
    body: { items: [{ productId: r.product, quantity: 1 }], reason: "Not mine" },
  }),
};

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function voucherInput() {
  const code = `SWEEP${crypto.randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase()}`;
  return { code, type: "percent", value: 10, startsAt: hoursFromNow(1), endsAt: hoursFromNow(24) };
}

/** A sale of one unit price below the sweep product's (129,900 THB minor units), starting in `startHours`. */
function flashSaleInput(productId: string, startHours: number) {
  return {
    name: "Sweep sale",
    startsAt: hoursFromNow(startHours),
    endsAt: hoursFromNow(startHours + 1),
    items: [{ productId, salePrice: { amount: 99_900, currency: "THB" }, quota: 5 }],
  };
}

async function person(emailPrefix: string): Promise<Person> {
  const signedUp = await register({ emailPrefix });
  return { userId: signedUp.user.id, token: signedUp.accessToken };
}

async function created<T>(method: string, path: string, who: Person, body: unknown): Promise<T> {
  return expectJson<T>(await call(method, path, { token: who.token, body }), 201);
}

export async function people(): Promise<People> {
  const [owner, member, stranger, operator] = await Promise.all(
    ["owner", "member", "stranger", "operator"].map((prefix) => person(`sweep-${prefix}`)),
  );
  await grantAdmin(operator.userId);
  return { owner, member, stranger, operator };
}

/** A's shop, product, order, payment, cart line and address, and C's delivered order and review. */
async function commerce(owner: Person, member: Person) {
  const address = await created<{ id: string }>("POST", "/api/v1/users/me/addresses", owner, ADDRESS.TH);
  const shop = await createShop(owner.token);
  const product = await createProduct(owner.token, shop, { weightGrams: 500, stock: 20 });
  await userCart(owner.token, [{ productId: product.id, quantity: 1 }]);
  const [order] = await checkout({ token: owner.token }, { shippingAddress: ADDRESS.TH });
  const payment = await pay({ token: owner.token }, [order.id]);
  await userCart(owner.token, [{ productId: product.id, quantity: 1 }]);
  const cart = await expectJson<{ items: { id: string }[] }>(await call("GET", "/api/v1/cart", owner), 200);
  const delivered = await buyThroughApi(member, owner, product.id, "delivered");
  const review = await created<{ id: string }>("POST", `/api/v1/products/${product.id}/reviews`, member, {
    rating: 5,
    body: "Arrived quickly, as described.",
  });
  const shipped = await buyThroughApi(member, owner, product.id, "paid");
  const shipment = await expectJson<{ id: string }>(
    await call("POST", `/api/v1/orders/${shipped}/shipments`, {
      token: owner.token,
      body: { courier: "sandbox", service: "standard" },
      idempotencyKey: crypto.randomUUID(),
    }),
    201,
  );
  const returnPhoto = await uploadPicture(member.token);
  const returnRequest = await expectJson<{ id: string }>(
    await call("POST", `/api/v1/orders/${delivered}/returns`, {
      token: member.token,
      body: { items: [{ productId: product.id, quantity: 1 }], reason: "Sweep: wrong size", mediaIds: [returnPhoto] },
      idempotencyKey: crypto.randomUUID(),
    }),
    201,
  );
  const voucher = await created<{ id: string }>("POST", `/api/v1/shops/${shop.id}/vouchers`, owner, voucherInput());
  const flashSale = await created<{ id: string }>(
    "POST",
    `/api/v1/shops/${shop.id}/flash-sales`,
    owner,
    flashSaleInput(product.id, 1),
  );
  return {
    voucher: voucher.id,
    flashSale: flashSale.id,
    returnRequest: returnRequest.id,
    returnPhoto,
    address: address.id,
    shop: shop.id,
    product: product.id,
    order: order.id,
    payment: payment.id,
    cartItem: cart.items[0].id,
    review: review.id,
    shipment: shipment.id,
  };
}

/** A's group dialog with C, A's message in it with A's reaction, and C's report of it. */
async function chat(owner: Person, member: Person) {
  const dialog = await created<{ id: string }>("POST", "/api/v1/dialogs", owner, {
    type: "group",
    name: "Sweep",
    participantIds: [member.userId],
  });
  const message = await created<{ id: string }>("POST", `/api/v1/dialogs/${dialog.id}/messages`, owner, {
    clientId: `sweep-${crypto.randomUUID()}`,
    kind: "text",
    text: "Hello from the sweep",
  });
  const emoji = "👍";
  const reacted = await call("POST", `/api/v1/dialogs/${dialog.id}/messages/${message.id}/reactions`, {
    token: owner.token,
    body: { emoji },
  });
  expect(reacted.status, await reacted.clone().text()).toBeLessThan(300);
  const report = await expectJson<{ flagId: string }>(
    await call("POST", `/api/v1/dialogs/${dialog.id}/messages/${message.id}/report`, {
      token: member.token,
      body: { reason: "asked for my OTP" },
    }),
    202,
  );
  return { dialog: dialog.id, member: member.userId, message: message.id, emoji, flag: report.flagId };
}

/** A's current session, push device and one notification in A's inbox. */
async function account(owner: Person) {
  const sessions = await expectJson<{ items: { id: string }[] }>(
    await call("GET", "/api/v1/auth/sessions", owner),
    200,
  );
  const device = await created<{ id: string }>("POST", "/api/v1/notifications/devices", owner, {
    token: `sweep-device-token-${crypto.randomUUID()}`,
    platform: "ios",
  });
  await deliverToQueue(
    NOTIFICATIONS_QUEUE,
    [{ body: securityAlertEvent(owner.userId, "new_sign_in", { device: "Sweep phone" }) }],
    recordingDeps().deps,
  );
  const inbox = await expectJson<{ items: { id: string }[] }>(await call("GET", "/api/v1/notifications", owner), 200);
  return { user: owner.userId, session: sessions.items[0].id, device: device.id, notification: inbox.items[0].id };
}

/** A category, a search synonym and a dead letter, which the operator role owns. */
/** Money in A's wallet, credited on A's Wallet object as a top-up is. */
async function wallet(owner: Person) {
  const walletTransaction = `wtp_sweep_${crypto.randomUUID().slice(0, 8)}`;
  const credited = await walletStub(env, owner.userId).credit({
    movementId: walletTransaction,
    currency: "THB",
    amount: 10_000,
    type: "topup",
  });
  expect(credited.ok).toBe(true);
  const withdrawal = await expectJson<{ id: string }>(
    await call("POST", "/api/v1/wallet/withdrawals", {
      token: owner.token,
      idempotencyKey: crypto.randomUUID(),
      body: {
        amount: { amount: 1_000, currency: "THB" },
        bankAccount: { bankCode: "KBANK", accountNumber: "1234567890", accountName: "Sweep Owner" },
      },
    }),
    201,
  );
  return { currency: "THB", walletTransaction, disbursement: withdrawal.id };
}

async function operations(operator: Person) {
  const category = await created<{ id: string }>("POST", "/api/v1/admin/categories", operator, {
    slug: `sweep-${crypto.randomUUID().slice(0, 8)}`,
    names: { en: "Sweep" },
  });
  const synonym = await created<{ id: string }>("POST", "/api/v1/admin/search/synonyms", operator, {
    locale: "en",
    term: `sweep ${crypto.randomUUID().slice(0, 8)}`,
    synonyms: ["swept"],
  });
  const deadLetter = `sweep-dead-letter-${crypto.randomUUID()}`;
  await deliverToQueue(`${NOTIFICATIONS_QUEUE}-dlq`, [{ id: deadLetter, body: "not an event" }], recordingDeps().deps);
  const codRemittance = await expectJson<{ id: string }>(
    await call("POST", "/api/v1/admin/cod-remittances", {
      token: operator.token,
      idempotencyKey: crypto.randomUUID(),
      body: {
        courier: "sandbox",
        reference: `SWEEP-${crypto.randomUUID().slice(0, 8)}`,
        items: [{ trackingNumber: "SWEEP-UNKNOWN", amount: { amount: 10_000, currency: "THB" } }],
      },
    }),
    201,
  );
  return { category: category.id, synonym: synonym.id, deadLetter, codRemittance: codRemittance.id };
}

/** A's shop's verification: one document sent for review, another kept back. */
async function verification(owner: Person, shopId: string) {
  const upload = async () => {
    const res = await call("POST", `/api/v1/shops/${shopId}/verification/documents`, {
      token: owner.token,
      raw: new TextEncoder().encode("%PDF-1.7\n"),
      headers: { "Content-Type": "application/pdf" },
    });
    return (await expectJson<{ id: string }>(res, 201)).id;
  };
  const sent = await upload();
  const request = await created<{ id: string }>("POST", `/api/v1/shops/${shopId}/verification`, owner, {
    documentIds: [sent],
  });
  return { shopDocument: await upload(), shopVerification: request.id };
}

export async function ownedResources({ owner, member, operator }: People): Promise<OwnedResources> {
  const shopped = await commerce(owner, member);
  return {
    ...shopped,
    ...(await verification(owner, shopped.shop)),
    ...(await chat(owner, member)),
    ...(await account(owner)),
    ...(await operations(operator)),
    ...(await wallet(owner)),
  };
}
