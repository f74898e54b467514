import { eq } from "drizzle-orm";
import { flashSaleItems, flashSales } from "../../d1/schema/flash-sales";
import { nowMs } from "../platform/clock";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { ownedShop } from "../shops";
import { findSale, type SaleWithItems, withItems } from "./queries";

/**
 * Cancels an upcoming sale (owner). Once it has started, units may already be held at its price,
 * so a started sale is not cancelled (409); it ends at its endsAt. Cancelling twice is fine.
 */
export async function cancelFlashSale(env: Env, saleId: string, userId: string): Promise<SaleWithItems> {
  const db = database(env);
  const sale = await findSale(db, saleId);
  await ownedShop(db, sale.shopId, userId);
  if (sale.status === "cancelled") return (await withItems(db, [sale]))[0];
  const now = nowMs();
  const notStarted = () =>
    new ApiError("conflict", "This flash sale has already started. Only an upcoming sale can be cancelled.");
  if (sale.startsAt <= now) throw notStarted();
  await db.batch([
    db.update(flashSales).set({ status: "cancelled", cancelledAt: now }).where(eq(flashSales.id, saleId)),
    db.update(flashSaleItems).set({ cancelled: 1 }).where(eq(flashSaleItems.saleId, saleId)),
  ]);
  return (await withItems(db, [{ ...sale, status: "cancelled", cancelledAt: now }]))[0];
}
