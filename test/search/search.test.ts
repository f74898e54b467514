import { beforeAll, describe, expect, it } from "vitest";
import type { SearchItem, SearchResult } from "../../schemas/search";
import { seedSynonyms } from "../../workers/search/synonyms";
import { useFreshStorage } from "../support/fresh-storage";
import {
  call,
  createIndexed,
  db,
  expectProblem,
  insertCategory,
  names,
  type ProductInput,
  search,
  searchUrl,
} from "./helpers";

// Its assertions are about the whole database; other test files share it.
useFreshStorage();

const cat: Record<string, string> = {};
const ids: Record<string, string> = {};

/** 25 products sharing the word "sarung", with prices, ratings and sales that tie on purpose. */
function sarungs(): ProductInput[] {
  return Array.from({ length: 25 }, (_, i) => ({
    name: `Sarung Batik Pekalongan Motif ${i + 1}`,
    brand: i % 3 === 0 ? "Wadimor" : i % 3 === 1 ? "BHS" : null,
    categoryId: cat.fashion,
    currency: "IDR",
    priceAmount: (50 + (i % 7) * 10) * 1000_00,
    ratingAverage: [4.5, 4.8, 3.9, 5, 4.5][i % 5],
    ratingCount: i % 4,
    soldCount: (i * 7) % 11,
  }));
}

beforeAll(async () => {
  await seedSynonyms(db);
  cat.electronics = await insertCategory("s-electronics", { en: "Electronics", th: "อิเล็กทรอนิกส์", vi: "Điện tử" });
  cat.phones = await insertCategory("s-phones", { en: "Phones", th: "โทรศัพท์", id: "Ponsel" }, cat.electronics);
  cat.computers = await insertCategory("s-computers", { en: "Computers", th: "คอมพิวเตอร์" }, cat.electronics);
  cat.fashion = await insertCategory("s-fashion", { en: "Fashion", th: "แฟชั่น", id: "Fesyen" });
  cat.tshirts = await insertCategory("s-tshirts", { en: "Tees", th: "เสื้อ", id: "Kaos" }, cat.fashion);

  const fixtures: (ProductInput & { key: string })[] = [
    {
      key: "a55",
      name: "Handphone Samsung Galaxy A55 5G 8/256GB",
      brand: "Samsung",
      categoryId: cat.phones,
      priceAmount: 1_299_000,
      description: "Garansi resmi SEIN 1 tahun",
      soldCount: 120,
      ratingAverage: 4.7,
      ratingCount: 80,
    },
    {
      key: "tab",
      name: "Samsung Galaxy Tab S9 Wi-Fi",
      brand: "Samsung",
      categoryId: cat.computers,
      priceAmount: 2_590_000,
      soldCount: 15,
    },
    {
      key: "redmi",
      name: "Điện thoại Xiaomi Redmi Note 13 chính hãng",
      brand: "Xiaomi",
      categoryId: cat.phones,
      currency: "VND",
      priceAmount: 4_990_000,
    },
    { key: "asus", name: "Notebook ASUS VivoBook 14 OLED", brand: "ASUS", priceAmount: 1_899_000 },
    { key: "tee", name: "เสื้อยืดคอกลมผ้าฝ้าย สีขาว", categoryId: cat.tshirts, priceAmount: 19_900 },
    { key: "jeans", name: "กางเกงยีนส์ขายาว ทรงกระบอก", categoryId: cat.fashion, priceAmount: 59_000 },
    {
      key: "kaos",
      name: "Kaos Polos Cotton Combed 30s",
      categoryId: cat.tshirts,
      currency: "IDR",
      priceAmount: 45_000_00,
    },
    { key: "iphone", name: "Apple iPhone 15 128GB", brand: "Apple", categoryId: cat.phones, priceAmount: 3_290_000 },
    { key: "sony", name: "Tai nghe Bluetooth Sony WH-1000XM5", brand: "Sony", categoryId: cat.electronics },
    { key: "draft", name: "Samsung Galaxy Secret Draft", brand: "Samsung", status: "draft" },
    { key: "archived", name: "Samsung Galaxy Archived Model", brand: "Samsung", status: "archived" },
    { key: "deleted", name: "Samsung Galaxy Deleted Model", brand: "Samsung", deletedAt: Date.now() },
  ];
  const rows = await createIndexed(fixtures.map(({ key: _key, ...p }) => p));
  fixtures.forEach((f, i) => {
    ids[f.key] = rows[i].id;
  });
  await createIndexed(sarungs());
});

