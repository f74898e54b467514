import type { RouteHandler } from "@hono/zod-openapi";
import { products, productVariants } from "../../../d1/schema/catalog";
import { CreateProductSchema, ProductSchema } from "../../../schemas/catalog";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import type { Currency } from "../../platform/money";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { ownedShop } from "../../shops";
import { PRODUCT_CREATED, productEvent } from "../events";
import {
  canonicalBrand,
  checkCategory,
  checkDistinctSkus,
  checkPrice,
  checkSkusFree,
  isUniqueViolation,
  slugify,
} from "../product-input";
import { presentProduct } from "../products";
import { setOnHandMany } from "../stock";

/** Variant rows have 10 columns: 9 rows stay under D1's 100 bound parameters per statement. */
const VARIANT_ROWS_PER_INSERT = 9;

export const createProductRoute = defineRoute({
  method: "post",
  path: "/api/v1/products",
  tags: ["Catalog"],
  summary: "List a product in your shop",
  description:
    "Only the shop's owner. Prices are Money in the shop's currency (IDR in whole rupiah: multiples of 100). The initial `stock` (each variant's own, when there are variants) seeds that SKU's Inventory. SKUs are unique within the shop (409).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: jsonBody(CreateProductSchema),
  responses: { 201: jsonResponse("The new product", ProductSchema) },
  errors: [401, 403, 404, 409],
});

export const createProductHandler: RouteHandler<typeof createProductRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const input = c.req.valid("json");
  const db = database(c.env);
  const shop = await ownedShop(db, input.shopId, userId);
  if (shop.verificationStatus === "rejected") {
    throw new ApiError("forbidden", "This shop was rejected by our review, so it cannot list products.");
  }
  const currency = shop.currency as Currency;
  const variants = input.variants ?? [];
  checkPrice(input.price, currency, "price");
  variants.forEach((v, i) => {
    if (v.price) checkPrice(v.price, currency, `variants.${i}.price`);
  });
  const skus = [
    { sku: input.sku, path: "sku" },
    ...variants.map((v, i) => ({ sku: v.sku, path: `variants.${i}.sku` })),
  ];
  checkDistinctSkus(skus);
  if (input.categoryId) await checkCategory(db, input.categoryId);
  await checkSkusFree(
    db,
    shop.id,
    skus.map((s) => s.sku),
  );
  const brand = input.brand ? await canonicalBrand(db, input.brand) : null;

  const now = nowMs();
  const id = newId("prd", now);
  const variantRows: (typeof productVariants.$inferSelect)[] = variants.map((v, position) => ({
    id: newId("var", now),
    productId: id,
    sku: v.sku,
    name: v.name,
    priceAmount: v.price?.amount ?? null,
    attributes: v.attributes ?? {},
    position,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  }));
  const stockEntries =
    variantRows.length > 0
      ? variantRows.map((v, i) => ({ productId: id, variantId: v.id, onHand: variants[i].stock }))
      : [{ productId: id, variantId: null, onHand: input.stock }];
  const available = stockEntries.reduce((sum, e) => sum + e.onHand, 0);

  // Stock first: if the D1 batch then fails, the new Inventory objects belong to an id nobody has.
  await setOnHandMany(c.env, stockEntries);

  const productRow: typeof products.$inferInsert = {
    id,
    shopId: shop.id,
    name: input.name,
    slug: slugify(input.name),
    description: input.description,
    categoryId: input.categoryId ?? null,
    brand,
    sku: input.sku,
    priceAmount: input.price.amount,
    currency,
    status: input.status ?? "active",
    attributes: input.attributes ?? {},
    weightGrams: input.weightGrams ?? null,
    lengthMm: input.dimensions?.lengthMm ?? null,
    widthMm: input.dimensions?.widthMm ?? null,
    heightMm: input.dimensions?.heightMm ?? null,
    stockSnapshot: available,
    createdAt: now,
    updatedAt: now,
  };
  const variantInserts = [];
  for (let i = 0; i < variantRows.length; i += VARIANT_ROWS_PER_INSERT) {
    variantInserts.push(db.insert(productVariants).values(variantRows.slice(i, i + VARIANT_ROWS_PER_INSERT)));
  }
  let inserted: (typeof products.$inferSelect)[];
  try {
    [inserted] = await db.batch([
      db.insert(products).values(productRow).returning(),
      ...variantInserts,
      productEvent(db, PRODUCT_CREATED, { id, shopId: shop.id }, userId),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ApiError("conflict", `SKU ${input.sku} is already used in this shop. Choose another SKU.`);
    }
    throw err;
  }
  drainSoon(c.executionCtx, c.env, c.get("config"));

  const origin = new URL(c.req.url).origin;
  const product = presentProduct(inserted[0], variantRows, [], origin);
  return c.json(
    {
      ...product,
      variants: product.variants.map((v, i) => ({ ...v, available: stockEntries[i]?.onHand ?? 0 })),
    },
    201,
  );
};
