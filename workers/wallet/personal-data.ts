import { asc, eq } from "drizzle-orm";
import { walletTransactions } from "../../d1/schema/wallet";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import type { Currency } from "../platform/money";
import { transactionColumns } from "./history";
import { walletStub } from "./keys";
import type { TransactionView } from "./object/types";
import { presentTransaction, presentWallet } from "./present";

/**
 * The wallet's share of the privacy domain's work: the account export (balances from the
 * caller's Wallet object, the truth; every transaction from the D1 projection, oldest first) and
 * the check that refuses to delete an account that still holds money.
 */
export async function walletDataOf(env: Env, db: Database, userId: string) {
  const t = walletTransactions;
  const [balances, rows] = await Promise.all([
    walletStub(env, userId).balances(),
    db.select(transactionColumns()).from(t).where(eq(t.userId, userId)).orderBy(asc(t.createdAt), asc(t.id)),
  ]);
  return {
    wallets: balances.map(presentWallet),
    transactions: rows.map((r) =>
      presentTransaction(
        { ...r, type: r.type as TransactionView["type"], currency: r.currency as Currency },
        r.counterpartyName,
      ),
    ),
  };
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