describe("languages", () => {
  it("a Thai query finds a Thai word inside a longer Thai name", async () => {
    expect(await names({ q: "เสื้อ" })).toContain("เสื้อยืดคอกลมผ้าฝ้าย สีขาว");
    // A word in the middle of the run, and a two-word Thai query written without a space.
    expect(await names({ q: "ผ้าฝ้าย" })).toEqual(["เสื้อยืดคอกลมผ้าฝ้าย สีขาว"]);
    expect(await names({ q: "คอกลม" })).toEqual(["เสื้อยืดคอกลมผ้าฝ้าย สีขาว"]);
    expect(await names({ q: "กางเกงยีนส์" })).toEqual(["กางเกงยีนส์ขายาว ทรงกระบอก"]);
    expect(await names({ q: "เสื้อยืด" })).toEqual(["เสื้อยืดคอกลมผ้าฝ้าย สีขาว"]);
  });

  it("Vietnamese matches with or without diacritics", async () => {
    for (const q of ["dien thoai", "điện thoại", "Điện Thoại", "DIEN THOAI xiaomi", "chinh hang"]) {
      expect(await names({ q }), q).toContain("Điện thoại Xiaomi Redmi Note 13 chính hãng");
    }
    expect(await names({ q: "tai nghe" })).toEqual(["Tai nghe Bluetooth Sony WH-1000XM5"]);
  });

  it("Thai category names are searchable too", async () => {
    const found = await names({ q: "แฟชั่น", limit: 100 });
    expect(found).toContain("กางเกงยีนส์ขายาว ทรงกระบอก");
    expect(found).toContain("Kaos Polos Cotton Combed 30s");
  });
});

describe("synonyms and typos", () => {
  it("`hp samsung` and `samsnug` both find Handphone Samsung Galaxy A55", async () => {
    const hp = await names({ q: "hp samsung" });
    expect(hp).toContain("Handphone Samsung Galaxy A55 5G 8/256GB");
    expect(hp).not.toContain("Samsung Galaxy Tab S9 Wi-Fi");
    const typo = await names({ q: "samsnug" });
    expect(typo).toContain("Handphone Samsung Galaxy A55 5G 8/256GB");
    expect(typo).toContain("Samsung Galaxy Tab S9 Wi-Fi");
    // One typo in each word of a longer query; a substitution and a transposition.
    expect(await names({ q: "handphnoe samsumg galaxi" })).toEqual(["Handphone Samsung Galaxy A55 5G 8/256GB"]);
  });

  it("two typos in one word are not forgiven", async () => {
    expect(await names({ q: "smasnug" })).toEqual([]);
  });

  it("`laptop` finds a Notebook ASUS, and `ponsel` finds handphones", async () => {
    expect(await names({ q: "laptop" })).toContain("Notebook ASUS VivoBook 14 OLED");
    expect(await names({ q: "laptop asus" })).toEqual(["Notebook ASUS VivoBook 14 OLED"]);
    expect(await names({ q: "ponsel samsung" })).toContain("Handphone Samsung Galaxy A55 5G 8/256GB");
  });

  it("multi-word synonyms: `dt xiaomi` finds Điện thoại Xiaomi", async () => {
    expect(await names({ q: "dt xiaomi" })).toEqual(["Điện thoại Xiaomi Redmi Note 13 chính hãng"]);
  });
});

