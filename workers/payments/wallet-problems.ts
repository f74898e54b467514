import { ApiError } from "../platform/errors";
import { type Currency, money, toMajorString } from "../platform/money";
import type { LimitRefusal } from "../wallet";

// The problems of paying from the wallet and of top-ups (their details are translated in
// workers/i18n/problems/*/wallet-payments.ts).

/** "1,250.00 THB": an amount as data in a detail (the sentence around it is translated, not this). */
function shown(amount: number, currency: Currency): string {
  return `${toMajorString(money(amount, currency))} ${currency}`;
}

export function walletShortError(available: number, total: number, currency: Currency): ApiError {
  return new ApiError(
    "insufficient_funds",
    `Your wallet has ${shown(available, currency)} available, less than the ${shown(total, currency)} to pay. Top up or choose another way to pay.`,
  );
}

export function walletRestrictedError(): ApiError {
  return new ApiError(
    "wallet_restricted",
    "Your wallet is restricted: it can receive money but not send it. Contact support to lift the restriction.",
  );
}

export function walletSignInError(): ApiError {
  return new ApiError("unauthorized", "Sign in to pay from your wallet.");
}

export function walletPaymentVoidError(): ApiError {
  return new ApiError(
    "conflict",
    "This wallet payment was given up before it went through, and nothing was taken from your wallet. Pay again with a new request.",
  );
}

export function walletMethodError(): ApiError {
  return new ApiError("validation_failed", "Pay from the wallet with method wallet.", {
    errors: [{ path: "method", message: "The wallet gateway takes method wallet" }],
  });
}

/** A top-up the wallet's balance limit cannot take now (the caller's own wallet: its room is theirs to know). */
export function topupLimitError(r: LimitRefusal): ApiError {
  return new ApiError(
    "limit_exceeded",
    `Your wallet can hold at most ${shown(r.limitAmount, r.currency)}; a top-up of up to ${shown(r.remaining, r.currency)} fits now.`,
  );
}

export function topupKeyReusedError(): ApiError {
  return new ApiError(
    "idempotency_key_reused",
    "This Idempotency-Key already started a top-up of another amount. Use a new key for a new top-up.",
  );
}
