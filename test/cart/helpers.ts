import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { products, productVariants, shops } from "../../d1/schema";
import { cartStub, guestCartName, userCartName } from "../../workers/cart";
import { inventoryKey, setStock } from "../../workers/inventory";
import { database } from "../../workers/platform/db";
import { newId } from "../../workers/platform/ids";
import { type Country, CURRENCY } from "../catalog/helpers";
import { register } from "../support/accounts";
import { expectJson, type CallOptions as HttpCallOptions, type Money, call as request } from "../support/http";

export { BASE, expectJson, expectProblem, type Money, type Problem } from "../support/http";

export interface CartItem {
  id: string;
  productId: string;
  variantId?: string;
  name: string;
  variantName?: string;
  sku: string | null;
  shopId: string | null;
  image: string | null;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  available: number;
  purchasable: boolean;
  priceChanged: boolean;
  addedAt: string;
}

export interface Cart {
  id: string;
  items: CartItem[];
  subtotal: Money | null;
  itemCount: number;
  currency: string | null;
  updatedAt: string | null;
  expiresAt: string | null;
}

/** Who is asking: a signed-in user (token), a guest (cartToken), or a new guest (neither). */
export interface Caller {
  token?: string;
  cartToken?: string;
}

export type CallOptions = HttpCallOptions & Caller;

/** `call` of test/support, plus the guest's cart token (X-Cart-Token). */
export function call(method: string, path: string, { cartToken, ...options }: CallOptions = {}): Promise<Response> {
  if (!cartToken) return request(method, path, options);
  const headers = new Headers(options.headers);
  headers.set("X-Cart-Token", cartToken);
  return request(method, path, { ...options, headers });
}

export const getCart = (who: Caller = {}) => call("GET", "/api/v1/cart", who);
export const addItem = (body: unknown, who: Caller = {}) => call("POST", "/api/v1/cart/items", { ...who, body });
export const patchItem = (id: string, body: unknown, who: Caller = {}) =>
  call("PATCH", `/api/v1/cart/items/${id}`, { ...who, body });
export const deleteItem = (id: string, who: Caller = {}) => call("DELETE", `/api/v1/cart/items/${id}`, who);
export const clearCart = (who: Caller = {}) => call("DELETE", "/api/v1/cart", who);
export const validateCart = (who: Caller = {}) => call("POST", "/api/v1/cart/validate", who);
export const shippingRates = (body: unknown, who: Caller = {}) =>
  call("POST", "/api/v1/shipping/rates", { ...who, body });

export const expectCart = (res: Response) => expectJson<Cart>(res, 200);

// --- Accounts ----------------------------------------------------------------------------------

export interface Account {
  token: string;
  userId: string;
  email: string;
  password: string;
}

export { STRONG_PASSWORD as PASSWORD } from "../support/accounts";

export async function newAccount(headers: Record<string, string> = {}): Promise<Account> {
  const tokens = await register({ emailPrefix: "buyer", displayName: "Buyer", headers });
  return { token: tokens.accessToken, userId: tokens.user.id, email: tokens.email, password: tokens.password };
}

// --- Catalog rows (inserted directly; stock set on the Inventory objects) ----------------------

export async function newShop(country: Country = "TH"): Promise<{ id: string; country: string; currency: string }> {
  const id = newId("shp");
  const now = Date.now();
  await database(env)
    .insert(shops)
    .values({
      id,
      ownerId: newId("usr"),
      name: `Shop ${id.slice(-6)}`,
      category: "electronics",
      country,
      currency: CURRENCY[country],
      verificationStatus: "verified",
      createdAt: now,
      updatedAt: now,
    });
  return { id, country, currency: CURRENCY[country] };
}

export interface ProductSpec {
  shop?: { id: string; currency: string };
  price?: number;
  stock?: number;
  status?: "draft" | "active" | "archived";
  name?: string;
  weightGrams?: number | null;
  dimensions?: { lengthMm: number; widthMm: number; heightMm: number };
  /** Variants: each with its own stock and optionally its own price. */
  variants?: { name: string; price?: number; stock: number }[];
}

export interface SeededProduct {
  id: string;
  shopId: string;
  currency: string;
  price: number;
  variants: { id: string; name: string; price: number }[];
}

/** A product (and its variants) in D1, with stock on its Inventory objects. */
export async function newProduct(spec: ProductSpec = {}): Promise<SeededProduct> {
  const shop = spec.shop ?? (await newShop("TH"));
  const id = newId("prd");
  const now = Date.now();
  const price = spec.price ?? 129_900;
  const db = database(env);
  await db.insert(products).values({
    id,
    shopId: shop.id,
    name: spec.name ?? `Product ${id.slice(-6)}`,
    slug: id.toLowerCase(),
    description: "A product for cart tests",
    sku: `SKU-${id.slice(-8)}`,
    priceAmount: price,
    currency: shop.currency,
    status: spec.status ?? "active",
    attributes: {},
    weightGrams: spec.weightGrams === undefined ? 500 : spec.weightGrams,
    lengthMm: spec.dimensions?.lengthMm ?? null,
    widthMm: spec.dimensions?.widthMm ?? null,
    heightMm: spec.dimensions?.heightMm ?? null,
    createdAt: now,
    updatedAt: now,
  });
  const variants: SeededProduct["variants"] = [];
  for (const [i, v] of (spec.variants ?? []).entries()) {
    const variantId = newId("var");
    await db.insert(productVariants).values({
      id: variantId,
      productId: id,
      sku: `V-${variantId.slice(-8)}`,
      name: v.name,
      priceAmount: v.price ?? null,
      attributes: {},
      position: i,
      createdAt: now,
      updatedAt: now,
    });
    await stock(id, v.stock, variantId);
    variants.push({ id: variantId, name: v.name, price: v.price ?? price });
  }
  if (!spec.variants) await stock(id, spec.stock ?? 10);
  return { id, shopId: shop.id, currency: shop.currency, price, variants };
}

export async function stock(productId: string, onHand: number, variantId?: string): Promise<void> {
  const r = await setStock(env, { key: inventoryKey(productId, variantId) }, { onHand });
  expect(r.ok).toBe(true);
}

export async function setPrice(productId: string, amount: number): Promise<void> {
  await database(env).update(products).set({ priceAmount: amount }).where(eq(products.id, productId));
}

export async function setStatus(productId: string, status: "draft" | "active" | "archived"): Promise<void> {
  await database(env).update(products).set({ status }).where(eq(products.id, productId));
}

export async function softDelete(productId: string): Promise<void> {
  await database(env).update(products).set({ deletedAt: Date.now() }).where(eq(products.id, productId));
}

export const userCart = (userId: string) => cartStub(env, userCartName(userId));
export const guestCart = async (token: string) => cartStub(env, await guestCartName(token));

/** A guest cart holding `lines`; returns its token. */
export async function guestWith(lines: { productId: string; variantId?: string; quantity: number }[]): Promise<string> {
  let token: string | undefined;
  for (const line of lines) {
    const res = await addItem(line, { cartToken: token });
    await expectCart(res);
    token = res.headers.get("X-Cart-Token") ?? undefined;
  }
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token!;
}
