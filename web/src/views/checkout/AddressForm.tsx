import type { ApiProblem } from "../../api/client";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { ADDRESS_FORMATS, type AddressDraft, COUNTRIES, type Country, emptyAddress } from "./address-formats";

const COUNTRY_NAMES: Record<Country, MessageKey> = {
  TH: "checkout.country.TH",
  SG: "checkout.country.SG",
  ID: "checkout.country.ID",
  MY: "checkout.country.MY",
  PH: "checkout.country.PH",
  VN: "checkout.country.VN",
};

interface Props {
  value: AddressDraft;
  onChange: (next: AddressDraft) => void;
  /** The last refusal, whose per-field messages are shown under their fields. */
  problem: ApiProblem | null;
}

/** A new shipping address, with the fields and names the chosen country uses. */
export function AddressForm({ value, onChange, problem }: Props) {
  const { t } = useI18n();
  const format = ADDRESS_FORMATS[value.country];
  const set = (field: keyof AddressDraft) => (event: Event) =>
    onChange({ ...value, [field]: (event.currentTarget as HTMLInputElement).value });
  const fieldError = (field: string) => problem?.fieldDetail(`shippingAddress.${field}`) ?? problem?.fieldDetail(field);
  const input = (field: keyof AddressDraft, label: string, extra: Record<string, string> = {}, hint?: string) => {
    const error = fieldError(field);
    const id = `address-${field}`;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          name={field}
          value={value[field]}
          onInput={set(field)}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error || hint ? `${id}-note` : undefined}
          {...extra}
        />
        {(error || hint) && (
          <span id={`${id}-note`} class={error ? "problem" : "status"}>
            {error ?? hint}
          </span>
        )}
      </div>
    );
  };
  return (
    <fieldset class="address-form">
      <legend>{t("checkout.newAddress")}</legend>
      <div class="field">
        <label for="address-country">{t("checkout.address.country")}</label>
        <select
          id="address-country"
          name="country"
          value={value.country}
          onChange={(e) => {
            const country = (e.currentTarget as HTMLSelectElement).value as Country;
            const fresh = emptyAddress(country);
            onChange({ ...fresh, recipientName: value.recipientName, phone: value.phone, street: value.street });
          }}
        >
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {t(COUNTRY_NAMES[c])}
            </option>
          ))}
        </select>
      </div>
      {input("recipientName", t("checkout.address.name"), { autoComplete: "name" })}
      {input(
        "phone",
        t("checkout.address.phone"),
        { type: "tel", autoComplete: "tel", inputMode: "tel" },
        t("checkout.address.example", { example: format.phoneExample }),
      )}
      {input("street", t("checkout.address.street"), { autoComplete: "street-address" })}
      {!format.fixed &&
        input("city", format.locality === "district" ? t("checkout.address.district") : t("checkout.address.city"), {
          autoComplete: "address-level2",
        })}
      {format.region &&
        input("province", format.region === "state" ? t("checkout.address.state") : t("checkout.address.province"), {
          autoComplete: "address-level1",
        })}
      {input(
        "postalCode",
        t("checkout.address.postalCode"),
        { autoComplete: "postal-code", inputMode: "numeric", pattern: format.postal.source.replace(/^\^|\$$/g, "") },
        t("checkout.address.example", { example: format.postalExample }),
      )}
    </fieldset>
  );
}
