import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { earningEntries } from "../../d1/schema/earnings";
import type { Database } from "../platform/db";
import { type Currency, money } from "../platform/money";
import type { Period } from "./period";

/** The most entries one statement lists; a longer one asks for a shorter period. */
export const MAX_STATEMENT_ENTRIES = 5000;

type Money = { amount: number; currency: Currency };
interface Balances {
  pending: Money;
  available: Money;
  balance: Money;
}

export interface StatementEntry extends Balances {
  id: string;
  at: string;
  type: (typeof earningEntries.$inferSelect)["type"];
  orderId: string | null;
  payoutId: string | null;
  amount: Money;
}

export interface Statement {
  currency: string;
  from: string;
  to: string;
  opening: Balances;
  closing: Balances;
  entries: StatementEntry[];
}

/** What an entry moved, as one signed amount: a release moves money into available, the rest change the total. */
function amountOf(e: { type: string; pendingDelta: number; availableDelta: number }): number {
  return e.type === "release" ? e.availableDelta : e.pendingDelta + e.availableDelta;
}

/**
 * A shop's entries in a period, oldest first, each with the balances after it: the opening
 * balances are the sums of every entry before the period, so the running balances are exactly
 * what the ledger held (the balances of shop_balances are the sums of all entries).
 */
export async function statementOf(
  db: Database,
  shopId: string,
  currency: Currency,
  period: Period,
): Promise<Statement | "too_long"> {
  const [before] = await db
    .select({
      pending: sql<number>`coalesce(sum(${earningEntries.pendingDelta}), 0)`,
      available: sql<number>`coalesce(sum(${earningEntries.availableDelta}), 0)`,
    })
    .from(earningEntries)
    .where(and(eq(earningEntries.shopId, shopId), lt(earningEntries.createdAt, period.from)));
  const rows = await db
    .select()
    .from(earningEntries)
    .where(
      and(
        eq(earningEntries.shopId, shopId),
        gte(earningEntries.createdAt, period.from),
        lt(earningEntries.createdAt, period.to),
      ),
    )
    .orderBy(asc(earningEntries.createdAt), asc(earningEntries.id))
    .limit(MAX_STATEMENT_ENTRIES + 1);
  if (rows.length > MAX_STATEMENT_ENTRIES) return "too_long";
  const m = (amount: number) => money(amount, currency);
  const balances = (pending: number, available: number): Balances => ({
    pending: m(pending),
    available: m(available),
    balance: m(pending + available),
  });
  let pending = Number(before?.pending ?? 0);
  let available = Number(before?.available ?? 0);
  const opening = balances(pending, available);
  const entries = rows.map((e) => {
    pending += e.pendingDelta;
    available += e.availableDelta;
    return {
      id: e.id,
      at: new Date(e.createdAt).toISOString(),
      type: e.type,
      orderId: e.orderId,
      payoutId: e.payoutId,
      amount: m(amountOf(e)),
      ...balances(pending, available),
    };
  });
  return {
    currency,
    from: new Date(period.from).toISOString(),
    to: new Date(period.to).toISOString(),
    opening,
    closing: balances(pending, available),
    entries,
  };
}
