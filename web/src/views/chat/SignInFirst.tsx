import { useI18n } from "../../i18n";

/** Chat is for signed-in people: say so, with the way in. */
export function SignInFirst() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="chat-signin-title">
      <h1 id="chat-signin-title">{t("chat.title")}</h1>
      <p class="status">{t("chat.signInFirst")}</p>
      <p>
        <a href="/signin">{t("nav.signin")}</a>
      </p>
    </section>
  );
}
