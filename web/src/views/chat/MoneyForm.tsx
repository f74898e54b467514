import { useState } from "preact/hooks";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { AmountField } from "../wallet/AmountField";
import { parseAmount, typedDecimals } from "../wallet/amount";
import { sendTransfer, type Transfer } from "../wallet/send-api";
import { type Currency, chosenCurrency, currencyOfLocale, loadWallets } from "../wallet/wallet-api";
import "../wallet/wallet.css";
import { useAction } from "../common/use-action";

export type Step = { at: "closed" } | { at: "form" } | { at: "confirm"; minor: number };

/** The amount, note and confirm steps of "Send money" (SendMoney.tsx opens it). */
export function MoneyForm(props: {
  to: string;
  name: string;
  step: Exclude<Step, { at: "closed" }>;
  onStep: (step: Step) => void;
  onSent: (transfer: Transfer) => void;
}) {
  const { t, fmt, locale } = useI18n();
  const [wallets] = useApi(loadWallets, []);
  const [currency, setCurrency] = useState<Currency | null>(null);
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [amountError, setAmountError] = useState<string | null>(null);
  const { busy, problem, setProblem, run } = useAction({ keepBusy: true });
  const held = wallets.state === "ready" ? wallets.data : [];
  const current = currency ?? chosenCurrency(undefined, held, currencyOfLocale(locale));
  const review = (event: Event) => {
    event.preventDefault();
    const minor = parseAmount(amount, current);
    if (minor === null) {
      setAmountError(t("wallet.send.amountInvalid", { decimals: typedDecimals(current) }));
      return;
    }
    setAmountError(null);
    setProblem(null);
    props.onStep({ at: "confirm", minor });
  };
  const send = async (minor: number) => {
    await run(async () => {
      const body = {
        to: { userId: props.to },
        amount: { amount: minor, currency: current },
        ...(note ? { note } : {}),
      };
      props.onSent(await sendTransfer(body));
    });
  };
  if (props.step.at === "confirm") {
    const money = fmt.money({ amount: props.step.minor, currency: current });
    const minor = props.step.minor;
    return (
      <fieldset class="send-money" data-testid="chat-money-confirm">
        <legend>{t("chat.money.confirm", { amount: money, name: props.name })}</legend>
        {note && <p class="status">{note}</p>}
        {problem && <ProblemNotice problem={problem} />}
        <p class="row">
          <button type="button" class="primary" onClick={() => send(minor)} disabled={busy} aria-busy={busy}>
            {busy ? t("wallet.send.sending") : t("wallet.send.confirm", { amount: money })}
          </button>
          <button type="button" onClick={() => props.onStep({ at: "form" })} disabled={busy}>
            {t("wallet.send.edit")}
          </button>
        </p>
      </fieldset>
    );
  }
  return (
    <form class="send-money stack" onSubmit={review} noValidate aria-labelledby="send-money-title">
      <p id="send-money-title">
        <strong>{t("chat.money.title", { name: props.name })}</strong>
      </p>
      <AmountField
        id="money"
        wallets={held}
        heldOnly
        currency={current}
        amount={amount}
        error={amountError}
        onCurrency={setCurrency}
        onAmount={setAmount}
      />
      <div class="field">
        <label for="money-note">{t("wallet.send.note")}</label>
        <input id="money-note" value={note} maxLength={200} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <p class="row">
        <button type="submit" class="primary">
          {t("wallet.send.review")}
        </button>
        <button type="button" onClick={() => props.onStep({ at: "closed" })}>
          {t("chat.cancel")}
        </button>
      </p>
    </form>
  );
}
