import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { ApiProblem } from "../../api/client";
import { useI18n } from "../../i18n";
import { forgetEndedSession, useRequiredSession } from "../account/guard";
import { countryOfLocale } from "../account/phone";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { isFinalRefusal } from "./attempt";
import { type Draft, SendForm } from "./SendForm";
import { internationalPhone, sendTransfer, type Transfer, type TransferRequest } from "./send-api";
import { chosenCurrency, currencyOfLocale, loadWallets, type Wallet } from "./wallet-api";
import "../orders/commerce.css";
import "./wallet.css";
import { useAction } from "../common/use-action";

type Step =
  | { name: "form" }
  | { name: "confirm"; body: TransferRequest }
  | { name: "done"; body: TransferRequest; transfer: Transfer };

/** /wallet/send (?currency=): to a phone number, an amount and a note; a confirm step; the result. */
export function Send() {
  const session = useRequiredSession();
  return session ? <SendFlow /> : null;
}

function SendFlow() {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const [wallets, reload] = useApi(loadWallets, []);
  const [step, setStep] = useState<Step>({ name: "form" });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  useEffect(() => {
    document.title = `${t("wallet.send.title")} · Tchat`;
  }, [t]);
  useEffect(() => {
    if (wallets.state === "error") forgetEndedSession(wallets.problem);
  }, [wallets]);
  if (wallets.state === "loading") return <Loading />;
  if (wallets.state === "error") return <ProblemNotice problem={wallets.problem} onRetry={reload} />;
  const list = wallets.data;
  const initial: Draft = draft ?? {
    country: countryOfLocale(locale),
    phone: "",
    currency: chosenCurrency(query.currency, list, currencyOfLocale(locale)),
    amount: "",
    note: "",
  };
  const review = (next: Draft, body: TransferRequest) => {
    setDraft(next);
    setProblem(null);
    setStep({ name: "confirm", body });
  };
  const refused = (p: ApiProblem) => {
    forgetEndedSession(p);
    setProblem(p);
    setStep({ name: "form" });
    reload();
  };
  return (
    <section class="wallet narrow" aria-labelledby="send-title">
      <p>
        <a href="/wallet">{t("wallet.back")}</a>
      </p>
      <h1 id="send-title">{t("wallet.send.title")}</h1>
      {step.name === "form" && <SendForm initial={initial} wallets={list} problem={problem} onReview={review} />}
      {step.name === "confirm" && draft && (
        <Confirm
          body={step.body}
          draft={draft}
          wallet={list.find((w) => w.currency === step.body.amount.currency)}
          onEdit={() => setStep({ name: "form" })}
          onSent={(transfer) => setStep({ name: "done", body: step.body, transfer })}
          onRefused={refused}
        />
      )}
      {step.name === "done" && draft && (
        <Done
          transfer={step.transfer}
          phone={internationalPhone(draft.phone, draft.country)}
          onAnother={() => {
            setDraft({ ...draft, amount: "", note: "" });
            setStep({ name: "form" });
            reload();
          }}
        />
      )}
    </section>
  );
}

function Confirm(props: {
  body: TransferRequest;
  draft: Draft;
  wallet: Wallet | undefined;
  onEdit: () => void;
  onSent: (transfer: Transfer) => void;
  onRefused: (problem: ApiProblem) => void;
}) {
  const { t, fmt } = useI18n();
  const { body, draft, wallet } = props;
  // A refusal goes back to the form (this step closes); offline or a server hiccup stays here: the
  // same attempt (same key) can simply be sent again.
  const { busy, problem, run } = useAction({
    onProblem: (p) => {
      if (isFinalRefusal(p)) props.onRefused(p);
    },
  });
  const send = () => run(async () => props.onSent(await sendTransfer(body)));
  const after = wallet
    ? { amount: wallet.available.amount - body.amount.amount, currency: body.amount.currency }
    : null;
  return (
    <div class="stack" data-testid="send-confirm" aria-busy={busy}>
      <h2>{t("wallet.send.confirmTitle")}</h2>
      <dl class="totals">
        <dt>{t("wallet.send.confirmTo")}</dt>
        <dd data-testid="confirm-to">{internationalPhone(draft.phone, draft.country)}</dd>
        <dt>{t("wallet.tx.amount")}</dt>
        <dd data-testid="confirm-amount">{fmt.money(body.amount)}</dd>
        {body.note && (
          <>
            <dt>{t("wallet.tx.note")}</dt>
            <dd>{body.note}</dd>
          </>
        )}
        {after && after.amount >= 0 && (
          <>
            <dt>{t("wallet.send.availableAfter")}</dt>
            <dd>{fmt.money(after)}</dd>
          </>
        )}
      </dl>
      {problem && <ProblemNotice problem={problem} />}
      <div class="row">
        <button type="button" class="primary" onClick={send} disabled={busy} aria-busy={busy}>
          {busy ? t("wallet.send.sending") : t("wallet.send.confirm", { amount: fmt.money(body.amount) })}
        </button>
        <button type="button" class="secondary" onClick={props.onEdit} disabled={busy}>
          {t("wallet.send.edit")}
        </button>
      </div>
    </div>
  );
}

function Done({ transfer, phone, onAnother }: { transfer: Transfer; phone: string; onAnother: () => void }) {
  const { t, fmt } = useI18n();
  const amount = fmt.money(transfer.amount);
  return (
    <div class="stack">
      <p role="status" class="done" data-testid="send-result">
        {transfer.status === "completed"
          ? t("wallet.send.sent", { amount, phone })
          : t("wallet.send.pending", { amount, phone })}
      </p>
      <div class="row">
        <a class="button" href={`/wallet/history/${transfer.amount.currency}`}>
          {t("wallet.historyOf", { currency: transfer.amount.currency })}
        </a>
        <button type="button" class="secondary" onClick={onAnother}>
          {t("wallet.send.another")}
        </button>
      </div>
    </div>
  );
}
