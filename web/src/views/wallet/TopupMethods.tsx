import { useEffect } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { MethodChoice } from "../orders/MethodPicker";
import { optionKey } from "../orders/payment-options";
import type { Currency } from "./wallet-api";

export type TopupOption = Schemas["PaymentOption"];

/**
 * The gateways and methods that can bring money in for `currency`, as the server lists them
 * (GET /payments/options: the sandbox only where it is on); the wallet cannot top itself up.
 */
export function TopupMethods(props: { currency: Currency; chosen: string; onChoose: (option: TopupOption) => void }) {
  const { t } = useI18n();
  const [options, reload] = useApi(
    async () =>
      (
        await unwrap(api.GET("/api/v1/payments/options", { params: { query: { currency: props.currency } } }))
      ).options.filter((o) => o.gateway !== "wallet"),
    [props.currency],
  );
  const list = options.state === "ready" ? options.data : [];
  const chosen = list.some((o) => optionKey(o) === props.chosen) ? props.chosen : "";
  useEffect(() => {
    // The first method is the default, as on the payment page; another currency has other methods.
    if (list.length > 0 && !chosen) props.onChoose(list[0]);
  }, [options]);
  if (options.state === "loading") return <Loading />;
  if (options.state === "error") return <ProblemNotice problem={options.problem} onRetry={reload} />;
  return (
    <fieldset class="choices" data-testid="topup-methods">
      <legend>{t("wallet.topup.method")}</legend>
      {list.length === 0 && <p class="status">{t("wallet.topup.noMethods")}</p>}
      {list.map((option) => {
        const key = optionKey(option);
        return (
          <MethodChoice
            key={key}
            option={option}
            group="topup-method"
            checked={chosen === key}
            onChoose={() => props.onChoose(option)}
          />
        );
      })}
    </fieldset>
  );
}
