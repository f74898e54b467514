import { useSession } from "../../api/use-session";
import { LOCALE_NAMES, LOCALES, type Locale, useI18n } from "../../i18n";
import { NotificationBell } from "../account/Bell";
import { useCartCount } from "./cart-count";
import { SearchBox } from "./SearchBox";

/** Brand, product search, the main links and the language switcher: on every page, phone width first. */
export function Header() {
  const { t, locale, setLocale } = useI18n();
  const signedIn = useSession() !== null;
  const cartCount = useCartCount();
  return (
    <header class="header">
      <a class="brand" href="/" aria-label={t("nav.home")}>
        Tchat
      </a>
      <SearchBox />
      <nav class="nav" aria-label={t("nav.main")}>
        <a href="/cart" data-testid="cart-link">
          {t("nav.cart")}
          {cartCount > 0 && (
            <>
              <span class="badge" data-testid="cart-count" aria-hidden="true">
                {cartCount}
              </span>
              <span class="visually-hidden">{t("store.cartCount", { count: cartCount })}</span>
            </>
          )}
        </a>
        <a href="/chat">{t("nav.chat")}</a>
        {signedIn && <a href="/wallet">{t("wallet.nav")}</a>}
        {signedIn && <NotificationBell />}
        {signedIn ? <a href="/account">{t("nav.account")}</a> : <a href="/signin">{t("nav.signin")}</a>}
        <label class="lang">
          <span class="visually-hidden">{t("nav.language")}</span>
          <select
            value={locale}
            onChange={(e) => setLocale((e.currentTarget as HTMLSelectElement).value as Locale)}
            aria-label={t("nav.language")}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </nav>
    </header>
  );
}
