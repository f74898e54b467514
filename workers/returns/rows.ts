import { and, asc, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { returns } from "../../d1/schema/returns";
import type { ReturnStatus } from "../../schemas/returns";
import type { Database } from "../platform/db";

export type ReturnRow = typeof returns.$inferSelect;

/** A return still in progress: it keeps its order from completing. */
export const OPEN_RETURN_STATUSES = ["requested", "approved", "received"] as const satisfies readonly ReturnStatus[];

export async function returnById(db: Database, id: string): Promise<ReturnRow | undefined> {
  return db.select().from(returns).where(eq(returns.id, id)).get();
}

export async function returnsOfOrder(db: Database, orderId: string): Promise<ReturnRow[]> {
  return db.select().from(returns).where(eq(returns.orderId, orderId)).orderBy(asc(returns.seq));
}

/** A shop's returns, newest first, `limit + 1` rows from before `beforeId` (keyset pagination). */
export async function returnsOfShop(
  db: Database,
  shopId: string,
  query: { status?: ReturnStatus; beforeId?: string; limit: number },
): Promise<ReturnRow[]> {
  return db
    .select()
    .from(returns)
    .where(
      and(
        eq(returns.shopId, shopId),
        query.status ? eq(returns.status, query.status) : undefined,
        query.beforeId ? lt(returns.id, query.beforeId) : undefined,
      ),
    )
    .orderBy(desc(returns.id))
    .limit(query.limit + 1);
}

/** Of these orders, those with a return still in progress. */
export async function ordersWithOpenReturns(db: Database, orderIds: readonly string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ orderId: returns.orderId })
    .from(returns)
    .where(and(inArray(returns.orderId, [...orderIds]), inArray(returns.status, [...OPEN_RETURN_STATUSES])));
  return new Set(rows.map((r) => r.orderId));
}

/** True in SQL exactly when the move with this id is the one that changed the return. */
export function returnMoveApplied(returnId: string, moveId: string): SQL {
  return and(eq(returns.id, returnId), eq(returns.lastMoveId, moveId))!;
}
