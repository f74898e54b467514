import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The D1 projection of every user's wallet transactions, for history, search and reports. The
 * `Wallet` Durable Object of each user is the truth; its alarm delivers each change here from its
 * own outbox (at least once), and `version` makes a late or repeated delivery a no-op.
 */
export const walletTransactions = sqliteTable(
  "wallet_transactions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    currency: text("currency").notNull(),
    type: text("type").notNull(),
    direction: text("direction", { enum: ["credit", "debit"] }).notNull(),
    amount: integer("amount").notNull(),
    status: text("status", { enum: ["pending", "completed", "failed", "reversed"] }).notNull(),
    counterpartyUserId: text("counterparty_user_id"),
    reference: text("reference"),
    note: text("note"),
    createdAt: integer("created_at").notNull(),
    completedAt: integer("completed_at"),
    /** The object's change counter of this transaction: only a higher one overwrites. */
    version: integer("version").notNull(),
    projectedAt: integer("projected_at").notNull(),
  },
  (t) => [index("wallet_transactions_history").on(t.userId, t.currency, t.createdAt, t.id)],
);

/**
 * The audit trail of wallet transactions in D1: one row per status a transaction took, projected
 * from the object's `w_status_history` through the same outbox (one row per event version, so a
 * delivery repeated or out of order writes each change once). History, the account export and
 * operators read it; the object stays the truth (its receipts read their own trail).
 */
export const walletStatusChanges = sqliteTable(
  "wallet_status_changes",
  {
    transactionId: text("transaction_id").notNull(),
    /** The transaction's version that took this status (1: opened; 2: closed). */
    version: integer("version").notNull(),
    userId: text("user_id").notNull(),
    status: text("status", { enum: ["pending", "completed", "failed", "reversed"] }).notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.transactionId, t.version] }),
    index("wallet_status_changes_user").on(t.userId, t.at),
  ],
);
