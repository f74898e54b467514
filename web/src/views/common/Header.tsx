import { useLocation } from "preact-iso";
import { useSession } from "../../api/use-session";
import { LOCALE_NAMES, LOCALES, type Locale, useI18n } from "../../i18n";
import { NotificationBell } from "../account/Bell";

/** Brand, product search, the main links and the language switcher: on every page, phone width first. */
export function Header() {
  const { t, locale, setLocale } = useI18n();
  const { route, path, query } = useLocation();
  const signedIn = useSession() !== null;
  const onSearch = (event: Event) => {
    event.preventDefault();
    const q = new FormData(event.currentTarget as HTMLFormElement).get("q")?.toString().trim() ?? "";
    route(q ? `/search?q=${encodeURIComponent(q)}` : "/search");
  };
  return (
    <header class="header">
      <a class="brand" href="/" aria-label={t("nav.home")}>
        Tchat
      </a>
      <search class="search">
        <form action="/search" method="get" onSubmit={onSearch}>
          <label class="visually-hidden" for="search-q">
            {t("nav.search")}
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            // A new page's query replaces the box's text; typing is left alone until then.
            key={path === "/search" ? query.q : path}
            defaultValue={path === "/search" ? (query.q ?? "") : ""}
            placeholder={t("nav.searchPlaceholder")}
            autoComplete="off"
          />
          <button type="submit">{t("nav.searchSubmit")}</button>
        </form>
      </search>
      <nav class="nav" aria-label={t("nav.main")}>
        <a href="/cart">{t("nav.cart")}</a>
        <a href="/chat">{t("nav.chat")}</a>
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
