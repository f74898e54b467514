import { brands, categories, products, productVariants } from "../../d1/schema/catalog";
import { readConfig } from "../platform/config";
import type { Database } from "../platform/db";
import { type Currency, type Money, minorUnits, toMajorNumber } from "../platform/money";
import { drainOutbox } from "../platform/outbox";
import { COUNTRY_CURRENCY, SEED_SHOPS, SEED_TIME, seedId, seedShopId } from "../shops";
import { PRODUCT_CREATED, productEvent } from "./events";
import { slugify } from "./product-input";
import { SEED_BRANDS } from "./seed-data/brands";
import { MY_HOME, PH_MART, SG_TECH } from "./seed-data/en";
import { ID_ELEKTRONIK, ID_NUSANTARA } from "./seed-data/id";
import { TH_GADGETS, TH_LIVING } from "./seed-data/th";
import type { SeedLine, SeedShopProducts } from "./seed-data/types";
import { VN_SAIGON } from "./seed-data/vi";
import { setOnHandMany } from "./stock";

const MARKETS: SeedShopProducts[] = [
  TH_GADGETS,
  TH_LIVING,
  ID_ELEKTRONIK,
  ID_NUSANTARA,
  VN_SAIGON,
  SG_TECH,
  MY_HOME,
  PH_MART,
];

type ProductRow = typeof products.$inferInsert;
type VariantRow = typeof productVariants.$inferInsert;

export interface SeedCatalog {
  products: ProductRow[];
  variants: VariantRow[];
  stock: { productId: string; variantId: string | null; onHand: number }[];
}

/** A 10% dearer price for the largest sizes, rounded to a whole unit (1,000 for rupiah and dong). */
function dearer(price: Money): Money {
  const unit = price.currency === "IDR" || price.currency === "VND" ? 1_000 : 1;
  return minorUnits(price.currency, Math.round((toMajorNumber(price) * 1.1) / unit) * unit);
}

const LARGE = new Set(["XL", "44", "36", "10"]);

/**
 * The demo catalog, computed the same way on every machine: ids, prices, stock, sales and ratings
 * all follow from each product's position in the lists.
 */
export function buildSeedCatalog(categoryIds: Map<string, string>): SeedCatalog {
  const out: SeedCatalog = { products: [], variants: [], stock: [] };
  let n = 0;
  for (const market of MARKETS) {
    const shopIndex = SEED_SHOPS.findIndex((s) => s.key === market.shop);
    const shop = SEED_SHOPS[shopIndex];
    const currency = COUNTRY_CURRENCY[shop.country];
    let inShop = 0;
    for (const line of market.lines) {
      const options = line.options ?? [undefined];
      options.forEach((option, o) => {
        n += 1;
        inShop += 1;
        addProduct(
          out,
          { n, shopId: seedShopId(shopIndex), shopKey: shop.key, inShop, currency },
          line,
          option,
          o,
          categoryIds,
        );
      });
    }
  }
  return out;
}

