import { useEffect } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import type { RateDestination } from "./address-formats";

export type ShippingOption = Schemas["ShippingOption"];

interface Props {
  destination: RateDestination | null;
  chosen: ShippingOption | null;
  onChoose: (option: ShippingOption | null) => void;
}

/** The couriers and services that can carry this cart to the destination (POST /shipping/rates). */
export function ShippingChoice({ destination, chosen, onChoose }: Props) {
  const { t, fmt, locale } = useI18n();
  const country = destination?.country;
  const postalCode = destination?.postalCode;
  const { city, province } = destination ?? {};
  const [rates, reload] = useApi(
    async () =>
      country && postalCode
        ? unwrap(
            api.POST("/api/v1/shipping/rates", {
              body: {
                destination: { country, postalCode, ...(city ? { city } : {}), ...(province ? { province } : {}) },
              },
            }),
          )
        : null,
    [country, postalCode, city, province, locale],
  );
  const options = rates.state === "ready" && rates.data ? rates.data.options : [];
  // The cheapest is chosen until the buyer picks another (the server would choose it too).
  useEffect(() => {
    if (rates.state !== "ready") return;
    const still = options.find((o) => o.id === chosen?.id);
    if (!still) onChoose(options[0] ?? null);
  }, [rates]);

  return (
    <fieldset class="choices" data-testid="shipping-options">
      <legend>{t("checkout.shipping")}</legend>
      {!destination && <p class="status">{t("checkout.shippingNeedsAddress")}</p>}
      {destination && rates.state === "loading" && <Loading />}
      {rates.state === "error" && <ProblemNotice problem={rates.problem} onRetry={reload} />}
      {rates.state === "ready" && rates.data && options.length === 0 && (
        <p class="problem" role="alert">
          {rates.data.shops.some((s) => s.reason === "too_heavy")
            ? t("checkout.shippingTooHeavy")
            : t("checkout.shippingNone")}
        </p>
      )}
      {options.map((option) => (
        <label key={option.id} class="choice">
          <input
            type="radio"
            name="shipping"
            value={option.id}
            checked={chosen?.id === option.id}
            onChange={() => onChoose(option)}
          />
          <span>
            {option.courier} · {option.service}
            <span class="status">
              {" "}
              {t("checkout.etd", { min: fmt.number(option.etd.minDays), max: fmt.number(option.etd.maxDays) })}
            </span>
          </span>
          <strong>{fmt.money(option.cost)}</strong>
        </label>
      ))}
    </fieldset>
  );
}
