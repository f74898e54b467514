import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { type ApiProblem, api, asProblem, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { forgetEndedSession, useRequiredSession } from "../account/guard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { AmountField } from "./AmountField";
import { parseAmount, typedDecimals } from "./amount";
import { isFinalRefusal, writeOnce } from "./attempt";
import { useSecondsLeft } from "./fx-format";
import { TYPE_TEXT } from "./labels";
import { type Quote, QuoteCard } from "./QuoteCard";
import { SignedAmount } from "./TxStatus";
import { CURRENCIES, type Currency, chosenCurrency, currencyOfLocale, loadWallets } from "./wallet-api";
import "../orders/commerce.css";
import "./wallet.css";
import { useAction } from "../common/use-action";

type Conversion = Schemas["Conversion"];
type QuoteRequest = { from: { amount: number; currency: Currency }; to: Currency };

/** Quotes in a row renewed without the reader doing anything; after that a button asks for the next. */
const AUTO_REQUOTES = 3;

/** /wallet/convert (?currency=): an amount and a target currency, a live quote with its countdown, then the conversion. */
export function Convert() {
  const session = useRequiredSession();
  return session ? <ConvertFlow /> : null;
}

function ConvertFlow() {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const [wallets, reload] = useApi(loadWallets, []);
  const [from, setFrom] = useState<Currency | null>(null);
  const [to, setTo] = useState<Currency | null>(null);
  const [amount, setAmount] = useState("");
  const [amountError, setAmountError] = useState<string | null>(null);
  const [request, setRequest] = useState<QuoteRequest | null>(null);
  const [done, setDone] = useState<Conversion | null>(null);
  useEffect(() => {
    document.title = `${t("wallet.convert.title")} · Tchat`;
  }, [t]);
  if (wallets.state === "loading") return <Loading />;
  if (wallets.state === "error") return <ProblemNotice problem={wallets.problem} onRetry={reload} />;
  const list = wallets.data;
  const source = from ?? chosenCurrency(query.currency, list, currencyOfLocale(locale));
  const target = to && to !== source ? to : (CURRENCIES.find((c) => c !== source) as Currency);
  const edit = (apply: () => void) => {
    apply();
    setRequest(null);
  };
  const ask = (event: Event) => {
    event.preventDefault();
    const minor = parseAmount(amount, source);
    if (minor === null) {
      setAmountError(t("wallet.send.amountInvalid", { decimals: typedDecimals(source) }));
      return;
    }
    setAmountError(null);
    setRequest({ from: { amount: minor, currency: source }, to: target });
  };
  return (
    <section class="wallet narrow" aria-labelledby="convert-title">
      <p>
        <a href="/wallet">{t("wallet.back")}</a>
      </p>
      <h1 id="convert-title">{t("wallet.convert.title")}</h1>
      {done ? (
        <Converted
          conversion={done}
          onAnother={() => {
            setDone(null);
            setRequest(null);
            setAmount("");
            reload();
          }}
        />
      ) : (
        <form class="stack" onSubmit={ask} noValidate data-testid="convert-form">
          <AmountField
            wallets={list}
            heldOnly
            hint="available"
            label={t("wallet.convert.from")}
            currency={source}
            amount={amount}
            error={amountError}
            onCurrency={(c) => edit(() => setFrom(c))}
            onAmount={(a) => edit(() => setAmount(a))}
          />
          <div class="field">
            <label for="convert-to">{t("wallet.convert.to")}</label>
            <select
              id="convert-to"
              value={target}
              onChange={(e) => edit(() => setTo(e.currentTarget.value as Currency))}
            >
              {CURRENCIES.filter((c) => c !== source).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          {!request && (
            <button type="submit" class="primary">
              {t("wallet.convert.quote")}
            </button>
          )}
        </form>
      )}
      {request && !done && <QuoteStep key={JSON.stringify(request)} request={request} onDone={setDone} />}
    </section>
  );
}

/** The quote for `request`, renewed when it expires, and the conversion of it. */
function QuoteStep({ request, onDone }: { request: QuoteRequest; onDone: (conversion: Conversion) => void }) {
  const { t, fmt } = useI18n();
  const [quote, setQuote] = useState<Quote | null>(null);
  const [round, setRound] = useState(0);
  const [auto, setAuto] = useState(0);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState(false);
  // The conversion's own problem; `problem` above is the quote's.
  const action = useAction({ onProblem: forgetEndedSession });
  const { busy } = action;
  const shown = problem ?? action.problem;
  const secondsLeft = useSecondsLeft(quote?.expiresAt ?? null);
  useEffect(() => {
    let current = true;
    setProblem(null);
    unwrap(api.POST("/api/v1/fx/quotes", { body: request })).then(
      (next) => current && setQuote(next),
      (err: unknown) => current && setProblem(asProblem(err)),
    );
    return () => {
      current = false;
    };
  }, [round]);
  const requote = (automatic: boolean) => {
    action.setProblem(null);
    setAuto((n) => (automatic ? n + 1 : 0));
    setRound((n) => n + 1);
  };
  useEffect(() => {
    // A rate is only good until expiresAt: renew it by itself a few times while the page is watched.
    if (quote && secondsLeft === 0 && auto < AUTO_REQUOTES && !busy) requote(true);
  }, [quote, secondsLeft === 0]);
  const convert = async () => {
    if (!quote) return;
    const body = { quoteId: quote.id };
    await action.run(async () => {
      setNotice(false);
      try {
        onDone(
          await writeOnce("wallet:conversion", body, (key) =>
            unwrap(api.POST("/api/v1/wallet/conversions", { body, headers: { "Idempotency-Key": key } })),
          ),
        );
      } catch (err) {
        // An expired quote is no failure to show: a new one is asked for, with a notice.
        if (asProblem(err).code !== "quote_expired") throw err;
        setNotice(true);
        requote(false);
      }
    });
  };
  const expired = !quote || secondsLeft === 0;
  return (
    <div class="stack" aria-busy={busy || !quote}>
      {!quote && !shown && <p class="status">{t("wallet.convert.quoting")}</p>}
      {quote && <QuoteCard quote={quote} secondsLeft={secondsLeft} />}
      {notice && (
        <p role="status" data-testid="requoted">
          {t("wallet.convert.requoted")}
        </p>
      )}
      {shown && <ProblemNotice problem={shown} onRetry={isFinalRefusal(shown) ? undefined : () => requote(false)} />}
      {/* Once the page stopped renewing by itself, asking is the person's: the button stays until they do. */}
      {quote && auto >= AUTO_REQUOTES && (
        <button type="button" onClick={() => requote(false)}>
          {t("wallet.convert.requote")}
        </button>
      )}
      {quote && (
        <button type="button" class="primary" onClick={convert} disabled={busy || expired} aria-busy={busy}>
          {busy ? t("wallet.convert.converting") : t("wallet.convert.confirm", { amount: fmt.money(quote.from) })}
        </button>
      )}
    </div>
  );
}

function Converted({ conversion, onAnother }: { conversion: Conversion; onAnother: () => void }) {
  const { t, fmt } = useI18n();
  const { debit, credit } = conversion;
  return (
    <div class="stack">
      <p role="status" class="done" data-testid="convert-result">
        {t("wallet.convert.done", { from: fmt.money(debit.amount), to: fmt.money(credit.amount) })}
      </p>
      <ul class="tx-list">
        {[debit, credit].map((tx) => (
          <li key={tx.id} class="tx-row">
            <a href={`/wallet/transactions/${encodeURIComponent(tx.id)}`}>{t(TYPE_TEXT[tx.type])}</a>
            <SignedAmount tx={tx} />
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={onAnother}>
        {t("wallet.convert.another")}
      </button>
    </div>
  );
}
