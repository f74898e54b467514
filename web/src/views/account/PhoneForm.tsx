import { useEffect, useState } from "preact/hooks";
import { type ApiProblem, api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { useAction } from "../common/use-action";
import { keepTokens } from "./auth";
import { thisDevice } from "./device";
import { Field } from "./Field";
import { PhoneFields } from "./PhoneFields";
import { type Country, countryOfLocale } from "./phone";

type Step = { name: "phone" } | { name: "code"; resendAt: number };

/** Whole seconds until `at` (epoch ms), ticking, for "resend in 30 s". */
function useSecondsUntil(at: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (at <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [at, now]);
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Phone sign-in (or sign-up): number → SMS code → signed in. Every error is the server's, under its field. */
export function PhoneForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, locale } = useI18n();
  const [country, setCountry] = useState<Country>(countryOfLocale(locale));
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<Step>({ name: "phone" });
  // Two-step sign-in: once the server asks for the authenticator's code, the form asks for it too.
  const [mfaCode, setMfaCode] = useState<string | null>(null);
  // Signed in, the page moves on: the form stays busy meanwhile.
  const { busy, problem, setProblem, run } = useAction<"request" | "verify">({
    keepBusy: ["verify"],
    onProblem: (p) => {
      if (p.code === "mfa_required" && mfaCode === null) setMfaCode("");
    },
  });
  const resendIn = useSecondsUntil(step.name === "code" ? step.resendAt : 0);

  const requestCode = async (event?: Event) => {
    event?.preventDefault();
    await run(async () => {
      const sent = await unwrap(api.POST("/api/v1/auth/otp/request", { body: { phone, country, locale } }));
      setStep({ name: "code", resendAt: Date.now() + sent.resendAfter * 1000 });
      setCode("");
    }, "request");
  };

  const verify = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      const second = mfaCode?.trim();
      const body = { phone, country, code: code.trim(), device: thisDevice(), ...(second ? { mfaCode: second } : {}) };
      keepTokens(await unwrap(api.POST("/api/v1/auth/otp/verify", { body })));
      onSignedIn();
    }, "verify");
  };

  if (step.name === "code") {
    return (
      <form class="stack" onSubmit={verify} aria-busy={busy}>
        <p>{t("account.otp.sentTo", { phone })}</p>
        <CodeFields code={code} onCode={setCode} mfaCode={mfaCode} onMfaCode={setMfaCode} problem={problem} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t("account.busy") : t("account.otp.verify")}
        </button>
        <div class="row">
          <button type="button" onClick={() => requestCode()} disabled={busy || resendIn > 0}>
            {resendIn > 0 ? t("account.otp.resendIn", { seconds: resendIn }) : t("account.otp.resend")}
          </button>
          <button
            type="button"
            class="link"
            onClick={() => {
              setStep({ name: "phone" });
              setProblem(null);
            }}
          >
            {t("account.otp.changeNumber")}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form class="stack" onSubmit={requestCode} aria-busy={busy}>
      <PhoneFields
        id="otp"
        country={country}
        onCountry={setCountry}
        phone={phone}
        onPhone={setPhone}
        labels={{
          country: t("account.otp.country"),
          phone: t("account.otp.phone"),
          hint: (format) => t("account.otp.phoneHint", format),
        }}
        error={problem?.detail}
        autoComplete="tel"
      />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t("account.busy") : t("account.otp.send")}
      </button>
    </form>
  );
}

/** The SMS code, and the authenticator's code once the server asked for it (two-step sign-in). */
function CodeFields(props: {
  code: string;
  onCode: (code: string) => void;
  mfaCode: string | null;
  onMfaCode: (code: string) => void;
  problem: ApiProblem | null;
}) {
  const { t } = useI18n();
  const { code, mfaCode, problem } = props;
  return (
    <>
      <Field
        id="otp-code"
        label={t("account.otp.code")}
        hint={t("account.otp.codeHint")}
        error={mfaCode === null ? problem?.detail : undefined}
        value={code}
        onInput={(e) => props.onCode(e.currentTarget.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={6}
        required
        autoFocus
      />
      {mfaCode !== null && (
        <Field
          id="otp-mfa"
          label={t("mfa.code")}
          hint={t("mfa.signinPrompt")}
          error={problem && problem.code !== "mfa_required" ? problem.detail : undefined}
          value={mfaCode}
          onInput={(e) => props.onMfaCode(e.currentTarget.value)}
          autoComplete="one-time-code"
          autoFocus
          required
        />
      )}
    </>
  );
}
