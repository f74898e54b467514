import { useEffect, useState } from "preact/hooks";
import { ApiProblem, api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { AlertRules } from "./AlertRules";
import { IncidentNotices } from "./IncidentNotices";
import { OpsLayout } from "./OpsLayout";

type Incident = Schemas["AlertIncident"];

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
  const [items, setItems] = useState<Incident[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const load = async (after: string | null) => {
    setBusy(true);
    setProblem(null);
    try {
      const query = after ? { cursor: after } : {};
      const page = await unwrap(api.GET("/api/v1/admin/alerts/incidents", { params: { query } }));
      setItems((before) => [...(after ? (before ?? []) : []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      if (err instanceof ApiProblem) setProblem(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load(null);
  }, []);
  return (
    <section aria-labelledby="ops-incidents-title">
      <h2 id="ops-incidents-title">{t("opsMetrics.incidents")}</h2>
      {problem && <ProblemNotice problem={problem} onRetry={() => void load(cursor)} />}
      {items === null && !problem && <Loading />}
      {items?.length === 0 && <p class="status">{t("opsMetrics.noIncidents")}</p>}
      <ul class="ops-list">
        {items?.map((incident) => (
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
      {cursor && (
        <button type="button" disabled={busy} onClick={() => void load(cursor)}>
          {busy ? t("opsAdmin.working") : t("opsMetrics.more")}
        </button>
      )}
    </section>
  );
}
