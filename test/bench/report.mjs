// The bench's summary: each scenario as req/s, p50/p95/p99 and a fraction of the ceiling (the plain
// Worker measured in the same run), beside the previous figures: the last run's
// test-results/bench.json when there is one, else the figures issue 19 started from (BASELINE).
import { existsSync, readFileSync } from "node:fs";

/** Issue 19's "now" column (2 cores, 20 connections, 8 s): the baseline before any previous run exists. */
const BASELINE = {
  source: "issue 19 (before the performance work)",
  ceiling: 5321,
  scenarios: {
    ceiling: { rps: 5321 },
    health: { rps: 1384 },
    "products-list": { rps: 1327 },
    "product-detail": { rps: 826 },
    "cart-new": { rps: 185 },
    "cart-hot": { rps: 55, errors: 0 },
    "checkout-flow": { rps: 1000 / 75, p50: 75 },
  },
};

/** The previous figures: { source, ceiling, scenarios: { name: { rps, p50, p99, fraction, errors } } }. */
export function previousFigures(path) {
  if (!existsSync(path)) return BASELINE;
  try {
    const report = JSON.parse(readFileSync(path, "utf8"));
    const scenarios = {};
    for (const s of report.scenarios ?? []) {
      if (s.error || !s.requestsPerSecond) continue;
      scenarios[s.name] = {
        rps: s.requestsPerSecond.average,
        p50: s.latencyMs?.p50,
        p99: s.latencyMs?.p99,
        fraction: s.fractionOfCeiling,
        errors: s.non2xx,
      };
    }
    const ceiling = report.ceiling?.requestsPerSecond ?? scenarios.ceiling?.rps;
    if (!ceiling) return BASELINE;
    return { source: `previous run, ${report.finishedAt}`, ceiling, scenarios };
  } catch {
    return BASELINE;
  }
}

const pct = (f) => (Number.isFinite(f) ? `${(f * 100).toFixed(1)} %` : "");
const num = (n) => (Number.isFinite(n) ? String(Math.round(n * 10) / 10) : "");

/** Prints the summary table; `ceiling` is the req/s every fraction is of. */
export function printTable(rows, previous) {
  const header = ["scenario", "req/s", "of ceiling", "p50 ms", "p95 ms", "p99 ms", "errors", "before", "before %"];
  const body = rows.map((r) => {
    const before = previous.scenarios[r.name];
    const beforeFraction = before?.fraction ?? (before?.rps ? before.rps / previous.ceiling : undefined);
    if (r.error) return [r.name, "failed", "", "", "", "", "", num(before?.rps), pct(beforeFraction)];
    return [
      r.name + (r.unit ? ` (${r.unit}/s)` : ""),
      num(r.requestsPerSecond.average),
      pct(r.fractionOfCeiling),
      num(r.latencyMs.p50),
      num(r.latencyMs.p95),
      num(r.latencyMs.p99),
      String(r.non2xx + (r.unit ? 0 : r.errors)),
      num(before?.rps),
      pct(beforeFraction),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const row of body) console.log(line(row));
  console.log(`\n"before": ${previous.source}; its fraction is of its own ceiling (${num(previous.ceiling)} req/s).`);
}
