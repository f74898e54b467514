import type { Currency } from "../platform/money";

/**
 * The one interface of an exchange-rates provider (the real one behind its HTTP API through an
 * injected `fetch`, and the fixed development table): the latest rates of every platform
 * currency, as units per one US dollar.
 */
export interface FxRatesProvider {
  /** Its id, stored with the rates ("openexchangerates", "fixed"). */
  readonly id: string;
  /**
   * A fixed table never ages (its figures are as old as they are, and documented): the quote path
   * may load it inline, and the age check reads when it was loaded, not when it was published.
   */
  readonly fixed: boolean;
  latest(): Promise<RatesSnapshot>;
}

export interface RatesSnapshot {
  provider: string;
  /** Units of each currency per one US dollar, as exact decimal strings (USD is "1"). */
  perUsd: Record<Currency, string>;
  /** When the provider published these figures (epoch ms). */
  publishedAt: number;
}
