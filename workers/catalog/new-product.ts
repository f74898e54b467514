import { products, productVariants } from "../../d1/schema/catalog";
import type { CreateProductInput } from "../../schemas/catalog";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import type { Currency } from "../platform/money";
import { ownedShop } from "../shops";
import { PRODUCT_CREATED, productEvent } from "./events";
import {
  canonicalBrand,
  checkCategory,
  checkDistinctSkus,
  checkPrice,
  checkSkusFree,
  isUniqueViolation,
  slugify,
} from "./product-input";
import type { ProductRow, VariantRow } from "./products";
import { setOnHandMany } from "./stock";

/** Variant rows have 10 columns: 9 rows stay under D1's 100 bound parameters per statement. */
const VARIANT_ROWS_PER_INSERT = 9;

export interface NewProduct {
  row: ProductRow;
  variants: VariantRow[];
  /** The initial stock of each variant, in the order of `variants`. */
  variantStock: number[];
}

/**
 * Lists a product in the caller's shop (POST /products): its initial stock goes to Inventory
 * first, then the product, its variants and `product.created` are one D1 batch.
 */
export async function createProduct(env: Env, userId: string, input: CreateProductInput): Promise<NewProduct> {
  const db = database(env);
  const shop = await ownedShop(db, input.shopId, userId);
  if (shop.verificationStatus === "rejected") {
    throw new ApiError("forbidden", "This shop was rejected by our review, so it cannot list products.");
  }
  const currency = shop.currency as Currency;
  const brand = await checkNewProduct(db, shop.id, currency, input);

  const now = nowMs();
  const id = newId("prd", now);
  const variantRows: VariantRow[] = (input.variants ?? []).map((v, position) => ({
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
  const variantStock = (input.variants ?? []).map((v) => v.stock);
  const stockEntries =
    variantRows.length > 0
      ? variantRows.map((v, i) => ({ productId: id, variantId: v.id, onHand: variantStock[i] }))
      : [{ productId: id, variantId: null, onHand: input.stock }];
  // Stock first: if the D1 batch then fails, the new Inventory objects belong to an id nobody has.
  await setOnHandMany(env, stockEntries);

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
    stockSnapshot: stockEntries.reduce((sum, e) => sum + e.onHand, 0),
    createdAt: now,
    updatedAt: now,
  };
  const row = await insertProduct(db, productRow, variantRows, userId, input.sku);
  return { row, variants: variantRows, variantStock };
}

/** The 422s and 409s of a new product; answers its brand as the brand list writes it. */
async function checkNewProduct(
  db: Database,
  shopId: string,
  currency: Currency,
  input: CreateProductInput,
): Promise<string | null> {
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
    shopId,
    skus.map((s) => s.sku),
  );
  return input.brand ? await canonicalBrand(db, input.brand) : null;
}

/** The product, its variants and `product.created` in one batch; a SKU taken meanwhile is a 409. */
async function insertProduct(
  db: Database,
  productRow: typeof products.$inferInsert,
  variantRows: VariantRow[],
  userId: string,
  sku: string,
): Promise<ProductRow> {
  const variantInserts = [];
  for (let i = 0; i < variantRows.length; i += VARIANT_ROWS_PER_INSERT) {
    variantInserts.push(db.insert(productVariants).values(variantRows.slice(i, i + VARIANT_ROWS_PER_INSERT)));
  }
  try {
    const [inserted] = await db.batch([
      db.insert(products).values(productRow).returning(),
      ...variantInserts,
      productEvent(db, PRODUCT_CREATED, { id: productRow.id, shopId: productRow.shopId }, userId),
    ]);
    return inserted[0];
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ApiError("conflict", `SKU ${sku} is already used in this shop. Choose another SKU.`);
    }
    throw err;
  }
}
