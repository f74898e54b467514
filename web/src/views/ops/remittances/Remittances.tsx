import { useState } from "preact/hooks";
import { useI18n } from "../../../i18n";
import { Loading, ProblemNotice } from "../../common/Status";
import { usePagedApi } from "../../common/use-api";
import { OpsLayout } from "../OpsLayout";
import { MismatchReport } from "./MismatchReport";
import { loadRemittances } from "./remittance-api";
import { StatementForm } from "./StatementForm";

/**
 * /ops/remittances: the cash couriers collected on delivery and paid over (issue 17). Record a
 * courier's statement, open a recorded one to see each line against its order, and read the
 * mismatches of a period (parcels never remitted among them).
 */
export function Remittances() {
  const [version, setVersion] = useState(0);
  return (
    <OpsLayout current="remittances">
      {() => (
        <>
          <StatementForm onRecorded={() => setVersion((v) => v + 1)} />
          <RemittanceList key={version} />
          <MismatchReport key={`report-${version}`} />
        </>
      )}
    </OpsLayout>
  );
}

function RemittanceList() {
  const { t, fmt } = useI18n();
  const { first, items, cursor, loadMore, loadingMore, problem, reload } = usePagedApi(loadRemittances, []);
  if (first.state === "loading") return <Loading />;
  if (first.state === "error") return <ProblemNotice problem={first.problem} onRetry={reload} />;
  return (
    <section aria-labelledby="ops-cod-list">
      <h2 id="ops-cod-list">{t("opsCod.list")}</h2>
      {items.length === 0 && <p class="status">{t("opsCod.none")}</p>}
      <ul class="ops-list">
        {items.map((r) => (
          <li key={r.id} class="ops-card" data-testid="ops-remittance" data-id={r.id}>
            <a href={`/ops/remittances/${encodeURIComponent(r.id)}`}>
              {r.courier} · {r.reference}
            </a>
            <p>
              {fmt.money(r.total)} · {t("opsCod.lines", { count: fmt.number(r.itemCount) })} ·{" "}
              {t("opsCod.remittedOn", { when: fmt.dateTime(r.remittedAt) })}
            </p>
          </li>
        ))}
      </ul>
      {problem && <ProblemNotice problem={problem} />}
      {cursor && (
        <button type="button" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? t("opsCod.working") : t("opsCod.more")}
        </button>
      )}
    </section>
  );
}
