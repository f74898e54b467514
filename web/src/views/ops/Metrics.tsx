import { useEffect, useState } from "preact/hooks";
import { ApiProblem, api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { type ChartLine, MetricChart } from "./MetricChart";
import { OpsLayout } from "./OpsLayout";

type Metrics = components["schemas"]["Metrics"];
type Point = Metrics["series"][number];

/** The range picker's choices: how far back, and the bucket size that keeps each chart readable. */
const RANGES = {
  hour: { ms: 3_600_000, granularity: "minute", labelKey: "opsMetrics.lastHour" },
  day: { ms: 86_400_000, granularity: "hour", labelKey: "opsMetrics.lastDay" },
  week: { ms: 7 * 86_400_000, granularity: "day", labelKey: "opsMetrics.lastWeek" },
} as const;
type Range = keyof typeof RANGES;

/** Often enough that the charts visibly move while a load script runs. */
const REFRESH_MS = 10_000;

/** /ops/metrics: request and business charts from GET /api/v1/admin/metrics, refreshed every 10 s. */
export function Metrics() {
  return <OpsLayout current="metrics">{() => <MetricsPanel />}</OpsLayout>;
}

function MetricsPanel() {
  const { t } = useI18n();
  const [range, setRange] = useState<Range>("hour");
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  useEffect(() => {
    let current = true;
    const load = async () => {
      const to = new Date();
      const from = new Date(to.getTime() - RANGES[range].ms);
      const query = { from: from.toISOString(), to: to.toISOString(), granularity: RANGES[range].granularity };
      try {
        const data = await unwrap(api.GET("/api/v1/admin/metrics", { params: { query } }));
        if (current) {
          setMetrics(data);
          setProblem(null);
        }
      } catch (err) {
        if (!current) return;
        if (err instanceof ApiProblem) setProblem(err);
        else throw err;
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [range]);

  return (
    <div class="ops-metrics">
      <label>
        {t("opsMetrics.range")}{" "}
        <select value={range} onChange={(e) => setRange((e.target as HTMLSelectElement).value as Range)}>
          {(Object.keys(RANGES) as Range[]).map((key) => (
            <option key={key} value={key}>
              {t(RANGES[key].labelKey)}
            </option>
          ))}
        </select>
      </label>
      <p class="status">{t("opsMetrics.autoRefresh")}</p>
      {problem && <ProblemNotice problem={problem} />}
      {!metrics && !problem && <Loading />}
      {metrics && <MetricsCharts metrics={metrics} />}
    </div>
  );
}

const BLUE = "#1565c0";
const RED = "#c62828";
const GREEN = "#2e7d32";

function MetricsCharts({ metrics }: { metrics: Metrics }) {
  const { t, fmt } = useI18n();
  const times = metrics.series.map((point) => Math.floor(Date.parse(point.at) / 1000));
  const line = (label: string, pick: (p: Point) => number | null, color = BLUE): ChartLine => ({
    label,
    color,
    values: metrics.series.map(pick),
  });
  const percent = (value: number | null) =>
    value === null ? t("opsMetrics.notApplicable") : `${fmt.number(Math.round(value * 1000) / 10)}%`;
  // The text alternative: each line's last bucket, in words.
  const summary = (title: string, lines: ChartLine[], show = (n: number) => fmt.number(n)) => {
    const last = lines.map((l) => ({ label: l.label, value: l.values[l.values.length - 1] ?? null }));
    if (last.every((l) => l.value === null)) return t("opsMetrics.noData", { name: title });
    const value = last.map((l) => `${lines.length > 1 ? `${l.label} ` : ""}${l.value === null ? "—" : show(l.value)}`);
    return t("opsMetrics.latest", { name: title, value: value.join(", ") });
  };
  const chart = (title: string, lines: ChartLine[], show?: (n: number) => string) => (
    <MetricChart key={title} title={title} times={times} lines={lines} summary={summary(title, lines, show)} />
  );
  const currencies = [...new Set(metrics.series.flatMap((p) => p.revenue.map((m) => m.currency)))].sort();
  const totalRequests = metrics.series.reduce((sum, p) => sum + p.requests, 0);
  return (
    <>
      <dl class="ops-figures">
        <div>
          <dt>{t("opsMetrics.requests")}</dt>
          <dd data-testid="ops-metric-requests">{fmt.number(totalRequests)}</dd>
        </div>
        <div>
          <dt>{t("opsMetrics.queueBacklog")}</dt>
          <dd>{fmt.number(metrics.queues.backlog)}</dd>
        </div>
        <div>
          <dt>{t("opsMetrics.deadLetters")}</dt>
          <dd>{fmt.number(metrics.queues.deadLetters)}</dd>
        </div>
        <div>
          <dt>{t("opsMetrics.conversion")}</dt>
          <dd>{percent(metrics.funnel.conversion)}</dd>
        </div>
        <div>
          <dt>{t("opsMetrics.cartAbandonment")}</dt>
          <dd>{percent(metrics.funnel.cartAbandonment)}</dd>
        </div>
      </dl>
      <div class="ops-charts">
        {chart(t("opsMetrics.requests"), [line(t("opsMetrics.requests"), (p) => p.requests)])}
        {chart(t("opsMetrics.errorRate"), [line(t("opsMetrics.errorRate"), (p) => p.errorRate, RED)], percent)}
        {chart(t("opsMetrics.latency"), [
          line("p50", (p) => p.p50Ms, GREEN),
          line("p95", (p) => p.p95Ms),
          line("p99", (p) => p.p99Ms, RED),
        ])}
        {chart(t("opsMetrics.orders"), [line(t("opsMetrics.orders"), (p) => p.orders)])}
        {currencies.map((currency) => {
          const amount = (p: Point) => p.revenue.find((m) => m.currency === currency)?.amount ?? 0;
          const title = t("opsMetrics.revenue", { currency });
          return chart(title, [line(title, amount, GREEN)], (n) => fmt.money({ amount: n, currency }));
        })}
        {currencies.length === 0 && <p class="status">{t("opsMetrics.noRevenue")}</p>}
        {chart(t("opsMetrics.payments"), [
          line(t("opsMetrics.succeeded"), (p) => p.paymentsSucceeded, GREEN),
          line(t("opsMetrics.failed"), (p) => p.paymentsFailed, RED),
        ])}
        {chart(t("opsMetrics.chatMessages"), [line(t("opsMetrics.chatMessages"), (p) => p.chatMessages)])}
        {chart(t("opsMetrics.notifications"), [
          line(t("opsMetrics.sent"), (p) => p.notificationsSent, GREEN),
          line(t("opsMetrics.failed"), (p) => p.notificationsFailed, RED),
        ])}
      </div>
    </>
  );
}
