import { and, desc, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import { walletTransactions } from "../../d1/schema/wallet";
import { displayNameOf } from "../identity";
import type { Database } from "../platform/db";
import type { Currency } from "../platform/money";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import type { TransactionView } from "./object/types";
import { presentTransaction } from "./present";

/** A projected transaction as presentTransaction reads it, with the counterparty's public name. */
export function transactionColumns() {
  const t = walletTransactions;
  return {
    id: t.id,
    type: t.type,
    direction: t.direction,
    currency: t.currency,
    amount: t.amount,
    status: t.status,
    counterpartyUserId: t.counterpartyUserId,
    reference: t.reference,
    note: t.note,
    createdAt: t.createdAt,
    completedAt: t.completedAt,
    counterpartyName: displayNameOf(t.counterpartyUserId),
  };
}

const CursorSchema = z.tuple([z.number().int(), z.string().min(1).max(64)]);

/**
 * One page of a wallet's history from the D1 projection, newest first (keyset on created_at, id).
 * The projection trails the object by the moment its alarm takes; the object stays the truth.
 */
export async function transactionPage(
  db: Database,
  userId: string,
  currency: Currency,
  query: { limit: number; cursor?: string },
): Promise<Page<ReturnType<typeof presentTransaction>>> {
  const after = decodeCursor(query.cursor, CursorSchema);
  const t = walletTransactions;
  const rows = await db
    .select(transactionColumns())
    .from(t)
    .where(
      and(
        eq(t.userId, userId),
        eq(t.currency, currency),
        after ? or(lt(t.createdAt, after[0]), and(eq(t.createdAt, after[0]), lt(t.id, after[1]))) : undefined,
      ),
    )
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.createdAt, r.id],
    (r) =>
      presentTransaction(
        { ...r, type: r.type as TransactionView["type"], currency: r.currency as Currency },
        r.counterpartyName,
      ),
  );
}
