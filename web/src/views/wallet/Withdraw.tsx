import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { type ApiProblem, api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Field, fieldError } from "../account/Field";
import { forgetEndedSession, useRequiredSession } from "../account/guard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { AmountField } from "./AmountField";
import { parseAmount, typedDecimals } from "./amount";
import { isFinalRefusal, writeOnce } from "./attempt";
import { WithdrawalStatus } from "./WithdrawalStatus";
import { type Currency, chosenCurrency, currencyOfLocale, loadWallets } from "./wallet-api";
import "../orders/commerce.css";
import "./wallet.css";
import { useAction } from "../common/use-action";

type WithdrawalRequest = Schemas["CreateWithdrawal"];
interface Draft {
  currency: Currency | null;
  amount: string;
  bankCode: string;
  accountNumber: string;
  accountName: string;
}

/**
 * /wallet/withdraw (?currency=): an amount and a bank account, a confirm step, then the withdrawal
 * until the bank answers. Its transaction id goes into the address (?tx=), so a reload resumes.
 */
export function Withdraw() {
  const session = useRequiredSession();
  const { t } = useI18n();
  const { query, route } = useLocation();
  useEffect(() => {
    document.title = `${t("wallet.withdraw.title")} · Tchat`;
  }, [t]);
  if (!session) return null;
  return (
    <section class="wallet narrow" aria-labelledby="withdraw-title">
      <p>
        <a href="/wallet">{t("wallet.back")}</a>
      </p>
      <h1 id="withdraw-title">{t("wallet.withdraw.title")}</h1>
      {query.tx ? (
        <WithdrawalStatus key={query.tx} transactionId={query.tx} />
      ) : (
        <WithdrawForm
          asked={query.currency}
          onStarted={(id, currency) =>
            route(`/wallet/withdraw?currency=${currency}&tx=${encodeURIComponent(id)}`, true)
          }
        />
      )}
    </section>
  );
}

function WithdrawForm({
  asked,
  onStarted,
}: {
  asked: string | undefined;
  onStarted: (transactionId: string, currency: Currency) => void;
}) {
  const { t, locale } = useI18n();
  const [wallets, reload] = useApi(loadWallets, []);
  const [draft, setDraft] = useState<Draft>({
    currency: null,
    amount: "",
    bankCode: "",
    accountNumber: "",
    accountName: "",
  });
  const [review, setReview] = useState<WithdrawalRequest | null>(null);
  const [amountError, setAmountError] = useState<string | null>(null);
  // Started, the page moves on (busy meanwhile); a refusal names a field to fix (the bank, the
  // number, the amount): back to the form.
  const { busy, problem, setProblem, run } = useAction({
    keepBusy: true,
    onProblem: (p) => {
      forgetEndedSession(p);
      if (isFinalRefusal(p)) setReview(null);
    },
  });
  if (wallets.state === "loading") return <Loading />;
  if (wallets.state === "error") return <ProblemNotice problem={wallets.problem} onRetry={reload} />;
  const currency = draft.currency ?? chosenCurrency(asked, wallets.data, currencyOfLocale(locale));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const check = (event: Event) => {
    event.preventDefault();
    const minor = parseAmount(draft.amount, currency);
    if (minor === null) {
      setAmountError(t("wallet.send.amountInvalid", { decimals: typedDecimals(currency) }));
      return;
    }
    setAmountError(null);
    setProblem(null);
    setReview({
      amount: { amount: minor, currency },
      bankAccount: {
        bankCode: draft.bankCode.trim().toUpperCase(),
        accountNumber: draft.accountNumber.trim(),
        accountName: draft.accountName.trim(),
      },
    });
  };
  const withdraw = (body: WithdrawalRequest) =>
    run(async () => {
      const tx = await writeOnce("wallet:withdrawal", body, (key) =>
        unwrap(api.POST("/api/v1/wallet/withdrawals", { body, headers: { "Idempotency-Key": key } })),
      );
      onStarted(tx.id, currency);
    });
  if (review) {
    return (
      <WithdrawConfirm
        review={review}
        busy={busy}
        problem={problem}
        onConfirm={() => withdraw(review)}
        onEdit={() => setReview(null)}
      />
    );
  }
  const fields = [
    "amount.amount",
    "amount.currency",
    "bankAccount.bankCode",
    "bankAccount.accountNumber",
    "bankAccount.accountName",
  ];
  const atField = !!problem && fields.some((f) => problem.fieldDetail(f));
  const amountCodes = ["insufficient_funds", "limit_exceeded"];
  return (
    <form class="stack" onSubmit={check} noValidate data-testid="withdraw-form">
      <AmountField
        wallets={wallets.data}
        heldOnly
        hint="available"
        currency={currency}
        amount={draft.amount}
        error={
          amountError ?? fieldError(problem, "amount.amount", amountCodes) ?? fieldError(problem, "amount.currency")
        }
        onCurrency={(c) => set({ currency: c })}
        onAmount={(amount) => set({ amount })}
      />
      <BankAccountFields draft={draft} problem={problem} set={set} />
      {problem && !atField && !amountCodes.includes(problem.code) && <ProblemNotice problem={problem} />}
      <button type="submit" class="primary">
        {t("wallet.withdraw.review")}
      </button>
    </form>
  );
}

