import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api/client";
import { useI18n } from "../../i18n";
import { BCP47 } from "../../i18n/locales";
import type { MessageKey } from "../../i18n/messages";
import { Field, fieldError, shownAtField } from "../account/Field";
import { COUNTRIES, type Country, countryFormat, countryName } from "../account/phone";
import { ProblemNotice } from "../common/Status";
import { AmountField } from "./AmountField";
import { parseAmount, typedDecimals } from "./amount";
import type { TransferRequest } from "./send-api";
import type { Currency, Wallet } from "./wallet-api";

export interface Draft {
  country: Country;
  phone: string;
  currency: Currency;
  amount: string;
  note: string;
}

/** What to do about each refusal the contract names, under the server's own words. */
const FIX: Record<string, MessageKey> = {
  insufficient_funds: "wallet.send.fix.insufficient_funds",
  limit_exceeded: "wallet.send.fix.limit_exceeded",
  recipient_not_found: "wallet.send.fix.recipient_not_found",
  wallet_restricted: "wallet.send.fix.wallet_restricted",
};
const PHONE_CODES = ["recipient_not_found"];
const AMOUNT_CODES = ["insufficient_funds", "limit_exceeded"];

/** The send form: the recipient's country and number (with that country's format), amount, note. */
export function SendForm(props: {
  initial: Draft;
  wallets: Wallet[];
  problem: ApiProblem | null;
  onReview: (draft: Draft, body: TransferRequest) => void;
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Draft>(props.initial);
  const [amountError, setAmountError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const { problem } = props;
  const format = countryFormat(draft.country);
  const review = (event: Event) => {
    event.preventDefault();
    const amount = parseAmount(draft.amount, draft.currency);
    if (amount === null) {
      setAmountError(t("wallet.send.amountInvalid", { decimals: typedDecimals(draft.currency) }));
      return;
    }
    setAmountError(null);
    const note = draft.note.trim();
    props.onReview(draft, {
      to: { phone: draft.phone.trim(), country: draft.country },
      amount: { amount, currency: draft.currency },
      ...(note ? { note } : {}),
    });
  };
  const fix = problem ? FIX[problem.code] : undefined;
  const phoneError = fieldError(problem, "to.phone", PHONE_CODES) ?? fieldError(problem, "to", []);
  const amountServerError = fieldError(problem, "amount.amount", AMOUNT_CODES) ?? fieldError(problem, "amount", []);
  const shown = shownAtField(
    problem,
    ["to.phone", "to", "amount.amount", "amount", "note"],
    [...PHONE_CODES, ...AMOUNT_CODES],
  );
  return (
    <form class="stack" onSubmit={review} data-testid="send-form" noValidate>
      <div class="field">
        <label for="send-country">{t("wallet.send.country")}</label>
        <select
          id="send-country"
          value={draft.country}
          onChange={(e) => set({ country: e.currentTarget.value as Country })}
        >
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {`${countryName(c, BCP47[locale])} (${countryFormat(c).dialCode})`}
            </option>
          ))}
        </select>
      </div>
      <Field
        id="send-phone"
        label={t("wallet.send.phone")}
        hint={t("wallet.send.phoneHint", { national: format.national, international: format.international })}
        error={phoneError}
        value={draft.phone}
        onInput={(e) => set({ phone: e.currentTarget.value })}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        placeholder={format.national}
        required
      />
      <AmountField
        wallets={props.wallets}
        heldOnly
        currency={draft.currency}
        amount={draft.amount}
        error={amountError ?? amountServerError}
        onCurrency={(currency) => set({ currency })}
        onAmount={(amount) => set({ amount })}
      />
      <Field
        id="send-note"
        label={t("wallet.send.note")}
        value={draft.note}
        onInput={(e) => set({ note: e.currentTarget.value })}
        maxLength={200}
        error={fieldError(problem, "note")}
      />
      {problem && !shown && <ProblemNotice problem={problem} />}
      {fix && (
        <p class="hint" data-testid="send-fix">
          {t(fix)}{" "}
          {problem?.code === "insufficient_funds" && (
            <a href={`/wallet/topup?currency=${draft.currency}`}>{t("wallet.topup.title")}</a>
          )}
        </p>
      )}
      <button type="submit" class="primary">
        {t("wallet.send.review")}
      </button>
    </form>
  );
}
