import { and, asc, eq, gt } from "drizzle-orm";
import { walletTransactions } from "../../d1/schema/wallet";
import { maskAccount } from "../disbursements";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import type { Currency } from "../platform/money";
import { money } from "../platform/money";
import { statusChangesOf, transactionColumns } from "./history";
import { walletStub } from "./keys";
import type { WithdrawalRecord } from "./object/personal";
import type { TransactionView } from "./object/types";
import { presentTransaction, presentWallet } from "./present";

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The wallet's share of the privacy domain's work: the account export and the check that refuses
 * to delete an account that still holds money. The export holds the balances (from the caller's
 * Wallet object, the truth), every transaction from the D1 projection (oldest first) with its
 * audit trail (wallet_status_changes), and apart: the withdrawals (from the object; the bank
 * account as its bank and last digits, never the number), the top-ups and the conversions.
 */
export async function walletDataOf(env: Env, db: Database, userId: string) {
  const t = walletTransactions;
  const stub = walletStub(env, userId);
  const [balances, rows, withdrawals] = await Promise.all([
    stub.balances(),
    db.select(transactionColumns()).from(t).where(eq(t.userId, userId)).orderBy(asc(t.createdAt), asc(t.id)),
    stub.withdrawals(),
  ]);
  const trails = await statusChangesOf(
    db,
    rows.map((r) => r.id),
  );
  const transactions = rows.map((r) => ({
    ...presentTransaction(
      { ...r, type: r.type as TransactionView["type"], currency: r.currency as Currency },
      r.counterpartyName,
    ),
    statusHistory: trails.get(r.id) ?? [],
  }));
  return {
    wallets: balances.map(presentWallet),
    transactions,
    withdrawals: withdrawals.map(presentWithdrawal),
    topUps: transactions.filter((x) => x.type === "topup"),
    conversions: conversionsOf(transactions),
  };
}

function presentWithdrawal(w: WithdrawalRecord) {
  return {
    id: w.id,
    amount: money(w.amount, w.currency),
    bankAccount: { bankCode: w.bankCode, accountNumber: maskAccount(w.accountLast4) },
    status: w.status,
    ...(w.failureCode ? { failureCode: w.failureCode } : {}),
    createdAt: iso(w.createdAt),
    updatedAt: iso(w.updatedAt),
  };
}

type ExportedTransaction = ReturnType<typeof presentTransaction>;

/** Each conversion as its two legs (joined by their quote): what left, what arrived, when. */
function conversionsOf(transactions: ExportedTransaction[]) {
  const legs = new Map<string, { out?: ExportedTransaction; in?: ExportedTransaction }>();
  for (const x of transactions) {
    if ((x.type !== "conversion_out" && x.type !== "conversion_in") || !x.reference) continue;
    const pair = legs.get(x.reference) ?? {};
    if (x.type === "conversion_out") pair.out = x;
    else pair.in = x;
    legs.set(x.reference, pair);
  }
  return [...legs].map(([quoteId, pair]) => ({
    quoteId,
    ...(pair.out ? { from: pair.out.amount, debitTransactionId: pair.out.id } : {}),
    ...(pair.in ? { to: pair.in.amount, creditTransactionId: pair.in.id } : {}),
    at: (pair.out ?? pair.in)!.createdAt,
  }));
}

/**
 * Refuses (409) to go on while any of the user's wallets holds money (available or held for a
 * transfer in flight): erasing the account would strand it. Nothing has changed when it throws.
 */
export async function assertWalletEmpty(env: Env, userId: string): Promise<void> {
  const left = (await walletStub(env, userId).balances()).filter((b) => b.balance > 0 || b.held > 0);
  if (left.length === 0) return;
  throw new ApiError(
    "conflict",
    `Your wallet still holds money (${left.map((b) => b.currency).join(", ")}). Withdraw it to your bank or spend it first, wait for transfers in flight to finish, then delete the account.`,
  );
}

/** The wallets that ever withdrew (each holds encrypted bank fields), after `after`, by user id. */
export async function walletsWithWithdrawalsAfter(db: Database, after: string | null, limit: number) {
  const t = walletTransactions;
  const rows = await db
    .selectDistinct({ userId: t.userId })
    .from(t)
    .where(and(eq(t.type, "withdrawal"), gt(t.userId, after ?? "")))
    .orderBy(asc(t.userId))
    .limit(limit);
  return rows.map((r) => r.userId);
}
