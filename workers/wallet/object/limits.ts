import { readConfig } from "../../platform/config";
import type { WalletLimit } from "../../platform/config-wallet-limits";
import type { Currency } from "../../platform/money";
import { account } from "./ledger";
import { readMeta, type WalletState } from "./state";
import type { LimitRefusal } from "./types";

/** The daily limit counts what was sent in the last 24 hours (rolling: no time zone decides a day). */
export const DAY_MS = 86_400_000;

/** This wallet's limits in `currency`, by its KYC level (config: WALLET_LIMITS_<CURRENCY>). */
export function limitsOf(state: WalletState, currency: Currency): WalletLimit {
  return readConfig(state.env).wallet.limits[currency][readMeta(state).kyc_level];
}

/**
 * Sent (or being sent) in `currency` in the 24 hours before `now`: transfers out and withdrawals to
 * a bank, which share the per-transfer and daily limits; failed ones gave theirs back.
 */
export function sentToday(state: WalletState, currency: Currency, now: number): number {
  return state.sql
    .exec<{ total: number }>(
      `SELECT COALESCE((SELECT SUM(amount) FROM w_transfers WHERE role = 'out' AND currency = ?1 AND created_at > ?2 AND status <> 'failed'), 0)
            + COALESCE((SELECT SUM(amount) FROM w_withdrawals WHERE currency = ?1 AND created_at > ?2 AND status <> 'failed'), 0) AS total`,
      currency,
      now - DAY_MS,
    )
    .toArray()[0].total;
}

function refusal(limit: LimitRefusal["limit"], currency: Currency, limitAmount: number, remaining: number) {
  return {
    ok: false,
    reason: "limit_exceeded",
    limit,
    currency,
    limitAmount,
    remaining: Math.max(0, remaining),
  } as const;
}

/** The limit sending `amount` would pass, if any. */
export function sendLimitRefusal(
  state: WalletState,
  currency: Currency,
  amount: number,
  now: number,
): LimitRefusal | null {
  const limits = limitsOf(state, currency);
  if (amount > limits.perTransfer) return refusal("perTransfer", currency, limits.perTransfer, limits.perTransfer);
  const remaining = limits.daily - sentToday(state, currency, now);
  if (amount > remaining) return refusal("daily", currency, limits.daily, remaining);
  return null;
}

/** The balance limit receiving `amount` would pass, if any. */
export function receiveLimitRefusal(state: WalletState, currency: Currency, amount: number): LimitRefusal | null {
  const { maxBalance } = limitsOf(state, currency);
  const { balance } = account(state, currency);
  return balance + amount > maxBalance ? refusal("maxBalance", currency, maxBalance, maxBalance - balance) : null;
}
