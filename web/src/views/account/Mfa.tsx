import { useState } from "preact/hooks";
import { ApiProblem, api, type Schemas, unwrap, unwrapEmpty } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { QrCode } from "../orders/QrCode";
import { Field } from "./Field";
import { forgetEndedSession } from "./guard";

type Setup = Schemas["TotpSetup"];

/** Runs one request of this section: which one is busy, and the server's problem when it fails. */
function useStep() {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = async <T,>(key: string, action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(key);
    setProblem(null);
    try {
      return await action();
    } catch (err) {
      const p = err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) });
      forgetEndedSession(p);
      setProblem(p);
      return undefined;
    } finally {
      setBusy(null);
    }
  };
  return { busy, problem, run };
}

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
  const { busy, problem, run } = useStep();

  const start = async () => {
    const answer = await run("setup", () => unwrap(api.POST("/api/v1/auth/mfa/totp")));
    if (answer) setSetup(answer);
  };
  const enable = async (event: Event) => {
    event.preventDefault();
    const code = codeOf(event);
    const done = await run("enable", async () => {
      await unwrapEmpty(api.POST("/api/v1/auth/mfa/totp/enable", { body: { code } }));
      return true;
    });
    if (done && setup) {
      setCodes(setup.recoveryCodes);
      setSetup(null);
      reload();
    }
  };
  const disable = async (event: Event) => {
    event.preventDefault();
    const code = codeOf(event);
    const done = await run("disable", async () => {
      await unwrapEmpty(api.POST("/api/v1/auth/mfa/totp/disable", { body: { code } }));
      return true;
    });
    if (done) reload();
  };
  const renew = async (form: HTMLFormElement | null) => {
    const code = form ? (new FormData(form).get("mfa-code")?.toString().trim() ?? "") : "";
    const answer = await run("renew", () => unwrap(api.POST("/api/v1/auth/mfa/recovery-codes", { body: { code } })));
    if (answer) {
      setCodes(answer.recoveryCodes);
      reload();
    }
  };

  return (
    <section class="card-section" aria-labelledby="mfa-title" aria-busy={busy !== null} data-testid="mfa">
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
          <button type="button" class="primary" onClick={start} disabled={busy !== null}>
            {busy === "setup" ? t("account.busy") : t("mfa.setUp")}
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
          <button type="submit" class="primary" disabled={busy !== null}>
            {busy === "enable" ? t("account.busy") : t("mfa.enable")}
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
            <button type="submit" class="danger" disabled={busy !== null}>
              {busy === "disable" ? t("account.busy") : t("mfa.disable")}
            </button>
            <button
              type="button"
              disabled={busy !== null}
              onClick={(e) => renew((e.currentTarget as HTMLButtonElement).form)}
            >
              {busy === "renew" ? t("account.busy") : t("mfa.newCodes")}
            </button>
          </div>
        </form>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </section>
  );
}
