import { api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { usePagedApi } from "../common/use-api";
import { AlertRules } from "./AlertRules";
import { IncidentNotices } from "./IncidentNotices";
import { OpsLayout } from "./OpsLayout";

/** /ops/alerts: the alert rules editor, then the incidents the cron opened and resolved. */
export function Alerts() {
  return (
    <OpsLayout current="alerts">
      {() => (
        <>
          <AlertRules />
          <IncidentList />
        </>
      )}
    </OpsLayout>
  );
}

function IncidentList() {
  const { t, fmt } = useI18n();
  const { first, items, cursor, loadMore, loadingMore, problem, reload } = usePagedApi(
    (cursor) => unwrap(api.GET("/api/v1/admin/alerts/incidents", { params: { query: cursor ? { cursor } : {} } })),
    [],
  );
  return (
    <section aria-labelledby="ops-incidents-title">
      <h2 id="ops-incidents-title">{t("opsMetrics.incidents")}</h2>
      {first.state === "loading" && <Loading />}
      {first.state === "error" && <ProblemNotice problem={first.problem} onRetry={reload} />}
      {first.state === "ready" && items.length === 0 && <p class="status">{t("opsMetrics.noIncidents")}</p>}
      <ul class="ops-list">
        {items.map((incident) => (
          <li key={incident.id} class="ops-card" data-testid="ops-incident" data-id={incident.id}>
            <strong class={`ops-state ${incident.status === "open" ? "failed" : "ok"}`}>
              {incident.status === "open" ? t("opsMetrics.open") : t("opsMetrics.resolved")}
            </strong>{" "}
            {incident.ruleId}: {incident.metric} {incident.op} {incident.threshold} · {incident.windowMinutes} min
            <p>
              {t("opsMetrics.openedAt", {
                when: fmt.dateTime(incident.openedAt),
                value: fmt.number(incident.openedValue),
              })}
            </p>
            {incident.resolvedAt !== null && (
              <p>
                {t("opsMetrics.resolvedAt", {
                  when: fmt.dateTime(incident.resolvedAt),
                  value: fmt.number(incident.resolvedValue ?? 0),
                })}
              </p>
            )}
            <IncidentNotices incidentId={incident.id} />
          </li>
        ))}
      </ul>
      {problem && <ProblemNotice problem={problem} onRetry={() => void loadMore()} />}
      {cursor && (
        <button type="button" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? t("opsAdmin.working") : t("opsMetrics.more")}
        </button>
      )}
    </section>
  );
}
