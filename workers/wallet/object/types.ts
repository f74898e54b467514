import type { TRANSACTION_STATUSES, TRANSACTION_TYPES } from "../../../schemas/wallet";
import type { KycLevel, WalletLimit } from "../../platform/config-wallet-limits";
import type { Currency } from "../../platform/money";

/*
 * What the `Wallet` object takes and answers over RPC. Every refusal is a value (`ok: false` with a
 * reason), never a thrown error, so it crosses RPC intact and the route maps it to its problem.
 */

export type { KycLevel };

/** One currency's account of the wallet, in minor units. */
export interface BalanceView {
  currency: Currency;
  balance: number;
  held: number;
  available: number;
  kycLevel: KycLevel;
  limits: WalletLimit & { dailyRemaining: number };
}

export type TransactionType = (typeof TRANSACTION_TYPES)[number];
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

export interface TransactionView {
  id: string;
  type: TransactionType;
  direction: "credit" | "debit";
  currency: Currency;
  amount: number;
  status: TransactionStatus;
  counterpartyUserId: string | null;
  reference: string | null;
  note: string | null;
  createdAt: number;
  completedAt: number | null;
  version: number;
}

export interface TransferView {
  id: string;
  status: "pending" | "completed" | "failed";
  currency: Currency;
  amount: number;
  fromUserId: string;
  toUserId: string;
  note: string | null;
  createdAt: number;
  completedAt: number | null;
}

/** Which limit a movement would pass, its amount and what of it remains (minor units). */
export interface LimitRefusal {
  ok: false;
  reason: "limit_exceeded";
  limit: "perTransfer" | "daily" | "maxBalance";
  currency: Currency;
  limitAmount: number;
  remaining: number;
}

export type SendRefusal =
  | { ok: false; reason: "insufficient_funds"; currency: Currency; available: number }
  | LimitRefusal
  | { ok: false; reason: "restricted" }
  | { ok: false; reason: "self" }
  /** The transfer id (the caller's key) exists with another recipient, amount or note. */
  | { ok: false; reason: "key_reused" }
  /** The recipient's wallet refused the money (its balance limit): the hold was given back. */
  | { ok: false; reason: "recipient_refused"; refusal: LimitRefusal };

export type SendResult = { ok: true; transfer: TransferView } | SendRefusal;

export interface SendInput {
  /** Derived from the sender and their Idempotency-Key (transferIdOf): the same request, the same id. */
  transferId: string;
  toUserId: string;
  currency: Currency;
  amount: number;
  note?: string;
}

export interface ReceiveInput {
  transferId: string;
  fromUserId: string;
  currency: Currency;
  amount: number;
  note?: string;
  createdAt: number;
}

export type ReceiveResult = { ok: true } | { ok: false; refusal: LimitRefusal };

/** Money entering the wallet from outside (a top-up), applied once by `movementId`. */
export interface CreditInput {
  movementId: string;
  currency: Currency;
  amount: number;
  /** "payout": a shop's earnings paid out to its owner's wallet (workers/earnings). */
  type: "topup" | "refund" | "payout";
  reference?: string;
}

export type CreditResult = { ok: true; applied: boolean } | LimitRefusal;

/** The ledger's self-check: every movement sums to zero, and the balances are what the postings say. */
export interface LedgerAudit {
  ok: boolean;
  unbalancedMovements: string[];
  /** Per currency: the stored balance and held, and what the postings sum to. */
  accounts: { currency: Currency; balance: number; held: number; postedBalance: number; postedHeld: number }[];
  /** Per currency: the sum of the wallet's side of the transfer clearing account. */
  clearing: Partial<Record<Currency, number>>;
}

/** A withdrawal to a bank account; the account fields are encrypted by the caller (PII). */
export interface WithdrawInput {
  /** Derived from the user and their Idempotency-Key (withdrawalIdOf): the same request, the same id. */
  withdrawalId: string;
  currency: Currency;
  amount: number;
  bankCode: string;
  accountNumberEnc: string;
  accountNameEnc: string;
  accountLast4: string;
}

export type WithdrawRefusal =
  | { ok: false; reason: "insufficient_funds"; currency: Currency; available: number }
  | LimitRefusal
  | { ok: false; reason: "restricted" }
  /** The withdrawal id (the caller's key) exists with another amount or account. */
  | { ok: false; reason: "key_reused" };

export type WithdrawResult = { ok: true; transaction: TransactionView } | WithdrawRefusal;

/** The outcome of a withdrawal's disbursement, as its disbursement.settled event tells it. */
export interface WithdrawalOutcome {
  withdrawalId: string;
  outcome: "succeeded" | "failed";
  failureCode?: string;
}
