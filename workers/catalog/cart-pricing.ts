import { and, eq, sql } from "drizzle-orm";
import { products, productVariants } from "../../d1/schema/catalog";
import { liveOffers, offerKey, type SaleOffer } from "../flash-sales";
import { nowMs } from "../platform/clock";
import type { Database } from "../platform/db";
import type { Currency } from "../platform/money";
import { shopFactOf } from "../shops";

/** A product (and variant) a cart line names. */
export interface CartLineRef {
  productId: string;
  variantId: string | null;
}

/** Why a cart line can't be bought any more. */
export type CartLineUnavailable = "not_found" | "inactive" | "deleted" | "variant_missing" | "variant_required";

/** What the catalog says about one cart line's product and variant, read fresh for every cart view and checkout. */
export interface CartCatalogEntry {
  productId: string;
  variantId: string | null;
  shopId: string;
  /** Where the shop ships from. */
  shopCountry: string;
  name: string;
  variantName: string | null;
  sku: string;
  /** The variant's price if it has one, else the product's: minor units of `currency`. */
  unitPrice: number;
  /**
   * The SKU's flash sale live now, if any: the cart shows its price; the checkout claims units at
   * it from the Inventory object (up to the quota and the buyer's limit), the rest at unitPrice.
   */
  flashSale: SaleOffer | null;
  currency: Currency;
  imageId: string | null;
  weightGrams: number | null;
  dimensions: { lengthMm: number; widthMm: number; heightMm: number } | null;
  /** null when the line can be bought. */
  unavailable: CartLineUnavailable | null;
}

/** The key of a line in the map cartCatalog answers (product and variant). */
export function cartLineKey(ref: CartLineRef): string {
  return `${ref.productId}\u0000${ref.variantId ?? ""}`;
}

/**
 * The catalog facts of every cart line in ONE D1 query, whatever the number of lines: products
 * with their shop's country, the chosen variants, whether a product has live variants, and its
 * first image. Ids travel as one JSON parameter each (json_each), so D1's 100-parameter limit never
 * bites. A line whose product no longer exists (or whose shop is gone) has no entry.
 */
export async function cartCatalog(db: Database, refs: readonly CartLineRef[]): Promise<Map<string, CartCatalogEntry>> {
  const entries = new Map<string, CartCatalogEntry>();
  if (refs.length === 0) return entries;
  const productList = [...new Set(refs.map((r) => r.productId))];
  const productIds = JSON.stringify(productList);
  const variantIds = JSON.stringify([...new Set(refs.flatMap((r) => (r.variantId ? [r.variantId] : [])))]);
  // The live sales need only the product ids: read beside the rows (one round trip of latency, not two).
  const offersRead = liveOffers(db, productList, nowMs());
  const rowsRead = db
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
      shopCountry: shopFactOf(products.shopId, "country"),
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
    .leftJoin(
      productVariants,
      and(
        eq(productVariants.productId, products.id),
        sql`${productVariants.id} IN (SELECT value FROM json_each(${variantIds}))`,
      ),
    )
    .where(sql`${products.id} IN (SELECT value FROM json_each(${productIds}))`);
  const [rows, offers] = await Promise.all([rowsRead, offersRead]);

  const byProduct = new Map<string, (typeof rows)[number] & { shopCountry: string }>();
  const byVariant = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    if (row.shopCountry === null) continue;
    byProduct.set(row.product.id, { ...row, shopCountry: row.shopCountry });
    if (row.variant?.id) byVariant.set(cartLineKey({ productId: row.product.id, variantId: row.variant.id }), row);
  }

  for (const ref of refs) {
    const base = byProduct.get(ref.productId);
    if (!base) continue;
    const p = base.product;
    const variant = (ref.variantId ? byVariant.get(cartLineKey(ref))?.variant : undefined) ?? null;
    const hasDimensions = p.lengthMm !== null && p.widthMm !== null && p.heightMm !== null;
    entries.set(cartLineKey(ref), {
      productId: p.id,
      variantId: ref.variantId,
      shopId: p.shopId,
      shopCountry: base.shopCountry,
      name: p.name,
      variantName: variant?.name ?? null,
      sku: variant?.sku ?? p.sku,
      unitPrice: variant?.priceAmount ?? p.priceAmount,
      currency: p.currency as Currency,
      flashSale: offers.get(offerKey(p.id, ref.variantId)) ?? null,
      imageId: base.imageId,
      weightGrams: p.weightGrams,
      dimensions: hasDimensions ? { lengthMm: p.lengthMm!, widthMm: p.widthMm!, heightMm: p.heightMm! } : null,
      unavailable: unavailability(ref, p, variant, base.hasVariants),
    });
  }
  return entries;
}

function unavailability(
  ref: CartLineRef,
  product: { status: string; deletedAt: number | null },
  variant: { deletedAt: number | null } | null,
  hasVariants: number,
): CartLineUnavailable | null {
  if (product.deletedAt !== null) return "deleted";
  if (product.status !== "active") return "inactive";
  if (ref.variantId && (!variant || variant.deletedAt !== null)) return "variant_missing";
  if (!ref.variantId && hasVariants) return "variant_required";
  return null;
}
