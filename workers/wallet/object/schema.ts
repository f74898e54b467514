import type { SchemaMigration } from "../../platform/object-schema";

/**
 * The Wallet object's SQLite schema, as numbered steps (workers/platform/object-schema.ts runs them
 * in order, once, at construction). To change it, append a step; never edit one that has shipped.
 *
 * The ledger is double-entry: a movement (`w_movements`, applied once by its id) is postings
 * (`w_postings`) that sum to zero per currency. The user's own accounts are `available` and `held`;
 * the other side is a system account (`system:transfers`, the clearing account of transfers between
 * wallets; `system:topups`, money that entered from outside). `w_balances` keeps the user's accounts
 * summed so reads and checks need no scan; its CHECKs make a negative balance impossible to store.
 */
export function walletMigrations(userId: string): readonly SchemaMigration[] {
  return [
    {
      version: 1,
      name: "wallet ledger, transfers, transactions and outbox",
      up(sql) {
        sql.exec(`CREATE TABLE w_meta (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          user_id TEXT NOT NULL,
          kyc_level TEXT NOT NULL DEFAULT 'basic' CHECK (kyc_level IN ('basic', 'verified')),
          restricted INTEGER NOT NULL DEFAULT 0,
          alarm_at INTEGER
        )`);
        sql.exec(`CREATE TABLE w_balances (
          currency TEXT PRIMARY KEY,
          balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
          held INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0),
          opened_at INTEGER NOT NULL,
          CHECK (held <= balance)
        )`);
        sql.exec(`CREATE TABLE w_movements (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          currency TEXT NOT NULL,
          amount INTEGER NOT NULL CHECK (amount > 0),
          at INTEGER NOT NULL
        )`);
        sql.exec(`CREATE TABLE w_postings (
          movement_id TEXT NOT NULL,
          account TEXT NOT NULL,
          currency TEXT NOT NULL,
          amount INTEGER NOT NULL,
          PRIMARY KEY (movement_id, account)
        )`);
        sql.exec(`CREATE TABLE w_transfers (
          id TEXT PRIMARY KEY,
          role TEXT NOT NULL CHECK (role IN ('out', 'in')),
          counterparty TEXT NOT NULL,
          currency TEXT NOT NULL,
          amount INTEGER NOT NULL CHECK (amount > 0),
          note TEXT,
          status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
          refusal TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER
        )`);
        sql.exec("CREATE INDEX w_transfers_due ON w_transfers (next_attempt_at) WHERE status = 'pending'");
        sql.exec("CREATE INDEX w_transfers_sent ON w_transfers (currency, created_at) WHERE role = 'out'");
        sql.exec(`CREATE TABLE w_transactions (
          id TEXT PRIMARY KEY,
          type TEXT NOT NULL,
          direction TEXT NOT NULL CHECK (direction IN ('credit', 'debit')),
          currency TEXT NOT NULL,
          amount INTEGER NOT NULL CHECK (amount > 0),
          status TEXT NOT NULL,
          counterparty TEXT,
          reference TEXT,
          note TEXT,
          created_at INTEGER NOT NULL,
          completed_at INTEGER,
          version INTEGER NOT NULL
        )`);
        sql.exec(`CREATE TABLE w_outbox (
          id TEXT PRIMARY KEY,
          envelope TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER NOT NULL,
          sent_at INTEGER,
          last_error TEXT
        )`);
        sql.exec("CREATE INDEX w_outbox_due ON w_outbox (next_attempt_at) WHERE sent_at IS NULL");
        sql.exec("CREATE INDEX w_outbox_sent ON w_outbox (sent_at) WHERE sent_at IS NOT NULL");
        sql.exec("INSERT INTO w_meta (id, user_id) VALUES (1, ?)", userId);
      },
    },
    {
      version: 2,
      name: "withdrawals to bank accounts",
      up(sql) {
        // The account number and holder name arrive encrypted (PII); only the last digits are in clear.
        sql.exec(`CREATE TABLE w_withdrawals (
          id TEXT PRIMARY KEY,
          currency TEXT NOT NULL,
          amount INTEGER NOT NULL CHECK (amount > 0),
          bank_code TEXT NOT NULL,
          account_number_enc TEXT NOT NULL,
          account_name_enc TEXT NOT NULL,
          account_last4 TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('held', 'requested', 'completed', 'failed')),
          failure_code TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER
        )`);
        sql.exec(
          "CREATE INDEX w_withdrawals_due ON w_withdrawals (next_attempt_at) WHERE status IN ('held', 'requested')",
        );
        sql.exec("CREATE INDEX w_withdrawals_sent ON w_withdrawals (currency, created_at)");
      },
    },
  ];
}
