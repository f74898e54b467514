import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { products, productVariants } from "../../d1/schema/catalog";
import type { UpdateProductInput } from "../../schemas/catalog";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import type { Currency } from "../platform/money";
import { invalidateProduct } from "./cache";
import { PRODUCT_DELETED, PRODUCT_UPDATED, productEvent } from "./events";
import {
  canonicalBrand,
  checkCategory,
  checkDistinctSkus,
  checkPrice,
  checkSkusFree,
  isUniqueViolation,
  slugify,
} from "./product-input";
import { type LoadedProduct, loadProduct, ownedProduct, type ProductRow } from "./products";
import { type ProductStock, productStock, setOnHandMany } from "./stock";

/**
 * Changes an owner makes to a product (PATCH and DELETE /products/{id}). Each change is one D1
 * batch with its `product.updated`/`product.deleted` outbox row, and forgets the cached copies.
 */

/**
 * Applies a PATCH: any subset of fields; `variants`, when sent, is the full new list (kept by id,
 * added with their initial stock, the others removed). Answers the product as it is now, with its
 * live stock.
 */
export async function updateProduct(
  env: Env,
  origin: string,
  userId: string,
  id: string,
  patch: UpdateProductInput,
): Promise<{ product: LoadedProduct; stock: ProductStock }> {
  const db = database(env);
  const loaded = ownedProduct(await loadProduct(db, id), userId);
  const { row } = loaded;
  const kept = await checkPatch(db, loaded, patch);
  const brand = typeof patch.brand === "string" ? await canonicalBrand(db, patch.brand) : patch.brand;
  const now = nowMs();
  const variants = patch.variants ? await variantChanges(env, db, loaded, patch.variants, kept, now) : undefined;
  const update = db
    .update(products)
    .set({
      ...productFields(patch, brand),
      ...(variants ? { stockSnapshot: variants.stockSnapshot } : {}),
      updatedAt: now,
    })
    .where(eq(products.id, row.id));
  try {
    await db.batch([update, ...(variants?.writes ?? []), productEvent(db, PRODUCT_UPDATED, row, userId)]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("conflict", "One of these SKUs is already used in this shop.");
    throw err;
  }
  await invalidateProduct(origin, row.id);
  const fresh = ownedProduct(await loadProduct(db, row.id), userId);
  const stock = await productStock(
    env,
    row.id,
    fresh.variants.map((v) => v.id),
  );
  return { product: fresh, stock };
}

/** A soft delete: the product leaves listings and search; its SKUs stay taken in the shop. */
export async function deleteProduct(env: Env, origin: string, userId: string, id: string): Promise<void> {
  const db = database(env);
  const { row } = ownedProduct(await loadProduct(db, id), userId);
  const now = nowMs();
  await db.batch([
    db.update(products).set({ deletedAt: now, updatedAt: now }).where(eq(products.id, row.id)),
    productEvent(db, PRODUCT_DELETED, row, userId),
  ]);
  await invalidateProduct(origin, row.id);
}

/**
 * The 422s and 409s of a PATCH: prices in the shop's currency, variant ids of this product listed
 * once, SKUs distinct and free in the shop, a known category. Answers the ids of the variants kept.
 */
async function checkPatch(db: Database, loaded: LoadedProduct, patch: UpdateProductInput): Promise<Set<string>> {
  const { row } = loaded;
  const currency = row.currency as Currency;
  if (patch.price) checkPrice(patch.price, currency, "price");
  const existing = new Set(loaded.variants.map((v) => v.id));
  const listed = new Set<string>();
  patch.variants?.forEach((v, i) => {
    if (v.price) checkPrice(v.price, currency, `variants.${i}.price`);
    if (v.id !== undefined) {
      if (!existing.has(v.id) || listed.has(v.id)) {
        throw new ApiError("validation_failed", "A variant id must be one of this product's variants, listed once.", {
          errors: [{ path: `variants.${i}.id`, message: "Not a variant of this product" }],
        });
      }
      listed.add(v.id);
    }
  });
  const variantSkus = (patch.variants ?? loaded.variants).map((v, i) => ({ sku: v.sku, path: `variants.${i}.sku` }));
  const skus = [{ sku: patch.sku ?? row.sku, path: "sku" }, ...variantSkus];
  checkDistinctSkus(skus);
  if (patch.categoryId) await checkCategory(db, patch.categoryId);
  await checkSkusFree(
    db,
    row.shopId,
    skus.map((s) => s.sku),
    row.id,
  );
  return listed;
}

type VariantPatch = NonNullable<UpdateProductInput["variants"]>[number];

/**
 * The writes that make the variants the new list, and the product's stock snapshot after them.
 * New variants get their initial stock in Inventory before the D1 batch runs.
 */
async function variantChanges(
  env: Env,
  db: Database,
  loaded: LoadedProduct,
  variants: readonly VariantPatch[],
  kept: ReadonlySet<string>,
  now: number,
): Promise<{ writes: BatchItem<"sqlite">[]; stockSnapshot: number }> {
  const { row } = loaded;
  const added: { id: string; stock: number }[] = [];
  const writes: BatchItem<"sqlite">[] = [];
  // Removed variants go first and give up their SKU, so the same PATCH may reuse it.
  for (const variant of loaded.variants.filter((v) => !kept.has(v.id))) {
    writes.push(
      db
        .update(productVariants)
        .set({ sku: `${variant.sku}~removed~${variant.id}`, deletedAt: now, updatedAt: now })
        .where(eq(productVariants.id, variant.id)),
    );
  }
  variants.forEach((v, position) => {
    if (v.id !== undefined) {
      const price = v.price === undefined ? {} : { priceAmount: v.price?.amount ?? null };
      const attributes = v.attributes ? { attributes: v.attributes } : {};
      writes.push(
        db
          .update(productVariants)
          .set({ sku: v.sku, name: v.name, ...price, ...attributes, position, updatedAt: now })
          .where(eq(productVariants.id, v.id)),
      );
      return;
    }
    const variantId = newId("var", now);
    added.push({ id: variantId, stock: v.stock ?? 0 });
    writes.push(
      db.insert(productVariants).values({
        id: variantId,
        productId: row.id,
        sku: v.sku,
        name: v.name,
        priceAmount: v.price?.amount ?? null,
        attributes: v.attributes ?? {},
        position,
        createdAt: now,
        updatedAt: now,
      }),
    );
  });
  await setOnHandMany(
    env,
    added.map((a) => ({ productId: row.id, variantId: a.id, onHand: a.stock })),
  );
  // Without variants the product's own SKU counts again; with them, the kept ones plus the new.
  const keptStock = kept.size > 0 ? (await productStock(env, row.id, [...kept])).total.available : 0;
  const stockSnapshot =
    variants.length === 0
      ? (await productStock(env, row.id, [])).total.available
      : keptStock + added.reduce((sum, a) => sum + a.stock, 0);
  return { writes, stockSnapshot };
}

/** The product's own columns a PATCH sets (the name sets the slug too). */
function productFields(patch: UpdateProductInput, brand: string | null | undefined): Partial<ProductRow> {
  return {
    ...(patch.name !== undefined ? { name: patch.name, slug: slugify(patch.name) } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.categoryId !== undefined ? { categoryId: patch.categoryId } : {}),
    ...(brand !== undefined ? { brand } : {}),
    ...(patch.sku !== undefined ? { sku: patch.sku } : {}),
    ...(patch.price !== undefined ? { priceAmount: patch.price.amount } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(patch.attributes !== undefined ? { attributes: patch.attributes } : {}),
    ...(patch.weightGrams !== undefined ? { weightGrams: patch.weightGrams } : {}),
    ...(patch.dimensions !== undefined
      ? {
          lengthMm: patch.dimensions?.lengthMm ?? null,
          widthMm: patch.dimensions?.widthMm ?? null,
          heightMm: patch.dimensions?.heightMm ?? null,
        }
      : {}),
  };
}
