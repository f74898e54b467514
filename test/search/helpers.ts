import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { categories, products } from "../../d1/schema";
import type { SearchResult } from "../../schemas/search";
import { database, nowMs } from "../../workers/platform/db";
import { newId } from "../../workers/platform/ids";
import { createEvent } from "../../workers/platform/outbox";
import { defaultQueueDeps, handleQueueBatch } from "../../workers/queue";
import { grantAdmin, register } from "../support/accounts";
import { call, expectJson } from "../support/http";

export const CATALOG_QUEUE = "tchat-catalog-events";
export const db = database(env);

export * from "../support/http";

export type SearchParams = Record<string, string | number | undefined>;

export function searchUrl(params: SearchParams): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.set(k, String(v));
  return `/api/v1/search?${qs}`;
}

export async function search(params: SearchParams): Promise<SearchResult> {
  return expectJson<SearchResult>(await call("GET", searchUrl(params)), 200);
}

/** Product names found for a query (first page). */
export async function names(params: SearchParams): Promise<string[]> {
  return (await search(params)).items.map((i) => i.name);
}

export async function suggest(q: string): Promise<string[]> {
  const res = await call("GET", `/api/v1/search/autocomplete?q=${encodeURIComponent(q)}`);
  return (await expectJson<{ suggestions: string[] }>(res, 200)).suggestions;
}

// --- Catalog fixtures (the catalog domain writes these through its API; tests write D1 directly) ---

export async function insertCategory(slug: string, names: Record<string, string>, parentId: string | null = null) {
  const id = newId("cat");
  const now = nowMs();
  await db.insert(categories).values({ id, slug, parentId, names, position: 0, createdAt: now, updatedAt: now });
  return id;
}

export type ProductInput = Partial<typeof products.$inferInsert> & { name: string };

let skuSeq = 0;
let clock = Date.parse("2026-01-01T00:00:00Z");

/** A product row as the catalog would write it; timestamps strictly increase between calls. */
export async function insertProduct(input: ProductInput) {
  clock += 1000;
  skuSeq += 1;
  const row: typeof products.$inferInsert = {
    id: newId("prd"),
    shopId: "shp_search_test",
    slug: `p-${skuSeq}`,
    description: "",
    categoryId: null,
    brand: null,
    sku: `SKU-${skuSeq}`,
    priceAmount: 100_000,
    currency: "THB",
    status: "active",
    attributes: {},
    ratingAverage: 0,
    ratingCount: 0,
    soldCount: 0,
    stockSnapshot: 10,
    createdAt: clock,
    updatedAt: clock,
    ...input,
  };
  await db.insert(products).values(row);
  return row as typeof products.$inferSelect;
}

/** Changes a product as the catalog would (bumping updatedAt). */
export async function updateProduct(id: string, set: Partial<typeof products.$inferInsert>) {
  clock += 1000;
  await db
    .update(products)
    .set({ updatedAt: clock, ...set })
    .where(eq(products.id, id));
}

export function productEvent(type: "product.created" | "product.updated" | "product.deleted", productId: string) {
  return createEvent(type, { productId, shopId: "shp_search_test" }, { subject: { type: "product", id: productId } });
}

let messageSeq = 0;

/** Delivers bodies (events, or anything a queue might carry) to the queue handler as the catalog queue would; returns which were acked. */
export async function deliver(events: unknown[]) {
  const batch = createMessageBatch(
    CATALOG_QUEUE,
    events.map((body) => ({ id: `msg-${++messageSeq}`, attempts: 1, timestamp: new Date(), body })),
  );
  const ctx = createExecutionContext();
  await handleQueueBatch(batch, env, defaultQueueDeps(env));
  return getQueueResult(batch, ctx);
}

/** Inserts products and delivers their product.created events. */
export async function createIndexed(inputs: ProductInput[]) {
  const rows = [];
  for (const input of inputs) rows.push(await insertProduct(input));
  const result = await deliver(rows.map((r) => productEvent("product.created", r.id)));
  expect(result.retryMessages).toEqual([]);
  return rows;
}

/** A signed-in user; with `admin`, granted the admin role in D1 (roles are read per request). */
export async function signUp(admin = false): Promise<string> {
  const tokens = await register({ emailPrefix: "search", displayName: admin ? "Search Admin" : "Shopper" });
  if (admin) await grantAdmin(tokens.user.id);
  return tokens.accessToken;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
