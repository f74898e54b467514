import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { products, productVariants } from "../../../d1/schema/catalog";
import { ProductSchema, UpdateProductSchema } from "../../../schemas/catalog";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import type { Currency } from "../../platform/money";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { invalidateProduct } from "../cache";
import { PRODUCT_UPDATED, productEvent } from "../events";
import {
  canonicalBrand,
  checkCategory,
  checkDistinctSkus,
  checkPrice,
  checkSkusFree,
  isUniqueViolation,
  slugify,
} from "../product-input";
import { loadProduct, ownedProduct, presentProduct, withStock } from "../products";
import { productStock, setOnHandMany } from "../stock";

export const updateProductRoute = defineRoute({
  method: "patch",
  path: "/api/v1/products/{id}",
  tags: ["Catalog"],
  summary: "Change a product (owner)",
  description:
    "Any subset of fields. `variants`, when sent, is the full new list: variants with an `id` are kept and changed, new ones are added with their initial `stock`, the others are removed. Stock of existing SKUs changes through PUT /api/v1/inventory/{productId}.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(UpdateProductSchema) },
  responses: { 200: jsonResponse("The updated product", ProductSchema) },
  errors: [401, 403, 404, 409],
});

export const updateProductHandler: RouteHandler<typeof updateProductRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  const patch = c.req.valid("json");
  const db = database(c.env);
  const loaded = ownedProduct(await loadProduct(db, id), userId);
  const { row } = loaded;
  const currency = row.currency as Currency;

  if (patch.price) checkPrice(patch.price, currency, "price");
  const existing = new Map(loaded.variants.map((v) => [v.id, v]));
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
  const variantSkus = patch.variants
    ? patch.variants.map((v, i) => ({ sku: v.sku, path: `variants.${i}.sku` }))
    : loaded.variants.map((v, i) => ({ sku: v.sku, path: `variants.${i}.sku` }));
  const skus = [{ sku: patch.sku ?? row.sku, path: "sku" }, ...variantSkus];
  checkDistinctSkus(skus);
  if (patch.categoryId) await checkCategory(db, patch.categoryId);
  await checkSkusFree(
    db,
    row.shopId,
    skus.map((s) => s.sku),
    row.id,
  );
  const brand = typeof patch.brand === "string" ? await canonicalBrand(db, patch.brand) : patch.brand;

  const now = nowMs();
  const writes: BatchItem<"sqlite">[] = [];
  let stockSnapshot: number | undefined;
  if (patch.variants) {
    const added: { id: string; stock: number }[] = [];
    patch.variants.forEach((v, position) => {
      const price = v.price === undefined ? {} : { priceAmount: v.price?.amount ?? null };
      if (v.id !== undefined) {
        writes.push(
          db
            .update(productVariants)
            .set({
              sku: v.sku,
              name: v.name,
              ...price,
              ...(v.attributes ? { attributes: v.attributes } : {}),
              position,
              updatedAt: now,
            })
            .where(eq(productVariants.id, v.id)),
        );
      } else {
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
      }
    });
    // Removed variants go first and give up their SKU, so the same PATCH may reuse it.
    const removals = loaded.variants
      .filter((variant) => !listed.has(variant.id))
      .map((variant) =>
        db
          .update(productVariants)
          .set({ sku: `${variant.sku}~removed~${variant.id}`, deletedAt: now, updatedAt: now })
          .where(eq(productVariants.id, variant.id)),
      );
    writes.unshift(...removals);
    await setOnHandMany(
      c.env,
      added.map((a) => ({ productId: row.id, variantId: a.id, onHand: a.stock })),
    );
    // Without variants the product's own SKU counts again; with them, the kept ones plus the new.
    const kept = listed.size > 0 ? (await productStock(c.env, row.id, [...listed])).total.available : 0;
    stockSnapshot =
      patch.variants.length === 0
        ? (await productStock(c.env, row.id, [])).total.available
        : kept + added.reduce((sum, a) => sum + a.stock, 0);
  }

  const update = db
    .update(products)
    .set({
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
      ...(stockSnapshot !== undefined ? { stockSnapshot } : {}),
      updatedAt: now,
    })
    .where(eq(products.id, row.id));
  try {
    await db.batch([update, ...writes, productEvent(db, PRODUCT_UPDATED, row, userId)]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("conflict", "One of these SKUs is already used in this shop.");
    throw err;
  }
  const origin = new URL(c.req.url).origin;
  await invalidateProduct(origin, row.id);
  drainSoon(c.executionCtx, c.env, c.get("config"));

  const fresh = ownedProduct(await loadProduct(db, row.id), userId);
  const stock = await productStock(
    c.env,
    row.id,
    fresh.variants.map((v) => v.id),
  );
  return c.json(withStock(presentProduct(fresh.row, fresh.variants, fresh.images, origin), stock), 200);
};
