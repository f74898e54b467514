import { useState } from "preact/hooks";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { optionKey, type PaymentKind, type PaymentOption, paymentOptions } from "./payment-options";

const KIND: Record<PaymentKind, MessageKey> = {
  card: "pay.kind.card",
  qr: "pay.kind.qr",
  virtual_account: "pay.kind.va",
  ewallet: "pay.kind.ewallet",
  online_banking: "pay.kind.onlineBanking",
};

/**
 * Whether to offer the sandbox gateway: it is on only in development and tests, which run on the
 * developer's own machine. GET /payments/options will say so from the server itself.
 */
function sandboxLikely(): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);
}

/** The gateways and methods for the orders' currency; the choice starts a payment. */
export function MethodPicker({
  currency,
  busy,
  onChoose,
}: {
  currency: string;
  busy: boolean;
  onChoose: (option: PaymentOption, bank?: string) => void;
}) {
  const { t } = useI18n();
  const options = paymentOptions(currency, sandboxLikely());
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
          const name = option.label ?? t(KIND[option.kind]);
          return (
            <label key={key} class="choice">
              <input type="radio" name="method" value={key} checked={chosen === key} onChange={() => setChosen(key)} />
              <span>
                {option.sandbox ? t("pay.sandboxMethod", { name }) : name}
                <span class="status">
                  {" "}
                  · {t(KIND[option.kind])} · {option.gateway}
                </span>
              </span>
            </label>
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
