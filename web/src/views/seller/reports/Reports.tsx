import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { api, type Schemas, unwrap } from "../../../api/client";
import { useI18n } from "../../../i18n";
import { useRequiredSession } from "../../account/guard";
import { Loading, ProblemNotice } from "../../common/Status";
import { useAction } from "../../common/use-action";
import { useApi } from "../../common/use-api";
import { lastThirtyDays, saveText } from "../download";
import "../seller.css";

type Granularity = "day" | "week" | "month";
interface Query {
  from: string;
  to: string;
  granularity: Granularity;
}

/** /seller/:shopId/reports: sales by day, week or month, the top products, and the same as CSV. */
export function Reports() {
  const session = useRequiredSession();
  const { t } = useI18n();
  const { params } = useRoute();
  const shopId = params.shopId ?? "";
  const [draft, setDraft] = useState<Query>({ ...lastThirtyDays(), granularity: "day" });
  const [query, setQuery] = useState<Query>(draft);
  useEffect(() => {
    document.title = `${t("sellerReports.title")} · Tchat`;
  }, [t]);
  if (!session) return null;
  return (
    <section class="seller-page stack" aria-labelledby="reports-title">
      <p>
        <a href="/seller">{t("sellerEarnings.back")}</a>
      </p>
      <h1 id="reports-title">{t("sellerReports.title")}</h1>
      <form
        class="seller-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(draft);
        }}
      >
        <div class="field">
          <label for="report-from">{t("sellerEarnings.from")}</label>
          <input
            id="report-from"
            type="date"
            value={draft.from}
            onInput={(e) => setDraft((d) => ({ ...d, from: e.currentTarget.value }))}
          />
        </div>
        <div class="field">
          <label for="report-to">{t("sellerEarnings.to")}</label>
          <input
            id="report-to"
            type="date"
            value={draft.to}
            onInput={(e) => setDraft((d) => ({ ...d, to: e.currentTarget.value }))}
          />
        </div>
        <div class="field">
          <label for="report-granularity">{t("sellerReports.granularity")}</label>
          <select
            id="report-granularity"
            value={draft.granularity}
            onChange={(e) => setDraft((d) => ({ ...d, granularity: e.currentTarget.value as Granularity }))}
          >
            <option value="day">{t("sellerReports.day")}</option>
            <option value="week">{t("sellerReports.week")}</option>
            <option value="month">{t("sellerReports.month")}</option>
          </select>
        </div>
        <button type="submit">{t("sellerReports.show")}</button>
      </form>
      <ReportTables shopId={shopId} query={query} />
      <CsvDownload shopId={shopId} query={query} />
    </section>
  );
}

function ReportTables({ shopId, query }: { shopId: string; query: Query }) {
  const { t, fmt } = useI18n();
  const [report, reload] = useApi(
    () => unwrap(api.GET("/api/v1/shops/{id}/reports/sales", { params: { path: { id: shopId }, query } })),
    [shopId, query.from, query.to, query.granularity],
  );
  if (report.state === "loading") return <Loading />;
  if (report.state === "error") return <ProblemNotice problem={report.problem} onRetry={reload} />;
  // The JSON answer (the route also answers CSV, so the client types it as either).
  const { series, topProducts } = report.data as Schemas["SalesReport"];
  const sold = series.some((s) => s.orders > 0 || s.refunds.amount > 0);
  return (
    <>
      {!sold && <p>{t("sellerReports.none")}</p>}
      <ReportTable
        testId="report-series"
        head={t("sellerReports.period")}
        columns={[
          t("sellerReports.orders"),
          t("sellerReports.units"),
          t("sellerReports.revenue"),
          t("sellerReports.refunds"),
        ]}
        rows={series.map((s) => ({
          key: s.period,
          head: s.period,
          cells: [fmt.number(s.orders), fmt.number(s.units), fmt.money(s.revenue), fmt.money(s.refunds)],
        }))}
      />
      <h2>{t("sellerReports.top")}</h2>
      <ReportTable
        testId="report-top"
        head={t("sellerReports.product")}
        columns={[t("sellerReports.units"), t("sellerReports.revenue")]}
        rows={topProducts.map((p) => ({
          key: p.productId,
          head: <a href={`/p/${p.productId}`}>{p.name}</a>,
          cells: [fmt.number(p.units), fmt.money(p.revenue)],
        }))}
      />
    </>
  );
}

interface ReportRow {
  key: string;
  /** The row's header cell: a period or a product. */
  head: ComponentChildren;
  /** Figures, right-aligned, one per column. */
  cells: string[];
}

/** One report table: a header column, then figures; scrolls sideways on a phone. */
function ReportTable(props: { testId: string; head: string; columns: string[]; rows: ReportRow[] }) {
  return (
    <div class="seller-table-wrap">
      <table class="seller-table" data-testid={props.testId}>
        <thead>
          <tr>
            <th scope="col">{props.head}</th>
            {props.columns.map((label) => (
              <th scope="col" class="num" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.head}</th>
              {row.cells.map((cell, i) => (
                <td class="num" key={i}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CsvDownload({ shopId, query }: { shopId: string; query: Query }) {
  const { t } = useI18n();
  const { busy, problem, run } = useAction();
  const download = () =>
    run(async () => {
      const csv = await unwrap(
        api.GET("/api/v1/shops/{id}/reports/sales", {
          params: { path: { id: shopId }, query },
          headers: { Accept: "text/csv" },
          parseAs: "text",
        }),
      );
      saveText(csv as unknown as string, `sales-${query.from}-${query.to}-${query.granularity}.csv`);
    });
  return (
    <div class="stack">
      <button type="button" onClick={download} disabled={busy} aria-busy={busy} data-testid="report-csv">
        {busy ? t("sellerEarnings.downloading") : t("sellerReports.csv")}
      </button>
      {problem && <ProblemNotice problem={problem} />}
    </div>
  );
}
