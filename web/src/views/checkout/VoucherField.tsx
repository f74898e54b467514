import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api/client";
import { useI18n } from "../../i18n";
import type { CheckoutQuote } from "./use-quote";

interface Props {
  /** The code the summary is quoted with ("" for none). */
  applied: string;
  onApply: (code: string) => void;
  /** The quote for the applied code, once known. */
  quote: CheckoutQuote | null;
  /** The server's refusal of the code (quote or placing), shown under the field. */
  problem: ApiProblem | null;
}

/** A voucher code, applied on demand: the summary is then quoted with it, or the refusal shown here. */
export function VoucherField({ applied, onApply, quote, problem }: Props) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(applied);
  const error = problem ? (problem.fieldDetail("voucherCode") ?? problem.detail) : undefined;
  const note = error
    ? error
    : applied && quote?.voucher
      ? t(quote.voucher.applied ? "checkout.quote.applied" : "checkout.quote.noDiscount", { code: quote.voucher.code })
      : t("checkout.quote.hint");
  const apply = () => onApply(typed.trim());
  return (
    <div class="field">
      <label for="checkout-voucher">{t("checkout.voucher")}</label>
      <div class="inline">
        <input
          id="checkout-voucher"
          value={typed}
          autoComplete="off"
          onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            // Enter applies the code rather than placing the order.
            if (e.key === "Enter") {
              e.preventDefault();
              apply();
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby="checkout-voucher-note"
        />
        <button type="button" class="secondary" onClick={apply}>
          {t("checkout.quote.apply")}
        </button>
      </div>
      <span id="checkout-voucher-note" class={error ? "problem" : "status"} role={error ? "alert" : undefined}>
        {note}
      </span>
    </div>
  );
}
