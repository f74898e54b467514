import { useState } from "preact/hooks";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { loadPaymentOptions, optionKey, type PaymentKind, type PaymentOption } from "./payment-options";

/** The words for each kind of method (the wallet's top-up picker uses them too). */
export const KIND: Record<PaymentKind, MessageKey> = {
  card: "pay.kind.card",
  qr: "pay.kind.qr",
  virtual_account: "pay.kind.va",
  ewallet: "pay.kind.ewallet",
  online_banking: "pay.kind.onlineBanking",
  cash: "pay.kind.cash",
};

/** The gateways and methods the server takes for these orders; the choice starts a payment. */
export function MethodPicker(props: {
  orderIds: string[];
  busy: boolean;
  onChoose: (option: PaymentOption, bank?: string) => void;
}) {
  const [loaded, reload] = useApi(() => loadPaymentOptions(props.orderIds), [props.orderIds.join(",")]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error") return <ProblemNotice problem={loaded.problem} onRetry={reload} />;
  return <Methods options={loaded.data} busy={props.busy} onChoose={props.onChoose} />;
}

function Methods({
  options,
  busy,
  onChoose,
}: {
  options: PaymentOption[];
  busy: boolean;
  onChoose: (option: PaymentOption, bank?: string) => void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string>(options[0] ? optionKey(options[0]) : "");
  const [bank, setBank] = useState("");
  const option = options.find((o) => optionKey(o) === chosen);
  const needsBank = Boolean(option?.banks?.length);
  const submit = (event: Event) => {
    event.preventDefault();
    if (option && !(needsBank && !bank)) onChoose(option, needsBank ? bank : undefined);
  };
  return (
    <form onSubmit={submit} aria-busy={busy}>
      <fieldset class="choices" data-testid="payment-methods">
        <legend>{t("pay.method")}</legend>
        {options.map((option) => {
          const key = optionKey(option);
          return (
            <MethodChoice
              key={key}
              option={option}
              group="method"
              checked={chosen === key}
              onChoose={() => setChosen(key)}
            />
          );
        })}
      </fieldset>
      {needsBank && option?.banks && (
        <label class="choice">
          {t("pay.fpxBank")}{" "}
          <select value={bank} required onChange={(e) => setBank((e.target as HTMLSelectElement).value)}>
            <option value="">{t("pay.fpxBankChoose")}</option>
            {option.banks.map((b) => (
              <option key={b.code} value={b.code}>
                {b.business ? t("pay.fpxBusinessBank", { name: b.name }) : b.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" class="primary" disabled={busy || !chosen || (needsBank && !bank)} aria-busy={busy}>
        {busy ? t("pay.starting") : t("pay.start")}
      </button>
    </form>
  );
}

/** One payment method as a radio choice: its name (sandbox marked), kind and gateway. */
export function MethodChoice(props: { option: PaymentOption; group: string; checked: boolean; onChoose: () => void }) {
  const { t } = useI18n();
  const { option } = props;
  const name = option.label ?? t(KIND[option.kind]);
  return (
    <label class="choice">
      <input
        type="radio"
        name={props.group}
        value={optionKey(option)}
        checked={props.checked}
        onChange={props.onChoose}
      />
      <span>
        {option.sandbox ? t("pay.sandboxMethod", { name }) : name}
        <span class="status">
          {" "}
          · {t(KIND[option.kind])} · {option.gateway}
        </span>
      </span>
    </label>
  );
}