describe("what is searchable", () => {
  it("only active, non-deleted products are found", async () => {
    const found = await names({ q: "samsung galaxy", limit: 100 });
    expect(found.sort()).toEqual(["Handphone Samsung Galaxy A55 5G 8/256GB", "Samsung Galaxy Tab S9 Wi-Fi"]);
  });

  it("items are product summaries", async () => {
    const { items } = await search({ q: "a55" });
    expect(items).toHaveLength(1);
    const item: SearchItem = items[0];
    expect(item).toEqual({
      id: ids.a55,
      shopId: "shp_search_test",
      name: "Handphone Samsung Galaxy A55 5G 8/256GB",
      price: { amount: 1_299_000, currency: "THB" },
      images: [],
      rating: { average: 4.7, count: 80 },
      available: 10,
      categoryId: cat.phones,
      brand: "Samsung",
    });
  });

  it("ranks a name match above a description match", async () => {
    const { items } = await search({ q: "galaxy" });
    expect(items.map((i) => i.id).slice(0, 2)).toEqual(expect.arrayContaining([ids.a55, ids.tab]));
    const r = await search({ q: "garansi" });
    expect(r.items.map((i) => i.id)).toEqual([ids.a55]);
  });
});

describe("filters and facets", () => {
  it("categoryId includes its descendants", async () => {
    const found = await search({ q: "samsung", categoryId: cat.electronics });
    expect(found.items.map((i) => i.id).sort()).toEqual([ids.a55, ids.tab].sort());
    const phones = await search({ q: "samsung", categoryId: cat.phones });
    expect(phones.items.map((i) => i.id)).toEqual([ids.a55]);
    expect((await search({ q: "samsung", categoryId: "cat_unknown" })).total).toBe(0);
  });

  it("price range, currency and brand", async () => {
    const r = await search({ q: "samsung", minPrice: 2_000_000, maxPrice: 3_000_000 });
    expect(r.items.map((i) => i.id)).toEqual([ids.tab]);
    const idr = await search({ q: "sarung", currency: "IDR", maxPrice: 60_000_00, limit: 100 });
    expect(idr.total).toBeGreaterThan(0);
    for (const item of idr.items) {
      expect(item.price.currency).toBe("IDR");
      expect(item.price.amount).toBeLessThanOrEqual(60_000_00);
    }
    const wadimor = await search({ q: "sarung", brand: "wadimor", limit: 100 });
    expect(wadimor.total).toBe(9);
    expect(new Set(wadimor.items.map((i) => i.brand))).toEqual(new Set(["Wadimor"]));
  });

  it("facets count the whole match set, not the page", async () => {
    const r = await search({ q: "sarung", limit: 2 });
    expect(r.items).toHaveLength(2);
    expect(r.total).toBe(25);
    expect(r.facets.brands).toEqual([
      { value: "Wadimor", count: 9 },
      { value: "BHS", count: 8 },
    ]);
    expect(r.facets.categories).toEqual([{ id: cat.fashion, count: 25 }]);

    const phones = await search({ q: "samsung" });
    expect(phones.facets.brands).toEqual([{ value: "Samsung", count: 2 }]);
    expect(phones.facets.categories).toEqual(
      expect.arrayContaining([
        { id: cat.phones, count: 1 },
        { id: cat.computers, count: 1 },
      ]),
    );
  });

  it("browses without words when a filter is given", async () => {
    const r = await search({ categoryId: cat.fashion, limit: 100 });
    expect(r.total).toBe(28);
    expect(r.items).toHaveLength(28);
    const cheap = await search({ q: "", maxPrice: 20_000, currency: "THB" });
    expect(cheap.items.map((i) => i.id)).toEqual([ids.tee]);
  });
});

type Key = (i: SearchItem) => number;
const SORTS: [string, Key, "asc" | "desc"][] = [
  ["price_asc", (i) => i.price.amount, "asc"],
  ["price_desc", (i) => i.price.amount, "desc"],
  ["rating", (i) => i.rating.average, "desc"],
  ["best_selling", () => 0, "desc"],
  ["newest", () => 0, "desc"],
  ["relevance", () => 0, "asc"],
];

async function allPages(
  params: Record<string, string | number>,
): Promise<{ pages: SearchResult[]; items: SearchItem[] }> {
  const pages: SearchResult[] = [];
  let cursor: string | undefined;
  do {
    const page = await search({ ...params, cursor });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
    expect(pages.length).toBeLessThan(20);
  } while (cursor);
  return { pages, items: pages.flatMap((p) => p.items) };
}

