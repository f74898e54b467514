import { parseRpcInput } from "../../platform/rpc-input";
import { OperationIdSchema, type SaleClaim } from "./input";
import type { InventoryState } from "./state";
import { type HoldRow, readHold } from "./store";
import type { SaleUsage } from "./types";

/**
 * Flash-sale quotas held in the object next to the stock (docs/inventory.md, "Flash sales"). A
 * hold may take some of its units at a sale's price: `sale_units` on the hold row, decided in the
 * same synchronous step as the stock itself, so no two reservations can both take the last sale
 * unit. Units of live holds count against the quota; when a hold expires or is released they stop
 * counting (the sale units come back by themselves); when it commits they move to `inv_sale_sold`,
 * which outlives the hold rows' retention.
 */

interface SaleRow {
  quota: number;
  per_user_limit: number | null;
}

/** Sale units used now: live holds plus units sold; for one buyer when `buyer` is given. */
function used(state: InventoryState, saleId: string, now: number, buyer?: string): number {
  const byBuyer = buyer === undefined ? "" : " AND buyer = ?3";
  const params: (string | number)[] = buyer === undefined ? [saleId, now] : [saleId, now, buyer];
  const held = state.sql
    .exec<{ n: number | null }>(
      `SELECT SUM(sale_units) AS n FROM inv_holds WHERE sale_id = ?1 AND status = 'held' AND expires_at > ?2${byBuyer}`,
      ...params,
    )
    .toArray()[0].n;
  const sold = state.sql
    .exec<{ n: number | null }>(
      `SELECT SUM(units) AS n FROM inv_sale_sold WHERE sale_id = ?1${buyer === undefined ? "" : " AND buyer = ?2"}`,
      ...(buyer === undefined ? [saleId] : [saleId, buyer]),
    )
    .toArray()[0].n;
  return (held ?? 0) + (sold ?? 0);
}

function saleRow(state: InventoryState, saleId: string): SaleRow | undefined {
  return state.sql
    .exec<SaleRow & Record<string, SqlStorageValue>>(
      "SELECT quota, per_user_limit FROM inv_sales WHERE sale_id = ?",
      saleId,
    )
    .toArray()[0];
}

/** How many of `quantity` units may go at the sale's price now (quota and the buyer's limit). */
function grantable(state: InventoryState, saleId: string, buyer: string, quantity: number, now: number): number {
  const sale = saleRow(state, saleId);
  if (!sale) return 0;
  let grant = Math.min(quantity, sale.quota - used(state, saleId, now));
  if (sale.per_user_limit !== null) grant = Math.min(grant, sale.per_user_limit - used(state, saleId, now, buyer));
  return Math.max(0, grant);
}

/**
 * Records the sale's quota (the sale's own figures are fixed once it is created, so the latest
 * call's values are the sale's) and answers how many of the hold's units take the sale price.
 * Called by `reserve` after it has decided the stock, before it writes the hold.
 */
export function claimSaleUnits(state: InventoryState, claim: SaleClaim, quantity: number, now: number): number {
  state.sql.exec(
    `INSERT INTO inv_sales (sale_id, quota, per_user_limit) VALUES (?1, ?2, ?3)
     ON CONFLICT (sale_id) DO UPDATE SET quota = ?2, per_user_limit = ?3`,
    claim.saleId,
    claim.quota,
    claim.perUserLimit ?? null,
  );
  return grantable(state, claim.saleId, claim.buyer, quantity, now);
}

/**
 * Whether an expired hold can be taken again with all its sale units (a commit or renew that
 * revives it): otherwise it would sell more than the quota, so the revival is refused.
 */
export function saleUnitsStillFree(state: InventoryState, row: HoldRow, now: number): boolean {
  if (!row.sale_id || row.sale_units === 0) return true;
  return grantable(state, row.sale_id, row.buyer ?? "", row.sale_units, now) >= row.sale_units;
}

/** A committed hold's sale units become units sold at the sale's price, for good. */
export function recordSaleSold(state: InventoryState, row: HoldRow): void {
  if (!row.sale_id || row.sale_units === 0) return;
  state.sql.exec(
    `INSERT INTO inv_sale_sold (sale_id, buyer, units) VALUES (?1, ?2, ?3)
     ON CONFLICT (sale_id, buyer) DO UPDATE SET units = units + ?3`,
    row.sale_id,
    row.buyer ?? "",
    row.sale_units,
  );
}

/** A sale's use in this object (read-only; holds past expiry are not counted). */
export function saleUsage(state: InventoryState, saleId: string): SaleUsage {
  const parsed = parseRpcInput(OperationIdSchema, saleId);
  if (!parsed.ok) return { saleId: String(saleId), quota: 0, held: 0, sold: 0 };
  const now = Date.now();
  const total = used(state, saleId, now);
  const sold =
    state.sql
      .exec<{ n: number | null }>("SELECT SUM(units) AS n FROM inv_sale_sold WHERE sale_id = ?", saleId)
      .toArray()[0].n ?? 0;
  return { saleId, quota: saleRow(state, saleId)?.quota ?? 0, held: total - sold, sold };
}

/**
 * A sold hold's sale units given back to the quota: its order was cancelled or refunded after
 * payment, so its units came back to stock (restock) and the sale may sell them again. Once per
 * hold: the hold's `sale_units` drop to 0 in the same synchronous step, so a retry or the event's
 * consumer running it again gives nothing more. Answers the units given back (0 if none).
 */
export function returnSaleUnits(state: InventoryState, reservationId: string): number {
  const parsed = parseRpcInput(OperationIdSchema, reservationId);
  if (!parsed.ok) return 0;
  const row = readHold(state.sql, reservationId);
  if (!row || row.status !== "committed" || !row.sale_id || row.sale_units === 0) return 0;
  state.sql.exec(
    "UPDATE inv_sale_sold SET units = MAX(0, units - ?1) WHERE sale_id = ?2 AND buyer = ?3",
    row.sale_units,
    row.sale_id,
    row.buyer ?? "",
  );
  state.sql.exec("UPDATE inv_holds SET sale_units = 0, updated_at = ?1 WHERE id = ?2", Date.now(), reservationId);
  return row.sale_units;
}

/** Units of a sale one buyer holds or bought here (read-only; for a checkout's quote). */
export function buyerSaleUnits(state: InventoryState, saleId: string, buyer: string): number {
  const sale = parseRpcInput(OperationIdSchema, saleId);
  const who = parseRpcInput(OperationIdSchema, buyer);
  if (!sale.ok || !who.ok) return 0;
  return used(state, saleId, Date.now(), buyer);
}
