import { and, asc, desc, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import { walletStatusChanges, walletTransactions } from "../../d1/schema/wallet";
import { displayNameOf } from "../identity";
import { type Database, inList } from "../platform/db";
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
  const trails = await statusChangesOf(
    db,
    rows.slice(0, query.limit).map((r) => r.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.createdAt, r.id],
    (r) => ({
      ...presentTransaction(
        { ...r, type: r.type as TransactionView["type"], currency: r.currency as Currency },
        r.counterpartyName,
      ),
      ...(trails.has(r.id) ? { statusHistory: trails.get(r.id) } : {}),
    }),
  );
}

export type StatusChange = { status: TransactionView["status"]; at: string };

/**
 * The D1 audit trail of these transactions (wallet_status_changes), each oldest first. A
 * transaction whose changes were not projected yet has none (the object's own trail is the truth).
 */
export async function statusChangesOf(db: Database, ids: string[]): Promise<Map<string, StatusChange[]>> {
  const trails = new Map<string, StatusChange[]>();
  if (ids.length === 0) return trails;
  const s = walletStatusChanges;
  const rows = await db
    .select({ transactionId: s.transactionId, status: s.status, at: s.at })
    .from(s)
    .where(inList(s.transactionId, ids))
    .orderBy(asc(s.transactionId), asc(s.version));
  for (const r of rows) {
    const trail = trails.get(r.transactionId) ?? [];
    trail.push({ status: r.status, at: new Date(r.at).toISOString() });
    trails.set(r.transactionId, trail);
  }
  return trails;
}
