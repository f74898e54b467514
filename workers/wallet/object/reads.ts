import { CURRENCY_CODES } from "../../../schemas/platform";
import type { Currency } from "../../platform/money";
import { account, applyMovement } from "./ledger";
import { limitsOf, receiveLimitRefusal, sentToday } from "./limits";
import { atomically, ensureAlarm, readMeta, type WalletState } from "./state";
import { openTransaction, readTransaction } from "./transactions";
import { readTransfer, transferView } from "./transfers";
import type { BalanceView, CreditInput, CreditResult, KycLevel, TransactionView, TransferView } from "./types";

/** Every opened currency of the wallet (one opens on its first movement), in the platform's order. */
export function balances(state: WalletState): BalanceView[] {
  const opened = new Set(
    state.sql
      .exec<{ currency: Currency }>("SELECT currency FROM w_balances")
      .toArray()
      .map((r) => r.currency),
  );
  const kycLevel = readMeta(state).kyc_level;
  const now = Date.now();
  return CURRENCY_CODES.filter((c) => opened.has(c)).map((currency) => {
    const { balance, held } = account(state, currency);
    const limits = limitsOf(state, currency);
    return {
      currency,
      balance,
      held,
      available: balance - held,
      kycLevel,
      limits: { ...limits, dailyRemaining: Math.max(0, limits.daily - sentToday(state, currency, now)) },
    };
  });
}

export function transaction(state: WalletState, id: string): TransactionView | null {
  return readTransaction(state, id);
}

export function transfer(state: WalletState, id: string): TransferView | null {
  const row = readTransfer(state, id);
  return row ? transferView(state, row) : null;
}

/** Money entering from outside (top-ups, refunds), once by its movement id, within the balance limit. */
export function credit(state: WalletState, input: CreditInput): CreditResult {
  const now = Date.now();
  if (readTransaction(state, input.movementId)) return { ok: true, applied: false };
  const overLimit = receiveLimitRefusal(state, input.currency, input.amount);
  if (overLimit) return overLimit;
  atomically(state, () => {
    applyMovement(
      state,
      { id: input.movementId, kind: input.type, currency: input.currency, amount: input.amount },
      now,
    );
    openTransaction(
      state,
      {
        id: input.movementId,
        type: input.type,
        direction: "credit",
        currency: input.currency,
        amount: input.amount,
        status: "completed",
        counterpartyUserId: null,
        reference: input.reference ?? null,
        note: null,
        createdAt: now,
        completedAt: now,
      },
      now,
    );
  });
  ensureAlarm(state, now);
  return { ok: true, applied: true };
}

/** The wallet's KYC level and whether it may send (a restricted wallet still receives); the standing after. */
export function setStanding(
  state: WalletState,
  standing: { kycLevel?: KycLevel; restricted?: boolean },
): { kycLevel: KycLevel; restricted: boolean } {
  const meta = readMeta(state);
  const next = {
    kycLevel: standing.kycLevel ?? meta.kyc_level,
    restricted: standing.restricted ?? meta.restricted === 1,
  };
  state.sql.exec("UPDATE w_meta SET kyc_level = ?, restricted = ?", next.kycLevel, next.restricted ? 1 : 0);
  return next;
}
