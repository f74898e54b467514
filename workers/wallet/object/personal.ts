import type { Currency } from "../../platform/money";
import type { WalletState } from "./state";

/*
 * The wallet object's personal data beyond its transactions: its withdrawals, for the account
 * export (never the encrypted bank fields, only the last digits), and those encrypted fields for
 * the PII key rotation (read sealed, rewritten compare-and-set: the worker re-encrypts between).
 */

export interface WithdrawalRecord {
  id: string;
  currency: Currency;
  amount: number;
  bankCode: string;
  accountLast4: string;
  status: "held" | "requested" | "completed" | "failed";
  failureCode: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Every withdrawal of the wallet, oldest first. */
export function withdrawalRecords(state: WalletState): WithdrawalRecord[] {
  return state.sql
    .exec<WithdrawalRecord & Record<string, SqlStorageValue>>(
      `SELECT id, currency, amount, bank_code AS bankCode, account_last4 AS accountLast4, status,
        failure_code AS failureCode, created_at AS createdAt, updated_at AS updatedAt
        FROM w_withdrawals ORDER BY created_at, id`,
    )
    .toArray()
    .map((r) => ({ ...r }));
}

/** The encrypted columns of w_withdrawals, as the rotation names them. */
export const SEALED_COLUMNS = ["account_number_enc", "account_name_enc"] as const;
export type SealedColumn = (typeof SEALED_COLUMNS)[number];

export interface SealedValue {
  id: string;
  column: SealedColumn;
  value: string;
}

/** Every encrypted bank field of the wallet's withdrawals (a wallet holds few). */
export function sealedWithdrawals(state: WalletState): SealedValue[] {
  const rows = state.sql
    .exec<{ id: string; account_number_enc: string; account_name_enc: string }>(
      "SELECT id, account_number_enc, account_name_enc FROM w_withdrawals ORDER BY id",
    )
    .toArray();
  return rows.flatMap((r) => SEALED_COLUMNS.map((column) => ({ id: r.id, column, value: r[column] })));
}

/**
 * Replaces each value still equal to what was read (`from`) by its re-encryption (`to`), in one
 * transaction; a value changed in between keeps its newer content. Answers how many were replaced.
 */
export function resealWithdrawals(
  state: WalletState,
  items: { id: string; column: SealedColumn; from: string; to: string }[],
): number {
  let replaced = 0;
  state.storage.transactionSync(() => {
    for (const item of items) {
      if (!SEALED_COLUMNS.includes(item.column)) continue;
      const cursor = state.sql.exec(
        `UPDATE w_withdrawals SET ${item.column} = ? WHERE id = ? AND ${item.column} = ?`,
        item.to,
        item.id,
        item.from,
      );
      replaced += cursor.rowsWritten;
    }
  });
  return replaced;
}
