import { env } from "cloudflare:test";
import { grantAdmin, register } from "../support/accounts";
import { expectJson, type Money, post } from "../support/http";

export * from "../support/http";

export interface Shop {
  id: string;
  ownerId: string;
  name: string;
  description: string | null;
  category: string;
  country: string;
  currency: string;
  verificationStatus: string;
  verifiedAt: string | null;
  verificationNote?: string;
  contact?: { phone?: string; email?: string; address?: string };
  createdAt: string;
  updatedAt: string;
}

export interface Variant {
  id: string;
  sku: string;
  name: string;
  price: Money;
  attributes: Record<string, string>;
  available?: number;
}

export interface Product {
  id: string;
  shopId: string;
  name: string;
  slug: string;
  description: string;
  categoryId: string | null;
  brand: string | null;
  sku: string;
  price: Money;
  status: string;
  images: { id: string; url: string }[];
  variants: Variant[];
  rating: { average: number; count: number };
  available: number;
  attributes: Record<string, string>;
  weightGrams: number | null;
  dimensions: { lengthMm: number; widthMm: number; heightMm: number } | null;
  soldCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

export interface Level {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
  variants: { variantId: string; sku: string; onHand: number; reserved: number; available: number }[];
}

// --- Accounts ----------------------------------------------------------------------------------

export interface Account {
  token: string;
  userId: string;
}

/** A fresh signed-in account (email sign-up). */
export async function newAccount(country = "TH"): Promise<Account> {
  const tokens = await register({ emailPrefix: "seller", country });
  return { token: tokens.accessToken, userId: tokens.user.id };
}

/** A fresh account with the admin role (roles are read from the account on every request). */
export async function newAdmin(): Promise<Account> {
  const account = await newAccount("SG");
  await grantAdmin(account.userId);
  return account;
}

// --- Shops and products ------------------------------------------------------------------------

export type Country = "TH" | "SG" | "ID" | "MY" | "PH" | "VN";

export const CURRENCY: Record<Country, string> = { TH: "THB", SG: "SGD", ID: "IDR", MY: "MYR", PH: "PHP", VN: "VND" };

export async function createShop(token: string, country = "TH", extra: Record<string, unknown> = {}): Promise<Shop> {
  const res = await post(
    "/api/v1/shops",
    {
      name: `Shop ${country} ${crypto.randomUUID().slice(0, 6)}`,
      category: "electronics",
      country,
      currency: CURRENCY[country as Country],
      ...extra,
    },
    token,
  );
  return expectJson<Shop>(res, 201);
}

let skuSeq = 0;
export const uniqueSku = (prefix = "SKU") => `${prefix}-${Date.now().toString(36)}-${++skuSeq}`;

export function productInput(shop: Shop, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const amount = shop.currency === "IDR" ? 1_500_000 : shop.currency === "VND" ? 150_000 : 129_900;
  return {
    shopId: shop.id,
    name: "เสื้อยืดคอกลม ผ้าฝ้าย 100%",
    description: "Soft cotton tee",
    sku: uniqueSku(),
    price: { amount, currency: shop.currency },
    stock: 10,
    ...extra,
  };
}

export async function createProduct(token: string, shop: Shop, extra: Record<string, unknown> = {}): Promise<Product> {
  return expectJson<Product>(await post("/api/v1/products", productInput(shop, extra), token), 201);
}

/** A shop owner with a shop and nothing else. */
export async function seller(country = "TH"): Promise<Account & { shop: Shop }> {
  const account = await newAccount(country);
  return { ...account, shop: await createShop(account.token, country) };
}

// --- Outbox ------------------------------------------------------------------------------------

export async function productEvents(productId: string): Promise<{ type: string; queue: string; data: unknown }[]> {
  const { results } = await env.DB.prepare(
    "SELECT type, queue, envelope FROM outbox_events WHERE json_extract(envelope, '$.data.productId') = ? ORDER BY id",
  )
    .bind(productId)
    .all<{ type: string; queue: string; envelope: string }>();
  return results.map((r) => ({
    type: r.type,
    queue: r.queue,
    data: (JSON.parse(r.envelope) as { data: unknown }).data,
  }));
}

// --- Bytes -------------------------------------------------------------------------------------

export const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const JPEG_HEADER = [0xff, 0xd8, 0xff, 0xe0];
export const WEBP_HEADER = [
  ...new TextEncoder().encode("RIFF"),
  0x24,
  0,
  0,
  0,
  ...new TextEncoder().encode("WEBPVP8 "),
];

/** `size` bytes starting with `header` (the rest zeros). */
export function bytes(header: readonly number[], size = 256): Uint8Array {
  const out = new Uint8Array(size);
  out.set(header.slice(0, size));
  return out;
}
