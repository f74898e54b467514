import { useI18n } from "../../i18n";
import { BCP47 } from "../../i18n/locales";
import { Field } from "./Field";
import { COUNTRIES, type Country, countryFormat, countryName } from "./phone";

/**
 * A country (with its dialling code) and a mobile number typed the way that country writes it:
 * the hint shows both forms, and the server's words about the number go under it.
 */
export function PhoneFields(props: {
  id: string;
  country: Country;
  onCountry: (country: Country) => void;
  phone: string;
  onPhone: (phone: string) => void;
  labels: { country: string; phone: string; hint: (format: { national: string; international: string }) => string };
  error?: string;
  autoComplete: "tel" | "off";
}) {
  const { locale } = useI18n();
  const tag = BCP47[locale];
  const format = countryFormat(props.country);
  return (
    <>
      <div class="field">
        <label for={`${props.id}-country`}>{props.labels.country}</label>
        <select
          id={`${props.id}-country`}
          value={props.country}
          onChange={(e) => props.onCountry(e.currentTarget.value as Country)}
        >
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {`${countryName(c, tag)} (${countryFormat(c).dialCode})`}
            </option>
          ))}
        </select>
      </div>
      <Field
        id={`${props.id}-phone`}
        label={props.labels.phone}
        hint={props.labels.hint(format)}
        error={props.error}
        value={props.phone}
        onInput={(e) => props.onPhone(e.currentTarget.value)}
        type="tel"
        inputMode="tel"
        autoComplete={props.autoComplete}
        placeholder={format.national}
        required
      />
    </>
  );
}
