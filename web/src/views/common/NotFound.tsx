import { useEffect } from "preact/hooks";
import { useI18n } from "../../i18n";

/** Any path the app has no page for (the router's fallback). */
export function NotFound() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t("notFound.title")} · Tchat`;
  }, [t]);
  return (
    <section class="notfound" aria-labelledby="notfound-title">
      <h1 id="notfound-title">{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <a href="/">{t("notFound.home")}</a>
      </p>
    </section>
  );
}