describe("sorts and cursor paging", () => {
  for (const [sort, key, dir] of SORTS) {
    it(`sort=${sort}: pages of 4 cover every match once, in order`, async () => {
      const whole = await search({ q: "sarung", sort, limit: 100 });
      expect(whole.items).toHaveLength(25);
      expect(whole.nextCursor).toBeNull();
      const values = whole.items.map(key);
      const sorted = [...values].sort((a, b) => (dir === "asc" ? a - b : b - a));
      expect(values).toEqual(sorted);

      const { pages, items } = await allPages({ q: "sarung", sort, limit: 4 });
      expect(pages).toHaveLength(7);
      expect(pages.every((p) => p.total === 25)).toBe(true);
      expect(new Set(items.map((i) => i.id)).size).toBe(25);
      expect(items.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    });
  }

  it("best_selling and newest order by sales and creation", async () => {
    const best = await search({ q: "samsung", sort: "best_selling" });
    expect(best.items.map((i) => i.id)).toEqual([ids.a55, ids.tab]);
    const newest = await search({ q: "sarung", sort: "newest", limit: 1 });
    expect(newest.items[0].name).toBe("Sarung Batik Pekalongan Motif 25");
  });
});

describe("bad input", () => {
  const cases: [string, Record<string, string | number>, string][] = [
    ["no words and no filter", {}, "q"],
    ["only spaces", { q: "   " }, "q"],
    ["only punctuation", { q: "!!! ???" }, "q"],
    ["unknown sort", { q: "a", sort: "cheapest" }, "sort"],
    ["limit 0", { q: "a", limit: 0 }, "limit"],
    ["limit 101", { q: "a", limit: 101 }, "limit"],
    ["non-numeric price", { q: "a", minPrice: "abc" }, "minPrice"],
    ["negative price", { q: "a", maxPrice: -5 }, "maxPrice"],
    ["fractional price", { q: "a", maxPrice: "10.5" }, "maxPrice"],
    ["min above max", { q: "a", minPrice: 10, maxPrice: 5 }, "minPrice"],
    ["unknown currency", { q: "a", currency: "EUR" }, "currency"],
    ["garbage cursor", { q: "a", cursor: "not-a-cursor" }, "cursor"],
    ["query too long", { q: "x".repeat(201) }, "q"],
  ];
  for (const [what, params, path] of cases) {
    it(`${what} → 422 validation_failed`, async () => {
      const problem = await expectProblem(await call("GET", searchUrl(params)), 422, "validation_failed");
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    });
  }

  it("a cursor from another sort or query → 422", async () => {
    const page = await search({ q: "sarung", sort: "price_asc", limit: 2 });
    expect(page.nextCursor).toBeTruthy();
    const cursor = page.nextCursor as string;
    await expectProblem(
      await call("GET", searchUrl({ q: "sarung", sort: "rating", limit: 2, cursor })),
      422,
      "validation_failed",
    );
    await expectProblem(
      await call("GET", searchUrl({ q: "batik", sort: "price_asc", limit: 2, cursor })),
      422,
      "validation_failed",
    );
  });

  it("FTS syntax in the query is just text", async () => {
    for (const q of [
      '"samsung',
      "samsung OR",
      "NOT samsung",
      "a* b*",
      "NEAR(a b)",
      "col:samsung",
      "(((a",
      "^samsung",
      "'; DROP TABLE products; --",
    ]) {
      const res = await call("GET", searchUrl({ q }));
      expect(res.status, q).toBe(200);
    }
    expect(await names({ q: "samsung OR" })).toEqual([]);
    expect(await names({ q: '"samsung" tab*' })).toEqual(["Samsung Galaxy Tab S9 Wi-Fi"]);
    for (const q of ['"', "(((", "*", "-"]) {
      await expectProblem(await call("GET", searchUrl({ q })), 422, "validation_failed");
    }
  });
});
