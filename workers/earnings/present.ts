import { maskAccount } from "../disbursements";
import { type Currency, money } from "../platform/money";
import { decryptPii } from "../platform/pii";
import type { BalanceRow } from "./ledger";
import type { PayoutRow } from "./payouts";

export function presentBalance(row: BalanceRow | undefined, shopCurrency: Currency) {
  const currency = (row?.currency as Currency | undefined) ?? shopCurrency;
  return {
    currency,
    pending: money(row?.pending ?? 0, currency),
    available: money(row?.available ?? 0, currency),
    paidOut: money(row?.paidOut ?? 0, currency),
  };
}

/** A payout as its owner sees it: a bank account masked to its last digits, the holder's name decrypted. */
export async function presentPayout(env: Env, p: PayoutRow) {
  const destination =
    p.destination === "wallet"
      ? ("wallet" as const)
      : {
          bankCode: p.bankCode ?? "",
          accountNumber: maskAccount(p.accountLast4 ?? ""),
          accountName: p.accountNameEnc ? await decryptPii(env, p.accountNameEnc) : "",
        };
  return {
    id: p.id,
    amount: money(p.amount, p.currency as Currency),
    destination,
    status: p.status,
    ...(p.failureCode ? { failureCode: p.failureCode } : {}),
    createdAt: new Date(p.createdAt).toISOString(),
    ...(p.completedAt ? { completedAt: new Date(p.completedAt).toISOString() } : {}),
  };
}
