import type { BrowserContext, Page } from "playwright-core";
import { expect, inject } from "vitest";

// A person using the browser: signing in by phone with the code the server "sent" (the dev outbox
// records every SMS instead of sending it), as the account and checkout tests both do.

/** A Thai mobile number nobody else in this run uses: national form and E.164. */
export function thaiMobile(): { national: string; e164: string } {
  const rest = String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
  const second = 1 + Math.floor(Math.random() * 9);
  return { national: `08${second}${rest}`, e164: `+668${second}${rest}` };
}

/** The newest 6-digit code sent by SMS to `e164`, waiting for it to be recorded (newer than `after`). */
export async function smsCode(base: string, e164: string, after = ""): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${base}/api/v1/dev/outbox?to=${encodeURIComponent(e164)}&channel=sms`);
    const { items } = (await res.json()) as { items: { id: string; body: string; createdAt: string }[] };
    const code = items[0] && items[0].createdAt > after ? items[0].body.match(/\b\d{6}\b/)?.[0] : undefined;
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no SMS code for ${e164}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Signs in on /signin by phone (Thailand): picks the country, asks for a code, types the one from
 * the outbox. Leaves the page wherever the app goes next.
 */
export async function signInByPhone(page: Page, base: string, phone: { national: string; e164: string }) {
  await page.getByRole("button", { name: "Phone", exact: true }).click();
  await page.getByLabel("Country").selectOption("TH");
  await page.getByLabel("Mobile number").fill(phone.national);
  const asked = new Date(Date.now() - 1000).toISOString();
  await page.getByRole("button", { name: "Send me a code" }).click();
  await page.getByText(`We sent a 6-digit code by SMS to ${phone.national}.`).waitFor();
  const code = await smsCode(base, phone.e164, asked);
  expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel("Code from the SMS").fill(code);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * The page's errors less Chromium's own log line for each 4xx answer ("Failed to load resource:
 * the server responded with a status of 422"): the tests provoke those on purpose (a bad number,
 * an unknown voucher) and check that the page shows the server's words. Script errors, 5xx answers
 * and anything the app itself logs still count.
 */
export function appErrors(errors: string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
}

// Through the API: plain calls against the e2e server, and people signed in without a page.

const base = inject("baseUrl");
export interface Person {
  id: string;
  /** National format, as a person types it: "08x xxx xxxx". */
  localPhone: string;
  token: string;
  session: { accessToken: string; refreshToken: string; expiresAt: number };
}

/** A request to the e2e server (or to the server at `init.at`, for a file that runs its own). */
export async function call(
  path: string,
  init: { method?: string; token?: string; body?: unknown; key?: string; at?: string } = {},
) {
  const res = await fetch(`${init.at ?? base}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.key ? { "Idempotency-Key": init.key } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  expect(res.ok, `${path}: ${res.status} ${text.slice(0, 300)}`).toBe(true);
  // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely and checked by expect()
  return (text ? JSON.parse(text) : {}) as any;
}

/** A new person signed in by phone in Thailand (the code from the dev outbox), named `name` when given. */
export async function signIn(name?: string, at: string = base): Promise<Person> {
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
  const phone = `+668${digits}`;
  await call("/api/v1/auth/otp/request", { at, body: { phone, country: "TH" } });
  const outbox = await call(`/api/v1/dev/outbox?to=${encodeURIComponent(phone)}&channel=sms`, { at });
  const code = (outbox.items as { body: string }[])[0]?.body.match(/\b\d{6}\b/)?.[0];
  expect(code).toBeDefined();
  const tokens = await call("/api/v1/auth/otp/verify", {
    at,
    body: { phone, country: "TH", code, device: { id: `web-${digits}`, platform: "web", name: "Chromium" } },
  });
  if (name)
    await call("/api/v1/users/me", { at, method: "PATCH", token: tokens.accessToken, body: { displayName: name } });
  return asPerson(tokens, `08${digits}`);
}

/** The person a sign-in answer (TokensSchema) makes, with the session the web app keeps. */
export function asPerson(
  tokens: { user: { id: string }; accessToken: string; refreshToken: string; expiresIn: number },
  localPhone = "",
): Person {
  return {
    id: tokens.user.id,
    localPhone,
    token: tokens.accessToken,
    session: {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    },
  };
}

/** A browser context (from useBrowser) signed in as `person`, the session where web/src/api/session.ts keeps it. */
export async function contextAs(
  newContext: (locale?: string) => Promise<BrowserContext>,
  person: Person,
  locale = "en-US",
): Promise<BrowserContext> {
  const context = await newContext(locale);
  await context.addInitScript((session) => {
    localStorage.setItem("tchat.session", JSON.stringify(session));
  }, person.session);
  return context;
}

/** A deliverable address in Bangkok, as a buyer types it. */
export const BANGKOK_ADDRESS = {
  recipientName: "Somying Parcel",
  phone: "089 765 4321",
  street: "99/1 Sukhumvit Road",
  city: "Khlong Toei",
  province: "Bangkok",
  postalCode: "10110",
  country: "TH",
};

/** A product the tests sell: its name, price in satang, stock and weight (300 g unless given). */
export interface TestProduct {
  name: string;
  price: number;
  stock: number;
  weightGrams?: number;
}

/** `seller`'s new Thai shop with one product; both as the API answered. */
export async function shopWithProduct(seller: Person, shopName: string, item: TestProduct) {
  const shop = await call("/api/v1/shops", {
    token: seller.token,
    body: {
      name: `${shopName} ${crypto.randomUUID().slice(0, 6)}`,
      category: "electronics",
      country: "TH",
      currency: "THB",
    },
  });
  const product = await call("/api/v1/products", {
    token: seller.token,
    body: {
      shopId: shop.id,
      name: item.name,
      description: item.name,
      sku: `E2E-${crypto.randomUUID().slice(0, 8)}`,
      price: { amount: item.price, currency: "THB" },
      stock: item.stock,
      weightGrams: item.weightGrams ?? 300,
    },
  });
  return { shop, product };
}

/** `buyer` checks out `quantity` of the product to `address` and starts paying with `payment` (sandbox gateway unless COD). */
export async function orderAndPay(
  buyer: Person,
  productId: string,
  quantity: number,
  address: Record<string, string>,
  payment: { gateway: "sandbox" | "cod"; method: string } = { gateway: "sandbox", method: "qris" },
) {
  await call("/api/v1/cart/items", { token: buyer.token, body: { productId, quantity } });
  const { orders } = await call("/api/v1/orders", {
    token: buyer.token,
    key: crypto.randomUUID(),
    body: { shippingAddress: address },
  });
  const order = orders[0] as { id: string };
  const started = await call("/api/v1/payments", {
    token: buyer.token,
    key: crypto.randomUUID(),
    body: { orderIds: [order.id], ...payment },
  });
  if (payment.gateway === "sandbox") {
    await call(`/api/v1/payments/${started.id}/simulate`, { token: buyer.token, body: { outcome: "success" } });
  }
  return { order, payment: started as { id: string; amount: { amount: number } } };
}
