import { sql } from "drizzle-orm";
import type { BulkRefusal, BulkUpdateReport } from "../../schemas/seller-products";
import type { SellerUploads } from "../platform/config-seller-uploads";
import { type CsvUpload, parseCsv, readCsvUpload } from "../platform/csv";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import type { Currency } from "../platform/money";
import { createEvent } from "../platform/outbox";
import { ownedShop } from "../shops";
import { type BulkRow, readRows } from "./bulk-rows";
import { invalidateProduct } from "./cache";
import { PRODUCT_UPDATED } from "./events";
import { productStock, setOnHand, stockLevel } from "./stock";

/**
 * Bulk price and stock updates from a CSV (POST /shops/{id}/products/bulk), all or nothing: every
 * row is checked first (SKU of this shop, price in the shop's currency, stock not below the units
 * unpaid orders hold); one refused row and nothing is applied, the report says which and why.
 *
 * Applying: stock first (each SKU's Inventory object takes an absolute on-hand, so doing it twice
 * is doing it once); if an object refuses (an order reserved units since the check), the SKUs
 * already set get their old on-hand back and the upload is refused. Then prices, stock snapshots
 * and the `product.updated` events land in one D1 batch, the commit point. A retry of a request
 * that died mid-way (same Idempotency-Key and body) checks and applies the same absolute values
 * again, so it finishes the job instead of doubling it.
 */

interface Target {
  productId: string;
  variantId: string | null;
  productSku: string;
  variantCount: number;
}

interface Change extends BulkRow {
  target: Target;
  /** On-hand before the upload, to put back if a later SKU refuses. */
  previousOnHand?: number;
}

/** Every product and variant SKU of the shop that the rows name, by lower-cased SKU. */
async function targetsOf(db: Database, shopId: string, rows: readonly BulkRow[]): Promise<Map<string, Target>> {
  const skus = JSON.stringify(
    [...new Set(rows.flatMap((r) => [r.sku, r.variantSku ?? r.sku]))].map((s) => s.toLowerCase()),
  );
  const found = await db.all<{
    sku: string;
    productId: string;
    variantId: string | null;
    productSku: string;
    variantCount: number;
  }>(sql`
    SELECT p.sku AS sku, p.id AS productId, NULL AS variantId, p.sku AS productSku,
        (SELECT count(*) FROM product_variants v WHERE v.product_id = p.id AND v.deleted_at IS NULL) AS variantCount
      FROM products p
      WHERE p.shop_id = ${shopId} AND p.deleted_at IS NULL AND lower(p.sku) IN (SELECT value FROM json_each(${skus}))
    UNION ALL
    SELECT v.sku AS sku, v.product_id AS productId, v.id AS variantId, p.sku AS productSku, 0 AS variantCount
      FROM product_variants v JOIN products p ON p.id = v.product_id
      WHERE p.shop_id = ${shopId} AND p.deleted_at IS NULL AND v.deleted_at IS NULL
        AND lower(v.sku) IN (SELECT value FROM json_each(${skus}))`);
  return new Map(found.map((t) => [t.sku.toLowerCase(), t]));
}

/** `detail`: the English reason, translated into the seller's language by the route (i18n tables). */
function refuse(row: BulkRow, code: BulkRefusal["code"], detail: string): BulkRefusal {
  return { row: row.line, sku: row.sku, code, reason: detail };
}

/** Each row matched to its product or variant, or refused. */
function matchRows(rows: readonly BulkRow[], targets: Map<string, Target>) {
  const changes: Change[] = [];
  const refused: BulkRefusal[] = [];
  for (const row of rows) {
    const target = targets.get((row.variantSku ?? row.sku).toLowerCase());
    if (
      !target ||
      (row.variantSku && (target.variantId === null || target.productSku.toLowerCase() !== row.sku.toLowerCase()))
    ) {
      refused.push(refuse(row, "unknown_sku", "No product or variant of this shop has this SKU."));
    } else if (row.stock !== undefined && target.variantCount > 0) {
      refused.push(
        refuse(
          row,
          "bad_stock",
          "This product has variants: set the stock of each variant on its own line, by its SKU.",
        ),
      );
    } else changes.push({ ...row, target });
  }
  return { changes, refused };
}

/** Stock may not go below the units unpaid orders hold; reads each SKU's level (and keeps its on-hand). */
async function checkReserved(env: Env, changes: Change[]): Promise<BulkRefusal[]> {
  const refused: BulkRefusal[] = [];
  await eachLimited(
    changes.filter((c) => c.stock !== undefined),
    async (change) => {
      const level = await stockLevel(env, change.target.productId, change.target.variantId);
      change.previousOnHand = level.onHand;
      if ((change.stock ?? 0) < level.reserved) {
        refused.push(
          refuse(
            change,
            "below_reserved",
            `Unpaid orders hold ${level.reserved} units of this SKU: stock may not go below that.`,
          ),
        );
      }
    },
  );
  return refused.sort((a, b) => a.row - b.row);
}

