import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { BCP47 } from "../../i18n/locales";
import type { MessageKey } from "../../i18n/messages";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { Field, fieldError, shownAtField } from "./Field";
import { forgetEndedSession } from "./guard";
import { COUNTRIES, countryName } from "./phone";

type Address = Schemas["Address"];
type TextField = "label" | "recipientName" | "phone" | "street" | "city" | "province" | "postalCode";

const TEXT_FIELDS: { name: TextField; label: MessageKey; auto: string; required: boolean }[] = [
  { name: "label", label: "account.address.label", auto: "off", required: false },
  { name: "recipientName", label: "account.address.recipient", auto: "name", required: true },
  { name: "phone", label: "account.address.phone", auto: "tel", required: true },
  { name: "street", label: "account.address.street", auto: "street-address", required: true },
  { name: "city", label: "account.address.city", auto: "address-level2", required: true },
  { name: "province", label: "account.address.province", auto: "address-level1", required: true },
  { name: "postalCode", label: "account.address.postalCode", auto: "postal-code", required: true },
];

/** Adds an address, or changes `address`; the server checks the phone and postal code for the country. */
export function AddressForm({
  address,
  onDone,
  onCancel,
}: {
  address?: Address;
  onDone: (address: Address) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const { busy, problem, run } = useAction({ onProblem: forgetEndedSession, keepBusy: true });
  const prefix = `addr-${address?.id ?? "new"}`;
  // Controlled: Preact sets no `defaultValue` on a <select>, which would show the first country instead.
  const [country, setCountry] = useState<Address["country"]>(address?.country ?? "TH");

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => data.get(`${prefix}-${name}`)?.toString().trim() ?? "";
    const body = {
      label: text("label") || undefined,
      recipientName: text("recipientName"),
      phone: text("phone"),
      street: text("street"),
      city: text("city"),
      province: text("province"),
      postalCode: text("postalCode"),
      country: text("country") as Address["country"],
      isPrimary: data.get(`${prefix}-isPrimary`) === "on",
    };
    await run(async () => {
      const saved = address
        ? await unwrap(api.PATCH("/api/v1/users/me/addresses/{id}", { params: { path: { id: address.id } }, body }))
        : await unwrap(api.POST("/api/v1/users/me/addresses", { body }));
      onDone(saved);
    });
  };

  return (
    <form class="stack address-form" onSubmit={onSubmit} aria-busy={busy}>
      {TEXT_FIELDS.map((f) => (
        <Field
          key={f.name}
          id={`${prefix}-${f.name}`}
          label={t(f.label)}
          defaultValue={address?.[f.name] ?? ""}
          autoComplete={f.auto}
          required={f.required}
          type={f.name === "phone" ? "tel" : "text"}
          error={fieldError(problem, f.name)}
        />
      ))}
      <div class="field">
        <label for={`${prefix}-country`}>{t("account.otp.country")}</label>
        <select
          id={`${prefix}-country`}
          name={`${prefix}-country`}
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value as Address["country"])}
        >
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {countryName(c, BCP47[locale])}
            </option>
          ))}
        </select>
      </div>
      <label class="check">
        <input type="checkbox" name={`${prefix}-isPrimary`} defaultChecked={address?.isPrimary ?? false} />
        {t("account.address.primary")}
      </label>
      {problem && !shownAtField(problem, [...TEXT_FIELDS.map((f) => f.name), "country"]) && (
        <ProblemNotice problem={problem} />
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t("account.busy") : t("account.save")}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t("account.cancel")}
        </button>
      </div>
    </form>
  );
}
