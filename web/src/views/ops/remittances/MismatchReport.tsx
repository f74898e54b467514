import { useState } from "preact/hooks";
import { useI18n } from "../../../i18n";
import type { MessageKey } from "../../../i18n/messages";
import { Loading, ProblemNotice } from "../../common/Status";
import { useAction } from "../../common/use-action";
import { useApi } from "../../common/use-api";
import { saveText } from "../../seller/download";
import { loadReport, reportCsv } from "./remittance-api";

const DAY_MS = 86_400_000;

/** The report's filters as the form holds them: a day (YYYY-MM-DD, UTC) and a courier id or "". */
interface Filters {
  since: string;
  courier: string;
}

const asQuery = (f: Filters) => ({
  since: new Date(`${f.since}T00:00:00Z`).toISOString(),
  ...(f.courier.trim() ? { courier: f.courier.trim() } : {}),
});

/**
 * The mismatch report of a period: delivered COD parcels and remittance lines that do not match
 * (never remitted, short or over paid, remitted twice, unknown tracking numbers...), as a table or
 * as the CSV the API writes.
 */
export function MismatchReport() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>({
    since: new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10),
    courier: "",
  });
  const [filters, setFilters] = useState(draft);
  const { busy, problem, run } = useAction();
  const download = () =>
    run(async () => saveText(await reportCsv(asQuery(filters)), `cod-mismatches-${filters.since}.csv`));
  return (
    <section aria-labelledby="ops-cod-report">
      <h2 id="ops-cod-report">{t("opsCod.report")}</h2>
      <p>{t("opsCod.reportHelp")}</p>
      <form
        class="ops-form"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <label for="ops-cod-since">{t("opsCod.since")}</label>
        <input
          id="ops-cod-since"
          type="date"
          required
          value={draft.since}
          onInput={(e) => setDraft({ ...draft, since: e.currentTarget.value })}
        />
        <label for="ops-cod-report-courier">{t("opsCod.courierFilter")}</label>
        <input
          id="ops-cod-report-courier"
          value={draft.courier}
          maxLength={40}
          onInput={(e) => setDraft({ ...draft, courier: e.currentTarget.value })}
        />
        <button type="submit">{t("opsCod.show")}</button>
        <button type="button" disabled={busy} onClick={() => void download()}>
          {busy ? t("opsCod.working") : t("opsCod.download")}
        </button>
      </form>
      {problem && <ProblemNotice problem={problem} />}
      <ReportTable key={JSON.stringify(filters)} filters={filters} />
    </section>
  );
}

function ReportTable({ filters }: { filters: Filters }) {
  const { t, fmt } = useI18n();
  const [report, reload] = useApi(() => loadReport(asQuery(filters)), [filters]);
  if (report.state === "loading") return <Loading />;
  if (report.state === "error") return <ProblemNotice problem={report.problem} onRetry={reload} />;
  const { matched, items } = report.data;
  return (
    <>
      <p class="status" data-testid="ops-cod-matched">
        {t("opsCod.matchedCount", { count: fmt.number(matched) })}
      </p>
      {items.length === 0 ? (
        <p class="status">{t("opsCod.noMismatches")}</p>
      ) : (
        <table class="ops-table">
          <thead>
            <tr>
              <th scope="col">{t("opsCod.result")}</th>
              <th scope="col">{t("opsCod.trackingNumber")}</th>
              <th scope="col">{t("opsCod.order")}</th>
              <th scope="col">{t("opsCod.expected")}</th>
              <th scope="col">{t("opsCod.amount")}</th>
              <th scope="col">{t("opsCod.inRemittances")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={`${m.courier}|${m.trackingNumber}`} data-testid="ops-cod-mismatch" data-kind={m.kind}>
                <td class="ops-state failed">{t(`opsCod.result.${m.kind}` as MessageKey)}</td>
                <td>
                  {m.courier} · {m.trackingNumber}
                </td>
                <td>{m.orderId ?? "—"}</td>
                <td>{m.expected ? fmt.money(m.expected) : "—"}</td>
                <td>{m.remitted ? fmt.money(m.remitted) : "—"}</td>
                <td>{m.remittances.join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
