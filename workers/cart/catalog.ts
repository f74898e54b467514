import { and, eq, sql } from "drizzle-orm";
import { products, productVariants } from "../../d1/schema/catalog";
import { shops } from "../../d1/schema/shops";
import { inventoryKey, stockLevel } from "../inventory";
import { database } from "../platform/db";
import type { Currency } from "../platform/money";

/** A product (and variant) a cart line names. */
export interface LineRef {
  productId: string;
  variantId: string | null;
}

/** Why a line can't be bought any more. */
export type UnavailableReason = "not_found" | "inactive" | "deleted" | "variant_missing" | "variant_required";

/** What the catalog says about one line's product and variant, read fresh for every cart view. */
export interface CatalogEntry {
  productId: string;
  variantId: string | null;
  shopId: string;
  shopCountry: string;
  name: string;
  variantName: string | null;
  sku: string;
  /** The variant's price if it has one, else the product's: minor units of `currency`. */
  unitPrice: number;
  currency: Currency;
  imageId: string | null;
  weightGrams: number | null;
  dimensions: { lengthMm: number; widthMm: number; heightMm: number } | null;
  /** null when the line can be bought. */
  unavailable: UnavailableReason | null;
}

export function lineKey(ref: LineRef): string {
  return `${ref.productId}\u0000${ref.variantId ?? ""}`;
}

/**
 * The catalog facts of every line in ONE D1 query, whatever the number of lines: products with
 * their shop, the chosen variants, whether a product has live variants, and its first image. Ids
 * travel as one JSON parameter each (json_each), so D1's 100-parameter limit never bites. A line
 * whose product no longer exists (or whose shop is gone) has no entry.
 */
export async function loadCatalog(env: Env, refs: readonly LineRef[]): Promise<Map<string, CatalogEntry>> {
  const entries = new Map<string, CatalogEntry>();
  if (refs.length === 0) return entries;
  const productIds = JSON.stringify([...new Set(refs.map((r) => r.productId))]);
  const variantIds = JSON.stringify([...new Set(refs.flatMap((r) => (r.variantId ? [r.variantId] : [])))]);
  const rows = await database(env)
    .select({
      product: {
        id: products.id,
        shopId: products.shopId,
        name: products.name,
        sku: products.sku,
        priceAmount: products.priceAmount,
        currency: products.currency,
        status: products.status,
        deletedAt: products.deletedAt,
        weightGrams: products.weightGrams,
        lengthMm: products.lengthMm,
        widthMm: products.widthMm,
        heightMm: products.heightMm,
      },
      shopCountry: shops.country,
      variant: {
        id: productVariants.id,
        name: productVariants.name,
        sku: productVariants.sku,
        priceAmount: productVariants.priceAmount,
        deletedAt: productVariants.deletedAt,
      },
      hasVariants: sql<number>`EXISTS (SELECT 1 FROM product_variants pv WHERE pv.product_id = ${products.id} AND pv.deleted_at IS NULL)`,
      imageId: sql<
        string | null
      >`(SELECT pm.id FROM product_media pm WHERE pm.product_id = ${products.id} AND pm.kind = 'image' ORDER BY pm.position, pm.id LIMIT 1)`,
    })
    .from(products)
    .innerJoin(shops, eq(shops.id, products.shopId))
    .leftJoin(
      productVariants,
      and(
        eq(productVariants.productId, products.id),
        sql`${productVariants.id} IN (SELECT value FROM json_each(${variantIds}))`,
      ),
    )
    .where(sql`${products.id} IN (SELECT value FROM json_each(${productIds}))`);

  const byProduct = new Map<string, (typeof rows)[number]>();
  const byVariant = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    byProduct.set(row.product.id, row);
    if (row.variant?.id) byVariant.set(lineKey({ productId: row.product.id, variantId: row.variant.id }), row);
  }

  for (const ref of refs) {
    const base = byProduct.get(ref.productId);
    if (!base) continue;
    const p = base.product;
    const variantRow = ref.variantId ? byVariant.get(lineKey(ref)) : undefined;
    const variant = variantRow?.variant ?? null;
    let unavailable: UnavailableReason | null = null;
    if (p.deletedAt !== null) unavailable = "deleted";
    else if (p.status !== "active") unavailable = "inactive";
    else if (ref.variantId && (!variant || variant.deletedAt !== null)) unavailable = "variant_missing";
    else if (!ref.variantId && base.hasVariants) unavailable = "variant_required";
    const hasDimensions = p.lengthMm !== null && p.widthMm !== null && p.heightMm !== null;
    entries.set(lineKey(ref), {
      productId: p.id,
      variantId: ref.variantId,
      shopId: p.shopId,
      shopCountry: base.shopCountry,
      name: p.name,
      variantName: variant?.name ?? null,
      sku: variant?.sku ?? p.sku,
      unitPrice: variant?.priceAmount ?? p.priceAmount,
      currency: p.currency as Currency,
      imageId: base.imageId,
      weightGrams: p.weightGrams,
      dimensions: hasDimensions ? { lengthMm: p.lengthMm!, widthMm: p.widthMm!, heightMm: p.heightMm! } : null,
      unavailable,
    });
  }
  return entries;
}

/** Units available now for each line (one Inventory read per line, all at once). */
export async function loadAvailability(env: Env, refs: readonly LineRef[]): Promise<Map<string, number>> {
  const unique = [...new Map(refs.map((r) => [lineKey(r), r])).values()];
  const levels = await Promise.all(
    unique.map((r) => stockLevel(env, { key: inventoryKey(r.productId, r.variantId) }).then((l) => l.available)),
  );
  return new Map(unique.map((r, i) => [lineKey(r), levels[i]]));
}
