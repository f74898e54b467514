import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
