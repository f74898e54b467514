import { api } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading } from "../common/Status";
import { useApi } from "../common/use-api";
import { OpsLayout } from "./OpsLayout";

/** /ops: the platform's readiness, check by check (D1, R2, KV, queues...), as GET /ready reports it. */
export function OpsHome() {
  return <OpsLayout current="">{() => <Readiness />}</OpsLayout>;
}

function Readiness() {
  const { t, fmt } = useI18n();
  // /ready answers 503 with the same body when a check fails: both are an answer to show.
  const [ready, reload] = useApi(async () => {
    const { data, error } = await api.GET("/ready");
    return data ?? (error as unknown as typeof data) ?? null;
  }, []);
  if (ready.state === "loading") return <Loading />;
  const answer = ready.state === "ready" ? ready.data : null;
  return (
    <div class="ops-health">
      <h2>
        {t("ops.health")}:{" "}
        <span class={`ops-state ${answer?.status ?? "not_ready"}`} data-testid="ops-readiness">
          {answer?.status === "ready" ? t("ops.ready") : t("ops.notReady")}
        </span>
      </h2>
      {answer?.checks && (
        <table class="ops-table">
          <thead>
            <tr>
              <th scope="col">{t("ops.check")}</th>
              <th scope="col">{t("ops.status")}</th>
              <th scope="col">{t("ops.latency")}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(answer.checks).map(([name, check]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td class={`ops-state ${check.status}`}>
                  {check.status === "ok" ? t("ops.ok") : (check.error ?? t("ops.failed"))}
                </td>
                <td>{t("ops.ms", { ms: fmt.number(Math.round(check.latencyMs)) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={reload}>
        {t("ops.refresh")}
      </button>
    </div>
  );
}