async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>, concurrency = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Sets every stock row; on the first refusal, puts back the SKUs already set and names the row. */
async function applyStock(env: Env, changes: readonly Change[]): Promise<BulkRefusal | undefined> {
  const done: Change[] = [];
  for (const change of changes) {
    if (change.stock === undefined) continue;
    try {
      await setOnHand(env, change.target.productId, change.target.variantId, change.stock);
      done.push(change);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      for (const undo of done.reverse()) {
        await setOnHand(env, undo.target.productId, undo.target.variantId, undo.previousOnHand ?? 0).catch(() => {});
      }
      return refuse(
        change,
        "below_reserved",
        "Unpaid orders reserved units of this SKU while the file was applied: upload it again.",
      );
    }
  }
  return undefined;
}

/** Prices, list snapshots and one `product.updated` per product changed, as one D1 batch: the commit point. */
async function commitPrices(env: Env, db: Database, shopId: string, userId: string, changes: readonly Change[]) {
  const now = nowMs();
  const productIds = [...new Set(changes.map((c) => c.target.productId))];
  const variantIdsOf = new Map<string, string[]>();
  const variantRows = await db.all<{ id: string; productId: string }>(sql`
    SELECT id, product_id AS productId FROM product_variants
      WHERE deleted_at IS NULL AND product_id IN (SELECT value FROM json_each(${JSON.stringify(productIds)}))`);
  for (const v of variantRows) variantIdsOf.set(v.productId, [...(variantIdsOf.get(v.productId) ?? []), v.id]);
  const snapshots: { id: string; v: number }[] = [];
  await eachLimited(productIds, async (id) => {
    const stock = await productStock(env, id, variantIdsOf.get(id) ?? []);
    snapshots.push({ id, v: stock.total.available });
  });
  const productPrices = changes
    .filter((c) => c.price !== undefined && c.target.variantId === null)
    .map((c) => ({ id: c.target.productId, v: c.price }));
  const variantPrices = changes
    .filter((c) => c.price !== undefined && c.target.variantId !== null)
    .map((c) => ({ id: c.target.variantId, v: c.price }));
  const events = productIds.map((productId) => {
    const event = createEvent(
      PRODUCT_UPDATED,
      { productId, shopId },
      { actor: { type: "user", id: userId }, subject: { type: "product", id: productId } },
    );
    return { id: event.id, type: event.type, envelope: JSON.stringify(event) };
  });
  // Each list travels as one JSON parameter (D1 binds at most 100 per statement); the raw D1 batch is
  // one transaction, as drizzle's is.
  const ROWS = `SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.v') AS v FROM json_each(?1)`;
  await env.DB.batch([
    env.DB.prepare(
      `UPDATE products SET price_amount = j.v, updated_at = ?2 FROM (${ROWS}) AS j WHERE products.id = j.id`,
    ).bind(JSON.stringify(productPrices), now),
    env.DB.prepare(
      `UPDATE product_variants SET price_amount = j.v, updated_at = ?2 FROM (${ROWS}) AS j WHERE product_variants.id = j.id`,
    ).bind(JSON.stringify(variantPrices), now),
    env.DB.prepare(
      `UPDATE products SET stock_snapshot = j.v, updated_at = ?2 FROM (${ROWS}) AS j WHERE products.id = j.id`,
    ).bind(JSON.stringify(snapshots), now),
    env.DB.prepare(
      `INSERT INTO outbox_events (id, queue, type, envelope, created_at)
        SELECT json_extract(value, '$.id'), 'catalog_events', json_extract(value, '$.type'), json_extract(value, '$.envelope'), ?2
        FROM json_each(?1)`,
    ).bind(JSON.stringify(events), now),
  ]);
  return productIds;
}

/** The whole upload: read, check every row, then apply all of them or none. */
export async function bulkUpdateProducts(
  env: Env,
  input: {
    origin: string;
    userId: string;
    shopId: string;
    uploadId: string;
    request: CsvUpload;
    limits: SellerUploads;
  },
): Promise<BulkUpdateReport> {
  const db = database(env);
  const shop = await ownedShop(db, input.shopId, input.userId);
  const text = await readCsvUpload(input.request, input.limits.bulkCsvMaxBytes, true);
  const read = readRows(parseCsv(text), shop.currency as Currency, input.limits.bulkCsvMaxRows);
  const rowCount = read.rows.length + read.refused.length;
  const report = (refused: BulkRefusal[], applied = 0): BulkUpdateReport => ({
    uploadId: input.uploadId,
    status: refused.length > 0 ? "refused" : "applied",
    rows: rowCount,
    applied,
    refused: refused.sort((a, b) => a.row - b.row),
  });
  const matched = read.rows.length > 0 ? matchRows(read.rows, await targetsOf(db, shop.id, read.rows)) : undefined;
  const refused = [...read.refused, ...(matched?.refused ?? [])];
  if (refused.length > 0 || !matched) return report(refused);
  const belowReserved = await checkReserved(env, matched.changes);
  if (belowReserved.length > 0) return report(belowReserved);
  const stockRefusal = await applyStock(env, matched.changes);
  if (stockRefusal) return report([stockRefusal]);
  const productIds = await commitPrices(env, db, shop.id, input.userId, matched.changes);
  await eachLimited(productIds, (id) => invalidateProduct(input.origin, id));
  return report([], matched.changes.length);
}
