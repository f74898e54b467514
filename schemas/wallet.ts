import { z } from "@hono/zod-openapi";
import { CountrySchema } from "./identity";
import { CurrencySchema, MoneySchema } from "./platform";

/*
 * Wallet, transfers and FX (CONTRACT.md "Wallet, transfers and FX"): the wire shapes. Amounts are
 * Money (integer minor units) and always positive; `direction` says which way money went.
 */

export const KYC_LEVELS = ["basic", "verified"] as const;
export const KycLevelSchema = z.enum(KYC_LEVELS).openapi("KycLevel", {
  description: "basic: a signed-in account; verified: identity checked (higher limits)",
});

export const TRANSACTION_TYPES = [
  "topup",
  "transfer_in",
  "transfer_out",
  "conversion_in",
  "conversion_out",
  "payment",
  "refund",
  "withdrawal",
  "payout",
  "fee",
] as const;
export const TRANSACTION_STATUSES = ["pending", "completed", "failed", "reversed"] as const;

/** The most characters of a transfer's note. */
export const MAX_TRANSFER_NOTE = 200;

export const WalletLimitsSchema = z
  .object({
    perTransfer: MoneySchema,
    daily: MoneySchema.openapi({ description: "Sent in any 24 hours" }),
    dailyRemaining: MoneySchema,
    maxBalance: MoneySchema,
  })
  .openapi("WalletLimits");

export const WalletSchema = z
  .object({
    currency: CurrencySchema,
    balance: MoneySchema.openapi({ description: "Everything the wallet holds, held amounts included" }),
    held: MoneySchema.openapi({ description: "Set aside for transfers and withdrawals still in flight" }),
    available: MoneySchema.openapi({ description: "balance - held: what can be sent now" }),
    kycLevel: KycLevelSchema,
    limits: WalletLimitsSchema,
  })
  .openapi("Wallet");

export const WalletListSchema = z.object({ items: z.array(WalletSchema) }).openapi("WalletList");

export const TransactionSchema = z
  .object({
    id: z.string().openapi({ example: "wto_3f9a0c1d2e4b5a6978c0d1e2f3" }),
    type: z.enum(TRANSACTION_TYPES),
    direction: z.enum(["credit", "debit"]),
    amount: MoneySchema,
    status: z.enum(TRANSACTION_STATUSES),
    counterparty: z.object({ userId: z.string(), displayName: z.string() }).optional(),
    reference: z.string().optional().openapi({ description: "The transfer, payment or quote this came from" }),
    note: z.string().optional(),
    createdAt: z.string().datetime(),
    completedAt: z.string().datetime().optional(),
    statusHistory: z
      .array(z.object({ status: z.enum(TRANSACTION_STATUSES), at: z.string().datetime() }))
      .optional()
      .openapi({
        description:
          "Every status it took and when, oldest first: GET /wallet/transactions/:id reads the wallet itself; the history list and the account export read the projected audit trail (absent until projected)",
      }),
  })
  .openapi("Transaction");

const Id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Use the id exactly as the API returned it");

export const CurrencyParamSchema = z.object({
  currency: CurrencySchema.openapi({ param: { name: "currency", in: "path" }, example: "THB" }),
});

export const TransactionParamSchema = z.object({
  id: Id.openapi({ param: { name: "id", in: "path" }, example: "wto_3f9a0c1d2e4b5a6978c0d1e2f3" }),
});

export const PositiveMoneySchema = MoneySchema.refine((m) => m.amount > 0, {
  message: "amount must be more than 0",
  path: ["amount"],
});

export const CreateTransferSchema = z
  .object({
    to: z.union([
      z.strictObject({
        phone: z.string().trim().min(3).max(32).openapi({ example: "081 234 5678" }),
        country: CountrySchema,
      }),
      z.strictObject({ userId: Id.openapi({ example: "usr_01JD3Q8W5R0000000000000000" }) }),
    ]),
    amount: PositiveMoneySchema,
    note: z.string().trim().max(MAX_TRANSFER_NOTE).optional(),
  })
  .strict()
  .openapi("CreateTransfer");

export const TransferSchema = z
  .object({
    id: z.string().openapi({ example: "trf_3f9a0c1d2e4b5a6978c0d1e2f3" }),
    status: z.enum(["completed", "pending"]),
    amount: MoneySchema,
    fromUserId: z.string(),
    toUserId: z.string(),
    note: z.string().optional(),
    createdAt: z.string().datetime(),
  })
  .openapi("Transfer");

/** A bank account money is sent to: a wallet withdrawal's, a shop payout's (schemas/earnings.ts). */
export const BankAccountSchema = z
  .object({
    bankCode: z
      .string()
      .trim()
      .min(2)
      .max(16)
      .openapi({ example: "KBANK", description: "See docs/disbursements.md for each country's banks" }),
    accountNumber: z.string().trim().min(4).max(34).openapi({ example: "123-4-56789-0" }),
    accountName: z.string().trim().min(2).max(100).openapi({ example: "Somchai Jaidee" }),
  })
  .strict();

export const CreateWithdrawalSchema = z
  .object({
    amount: PositiveMoneySchema,
    bankAccount: BankAccountSchema,
  })
  .strict()
  .openapi("CreateWithdrawal");
/** POST /api/v1/admin/users/:id/wallet-standing (operators): KYC level and restriction. */
export const WalletStandingInputSchema = z
  .object({
    kycLevel: KycLevelSchema.optional(),
    restricted: z.boolean().optional().openapi({ description: "true: the wallet receives but can not send" }),
    reason: z.string().trim().min(1).max(500).openapi({ example: "ID card checked by support" }),
  })
  .strict()
  .refine((v) => v.kycLevel !== undefined || v.restricted !== undefined, {
    message: "Send kycLevel, restricted or both",
    path: ["kycLevel"],
  })
  .openapi("WalletStandingInput");

export const WalletStandingSchema = z
  .object({ userId: z.string(), kycLevel: KycLevelSchema, restricted: z.boolean() })
  .openapi("WalletStanding");

/** A transfer card (kind transfer): the wallet transfer as its sender's wallet has it now. */
export const TransferCardSchema = z
  .object({
    id: z.string(),
    status: z.enum(["pending", "completed", "failed"]),
    amount: MoneySchema,
    note: z.string().optional(),
    fromUserId: z.string(),
    toUserId: z.string(),
    createdAt: z.string().datetime(),
    completedAt: z.string().datetime().optional(),
  })
  .openapi("TransferCard", {
    description:
      "Read live from the sender's wallet each time the message is read; a status change reaches the dialog's sockets as an `updated` frame",
  });
export type TransferCard = z.infer<typeof TransferCardSchema>;
