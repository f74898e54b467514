import { and, eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type ENTRY_TYPES, earningEntries, earningOrders, payouts, shopBalances } from "../../d1/schema/earnings";
import { ONE_ROW } from "../platform/batch-guard";
import { type Database, nowMs } from "../platform/db";
import { newId } from "../platform/ids";

/*
 * The writes every change of a shop's earnings is made of, for one D1 batch. The batch starts with
 * a conditional update of the row that decides (an order's earnings, the shop's balance, a payout)
 * stamping a fresh run token; the entry and the balance change below apply only where that token
 * is found afterwards, so a change that lost its race, or repeats one already made, leaves nothing.
 */

export type EntryType = (typeof ENTRY_TYPES)[number];
export type EarningOrderRow = typeof earningOrders.$inferSelect;
export type BalanceRow = typeof shopBalances.$inferSelect;

export interface EntryInput {
  /** What caused it (an event id, `sale:<order>`, a payout id): the same cause never moves money twice. */
  id: string;
  shopId: string;
  type: EntryType;
  orderId?: string;
  payoutId?: string;
  currency: string;
  pendingDelta: number;
  availableDelta: number;
  /** The order money a refund gave back (the sales reports' refunds). */
  gross?: number;
}

/** A fresh token for one attempt at a change. */
export const runToken = () => newId("run");

/** True in SQL when this attempt's change of the order's earnings applied. */
export const orderRunApplied = (orderId: string, token: string): SQL =>
  sql`EXISTS (SELECT 1 FROM ${earningOrders} WHERE ${earningOrders.orderId} = ${orderId} AND ${earningOrders.lastRun} = ${token})`;

/** True in SQL when this attempt's change of the shop's balance applied. */
export const balanceRunApplied = (shopId: string, token: string): SQL =>
  sql`EXISTS (SELECT 1 FROM ${shopBalances} WHERE ${shopBalances.shopId} = ${shopId} AND ${shopBalances.lastRun} = ${token})`;

/** True in SQL when this attempt's change of the payout applied. */
export const payoutRunApplied = (payoutId: string, token: string): SQL =>
  sql`EXISTS (SELECT 1 FROM ${payouts} WHERE ${payouts.id} = ${payoutId} AND ${payouts.lastRun} = ${token})`;

/** True in SQL when the entry of this cause exists already. */
export const entryExists = (id: string): SQL =>
  sql`EXISTS (SELECT 1 FROM ${earningEntries} WHERE ${earningEntries.id} = ${id})`;

/** The entry's row, written only if `applied` holds when the batch runs (and only once per id). */
export function entryWrite(db: Database, entry: EntryInput, applied: SQL): BatchItem<"sqlite"> {
  const value = <T>(v: T, name: string) => sql<T>`${v}`.as(name);
  return db
    .insert(earningEntries)
    .select(
      db
        .select({
          id: value(entry.id, "id"),
          shopId: value(entry.shopId, "shop_id"),
          type: value(entry.type, "type"),
          orderId: value(entry.orderId ?? null, "order_id"),
          payoutId: value(entry.payoutId ?? null, "payout_id"),
          currency: value(entry.currency, "currency"),
          pendingDelta: value(entry.pendingDelta, "pending_delta"),
          availableDelta: value(entry.availableDelta, "available_delta"),
          gross: value(entry.gross ?? 0, "gross"),
          createdAt: value(nowMs(), "created_at"),
        })
        .from(ONE_ROW)
        .where(applied),
    )
    .onConflictDoNothing();
}

/** The shop's balance moved by the entry's deltas (and `paidOut`), only if `applied` holds. */
export function balanceWrite(
  db: Database,
  shopId: string,
  delta: { pending?: number; available?: number; paidOut?: number },
  applied: SQL,
): BatchItem<"sqlite"> {
  return db
    .update(shopBalances)
    .set({
      pending: sql`${shopBalances.pending} + ${delta.pending ?? 0}`,
      available: sql`${shopBalances.available} + ${delta.available ?? 0}`,
      paidOut: sql`${shopBalances.paidOut} + ${delta.paidOut ?? 0}`,
      updatedAt: nowMs(),
    })
    .where(and(eq(shopBalances.shopId, shopId), applied));
}

/** The shop's balance row, created empty the first time (a no-op after). */
export function balanceRowWrite(db: Database, shopId: string, currency: string): BatchItem<"sqlite"> {
  return db
    .insert(shopBalances)
    .values({ shopId, currency, pending: 0, available: 0, paidOut: 0, updatedAt: nowMs() })
    .onConflictDoNothing();
}

export async function earningOrderOf(db: Database, orderId: string): Promise<EarningOrderRow | undefined> {
  return db.select().from(earningOrders).where(eq(earningOrders.orderId, orderId)).get();
}

export async function balanceOf(db: Database, shopId: string): Promise<BalanceRow | undefined> {
  return db.select().from(shopBalances).where(eq(shopBalances.shopId, shopId)).get();
}

/** What a change of an order's earnings does, decided from the row as it was read. */
export interface OrderChange {
  set: Partial<Pick<EarningOrderRow, "state" | "refundedGross" | "refundedNet" | "completedAt">>;
  entry: EntryInput;
}

const ATTEMPTS = 5;

/**
 * Applies one change to an order's earnings, once per entry id: reads the row, lets `plan` decide
 * (undefined: nothing to do), and writes the row's change only if nobody changed it since (its
 * version) and the entry is new. A lost race reads again; a repeat finds its entry and stops.
 */
export async function changeOrderEarnings(
  db: Database,
  orderId: string,
  plan: (row: EarningOrderRow) => OrderChange | undefined,
): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = await earningOrderOf(db, orderId);
    if (!row) return;
    const change = plan(row);
    if (!change) return;
    const token = runToken();
    const applied = orderRunApplied(orderId, token);
    const [updated] = await db.batch([
      db
        .update(earningOrders)
        .set({ ...change.set, version: row.version + 1, lastRun: token })
        .where(
          and(
            eq(earningOrders.orderId, orderId),
            eq(earningOrders.version, row.version),
            sql`NOT ${entryExists(change.entry.id)}`,
          ),
        )
        .returning({ orderId: earningOrders.orderId }),
      balanceWrite(
        db,
        row.shopId,
        { pending: change.entry.pendingDelta, available: change.entry.availableDelta },
        applied,
      ),
      entryWrite(db, change.entry, applied),
    ]);
    if (updated.length > 0) return;
    const done = await db
      .select({ id: earningEntries.id })
      .from(earningEntries)
      .where(eq(earningEntries.id, change.entry.id))
      .get();
    if (done) return;
  }
  throw new Error(`The earnings of order ${orderId} kept changing; retry later`);
}
