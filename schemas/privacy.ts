import { z } from "@hono/zod-openapi";
import { AddressSchema } from "./identity";
import { OrderSchema } from "./orders";
import { PaymentSchema } from "./payments";
import { MoneySchema } from "./platform";
import { ReviewSchema } from "./reviews";
import { ShopSchema } from "./shops";
import { TransactionSchema, WalletSchema } from "./wallet";

const Entries = z.array(z.record(z.string(), z.unknown()));

/** GET /api/v1/users/me/export: every piece of personal data the platform holds about the caller. */
export const PersonalDataExportSchema = z
  .object({
    exportedAt: z.string().datetime(),
    user: z.record(z.string(), z.unknown()),
    addresses: z.array(AddressSchema),
    sessions: Entries,
    devices: z
      .object({ signIn: Entries, push: Entries })
      .openapi({ description: "Devices signed in with (from the sessions) and registered for push" }),
    securityEvents: Entries.openapi({ description: "The account's audit events" }),
    messages: Entries.openapi({ description: "SMS, emails and pushes sent to the caller" }),
    notifications: z.record(z.string(), z.unknown()).openapi({ description: "The inbox and preferences" }),
    orders: z.array(OrderSchema),
    payments: z.array(PaymentSchema),
    reviews: z.array(ReviewSchema),
    chatMessages: Entries.openapi({ description: "Messages the caller sent, in the dialogs they are in" }),
    shops: z.array(ShopSchema).openapi({ description: "Shops the caller owns, with their private contact" }),
    productViews: z
      .array(
        z.object({
          productId: z.string(),
          day: z.number().int().openapi({ description: "Days since 1970-01-01 (UTC)" }),
          count: z.number().int(),
          lastViewedAt: z.string().datetime(),
        }),
      )
      .openapi({ description: "Products the caller viewed, per day, that recommendations learn from" }),
    wallet: z
      .object({
        wallets: z.array(WalletSchema),
        transactions: z.array(TransactionSchema),
        withdrawals: z.array(
          z.object({
            id: z.string(),
            amount: MoneySchema,
            bankAccount: z.object({ bankCode: z.string(), accountNumber: z.string() }),
            status: z.enum(["held", "requested", "completed", "failed"]),
            failureCode: z.string().optional(),
            createdAt: z.string().datetime(),
            updatedAt: z.string().datetime(),
          }),
        ),
        topUps: z.array(TransactionSchema),
        conversions: z.array(
          z.object({
            quoteId: z.string(),
            from: MoneySchema.optional(),
            to: MoneySchema.optional(),
            debitTransactionId: z.string().optional(),
            creditTransactionId: z.string().optional(),
            at: z.string().datetime(),
          }),
        ),
      })
      .openapi({
        description:
          "The caller's wallets (balances now); every wallet transaction, oldest first, with its statusHistory; the withdrawals (the bank account as its bank and last four digits); the top-ups; the conversions (both legs by quote)",
      }),
  })
  .openapi("PersonalDataExport");

/** DELETE /api/v1/users/me: the account's erasure, acknowledged. */
export const AccountDeletionSchema = z
  .object({ status: z.literal("deleted"), deletedAt: z.string().datetime() })
  .openapi("AccountDeletion");

/** POST /api/v1/admin/pii-rotation. */
export const PiiRotationInputSchema = z
  .object({
    restart: z
      .boolean()
      .optional()
      .openapi({ description: "true walks every table again from the start (after verify found rows left)" }),
  })
  .strict()
  .openapi("PiiRotationInput");

/** Where the re-encryption of stored PII to the newest key stands. */
export const PiiRotationStatusSchema = z
  .object({
    keyId: z.string().openapi({ description: "The newest key (first of PII_ENCRYPTION_KEYS): rows move to it" }),
    keyIds: z.array(z.string()).openapi({ description: "Every key configured, newest first" }),
    started: z.boolean(),
    done: z.boolean().openapi({ description: "Every target walked to its end" }),
    targets: z.array(
      z.object({
        target: z.string().openapi({ description: "A table, or chat_rooms (the messages in each ChatRoom)" }),
        done: z.boolean(),
        rewritten: z.number().int(),
        unreadable: z
          .number()
          .int()
          .openapi({ description: "Values no configured key opens (left as they are; see the log)" }),
        remaining: z
          .number()
          .int()
          .nullable()
          .openapi({ description: "Rows still holding a value under another key (null: not countable, rooms)" }),
      }),
    ),
  })
  .openapi("PiiRotationStatus");
