import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { forgetEndedSession, useRequiredSession } from "../account/guard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { type Payment, PaymentProgress } from "../orders/PaymentProgress";
import { optionKey } from "../orders/payment-options";
import { AmountField } from "./AmountField";
import { parseAmount, typedDecimals } from "./amount";
import { writeOnce } from "./attempt";
import { TopupCredited } from "./TopupCredited";
import { TopupMethods, type TopupOption } from "./TopupMethods";
import { type Currency, chosenCurrency, currencyOfLocale, loadWallets } from "./wallet-api";
import "../orders/commerce.css";
import "./wallet.css";
import { useAction } from "../common/use-action";

/**
 * /wallet/topup (?currency=): an amount and a gateway's method, then the payment as the checkout's
 * pay page shows it (its nextAction, the sandbox's simulate), then the credited transaction. The
 * payment and transaction ids go into the address (?payment=&tx=), so a reload resumes.
 */
export function TopUp() {
  const session = useRequiredSession();
  return session ? <TopupFlow /> : null;
}

function TopupFlow() {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const [first, setFirst] = useState<Payment | null>(null);
  const [paid, setPaid] = useState(false);
  useEffect(() => {
    document.title = `${t("wallet.topup.title")} · Tchat`;
  }, [t]);
  const paymentId = query.payment;
  const again = () => {
    setFirst(null);
    setPaid(false);
    route(`/wallet/topup${query.currency ? `?currency=${encodeURIComponent(query.currency)}` : ""}`, true);
  };
  return (
    <section class="wallet narrow" aria-labelledby="topup-title">
      <p>
        <a href="/wallet">{t("wallet.back")}</a>
      </p>
      <h1 id="topup-title">{t("wallet.topup.title")}</h1>
      {paymentId ? (
        <>
          <PaymentProgress
            key={paymentId}
            paymentId={paymentId}
            first={first}
            onFinal={(p) => setPaid(p.status === "succeeded")}
            onRetry={again}
          />
          {paid && query.tx && <TopupCredited transactionId={query.tx} />}
        </>
      ) : (
        <TopupForm
          asked={query.currency}
          onStarted={(payment, transactionId, currency) => {
            setFirst(payment);
            route(
              `/wallet/topup?currency=${currency}&payment=${encodeURIComponent(payment.id)}&tx=${encodeURIComponent(transactionId)}`,
              true,
            );
          }}
        />
      )}
    </section>
  );
}

function TopupForm({
  asked,
  onStarted,
}: {
  asked: string | undefined;
  onStarted: (payment: Payment, transactionId: string, currency: Currency) => void;
}) {
  const { t, locale } = useI18n();
  const [wallets, reload] = useApi(loadWallets, []);
  const [currency, setCurrency] = useState<Currency | null>(null);
  const [amount, setAmount] = useState("");
  const [option, setOption] = useState<TopupOption | null>(null);
  const [amountError, setAmountError] = useState<string | null>(null);
  const { busy, problem, run } = useAction({ onProblem: forgetEndedSession, keepBusy: true });
  if (wallets.state === "loading") return <Loading />;
  if (wallets.state === "error") return <ProblemNotice problem={wallets.problem} onRetry={reload} />;
  const current = currency ?? chosenCurrency(asked, [], currencyOfLocale(locale));
  const start = async (event: Event) => {
    event.preventDefault();
    const minor = parseAmount(amount, current);
    if (minor === null) {
      setAmountError(t("wallet.send.amountInvalid", { decimals: typedDecimals(current) }));
      return;
    }
    if (!option) return;
    setAmountError(null);
    const body = {
      amount: { amount: minor, currency: current },
      gateway: option.gateway as Exclude<TopupOption["gateway"], "wallet" | "cod">,
      method: option.method,
      returnUrl: `${location.origin}/wallet/topup?currency=${current}`,
    };
    await run(async () => {
      const topup = await writeOnce("wallet:topup", body, (key) =>
        unwrap(api.POST("/api/v1/wallet/topups", { body, headers: { "Idempotency-Key": key } })),
      );
      onStarted(topup.payment, topup.transaction.id, current);
    });
  };
  const amountServerError = problem?.fieldDetail("amount.amount") ?? problem?.fieldDetail("amount");
  return (
    <form class="stack" onSubmit={start} aria-busy={busy} data-testid="topup-form" noValidate>
      <AmountField
        wallets={wallets.state === "ready" ? wallets.data : []}
        currency={current}
        amount={amount}
        error={amountError ?? amountServerError}
        onCurrency={(c) => {
          setCurrency(c);
          setOption(null);
        }}
        onAmount={setAmount}
        hint="balance"
      />
      <TopupMethods currency={current} chosen={option ? optionKey(option) : ""} onChoose={setOption} />
      {problem && !amountServerError && <ProblemNotice problem={problem} />}
      <button type="submit" class="primary" disabled={busy || !option} aria-busy={busy}>
        {busy ? t("pay.starting") : t("wallet.topup.start")}
      </button>
    </form>
  );
}
