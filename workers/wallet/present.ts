import type { z } from "@hono/zod-openapi";
import type { TransactionSchema, TransferSchema, WalletSchema } from "../../schemas/wallet";
import { ApiError } from "../platform/errors";
import { type Currency, money, toMajorString } from "../platform/money";
import type { BalanceView, LimitRefusal, SendRefusal, TransactionView, TransferView } from "./object/types";

type WireWallet = z.infer<typeof WalletSchema>;
type WireTransaction = z.infer<typeof TransactionSchema>;
type WireTransfer = z.infer<typeof TransferSchema>;

const iso = (ms: number) => new Date(ms).toISOString();

export function presentWallet(b: BalanceView): WireWallet {
  const m = (amount: number) => money(amount, b.currency);
  return {
    currency: b.currency,
    balance: m(b.balance),
    held: m(b.held),
    available: m(b.available),
    kycLevel: b.kycLevel,
    limits: {
      perTransfer: m(b.limits.perTransfer),
      daily: m(b.limits.daily),
      dailyRemaining: m(b.limits.dailyRemaining),
      maxBalance: m(b.limits.maxBalance),
    },
  };
}

/** A transaction as the object or the projection has it, with its counterparty's display name. */
export function presentTransaction(
  t: Omit<TransactionView, "version">,
  counterpartyName: string | null,
): WireTransaction {
  return {
    id: t.id,
    type: t.type,
    direction: t.direction,
    amount: money(t.amount, t.currency),
    status: t.status,
    ...(t.counterpartyUserId
      ? { counterparty: { userId: t.counterpartyUserId, displayName: counterpartyName ?? "" } }
      : {}),
    ...(t.reference ? { reference: t.reference } : {}),
    ...(t.note ? { note: t.note } : {}),
    createdAt: iso(t.createdAt),
    ...(t.completedAt !== null ? { completedAt: iso(t.completedAt) } : {}),
  };
}

export function presentTransfer(t: TransferView): WireTransfer {
  return {
    id: t.id,
    // A failed transfer answers with its refusal (sendRefusalError), so only these two reach here.
    status: t.status === "completed" ? "completed" : "pending",
    amount: money(t.amount, t.currency),
    fromUserId: t.fromUserId,
    toUserId: t.toUserId,
    ...(t.note !== null ? { note: t.note } : {}),
    createdAt: iso(t.createdAt),
  };
}

/** "1,250.00 THB": an amount as data in a detail (the sentence around it is translated, not this). */
function shown(amount: number, currency: Currency): string {
  return `${toMajorString(money(amount, currency))} ${currency}`;
}

function limitError(r: LimitRefusal): ApiError {
  switch (r.limit) {
    case "perTransfer":
      return new ApiError(
        "limit_exceeded",
        `One transfer may be at most ${shown(r.limitAmount, r.currency)} at your verification level. Send less.`,
      );
    case "daily":
      return new ApiError(
        "limit_exceeded",
        `You can send ${shown(r.limitAmount, r.currency)} in any 24 hours; ${shown(r.remaining, r.currency)} of it remains now.`,
      );
    case "maxBalance":
      // The recipient's balance is theirs: the detail never says how much room their wallet has.
      return new ApiError(
        "limit_exceeded",
        "The recipient's wallet cannot hold this amount now (its balance limit). Nothing was sent; send less or ask them to make room.",
      );
  }
}

/** The problem of a transfer the sender's wallet refused; nothing moved in any of these cases. */
export function sendRefusalError(r: SendRefusal): ApiError {
  switch (r.reason) {
    case "insufficient_funds":
      return new ApiError(
        "insufficient_funds",
        `Your wallet has ${shown(r.available, r.currency)} available, less than this transfer. Top up or send less.`,
      );
    case "limit_exceeded":
      return limitError(r);
    case "recipient_refused":
      return limitError(r.refusal);
    case "restricted":
      return new ApiError(
        "wallet_restricted",
        "Your wallet is restricted: it can receive money but not send it. Contact support to lift the restriction.",
      );
    case "self":
      return selfTransferError();
    case "key_reused":
      return new ApiError(
        "idempotency_key_reused",
        "This Idempotency-Key already started a transfer to another recipient, amount or note. Use a new key for a new transfer.",
      );
  }
}

export function selfTransferError(): ApiError {
  return new ApiError("validation_failed", "You cannot send money to yourself. Choose another recipient.", {
    errors: [{ path: "to", message: "The recipient is you" }],
  });
}
