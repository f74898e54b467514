import type { Currency } from "../../platform/money";
import type { WalletState } from "./state";
import type { LedgerAudit } from "./types";

/*
 * The double-entry ledger of one wallet. A movement is a set of postings summing to zero: the
 * user's accounts (`available`, `held`) on one side, a system account on the other, or both of the
 * user's own accounts for a hold. Each movement is applied once by its id; the caller checks the
 * balances first (a CHECK constraint would throw, and outcomes must be values) and runs this in
 * the same synchronous transaction as the records the movement belongs to.
 */

export type MovementKind =
  | "hold"
  | "release"
  | "settle"
  | "receive"
  | "topup"
  | "refund"
  // A shop's earnings paid out to its owner's wallet (workers/earnings/payouts.ts).
  | "payout"
  // FX conversions (conversions.ts): through the platform's FX account of each currency, the fee to its fees account.
  | "conversion_out"
  | "conversion_fee"
  | "conversion_in"
  // Withdrawals (withdrawals.ts): held money leaves the platform for a bank account.
  | "withdraw"
  // Orders paid from the wallet (payments.ts).
  | "payment";

export const CLEARING = "system:transfers";

/** Each kind's postings for a positive `amount`: account → signed amount. */
const POSTINGS: Record<MovementKind, (amount: number) => [string, number][]> = {
  hold: (a) => [
    ["available", -a],
    ["held", a],
  ],
  release: (a) => [
    ["held", -a],
    ["available", a],
  ],
  // The held money leaves for the receiving wallet: the sender's side of the clearing account grows.
  settle: (a) => [
    ["held", -a],
    [CLEARING, a],
  ],
  // And arrives: the receiver's side goes negative by as much, so the two sides cancel across wallets.
  receive: (a) => [
    [CLEARING, -a],
    ["available", a],
  ],
  topup: (a) => [
    ["system:topups", -a],
    ["available", a],
  ],
  refund: (a) => [
    ["system:refunds", -a],
    ["available", a],
  ],
  payout: (a) => [
    ["system:payouts", -a],
    ["available", a],
  ],
  // A withdrawal the provider paid out: the held money leaves the platform for a bank account.
  withdraw: (a) => [
    ["held", -a],
    ["system:withdrawals", a],
  ],
  // A conversion sells the source currency to the platform's FX account of that currency...
  conversion_out: (a) => [
    ["available", -a],
    ["system:fx", a],
  ],
  conversion_fee: (a) => [
    ["available", -a],
    ["system:fees", a],
  ],
  // ...and buys the target currency from the FX account of the target currency (postings carry their currency).
  conversion_in: (a) => [
    ["system:fx", -a],
    ["available", a],
  ],
  // Orders paid from the wallet: the money leaves for the platform's payments account at once.
  payment: (a) => [
    ["available", -a],
    ["system:payments", a],
  ],
};

export interface Movement {
  id: string;
  kind: MovementKind;
  currency: Currency;
  amount: number;
}

export interface Account {
  balance: number;
  held: number;
}

export function account(state: WalletState, currency: Currency): Account {
  return (
    state.sql
      .exec<{ balance: number; held: number }>("SELECT balance, held FROM w_balances WHERE currency = ?", currency)
      .toArray()[0] ?? { balance: 0, held: 0 }
  );
}

/** Applies a movement once; false when one with this id was applied before (nothing changes). */
export function applyMovement(state: WalletState, m: Movement, now: number): boolean {
  if (!Number.isSafeInteger(m.amount) || m.amount <= 0) throw new Error(`Movement ${m.id}: amount must be positive`);
  const inserted = state.sql.exec(
    "INSERT INTO w_movements (id, kind, currency, amount, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
    m.id,
    m.kind,
    m.currency,
    m.amount,
    now,
  ).rowsWritten;
  if (inserted === 0) return false;
  let balanceDelta = 0;
  let heldDelta = 0;
  for (const [accountName, amount] of POSTINGS[m.kind](m.amount)) {
    state.sql.exec(
      "INSERT INTO w_postings (movement_id, account, currency, amount) VALUES (?, ?, ?, ?)",
      m.id,
      accountName,
      m.currency,
      amount,
    );
    if (accountName === "available" || accountName === "held") balanceDelta += amount;
    if (accountName === "held") heldDelta += amount;
  }
  // Opened first, then changed: SQLite checks an upsert's CHECKs on the row it would insert.
  state.sql.exec(
    "INSERT INTO w_balances (currency, balance, held, opened_at) VALUES (?, 0, 0, ?) ON CONFLICT (currency) DO NOTHING",
    m.currency,
    now,
  );
  state.sql.exec(
    "UPDATE w_balances SET balance = balance + ?, held = held + ? WHERE currency = ?",
    balanceDelta,
    heldDelta,
    m.currency,
  );
  return true;
}

/** Checks the ledger against itself (tests and operators): see LedgerAudit. */
export function auditLedger(state: WalletState): LedgerAudit {
  const unbalanced = state.sql
    .exec<{ movement_id: string }>(
      "SELECT movement_id FROM w_postings GROUP BY movement_id, currency HAVING SUM(amount) <> 0",
    )
    .toArray()
    .map((r) => r.movement_id);
  const accounts = state.sql
    .exec<{ currency: Currency; balance: number; held: number; posted_balance: number; posted_held: number }>(
      `SELECT b.currency, b.balance, b.held,
         COALESCE((SELECT SUM(amount) FROM w_postings p WHERE p.currency = b.currency AND p.account IN ('available', 'held')), 0) AS posted_balance,
         COALESCE((SELECT SUM(amount) FROM w_postings p WHERE p.currency = b.currency AND p.account = 'held'), 0) AS posted_held
       FROM w_balances b ORDER BY b.currency`,
    )
    .toArray()
    .map((r) => ({
      currency: r.currency,
      balance: r.balance,
      held: r.held,
      postedBalance: r.posted_balance,
      postedHeld: r.posted_held,
    }));
  const clearing: LedgerAudit["clearing"] = {};
  for (const r of state.sql
    .exec<{ currency: Currency; total: number }>(
      "SELECT currency, SUM(amount) AS total FROM w_postings WHERE account = ? GROUP BY currency",
      CLEARING,
    )
    .toArray()) {
    clearing[r.currency] = r.total;
  }
  const ok =
    unbalanced.length === 0 &&
    accounts.every((a) => a.balance === a.postedBalance && a.held === a.postedHeld && a.held <= a.balance);
  return { ok, unbalancedMovements: unbalanced, accounts, clearing };
}
