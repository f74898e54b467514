import { flashSaleItems, flashSales } from "../../d1/schema/flash-sales";
import type { CreateFlashSale } from "../../schemas/flash-sales";
import { batchGuard, isGuardRefusal } from "../platform/batch-guard";
import { nowMs } from "../platform/clock";
import { type Database, database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { ownedShop } from "../shops";
import type { FlashSalesDeps, SaleProductFacts } from "./facts";
import { noOverlap, type SaleWithItems } from "./queries";

type FieldError = { path: string; message: string };
type ItemInput = CreateFlashSale["items"][number];

/**
 * A new flash sale of the caller's shop. Refused with 422 and a list of what is wrong when the
 * window is not in the future or not ordered, an item is not a listed product of this shop (or
 * names a variant it lacks, or lacks one it needs), its sale price is not below the price or not
 * in its currency, a SKU appears twice, or another sale of the same SKU overlaps the window.
 * The overlap check is a guard of the insert batch itself, so two racing sales cannot both pass.
 */
export async function createFlashSale(
  env: Env,
  deps: FlashSalesDeps,
  shopId: string,
  userId: string,
  input: CreateFlashSale,
): Promise<SaleWithItems> {
  const db = database(env);
  await ownedShop(db, shopId, userId);
  const now = nowMs();
  const startsAt = Date.parse(input.startsAt);
  const endsAt = Date.parse(input.endsAt);
  const windowErrors: FieldError[] = [];
  if (startsAt <= now) windowErrors.push({ path: "startsAt", message: "Must be in the future" });
  if (endsAt <= startsAt) windowErrors.push({ path: "endsAt", message: "Must be after startsAt" });
  if (windowErrors.length > 0) {
    throw new ApiError("validation_failed", "A flash sale must start in the future and end after it starts.", {
      errors: windowErrors,
    });
  }
  const products = await deps.loadProducts(env, [...new Set(input.items.map((i) => i.productId))]);
  const itemErrors = input.items.flatMap((item, i) => itemProblems(item, i, shopId, products.get(item.productId)));
  const skus = input.items.map((i) => `${i.productId}/${i.variantId ?? ""}`);
  skus.forEach((sku, i) => {
    if (skus.indexOf(sku) !== i) itemErrors.push({ path: `items.${i}`, message: "The same product appears twice" });
  });
  if (itemErrors.length > 0) {
    throw new ApiError("validation_failed", "Some items cannot go on sale. Fix them (see errors) and try again.", {
      errors: itemErrors,
    });
  }

  const sale = { id: newId("fls", now), shopId, name: input.name, startsAt, endsAt, status: "scheduled" as const };
  const row = { ...sale, createdAt: now, cancelledAt: null };
  const items = input.items.map((item, position) => ({
    id: newId("fsi", now),
    saleId: sale.id,
    productId: item.productId,
    variantId: item.variantId ?? "",
    salePrice: item.salePrice.amount,
    currency: item.salePrice.currency,
    quota: item.quota,
    perUserLimit: item.perUserLimit ?? null,
    position,
    startsAt,
    endsAt,
    cancelled: 0,
  }));
  await insertSale(db, row, items);
  return { sale: row, items };
}

async function insertSale(
  db: Database,
  row: typeof flashSales.$inferInsert,
  items: (typeof flashSaleItems.$inferInsert & { variantId: string })[],
): Promise<void> {
  const guards = items.map((item) => batchGuard(db, noOverlap(item, row.startsAt, row.endsAt)));
  try {
    await db.batch([
      guards[0],
      ...guards.slice(1),
      db.insert(flashSales).values(row),
      db.insert(flashSaleItems).values(items),
    ]);
  } catch (err) {
    if (!isGuardRefusal(err)) throw err;
    throw new ApiError(
      "validation_failed",
      "Another flash sale of the same product overlaps this window. Choose another time or leave that product out.",
      { errors: [{ path: "items", message: "Overlaps another flash sale of the same product" }] },
    );
  }
}

function itemProblems(item: ItemInput, i: number, shopId: string, product: SaleProductFacts | undefined): FieldError[] {
  const at = (field: string) => `items.${i}${field ? `.${field}` : ""}`;
  if (!product || product.shopId !== shopId) return [{ path: at("productId"), message: "Not a product of this shop" }];
  if (product.status !== "active") return [{ path: at("productId"), message: "Not listed: publish it first" }];
  let price = product.price;
  if (product.variants.size > 0) {
    if (!item.variantId) return [{ path: at("variantId"), message: "This product has variants: name one" }];
    const variantPrice = product.variants.get(item.variantId);
    if (variantPrice === undefined) return [{ path: at("variantId"), message: "No such variant of this product" }];
    price = variantPrice;
  } else if (item.variantId) {
    return [{ path: at("variantId"), message: "This product has no variants" }];
  }
  if (item.salePrice.currency !== product.currency) {
    return [{ path: at("salePrice.currency"), message: `Must be ${product.currency}, the product's currency` }];
  }
  if (item.salePrice.amount <= 0 || item.salePrice.amount >= price) {
    return [{ path: at("salePrice.amount"), message: `Must be above 0 and below the price (${price})` }];
  }
  if (item.perUserLimit !== undefined && item.perUserLimit > item.quota) {
    return [{ path: at("perUserLimit"), message: "Must not exceed the quota" }];
  }
  return [];
}