function WithdrawConfirm(props: {
  review: WithdrawalRequest;
  busy: boolean;
  problem: ApiProblem | null;
  onConfirm: () => void;
  onEdit: () => void;
}) {
  const { t, fmt } = useI18n();
  const { review, busy, problem } = props;
  return (
    <div class="stack" data-testid="withdraw-confirm" aria-busy={busy}>
      <h2>{t("wallet.withdraw.confirmTitle")}</h2>
      <dl class="totals">
        <dt>{t("wallet.tx.amount")}</dt>
        <dd>{fmt.money(review.amount)}</dd>
        <dt>{t("wallet.withdraw.to")}</dt>
        <dd data-testid="withdraw-to">
          {review.bankAccount.bankCode} {review.bankAccount.accountNumber}
          <br />
          {review.bankAccount.accountName}
        </dd>
      </dl>
      {problem && <ProblemNotice problem={problem} />}
      <div class="row">
        <button type="button" class="primary" disabled={busy} aria-busy={busy} onClick={props.onConfirm}>
          {busy ? t("wallet.withdraw.withdrawing") : t("wallet.withdraw.confirm", { amount: fmt.money(review.amount) })}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={props.onEdit}>
          {t("wallet.send.edit")}
        </button>
      </div>
    </div>
  );
}

/** The bank account, each field with the server's words about it (its errors[] path). */
function BankAccountFields({
  draft,
  problem,
  set,
}: {
  draft: Draft;
  problem: ApiProblem | null;
  set: (patch: Partial<Draft>) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field
        id="withdraw-bank"
        label={t("wallet.withdraw.bankCode")}
        hint={t("wallet.withdraw.bankCodeHint")}
        error={fieldError(problem, "bankAccount.bankCode")}
        value={draft.bankCode}
        onInput={(e) => set({ bankCode: e.currentTarget.value })}
        autoComplete="off"
        maxLength={16}
        required
      />
      <Field
        id="withdraw-account"
        label={t("wallet.withdraw.accountNumber")}
        error={fieldError(problem, "bankAccount.accountNumber")}
        value={draft.accountNumber}
        onInput={(e) => set({ accountNumber: e.currentTarget.value })}
        inputMode="numeric"
        autoComplete="off"
        maxLength={34}
        required
      />
      <Field
        id="withdraw-name"
        label={t("wallet.withdraw.accountName")}
        hint={t("wallet.withdraw.accountNameHint")}
        error={fieldError(problem, "bankAccount.accountName")}
        value={draft.accountName}
        onInput={(e) => set({ accountName: e.currentTarget.value })}
        autoComplete="name"
        maxLength={100}
        required
      />
    </>
  );
}
