import type { Currency } from "../platform/money";

/*
 * The banks a withdrawal may go to, per country, with each provider's own code for the bank and
 * the shape of its account numbers. The country follows from the currency (a THB wallet pays out
 * to a Thai bank). Sources: Xendit payout channel codes, <COUNTRY>_<BANK> (ID_BCA, PH_BDO,
 * PH_BPI; e-wallets PH_GCASH and PH_PAYMAYA, whose account number is the mobile number):
 * https://docs.xendit.co/docs/payouts-coverage-philippines and
 * https://docs.xendit.co/docs/payouts-coverage-indonesia (channel code tables); Omise bank brands
 * (bank_account[brand]): https://docs.omise.co/bank-account-api.
 * A bank is added here when the providers of its country support it.
 */

export interface Bank {
  /** What the API takes as `bankCode` (upper case, stable across providers). */
  code: string;
  name: string;
  /** The bank's code at the production provider of its country (channel_code, brand). */
  channel: string;
}

export interface PayoutCountry {
  country: "TH" | "ID" | "PH";
  /** Account numbers: digits only (spaces and dashes are dropped first), this many. */
  accountDigits: { min: number; max: number };
  banks: readonly Bank[];
}

export const PAYOUT_COUNTRIES: Partial<Record<Currency, PayoutCountry>> = {
  THB: {
    country: "TH",
    accountDigits: { min: 10, max: 12 },
    banks: [
      { code: "BBL", name: "Bangkok Bank", channel: "bbl" },
      { code: "KBANK", name: "Kasikornbank", channel: "kbank" },
      { code: "KTB", name: "Krungthai Bank", channel: "ktb" },
      { code: "SCB", name: "Siam Commercial Bank", channel: "scb" },
      { code: "BAY", name: "Bank of Ayudhya (Krungsri)", channel: "bay" },
      { code: "GSB", name: "Government Savings Bank", channel: "gsb" },
    ],
  },
  IDR: {
    country: "ID",
    accountDigits: { min: 8, max: 18 },
    banks: [
      { code: "BCA", name: "Bank Central Asia", channel: "ID_BCA" },
      { code: "BNI", name: "Bank Negara Indonesia", channel: "ID_BNI" },
      { code: "BRI", name: "Bank Rakyat Indonesia", channel: "ID_BRI" },
      { code: "MANDIRI", name: "Bank Mandiri", channel: "ID_MANDIRI" },
      { code: "PERMATA", name: "Bank Permata", channel: "ID_PERMATA" },
    ],
  },
  PHP: {
    country: "PH",
    accountDigits: { min: 10, max: 16 },
    banks: [
      { code: "BDO", name: "BDO Unibank", channel: "PH_BDO" },
      { code: "BPI", name: "Bank of the Philippine Islands", channel: "PH_BPI" },
      { code: "GCASH", name: "GCash (mobile number)", channel: "PH_GCASH" },
      { code: "PAYMAYA", name: "Maya (mobile number)", channel: "PH_PAYMAYA" },
    ],
  },
};

export interface BankAccountInput {
  bankCode: string;
  accountNumber: string;
  accountName: string;
}

export type BankAccountCheck =
  | { ok: true; country: PayoutCountry["country"]; bank: Bank; accountNumber: string; accountName: string }
  /** `detail` tells the person what to do; `message` names what is wrong with the field. */
  | { ok: false; path: string; message: string; detail: string };

/** The account, normalised, or what is wrong with it (the route answers 422 naming the field). */
export function checkBankAccount(currency: Currency, input: BankAccountInput): BankAccountCheck {
  const payout = PAYOUT_COUNTRIES[currency];
  if (!payout) {
    const supported = Object.keys(PAYOUT_COUNTRIES).join(", ");
    return {
      ok: false,
      path: "amount.currency",
      message: "No withdrawals to a bank in this currency",
      detail: `Withdrawals to a bank are available in ${supported}. Choose one of those wallets.`,
    };
  }
  const code = input.bankCode.trim().toUpperCase();
  const bank = payout.banks.find((b) => b.code === code);
  if (!bank) {
    const codes = payout.banks.map((b) => b.code).join(", ");
    return {
      ok: false,
      path: "bankAccount.bankCode",
      message: "Unknown bank code for this country",
      detail: `Unknown bank for ${payout.country}. Use one of ${codes}.`,
    };
  }
  const accountNumber = input.accountNumber.replace(/[\s-]/g, "");
  const { min, max } = payout.accountDigits;
  if (!/^\d+$/.test(accountNumber) || accountNumber.length < min || accountNumber.length > max) {
    return {
      ok: false,
      path: "bankAccount.accountNumber",
      message: `${min} to ${max} digits`,
      detail: `A bank account number in ${payout.country} has ${min} to ${max} digits. Check the number.`,
    };
  }
  const accountName = input.accountName.trim().replace(/\s+/g, " ");
  if (accountName.length < 2) {
    return {
      ok: false,
      path: "bankAccount.accountName",
      message: "Too short",
      detail: "Write the account holder's name as the bank has it.",
    };
  }
  return { ok: true, country: payout.country, bank, accountNumber, accountName };
}

/** The account number as shown back: the last four digits only. */
export function maskAccount(last4: string): string {
  return `••••${last4}`;
}
