import { useState } from "preact/hooks";
import { api, type Schemas, unwrap, unwrapEmpty } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";
import { QrCode } from "../orders/QrCode";
import { Field } from "./Field";
import { forgetEndedSession } from "./guard";

type Setup = Schemas["TotpSetup"];

const codeOf = (event: Event) =>
  new FormData(event.currentTarget as HTMLFormElement).get("mfa-code")?.toString().trim() ?? "";

/**
 * Two-step sign-in (TOTP) on the account page: set up (a QR code of the otpauth URL, the key to type
 * in), turn on with a first code, the recovery codes shown once, turn off or new recovery codes with
 * a code.
 */
export function Mfa() {
  const { t } = useI18n();
  const [status, reload] = useApi(() => unwrap(api.GET("/api/v1/auth/mfa")), []);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { busy, running, problem, run } = useAction<"setup" | "enable" | "disable" | "renew">({
    onProblem: forgetEndedSession,
  });

  const start = () => run(async () => setSetup(await unwrap(api.POST("/api/v1/auth/mfa/totp"))), "setup");
  const enable = (event: Event) => {
    event.preventDefault();
    const code = codeOf(event);
    return run(async () => {
      await unwrapEmpty(api.POST("/api/v1/auth/mfa/totp/enable", { body: { code } }));
      if (setup) {
        setCodes(setup.recoveryCodes);
        setSetup(null);
        reload();
      }
    }, "enable");
  };
  const disable = (event: Event) => {
    event.preventDefault();
    const code = codeOf(event);
    return run(async () => {
      await unwrapEmpty(api.POST("/api/v1/auth/mfa/totp/disable", { body: { code } }));
      reload();
    }, "disable");
  };
  const renew = (form: HTMLFormElement | null) => {
    const code = form ? (new FormData(form).get("mfa-code")?.toString().trim() ?? "") : "";
    return run(async () => {
      const answer = await unwrap(api.POST("/api/v1/auth/mfa/recovery-codes", { body: { code } }));
      setCodes(answer.recoveryCodes);
      reload();
    }, "renew");
  };

  return (
    <section class="card-section" aria-labelledby="mfa-title" aria-busy={busy} data-testid="mfa">
      <h2 id="mfa-title">{t("mfa.title")}</h2>
      <p class="muted">{t("mfa.intro")}</p>
      {status.state === "loading" && <Loading />}
      {status.state === "error" && <ProblemNotice problem={status.problem} onRetry={reload} />}
      {codes && (
        <div class="stack" data-testid="mfa-recovery-codes">
          <h3>{t("mfa.recoveryTitle")}</h3>
          <p>{t("mfa.recoveryHint")}</p>
          <ul class="plain mfa-codes">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setCodes(null)}>
            {t("mfa.done")}
          </button>
        </div>
      )}
      {status.state === "ready" && !status.data.enabled && !setup && (
        <>
          <p data-testid="mfa-state">{t("mfa.isOff")}</p>
          <button type="button" class="primary" onClick={start} disabled={busy}>
            {running === "setup" ? t("account.busy") : t("mfa.setUp")}
          </button>
        </>
      )}
      {setup && (
        <form class="stack" onSubmit={enable}>
          <p>{t("mfa.scan")}</p>
          <a href={setup.otpauthUrl} class="mfa-qr">
            <QrCode value={setup.otpauthUrl} label={t("mfa.qrLabel")} />
          </a>
          <p>
            {t("mfa.secret")}: <code data-testid="mfa-secret">{setup.secret}</code>
          </p>
          <Field
            id="mfa-code"
            label={t("mfa.code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
          />
          <button type="submit" class="primary" disabled={busy}>
            {running === "enable" ? t("account.busy") : t("mfa.enable")}
          </button>
        </form>
      )}
      {status.state === "ready" && status.data.enabled && (
        <form class="stack" onSubmit={disable}>
          <p data-testid="mfa-state">{t("mfa.isOn")}</p>
          <p class="muted">{t("mfa.codesLeft", { count: status.data.recoveryCodesLeft })}</p>
          <Field
            id="mfa-code"
            label={t("mfa.code")}
            hint={t("mfa.disableHint")}
            autoComplete="one-time-code"
            required
          />
          <div class="row">
            <button type="submit" class="danger" disabled={busy}>
              {running === "disable" ? t("account.busy") : t("mfa.disable")}
            </button>
            <button type="button" disabled={busy} onClick={(e) => renew((e.currentTarget as HTMLButtonElement).form)}>
              {running === "renew" ? t("account.busy") : t("mfa.newCodes")}
            </button>
          </div>
        </form>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </section>
  );
}
