import type { Schemas } from "../../api/client";
import { useI18n } from "../../i18n";
import { BCP47 } from "../../i18n/locales";
import { formatBps, formatRate } from "./fx-format";

export type Quote = Schemas["FxQuote"];

/** What a quote says, line by line: what leaves, the fee, the rate against the market's, what arrives. */
export function QuoteCard({ quote, secondsLeft }: { quote: Quote; secondsLeft: number }) {
  const { t, fmt, locale } = useI18n();
  const tag = BCP47[locale];
  return (
    <div class="wallet-card" data-testid="fx-quote">
      <dl class="totals">
        <dt>{t("wallet.convert.youPay")}</dt>
        <dd data-testid="quote-from">{fmt.money(quote.from)}</dd>
        <dt>{t("wallet.convert.fee")}</dt>
        <dd data-testid="quote-fee">{fmt.money(quote.fee)}</dd>
        <dt>{t("wallet.convert.rate")}</dt>
        <dd data-testid="quote-rate">
          {t("wallet.convert.rateValue", {
            from: quote.from.currency,
            rate: formatRate(quote.rate, tag),
            to: quote.to.currency,
          })}
        </dd>
        <dt>{t("wallet.convert.midRate")}</dt>
        <dd data-testid="quote-mid">
          {t("wallet.convert.rateValue", {
            from: quote.from.currency,
            rate: formatRate(quote.midRate, tag),
            to: quote.to.currency,
          })}
        </dd>
        <dt>{t("wallet.convert.spread")}</dt>
        <dd data-testid="quote-spread">{formatBps(quote.spreadBps, tag)}</dd>
      </dl>
      <dl class="totals grand">
        <dt>{t("wallet.convert.youGet")}</dt>
        <dd data-testid="quote-to">{fmt.money(quote.to)}</dd>
      </dl>
      <p class="status" role="timer" aria-live="off" data-testid="quote-countdown">
        {secondsLeft > 0 ? t("wallet.convert.expiresIn", { seconds: secondsLeft }) : t("wallet.convert.expired")}
      </p>
    </div>
  );
}
