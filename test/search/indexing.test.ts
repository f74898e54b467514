import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { products } from "../../d1/schema";
import { readConfig } from "../../workers/platform/config";
import { consumeOnce } from "../../workers/platform/consume";
import { drainOutbox, recordEvent } from "../../workers/platform/outbox";
import { defaultQueueDeps } from "../../workers/queue";
import { searchIndexConsumer } from "../../workers/search/indexer";
import { useFreshStorage } from "../support/fresh-storage";
import {
  createIndexed,
  db,
  deliver,
  eventually,
  insertProduct,
  names,
  productEvent,
  search,
  updateProduct,
} from "./helpers";

/** Documents the FTS index itself matches for a word (whatever search_docs says). */
async function indexed(word: string): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?")
    .bind(`"${word}"`)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function termDocs(term: string): Promise<number> {
  const row = await env.DB.prepare("SELECT docs FROM search_terms WHERE term = ?").bind(term).first<{ docs: number }>();
  return row?.docs ?? 0;
}

/** The FTS index is consistent in itself and with search_docs (FTS5's own check). */
async function expectIndexIntact() {
  await env.DB.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run();
}

useFreshStorage();

describe("the index follows product events", () => {
  it("a created product is found after its event, not before", async () => {
    const p = await insertProduct({ name: "Rice Cooker Sharp KS-11ET" });
    expect(await names({ q: "rice cooker" })).toEqual([]);
    await deliver([productEvent("product.created", p.id)]);
    expect(await names({ q: "rice cooker" })).toEqual(["Rice Cooker Sharp KS-11ET"]);
  });

  it("a deleted product leaves search after its event", async () => {
    const [p] = await createIndexed([{ name: "Blender Philips HR2221" }]);
    expect(await names({ q: "blender" })).toEqual(["Blender Philips HR2221"]);
    expect(await termDocs("blender")).toBe(1);
    await updateProduct(p.id, { deletedAt: Date.now() });
    await deliver([productEvent("product.deleted", p.id)]);
    expect(await names({ q: "blender" })).toEqual([]);
    expect(await indexed("blender")).toBe(0);
    expect(await termDocs("blender")).toBe(0);
    await expectIndexIntact();
  });

  it("a product removed from the catalog entirely leaves search too", async () => {
    const [p] = await createIndexed([{ name: "Kettle Electrolux EEK1303W" }]);
    await db.delete(products).where(eq(products.id, p.id));
    await deliver([productEvent("product.deleted", p.id)]);
    expect(await names({ q: "kettle" })).toEqual([]);
    // A late "created" for it cannot bring it back.
    await deliver([productEvent("product.created", p.id)]);
    expect(await names({ q: "kettle" })).toEqual([]);
  });

  it("an archived or draft product leaves search; made active again, it returns", async () => {
    const [p] = await createIndexed([{ name: "Air Fryer Xiaomi Mi Smart" }]);
    await updateProduct(p.id, { status: "archived" });
    await deliver([productEvent("product.updated", p.id)]);
    expect(await names({ q: "air fryer" })).toEqual([]);
    await updateProduct(p.id, { status: "active" });
    await deliver([productEvent("product.updated", p.id)]);
    expect(await names({ q: "air fryer" })).toEqual(["Air Fryer Xiaomi Mi Smart"]);
  });

  it("an updated name is found by the new name and not the old", async () => {
    const [p] = await createIndexed([{ name: "Sepatu Lari Ortuseight Hyperglide" }]);
    await updateProduct(p.id, { name: "Tas Ransel Eiger Rucksack" });
    await deliver([productEvent("product.updated", p.id)]);
    expect(await names({ q: "ransel eiger" })).toEqual(["Tas Ransel Eiger Rucksack"]);
    expect(await names({ q: "hyperglide" })).toEqual([]);
    expect(await names({ q: "sepatu" })).toEqual([]);
    expect(await termDocs("hyperglide")).toBe(0);
    expect(await termDocs("ransel")).toBe(1);
    await expectIndexIntact();
  });

  it("price, rating and stock changes reach filters, sorts and items", async () => {
    const [p] = await createIndexed([{ name: "Mechanical Keyboard Keychron K2", priceAmount: 300_000 }]);
    await updateProduct(p.id, { priceAmount: 250_000, ratingAverage: 4.9, ratingCount: 12, stockSnapshot: 3 });
    await deliver([productEvent("product.updated", p.id)]);
    const r = await search({ q: "keychron", maxPrice: 260_000 });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ price: { amount: 250_000 }, rating: { average: 4.9, count: 12 }, available: 3 });
  });

  it("duplicate delivery of one event indexes once", async () => {
    const p = await insertProduct({ name: "Vacuum Cleaner Dyson V8" });
    const event = productEvent("product.created", p.id);
    const result = await deliver([event, event, event]);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(3);
    await deliver([event]);
    const done = await env.DB.prepare(
      "SELECT count(*) AS n FROM processed_events WHERE consumer = 'search.index' AND event_id = ?",
    )
      .bind(event.id)
      .first<{ n: number }>();
    expect(done?.n).toBe(1);
    expect(await search({ q: "dyson" })).toMatchObject({ total: 1 });
    expect(await indexed("dyson")).toBe(1);
    expect(await termDocs("dyson")).toBe(1);
    expect(await consumeOnce(searchIndexConsumer, event, env, defaultQueueDeps(env))).toBe("duplicate");
  });

  it("events handled out of order leave the newest state indexed", async () => {
    const [p] = await createIndexed([{ name: "Smartwatch Huawei GT4" }]);
    // The consumer of an older event read the product before the rename, but commits after the newer one.
    const stale = await import("../../workers/search/indexer").then((m) => m.indexWrites(db, [p.id]));
    await updateProduct(p.id, { name: "Smartwatch Garmin Venu 3" });
    await deliver([productEvent("product.updated", p.id)]);
    const [first, ...rest] = stale;
    await db.batch([first, ...rest]);
    expect(await names({ q: "smartwatch" })).toEqual(["Smartwatch Garmin Venu 3"]);
    expect(await names({ q: "huawei" })).toEqual([]);
  });

  it("an event without a productId is refused by its schema and dead-lettered at once, not retried", async () => {
    const event = { ...productEvent("product.updated", "x"), data: { shopId: "shp" } };
    const result = await deliver([event]);
    expect(result.retryMessages).toEqual([]);
    const dead = await env.DB.prepare("SELECT event_type FROM dead_letters WHERE id = ?").bind(event.id).first();
    expect(dead).toEqual({ event_type: "product.updated" });
  });

  it("create → update → delete reach search through the real queue within seconds", async () => {
    const config = readConfig(env);
    const p = await insertProduct({ name: "Payung Lipat Otomatis Anti UV" });
    await db.batch([recordEvent(db, "catalog_events", productEvent("product.created", p.id))]);
    await drainOutbox(env, config);
    await eventually(async () => (await names({ q: "payung" })).length === 1, "the created product in search");

    await updateProduct(p.id, { name: "Jas Hujan Ponco Anti Air" });
    await db.batch([recordEvent(db, "catalog_events", productEvent("product.updated", p.id))]);
    await drainOutbox(env, config);
    await eventually(async () => (await names({ q: "jas hujan" })).length === 1, "the new name in search");
    expect(await names({ q: "payung" })).toEqual([]);

    await updateProduct(p.id, { deletedAt: Date.now() });
    await db.batch([recordEvent(db, "catalog_events", productEvent("product.deleted", p.id))]);
    await drainOutbox(env, config);
    await eventually(async () => (await names({ q: "jas hujan" })).length === 0, "the deleted product gone");
    await expectIndexIntact();
  });
});
