import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, type Schemas, unwrap } from "../../api/client";
import { useSession } from "../../api/use-session";
import { useI18n } from "../../i18n";
import { type Cart, cartSubtotal, loadCart } from "../cart/cart-api";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import "../orders/commerce.css";
import { OrderSummary, type SummaryPart } from "../orders/OrderSummary";
import { AddressForm } from "./AddressForm";
import {
  type AddressDraft,
  countryOfCurrency,
  emptyAddress,
  hasDestination,
  isComplete,
  rateDestination,
} from "./address-formats";
import { type CreateOrders, usePlaceOrder } from "./place-order";
import { ShippingChoice, type ShippingOption } from "./ShippingChoice";
import { isVoucherProblem, useQuote } from "./use-quote";
import { VoucherField } from "./VoucherField";

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

const trimmed = (draft: AddressDraft) =>
  Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()])) as AddressDraft;

function CheckoutForm({ cart, addresses, guest }: { cart: Cart; addresses: Address[]; guest: boolean }) {
  const { t } = useI18n();
  const { route } = useLocation();
  const primary = addresses.find((a) => a.isPrimary) ?? addresses[0];
  const [savedId, setSavedId] = useState<string | null>(primary?.id ?? null);
  const [draft, setDraft] = useState<AddressDraft>(() => emptyAddress(countryOfCurrency(cart.currency)));
  const [email, setEmail] = useState("");
  const [voucher, setVoucher] = useState("");
  const [option, setOption] = useState<ShippingOption | null>(null);
  const placed = usePlaceOrder((orders) => {
    const ids = orders.map((o) => o.id);
    route(`/orders/${encodeURIComponent(ids[0])}/pay?orders=${encodeURIComponent(ids.join(","))}`);
  });
  const saved = addresses.find((a) => a.id === savedId);
  // The area goes with a saved address, and with a typed one once it is complete (not at each keystroke).
  const destination = saved
    ? rateDestination(saved)
    : hasDestination(draft)
      ? isComplete(draft)
        ? rateDestination(draft)
        : { country: draft.country, postalCode: draft.postalCode.trim() }
      : null;
  // What placing would send, less the contact email (the quote does not need it).
  const order: CreateOrders | null =
    option && (saved || isComplete(draft))
      ? {
          ...(saved ? { shippingAddressId: saved.id } : { shippingAddress: trimmed(draft) }),
          shippingOptionId: option.id,
          ...(voucher ? { voucherCode: voucher } : {}),
        }
      : null;
  const quoted = useQuote(order);
  const body = order && { ...order, ...(guest ? { contactEmail: email.trim() } : {}) };
  // A refusal of placing stands until the buyer changes what would be placed.
  const problem = body && placed.failure?.body === JSON.stringify(body) ? placed.failure.problem : null;
  const placing = placed.placing;
  const submit = (event: Event) => {
    event.preventDefault();
    if (body) placed.place(body);
  };
  const subtotal = cartSubtotal(cart);
  // The server's quote once the address is complete; until then what the cart and courier say.
  const parts: SummaryPart[] = quoted.quote
    ? quoted.quote.orders.map((o) => ({ ...o, key: o.shopId, title: o.shopName }))
    : subtotal
      ? [{ key: "cart", subtotal, shippingCost: option?.cost ?? null, tax: null, discount: null, total: null }]
      : [];
  const voucherProblem = isVoucherProblem(problem) ? problem : isVoucherProblem(quoted.problem) ? quoted.problem : null;
  const otherProblem = quoted.problem && !isVoucherProblem(quoted.problem) ? quoted.problem : null;
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
      {!saved && <AddressForm value={draft} onChange={setDraft} problem={problem ?? quoted.problem} />}
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
      <VoucherField applied={voucher} onApply={setVoucher} quote={quoted.quote} problem={voucherProblem} />
      {parts.length > 0 && <OrderSummary parts={parts} />}
      {quoted.loading && <Loading />}
      {otherProblem && <ProblemNotice problem={otherProblem} />}
      {problem && !isVoucherProblem(problem) && <ProblemNotice problem={problem} />}
      <button
        type="submit"
        class="primary"
        disabled={placing || !order || isVoucherProblem(quoted.problem)}
        aria-busy={placing}
      >
        {placing ? t("checkout.placing") : t("checkout.place")}
      </button>
    </form>
  );
}
