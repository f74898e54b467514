import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Money sent out of the platform to a bank account (wallet withdrawals now, seller payouts later):
 * one row per disbursement, keyed by the caller's id (a withdrawal id), which is also the
 * provider's idempotency key, so a request repeated after a crash is the same payout there.
 * The account number and holder name are personal data: AES-GCM encrypted (workers/platform/pii.ts),
 * with only the last digits in clear for display. `status` moves pending → requested → succeeded |
 * failed, each move a conditional update, so a duplicate or late webhook changes nothing.
 */
export const disbursements = sqliteTable(
  "disbursements",
  {
    id: text("id").primaryKey(),
    /** What the money is for ("withdrawal"); the owner is told the outcome by a disbursement.settled event. */
    purpose: text("purpose", { enum: ["withdrawal", "payout"] }).notNull(),
    ownerId: text("owner_id").notNull(),
    provider: text("provider").notNull(),
    country: text("country").notNull(),
    currency: text("currency").notNull(),
    amount: integer("amount").notNull(),
    bankCode: text("bank_code").notNull(),
    accountNumberEnc: text("account_number_enc").notNull(),
    accountNameEnc: text("account_name_enc").notNull(),
    accountLast4: text("account_last4").notNull(),
    status: text("status", { enum: ["pending", "requested", "succeeded", "failed"] }).notNull(),
    providerRef: text("provider_ref"),
    failureCode: text("failure_code"),
    /** Status checks made since the provider accepted it (a webhook that never came). */
    checks: integer("checks").notNull().default(0),
    /** When the status check asks the provider next (null once final). */
    nextCheckAt: integer("next_check_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    completedAt: integer("completed_at"),
  },
  (t) => [index("disbursements_due").on(t.status, t.nextCheckAt), index("disbursements_owner").on(t.ownerId)],
);
