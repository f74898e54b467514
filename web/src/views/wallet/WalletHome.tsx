import { useEffect } from "preact/hooks";
import { useI18n } from "../../i18n";
import { forgetEndedSession, useRequiredSession } from "../account/guard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { KYC_TEXT } from "./labels";
import { loadWallets, type Wallet } from "./wallet-api";
import "../orders/commerce.css";
import "./wallet.css";

/** /wallet: each currency's balance, what is held, what is available, and the limits that apply. */
export function WalletHome() {
  const session = useRequiredSession();
  return session ? <Balances /> : null;
}

/** The wallet's actions, on every wallet page. */
export function WalletActions({ currency }: { currency?: string }) {
  const { t } = useI18n();
  const q = currency ? `?currency=${encodeURIComponent(currency)}` : "";
  return (
    <nav class="wallet-actions" aria-label={t("wallet.actions")}>
      <a class="button" href={`/wallet/send${q}`}>
        {t("wallet.send.title")}
      </a>
      <a class="button secondary" href={`/wallet/topup${q}`}>
        {t("wallet.topup.title")}
      </a>
      <a class="button secondary" href={`/wallet/convert${q}`}>
        {t("wallet.convert.title")}
      </a>
      <a class="button secondary" href={`/wallet/withdraw${q}`}>
        {t("wallet.withdraw.title")}
      </a>
    </nav>
  );
}

function Balances() {
  const { t, locale } = useI18n();
  const [wallets, reload] = useApi(loadWallets, [locale]);
  useEffect(() => {
    document.title = `${t("wallet.title")} · Tchat`;
  }, [t]);
  useEffect(() => {
    if (wallets.state === "error") forgetEndedSession(wallets.problem);
  }, [wallets]);
  return (
    <section class="wallet" aria-labelledby="wallet-title">
      <h1 id="wallet-title">{t("wallet.title")}</h1>
      <WalletActions />
      {wallets.state === "loading" && <Loading />}
      {wallets.state === "error" && <ProblemNotice problem={wallets.problem} onRetry={reload} />}
      {wallets.state === "ready" && wallets.data.length === 0 && <p class="status">{t("wallet.empty")}</p>}
      {wallets.state === "ready" && (
        <ul class="wallet-list">
          {wallets.data.map((w) => (
            <li key={w.currency}>
              <BalanceCard wallet={w} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BalanceCard({ wallet }: { wallet: Wallet }) {
  const { t, fmt } = useI18n();
  const { limits } = wallet;
  const id = `wallet-${wallet.currency}`;
  return (
    <article class="wallet-card" aria-labelledby={id} data-testid="wallet-card" data-currency={wallet.currency}>
      <h2 id={id}>{wallet.currency}</h2>
      <p class="wallet-balance">
        <span class="visually-hidden">{t("wallet.balance")} </span>
        <strong data-testid="wallet-balance">{fmt.money(wallet.balance)}</strong>
      </p>
      <dl class="totals">
        <dt>{t("wallet.available")}</dt>
        <dd data-testid="wallet-available">{fmt.money(wallet.available)}</dd>
        {wallet.held.amount > 0 && (
          <>
            <dt>{t("wallet.held")}</dt>
            <dd data-testid="wallet-held">{fmt.money(wallet.held)}</dd>
          </>
        )}
      </dl>
      <details class="wallet-limits">
        <summary>
          {t("wallet.limits")} · {t(KYC_TEXT[wallet.kycLevel])}
        </summary>
        <dl class="totals">
          <dt>{t("wallet.limit.perTransfer")}</dt>
          <dd>{fmt.money(limits.perTransfer)}</dd>
          <dt>{t("wallet.limit.daily")}</dt>
          <dd data-testid="wallet-daily">
            {t("wallet.limit.dailyRemaining", {
              remaining: fmt.money(limits.dailyRemaining),
              daily: fmt.money(limits.daily),
            })}
          </dd>
          <dt>{t("wallet.limit.maxBalance")}</dt>
          <dd>{fmt.money(limits.maxBalance)}</dd>
        </dl>
      </details>
      <p class="wallet-links">
        <a href={`/wallet/history/${wallet.currency}`}>{t("wallet.history")}</a>
        <a href={`/wallet/send?currency=${wallet.currency}`}>{t("wallet.send.title")}</a>
      </p>
    </article>
  );
}
