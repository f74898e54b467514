import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { ApiProblem } from "../../api/client";
import { useI18n } from "../../i18n";
import { BCP47 } from "../../i18n/locales";
import type { MessageKey } from "../../i18n/messages";
import { Field, fieldError, shownAtField } from "../account/Field";
import { forgetEndedSession } from "../account/guard";
import { countryName } from "../account/phone";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { ShopLayout } from "./ShopLayout";
import { type Shop, type ShopChange, updateShop } from "./seller-api";

type Pickup = NonNullable<NonNullable<Shop["contact"]>["pickupAddress"]>;
type PickupField = keyof Pickup;

const PICKUP_FIELDS: { name: PickupField; label: MessageKey; auto: string; hint?: MessageKey }[] = [
  { name: "street", label: "sellerSettings.street", auto: "address-line1" },
  { name: "street2", label: "sellerSettings.street2", auto: "address-line2" },
  { name: "city", label: "sellerSettings.city", auto: "address-level2", hint: "sellerSettings.cityHint" },
  { name: "province", label: "sellerSettings.province", auto: "address-level1" },
  { name: "postalCode", label: "sellerSettings.postalCode", auto: "postal-code" },
];
/** The form's fields that show their own refusal: a problem about one of them is not repeated above the button. */
const FIELD_PATHS = [
  "name",
  "contact.phone",
  "contact.email",
  "contact.address",
  ...PICKUP_FIELDS.map((f) => `contact.pickupAddress.${f.name}`),
];
const REQUIRED: PickupField[] = ["street", "city", "province", "postalCode"];

/** /seller/:shopId/settings: the owner edits the shop's name, description, contact and pickup address. */
export function Settings() {
  const { params } = useRoute();
  return (
    <ShopLayout shopId={params.shopId} current="settings">
      {(shop) => <SettingsForm key={shop.id} shop={shop} />}
    </ShopLayout>
  );
}

/**
 * The PATCH body from the form. The contact is sent whole (the API replaces it as sent): the
 * one-line address the form shows is kept, an empty pickup address removes it. A pickup address
 * filled in part is refused here, before anything is sent.
 */
function bodyOf(data: FormData): ShopChange | { incomplete: true } {
  const text = (name: string) => data.get(`shop-${name}`)?.toString().trim() ?? "";
  const pickup = Object.fromEntries(PICKUP_FIELDS.map((f) => [f.name, text(`pickup-${f.name}`)])) as Pickup;
  const given = PICKUP_FIELDS.some((f) => pickup[f.name]);
  if (given && REQUIRED.some((name) => !pickup[name])) return { incomplete: true };
  const contact = {
    ...(text("phone") ? { phone: text("phone") } : {}),
    ...(text("email") ? { email: text("email") } : {}),
    ...(text("address") ? { address: text("address") } : {}),
    ...(given ? { pickupAddress: { ...pickup, street2: pickup.street2 || undefined } } : {}),
  };
  return {
    name: text("name"),
    description: text("description") || null,
    // null removes the contact; the generated type misses the null its OpenAPI allOf allows.
    contact: (Object.keys(contact).length > 0 ? contact : null) as ShopChange["contact"],
  };
}

function SettingsForm({ shop: initial }: { shop: Shop }) {
  const { t, locale } = useI18n();
  const [shop, setShop] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { busy, problem, setProblem, run } = useAction({ onProblem: forgetEndedSession });
  const contact = shop.contact ?? {};
  const pickup: Partial<Pickup> = contact.pickupAddress ?? {};

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const body = bodyOf(new FormData(event.currentTarget as HTMLFormElement));
    if ("incomplete" in body) {
      setProblem(new ApiProblem({ status: 422, detail: t("sellerSettings.pickupIncomplete") }));
      return;
    }
    await run(async () => {
      setShop(await updateShop(shop.id, body));
      setSaved(true);
    });
  };

  return (
    <form
      class="stack seller-settings"
      onSubmit={onSubmit}
      aria-busy={busy}
      aria-labelledby="settings-title"
      noValidate
    >
      <h2 id="settings-title">{t("seller.settings")}</h2>
      <p class="status">{t("sellerSettings.intro")}</p>
      <fieldset class="seller-card">
        <legend>{t("sellerSettings.shop")}</legend>
        <Field
          id="shop-name"
          label={t("sellerSettings.name")}
          defaultValue={shop.name}
          required
          maxLength={100}
          error={fieldError(problem, "name")}
        />
        <div class="field">
          <label for="shop-description">{t("sellerSettings.description")}</label>
          <textarea
            id="shop-description"
            name="shop-description"
            maxLength={2000}
            defaultValue={shop.description ?? ""}
          />
        </div>
      </fieldset>
      <fieldset class="seller-card">
        <legend>{t("sellerSettings.contact")}</legend>
        <Field
          id="shop-phone"
          type="tel"
          label={t("sellerSettings.phone")}
          defaultValue={contact.phone ?? ""}
          autoComplete="tel"
          error={fieldError(problem, "contact.phone")}
        />
        <Field
          id="shop-email"
          type="email"
          label={t("sellerSettings.email")}
          defaultValue={contact.email ?? ""}
          autoComplete="email"
          error={fieldError(problem, "contact.email")}
        />
        <Field
          id="shop-address"
          label={t("sellerSettings.address")}
          defaultValue={contact.address ?? ""}
          maxLength={300}
          error={fieldError(problem, "contact.address")}
        />
      </fieldset>
      <fieldset class="seller-card" data-testid="pickup-address">
        <legend>{t("sellerSettings.pickup")}</legend>
        <p class="hint">{t("sellerSettings.pickupHelp")}</p>
        <p data-testid="pickup-country">
          {t("sellerSettings.country", { country: countryName(shop.country, BCP47[locale]) })}
        </p>
        {PICKUP_FIELDS.map((f) => (
          <Field
            key={f.name}
            id={`shop-pickup-${f.name}`}
            label={t(f.label)}
            hint={f.hint ? t(f.hint) : undefined}
            defaultValue={pickup[f.name] ?? ""}
            autoComplete={`section-pickup ${f.auto}`}
            inputMode={f.name === "postalCode" ? "numeric" : undefined}
            required={REQUIRED.includes(f.name)}
            error={fieldError(problem, `contact.pickupAddress.${f.name}`)}
          />
        ))}
      </fieldset>
      {problem && !shownAtField(problem, FIELD_PATHS) && <ProblemNotice problem={problem} />}
      {saved && (
        <p class="status" role="status" aria-live="polite">
          {t("sellerSettings.saved")}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t("sellerSettings.saving") : t("sellerSettings.save")}
        </button>
      </div>
    </form>
  );
}
