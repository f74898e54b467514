import { eq, or, sql } from "drizzle-orm";
import { brands, categories } from "../../d1/schema/catalog";
import type { Database } from "../platform/db";
import { ApiError, type FieldError } from "../platform/errors";
import { CURRENCIES, type Currency } from "../platform/money";

/**
 * A seller's price: in the shop's currency, and a whole number of the currency's rounding step
 * (IDR prices are whole rupiah, i.e. multiples of 100 minor units). Anything else is a 422.
 */
export function checkPrice(price: { amount: number; currency: string }, shopCurrency: Currency, path: string): void {
  if (price.currency !== shopCurrency) {
    throw new ApiError(
      "validation_failed",
      `This shop sells in ${shopCurrency}, so prices must be in ${shopCurrency}, not ${price.currency}.`,
      { errors: [{ path: `${path}.currency`, message: `Expected ${shopCurrency}` }] },
    );
  }
  const { step } = CURRENCIES[shopCurrency];
  if (price.amount % step !== 0) {
    throw new ApiError(
      "validation_failed",
      `${shopCurrency} prices are whole units: send an amount that is a multiple of ${step} minor units (e.g. ${Math.round(price.amount / step) * step}).`,
      { errors: [{ path: `${path}.amount`, message: `Must be a multiple of ${step}` }] },
    );
  }
}

export async function checkCategory(db: Database, categoryId: string): Promise<void> {
  const found = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId)).get();
  if (!found) {
    throw new ApiError(
      "validation_failed",
      "There is no category with this id. Pick one from GET /api/v1/categories.",
      {
        errors: [{ path: "categoryId", message: "Unknown category" }],
      },
    );
  }
}

/** A known brand is written the way the brand list writes it ("samsung" → "Samsung"); others as given. */
export async function canonicalBrand(db: Database, brand: string): Promise<string> {
  const known = await db
    .select({ name: brands.name })
    .from(brands)
    .where(or(eq(brands.slug, brand.toLowerCase()), sql`lower(${brands.name}) = lower(${brand})`))
    .get();
  return known?.name ?? brand;
}

/**
 * A URL slug that keeps every script's letters: Latin diacritics are dropped ("Áo thun" → "ao-thun",
 * đ → d), Thai and other scripts stay as they are.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/, "");
  return slug || "product";
}

/** The same SKU twice in one request (product and variants together) is a 422 naming the second. */
export function checkDistinctSkus(skus: { sku: string; path: string }[]): void {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const { sku, path } of skus) {
    const key = sku.toLowerCase();
    if (seen.has(key)) errors.push({ path, message: `SKU ${sku} appears twice` });
    seen.add(key);
  }
  if (errors.length > 0) {
    throw new ApiError("validation_failed", "Each SKU may appear once: give every variant its own SKU.", { errors });
  }
}

/**
 * SKUs are unique within a shop, across products and their variants; a deleted product keeps its
 * SKUs. A SKU in use is a 409 naming the product that has it. The list travels as one JSON
 * parameter (D1 allows 100 bound parameters per statement).
 */
export async function checkSkusFree(
  db: Database,
  shopId: string,
  skus: readonly string[],
  exceptProductId = "",
): Promise<void> {
  if (skus.length === 0) return;
  const list = JSON.stringify(skus.map((s) => s.toLowerCase()));
  const taken = await db.all<{ sku: string; productId: string }>(sql`
    SELECT sku, id AS productId FROM products
      WHERE shop_id = ${shopId} AND id != ${exceptProductId} AND lower(sku) IN (SELECT value FROM json_each(${list}))
    UNION ALL
    SELECT v.sku AS sku, v.product_id AS productId FROM product_variants v JOIN products p ON p.id = v.product_id
      WHERE p.shop_id = ${shopId} AND p.id != ${exceptProductId} AND v.deleted_at IS NULL
        AND lower(v.sku) IN (SELECT value FROM json_each(${list}))
    LIMIT 1`);
  const [first] = taken;
  if (first) {
    throw new ApiError(
      "conflict",
      `SKU ${first.sku} is already used in this shop by product ${first.productId} (deleted products keep their SKUs). Choose another SKU.`,
    );
  }
}

/** D1 reports a unique index violation (e.g. two requests racing for one SKU) in its message. */
export function isUniqueViolation(err: unknown): boolean {
  const text =
    err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? "")}` : String(err);
  return /UNIQUE constraint failed/i.test(text);
}
