import type { Currency } from "../../platform/money";
import type { LimitRefusal, TransactionView } from "./types";

/*
 * What the `Wallet` object takes and answers for orders paid from the wallet, refunds into it and
 * top-ups (workers/wallet/object/payments.ts, topups.ts). Refusals are values, as everywhere in
 * the object's RPC.
 */

/** Orders paid from the wallet: `amount` leaves once, by the payment's id. */
export interface WalletPaymentInput {
  paymentId: string;
  currency: Currency;
  amount: number;
  /** Shown in the history (the orders' numbers). */
  reference?: string;
}

export type WalletPaymentResult =
  /** applied: false when this payment was debited before (a retry). */
  | { ok: true; applied: boolean }
  | { ok: false; reason: "insufficient_funds"; currency: Currency; available: number }
  | { ok: false; reason: "restricted" }
  /** The payment was given up (voidWalletPayment) before it was debited, or its id names another movement. */
  | { ok: false; reason: "void" };

/** A refund of a wallet payment, once by the refund's id. */
export interface WalletRefundInput {
  refundId: string;
  paymentId: string;
  currency: Currency;
  amount: number;
}

/** A top-up's pending transaction, opened before its payment is created. */
export interface TopupInput {
  transactionId: string;
  paymentId: string;
  currency: Currency;
  amount: number;
}

export type TopupOpenResult =
  | { ok: true; transaction: TransactionView }
  | LimitRefusal
  /** The transaction id (the caller's key) exists with another amount or currency. */
  | { ok: false; reason: "key_reused" };

export type TopupSettleResult =
  /** applied: false when the top-up was credited before (a repeated event). */
  | { ok: true; applied: boolean }
  /** The wallet would pass its balance limit now: the top-up failed and its payment must go back. */
  | LimitRefusal
  /** The top-up had already failed (its payment failed or expired first), or never existed: give the money back. */
  | { ok: false; reason: "closed" };
