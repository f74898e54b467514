import { useEffect, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { BCP47 } from "../../i18n/locales";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { keepTokens } from "./auth";
import { thisDevice } from "./device";
import { Field, fieldError, shownAtField } from "./Field";
import { COUNTRIES, type Country, countryName, countryOfLocale } from "./phone";

/** Runs one sign-in request: progress while it runs, the server's problem when it fails. */
function useSubmit(onSignedIn: () => void) {
  const { busy, problem, run } = useAction({ keepBusy: true });
  const submit = async (send: () => Promise<Parameters<typeof keepTokens>[0]>) => {
    await run(async () => {
      keepTokens(await send());
      onSignedIn();
    });
  };
  return { busy, problem, submit };
}

const value = (form: HTMLFormElement, name: string) => new FormData(form).get(name)?.toString() ?? "";

export function EmailSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const { busy, problem, submit } = useSubmit(onSignedIn);
  // Once the server asks for the second factor, the form asks for the code too (and keeps asking).
  const [asked, setAsked] = useState(false);
  const askCode = asked || problem?.code === "mfa_required";
  useEffect(() => {
    if (problem?.code === "mfa_required") setAsked(true);
  }, [problem]);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const mfaCode = askCode ? value(form, "login-mfa").trim() : "";
    const body = {
      email: value(form, "login-email"),
      password: value(form, "login-password"),
      device: thisDevice(),
      ...(mfaCode ? { mfaCode } : {}),
    };
    submit(() => unwrap(api.POST("/api/v1/auth/login", { body })));
  };
  // Wrong password (401) and too many tries (429) are about the password as a whole.
  const passwordCodes = ["invalid_credentials", "rate_limited"];
  return (
    <form class="stack" onSubmit={onSubmit} aria-busy={busy}>
      <Field
        id="login-email"
        label={t("account.email")}
        type="email"
        autoComplete="email"
        required
        error={fieldError(problem, "email")}
      />
      <Field
        id="login-password"
        label={t("account.password")}
        type="password"
        autoComplete="current-password"
        required
        error={fieldError(problem, "password", passwordCodes)}
      />
      {askCode && (
        <Field
          id="login-mfa"
          label={t("mfa.code")}
          hint={t("mfa.signinPrompt")}
          autoComplete="one-time-code"
          autoFocus
          required
          error={problem?.code === "invalid_code" ? problem.detail : undefined}
        />
      )}
      {problem &&
        problem.code !== "mfa_required" &&
        !(askCode && problem.code === "invalid_code") &&
        !shownAtField(problem, ["email", "password"], passwordCodes) && <ProblemNotice problem={problem} />}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t("account.busy") : t("account.signin.submit")}
      </button>
    </form>
  );
}

export function EmailRegister({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, locale } = useI18n();
  const [country, setCountry] = useState<Country>(countryOfLocale(locale));
  const { busy, problem, submit } = useSubmit(onSignedIn);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = {
      displayName: value(form, "reg-name"),
      email: value(form, "reg-email"),
      password: value(form, "reg-password"),
      country,
      locale,
      device: thisDevice(),
    };
    submit(() => unwrap(api.POST("/api/v1/auth/register", { body })));
  };
  const fields = ["displayName", "email", "password", "country"];
  return (
    <form class="stack" onSubmit={onSubmit} aria-busy={busy}>
      <Field
        id="reg-name"
        label={t("account.displayName")}
        autoComplete="name"
        required
        error={fieldError(problem, "displayName")}
      />
      <Field
        id="reg-email"
        label={t("account.email")}
        type="email"
        autoComplete="email"
        required
        error={fieldError(problem, "email", ["conflict"])}
      />
      <Field
        id="reg-password"
        label={t("account.password")}
        hint={t("account.register.passwordHint")}
        type="password"
        autoComplete="new-password"
        minLength={8}
        required
        error={fieldError(problem, "password")}
      />
      <div class="field">
        <label for="reg-country">{t("account.otp.country")}</label>
        <select id="reg-country" value={country} onChange={(e) => setCountry(e.currentTarget.value as Country)}>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {countryName(c, BCP47[locale])}
            </option>
          ))}
        </select>
      </div>
      {problem && !shownAtField(problem, fields, ["conflict"]) && <ProblemNotice problem={problem} />}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t("account.busy") : t("account.register.submit")}
      </button>
    </form>
  );
}
