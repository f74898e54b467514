import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useSession } from "../../api/use-session";
import { useI18n } from "../../i18n";
import { nextPath } from "./auth";
import { EmailRegister, EmailSignIn } from "./EmailForms";
import { PhoneForm } from "./PhoneForm";
import "./account.css";

type Method = "phone" | "email" | "register";
const METHODS: Method[] = ["phone", "email", "register"];

/** /signin?next=/path: phone code, email and password, or a new account; then back to `next`. */
export function SignIn() {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const signedIn = useSession() !== null;
  const [method, setMethod] = useState<Method>("phone");
  const target = nextPath(query.next);
  const done = () => route(target, true);
  useEffect(() => {
    // Already signed in (another tab, or the back button): nothing to do here.
    if (signedIn) route(target, true);
  }, [signedIn]);
  const labels: Record<Method, string> = {
    phone: t("account.signin.byPhone"),
    email: t("account.signin.byEmail"),
    register: t("account.signin.register"),
  };
  return (
    <section class="account narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">{t("account.signin.title")}</h1>
      <fieldset class="tabs">
        <legend class="visually-hidden">{t("account.signin.method")}</legend>
        {METHODS.map((m) => (
          <button key={m} type="button" aria-pressed={method === m} onClick={() => setMethod(m)}>
            {labels[m]}
          </button>
        ))}
      </fieldset>
      {method === "phone" && <PhoneForm onSignedIn={done} />}
      {method === "email" && <EmailSignIn onSignedIn={done} />}
      {method === "register" && <EmailRegister onSignedIn={done} />}
    </section>
  );
}