function addProduct(
  out: SeedCatalog,
  at: { n: number; shopId: string; shopKey: string; inShop: number; currency: Currency },
  line: SeedLine,
  option: string | undefined,
  optionIndex: number,
  categoryIds: Map<string, string>,
): void {
  const { n, currency } = at;
  const createdAt = SEED_TIME - n * 53 * 60_000;
  const id = seedId("prd", createdAt, n);
  const name = option ? `${line.name} ${option}` : line.name;
  const sku = `${at.shopKey.toUpperCase()}-${String(at.inShop).padStart(3, "0")}`;
  const price = minorUnits(currency, Array.isArray(line.price) ? line.price[optionIndex] : line.price);
  // Every 29th product is sold out, so the demo shows that state too.
  const stockOf = (j: number) => (n % 29 === 0 ? 0 : 5 + ((n * 37 + j * 11) % 120));
  const variants = (line.variants ?? []).map((variantName, j) => ({
    id: seedId("var", createdAt, n * 100 + j),
    productId: id,
    sku: `${sku}-${j + 1}`,
    name: variantName,
    priceAmount: LARGE.has(variantName) ? dearer(price).amount : null,
    attributes: {},
    position: j,
    createdAt,
    updatedAt: createdAt,
  }));
  const stock =
    variants.length > 0
      ? variants.map((v, j) => ({ productId: id, variantId: v.id, onHand: stockOf(j) }))
      : [{ productId: id, variantId: null, onHand: stockOf(0) }];
  const ratingCount = (n * 31) % 400;
  out.products.push({
    id,
    shopId: at.shopId,
    name,
    slug: slugify(name),
    description: line.description,
    categoryId: categoryIds.get(line.category) ?? null,
    brand: line.brand ?? null,
    sku,
    priceAmount: price.amount,
    currency,
    status: "active",
    attributes: { ...(line.attributes ?? {}), ...(option ? { option } : {}) },
    weightGrams: line.weightGrams ?? null,
    ratingAverage: ratingCount === 0 ? 0 : Math.min(5, 3.6 + ((n * 17) % 15) / 10),
    ratingCount,
    soldCount: (n * 97) % 1500,
    stockSnapshot: stock.reduce((sum, s) => sum + s.onHand, 0),
    createdAt,
    updatedAt: createdAt,
  });
  out.variants.push(...variants);
  out.stock.push(...stock);
}

/** Splits rows into inserts of at most `perStatement` rows (D1: ≤ 100 bound parameters per statement). */
function chunks<T>(rows: T[], perStatement: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += perStatement) out.push(rows.slice(i, i + perStatement));
  return out;
}

export async function seedBrands(db: Database): Promise<{ brands: number }> {
  const rows = SEED_BRANDS.map(([slug, name], i) => ({
    id: seedId("brd", SEED_TIME, i + 1),
    slug,
    name,
    createdAt: SEED_TIME,
  }));
  const [first, ...rest] = chunks(rows, 25).map((chunk) =>
    db.insert(brands).values(chunk).onConflictDoNothing().returning({ id: brands.id }),
  );
  const results = await db.batch([first, ...rest]);
  return { brands: results.reduce((n, r) => n + r.length, 0) };
}

/**
 * A few hundred products in the seeded shops, their stock in Inventory, and a product.created
 * event each (so search indexes them), published before the seeder returns.
 */
export async function seedProducts(env: Env, db: Database): Promise<Record<string, number>> {
  const categoryIds = new Map(
    (await db.select({ id: categories.id, slug: categories.slug }).from(categories)).map((c) => [c.slug, c.id]),
  );
  const catalog = buildSeedCatalog(categoryIds);
  await setOnHandMany(env, catalog.stock, 32);
  const eventTime = new Date();
  const writes = [
    // 23 product columns → 4 rows; 9 variant columns → 10 rows; 5 outbox columns → 15 rows per statement.
    ...chunks(catalog.products, 4).map((rows) => db.insert(products).values(rows).onConflictDoNothing()),
    ...chunks(catalog.variants, 10).map((rows) => db.insert(productVariants).values(rows).onConflictDoNothing()),
    ...catalog.products.map((p) =>
      productEvent(db, PRODUCT_CREATED, { id: p.id, shopId: p.shopId }, undefined, eventTime),
    ),
  ];
  const [first, ...rest] = writes;
  await db.batch([first, ...rest]);
  // Drains of 50: a drain of 100 rows of one queue marks them with 101 bound parameters, over D1's
  // limit of 100 (reported to the platform's owner), and would send them again and again.
  const config = readConfig(env);
  const drainConfig = { ...config, outbox: { ...config.outbox, batchSize: Math.min(50, config.outbox.batchSize) } };
  let published = 0;
  for (let round = 0; round < 50; round++) {
    const drained = await drainOutbox(env, drainConfig);
    published += drained.published;
    if (drained.published === 0) break;
  }
  const countries = new Set(SEED_SHOPS.map((s) => s.country));
  return {
    products: catalog.products.length,
    variants: catalog.variants.length,
    skus: catalog.stock.length,
    countries: countries.size,
    eventsPublished: published,
  };
}
