import { and, asc, desc, eq, gt, lte, or, sql } from "drizzle-orm";
import { flashSaleItems, flashSales } from "../../d1/schema/flash-sales";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";

export type SaleRow = typeof flashSales.$inferSelect;
export type SaleItemRow = typeof flashSaleItems.$inferSelect;
export interface SaleWithItems {
  sale: SaleRow;
  items: SaleItemRow[];
}

export async function findSale(db: Database, id: string): Promise<SaleRow> {
  const sale = await db.select().from(flashSales).where(eq(flashSales.id, id)).get();
  if (!sale) throw new ApiError("not_found", "There is no flash sale with this id.");
  return sale;
}

/** The sales' items, one query, in each sale's own order. */
export async function withItems(db: Database, sales: readonly SaleRow[]): Promise<SaleWithItems[]> {
  if (sales.length === 0) return [];
  const ids = JSON.stringify(sales.map((s) => s.id));
  const items = await db
    .select()
    .from(flashSaleItems)
    .where(sql`${flashSaleItems.saleId} IN (SELECT value FROM json_each(${ids}))`)
    .orderBy(asc(flashSaleItems.saleId), asc(flashSaleItems.position));
  return sales.map((sale) => ({ sale, items: items.filter((i) => i.saleId === sale.id) }));
}

/** A shop's sales, newest first (keyset on id); cancelled ones only for the owner. */
export function shopSales(db: Database, shopId: string, after: string | undefined, limit: number, owner: boolean) {
  return db
    .select()
    .from(flashSales)
    .where(
      and(
        eq(flashSales.shopId, shopId),
        owner ? undefined : eq(flashSales.status, "scheduled"),
        after === undefined ? undefined : sql`${flashSales.id} < ${after}`,
      ),
    )
    .orderBy(desc(flashSales.id))
    .limit(limit + 1);
}

/** Sales live at `now`, ending soonest first (keyset on endsAt, id). */
export function liveSales(db: Database, now: number, after: [number, string] | undefined, limit: number) {
  return db
    .select()
    .from(flashSales)
    .where(
      and(
        eq(flashSales.status, "scheduled"),
        lte(flashSales.startsAt, now),
        gt(flashSales.endsAt, now),
        after === undefined
          ? undefined
          : or(gt(flashSales.endsAt, after[0]), and(eq(flashSales.endsAt, after[0]), gt(flashSales.id, after[1]))),
      ),
    )
    .orderBy(asc(flashSales.endsAt), asc(flashSales.id))
    .limit(limit + 1);
}

/** The live sale items of these products (any variant), at `now`: at most one per SKU (no overlaps). */
export function liveItemsOf(db: Database, productIds: readonly string[], now: number) {
  return itemsOf(db, productIds, now, "live");
}

/**
 * The sale items of these products not over at `now`: live and upcoming ones (not cancelled). What
 * a cache of product reads keeps, to pick the live ones at each read (isLiveItem).
 */
export function unendedItemsOf(db: Database, productIds: readonly string[], now: number) {
  return itemsOf(db, productIds, now, "unended");
}

function itemsOf(db: Database, productIds: readonly string[], now: number, which: "live" | "unended") {
  const ids = JSON.stringify([...new Set(productIds)]);
  return db
    .select()
    .from(flashSaleItems)
    .where(
      and(
        sql`${flashSaleItems.productId} IN (SELECT value FROM json_each(${ids}))`,
        eq(flashSaleItems.cancelled, 0),
        which === "live" ? lte(flashSaleItems.startsAt, now) : undefined,
        gt(flashSaleItems.endsAt, now),
      ),
    );
}

/** Whether an item (not cancelled) is live at `now`: the condition liveItemsOf selects by. */
export function isLiveItem(item: Pick<SaleItemRow, "cancelled" | "startsAt" | "endsAt">, now: number): boolean {
  return item.cancelled === 0 && item.startsAt <= now && now < item.endsAt;
}

/** No other sale of this SKU (not cancelled) overlaps [startsAt, endsAt): a batch guard's condition. */
export function noOverlap(item: { productId: string; variantId: string }, startsAt: number, endsAt: number) {
  return sql`NOT EXISTS (SELECT 1 FROM ${flashSaleItems} WHERE ${flashSaleItems.productId} = ${item.productId}
    AND ${flashSaleItems.variantId} = ${item.variantId} AND ${flashSaleItems.cancelled} = 0
    AND ${flashSaleItems.startsAt} < ${endsAt} AND ${flashSaleItems.endsAt} > ${startsAt})`;
}
