import { api, type Schemas, unwrap } from "../../api/client";

// The wallet's reads (CONTRACT.md "Wallet, transfers and FX"): one wallet per currency, opened on
// first use, its history newest first (the server's D1 projection) and one transaction (the
// caller's own Wallet object, so another user's id is simply not found).

export type Wallet = Schemas["Wallet"];
export type Transaction = Schemas["Transaction"];
export type TransactionPage = Schemas["TransactionPage"];
export type Currency = Schemas["Currency"];

/** The platform's currencies, in the order the contract lists them. */
export const CURRENCIES: readonly Currency[] = ["THB", "SGD", "IDR", "MYR", "PHP", "VND", "USD"];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === "string" && (CURRENCIES as readonly string[]).includes(value);
}

export const HISTORY_PAGE = 20;

export async function loadWallets(): Promise<Wallet[]> {
  return (await unwrap(api.GET("/api/v1/wallets"))).items;
}

export function loadHistory(currency: Currency, cursor?: string): Promise<TransactionPage> {
  return unwrap(
    api.GET("/api/v1/wallets/{currency}/transactions", {
      params: { path: { currency }, query: { limit: HISTORY_PAGE, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export function loadTransaction(id: string): Promise<Transaction> {
  return unwrap(api.GET("/api/v1/wallet/transactions/{id}", { params: { path: { id } } }));
}

/** The currency a page was asked for (?currency=), else the first wallet's, else the reader's country's. */
export function chosenCurrency(asked: string | undefined, wallets: Wallet[], fallback: Currency): Currency {
  if (isCurrency(asked)) return asked;
  return wallets[0]?.currency ?? fallback;
}

/** The currency of the country whose language the reader chose: the first guess of an empty wallet. */
export function currencyOfLocale(locale: string): Currency {
  const byLocale: Record<string, Currency> = { th: "THB", id: "IDR", ms: "MYR", fil: "PHP", vi: "VND", en: "SGD" };
  return byLocale[locale] ?? "THB";
}
