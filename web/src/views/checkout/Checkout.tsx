import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, type Schemas, unwrap } from "../../api/client";
import { useSession } from "../../api/use-session";
import { useI18n } from "../../i18n";
import { type Cart, cartSubtotal, loadCart } from "../cart/cart-api";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import "../orders/commerce.css";
import { OrderSummary } from "../orders/OrderSummary";
import { AddressForm } from "./AddressForm";
import { type AddressDraft, countryOfCurrency, emptyAddress, hasDestination } from "./address-formats";
import { type CreateOrders, usePlaceOrder } from "./place-order";
import { ShippingChoice, type ShippingOption } from "./ShippingChoice";

type Address = Schemas["Address"];

/** /checkout: where to, how, a voucher, the summary, and placing the order (one order per shop). */
export function Checkout() {
  const { t, locale } = useI18n();
  const session = useSession();
  const [loaded, reload] = useApi(async () => {
    const cart = await loadCart();
    const addresses = session ? (await unwrap(api.GET("/api/v1/users/me/addresses"))).items : [];
    return { cart, addresses };
  }, [locale, session?.accessToken]);
  useEffect(() => {
    document.title = `${t("checkout.title")} · Tchat`;
  }, [t]);
  return (
    <section aria-labelledby="checkout-title">
      <h1 id="checkout-title">{t("checkout.title")}</h1>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "error" && <ProblemNotice problem={loaded.problem} onRetry={reload} />}
      {loaded.state === "ready" &&
        (loaded.data.cart && loaded.data.cart.items.length > 0 ? (
          <CheckoutForm cart={loaded.data.cart} addresses={loaded.data.addresses} guest={!session} />
        ) : (
          <p class="status">
            {t("cart.empty")} <a href="/cart">{t("checkout.backToCart")}</a>
          </p>
        ))}
    </section>
  );
}

function CheckoutForm({ cart, addresses, guest }: { cart: Cart; addresses: Address[]; guest: boolean }) {
  const { t } = useI18n();
  const { route } = useLocation();
  const primary = addresses.find((a) => a.isPrimary) ?? addresses[0];
  const [savedId, setSavedId] = useState<string | null>(primary?.id ?? null);
  const [draft, setDraft] = useState<AddressDraft>(() => emptyAddress(countryOfCurrency(cart.currency)));
  const [email, setEmail] = useState("");
  const [voucher, setVoucher] = useState("");
  const [option, setOption] = useState<ShippingOption | null>(null);
  const { place, placing, problem } = usePlaceOrder((orders) => {
    const ids = orders.map((o) => o.id);
    route(`/orders/${encodeURIComponent(ids[0])}/pay?orders=${encodeURIComponent(ids.join(","))}`);
  });
  const saved = addresses.find((a) => a.id === savedId);
  const destination = saved
    ? { country: saved.country, postalCode: saved.postalCode }
    : hasDestination(draft)
      ? { country: draft.country, postalCode: draft.postalCode.trim() }
      : null;
  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()])) as AddressDraft;
    const body: CreateOrders = {
      ...(saved ? { shippingAddressId: saved.id } : { shippingAddress: trimmed }),
      ...(option ? { shippingOptionId: option.id } : {}),
      ...(voucher.trim() ? { voucherCode: voucher.trim() } : {}),
      ...(guest ? { contactEmail: email.trim() } : {}),
    };
    place(body);
  };
  const subtotal = cartSubtotal(cart);
  return (
    <form onSubmit={submit} class="checkout" aria-busy={placing}>
      {addresses.length > 0 && (
        <fieldset class="choices">
          <legend>{t("checkout.address")}</legend>
          {addresses.map((a) => (
            <label key={a.id} class="choice">
              <input type="radio" name="address" checked={savedId === a.id} onChange={() => setSavedId(a.id)} />
              <span>
                <strong>{a.label ?? a.recipientName}</strong> {a.street}, {a.city}, {a.province} {a.postalCode}
              </span>
            </label>
          ))}
          <label class="choice">
            <input type="radio" name="address" checked={savedId === null} onChange={() => setSavedId(null)} />
            <span>{t("checkout.useNewAddress")}</span>
          </label>
        </fieldset>
      )}
      {!saved && <AddressForm value={draft} onChange={setDraft} problem={problem} />}
      {guest && (
        <div class="field">
          <label for="checkout-email">{t("checkout.email")}</label>
          <input
            id="checkout-email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
            aria-describedby="checkout-email-note"
          />
          <span id="checkout-email-note" class={problem?.fieldDetail("contactEmail") ? "problem" : "status"}>
            {problem?.fieldDetail("contactEmail") ?? t("checkout.emailWhy")}
          </span>
        </div>
      )}
      <ShippingChoice destination={destination} chosen={option} onChoose={setOption} />
      <div class="field">
        <label for="checkout-voucher">{t("checkout.voucher")}</label>
        <input
          id="checkout-voucher"
          value={voucher}
          autoComplete="off"
          onInput={(e) => setVoucher((e.currentTarget as HTMLInputElement).value)}
          aria-describedby="checkout-voucher-note"
        />
        <span id="checkout-voucher-note" class={problem?.fieldDetail("voucherCode") ? "problem" : "status"}>
          {problem?.fieldDetail("voucherCode") ?? t("checkout.voucherWhen")}
        </span>
      </div>
      {subtotal && (
        <OrderSummary
          parts={[
            { key: "cart", subtotal, shippingCost: option?.cost ?? null, tax: null, discount: null, total: null },
          ]}
        />
      )}
      {problem && <ProblemNotice problem={problem} />}
      <button type="submit" class="primary" disabled={placing || !destination || !option} aria-busy={placing}>
        {placing ? t("checkout.placing") : t("checkout.place")}
      </button>
    </form>
  );
}
