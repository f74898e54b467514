// The bench's reports, beside the previous figures (the last full run's test-results/bench.json when there
// is one, else the figures issue 19 started from, BASELINE):
//   - printTable: every scenario as req/s, p50/p95/p99, a fraction of the ceiling (the plain Worker
//     measured in the same run) and of its bound (the plain Worker plus the primitives it needs);
//   - buildSummary / summaryMarkdown: issue 19's table, one row per row of the issue with its target
//     and a "met?" computed from the figures (issue19.mjs), and the machine with its load average at
//     the start and the end; Markdown the README takes as it is.
import { existsSync, readFileSync } from "node:fs";
import { ISSUE_ROWS } from "./issue19.mjs";
import { PRIMITIVES } from "./primitives.mjs";

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
    search: { p50: 800 },
    "reserve-pair": { shardRatio: 0.56 },
    notifications: { rps: 93 },
    chat: { p99: 70 },
  },
};

/** The previous figures: { source, ceiling, scenarios: { name: { rps, p50, p95, p99, fraction, errors, … } } }. */
export function previousFigures(path) {
  if (!existsSync(path)) return BASELINE;
  try {
    return figuresOf(JSON.parse(readFileSync(path, "utf8"))) ?? BASELINE;
  } catch {
    return BASELINE;
  }
}

/** A bench.json report as previous figures (null if it has no ceiling). */
export function figuresOf(report) {
  const scenarios = {};
  for (const s of report.scenarios ?? []) {
    if (s.error || !s.requestsPerSecond) continue;
    scenarios[s.name] = {
      rps: s.requestsPerSecond.average,
      p50: s.latencyMs?.p50,
      p95: s.latencyMs?.p95,
      p99: s.latencyMs?.p99,
      fraction: s.fractionOfCeiling,
      fractionOfBound: s.fractionOfBound,
      errors: s.non2xx,
      ...(s.shardRatio ? { shardRatio: s.shardRatio.deep } : {}),
      ...(s.chat ? { chatRate: s.chat.latencyPhase?.rate } : {}),
    };
  }
  const ceiling = report.ceiling?.requestsPerSecond ?? scenarios.ceiling?.rps;
  if (!ceiling) return null;
  return { source: `previous run, ${report.finishedAt}`, ceiling, scenarios };
}

export const pct = (f) => (Number.isFinite(f) ? `${(f * 100).toFixed(1)} %` : "");
export const num = (n) => (Number.isFinite(n) ? String(Math.round(n * 10) / 10) : "");

/** Prints the table of every scenario; each fraction is of its ceiling (before and after it, idle) or bound (before it). */
export function printTable(rows, previous) {
  const header = ["scenario", "req/s", "of ceiling", "of bound", "p50 ms", "p95 ms", "p99 ms", "errors", "before"];
  const header2 = ["before %"];
  const body = rows.map((r) => {
    const before = previous.scenarios[r.name];
    const beforeFraction = before?.fraction ?? (before?.rps ? before.rps / previous.ceiling : undefined);
    if (r.error) return [r.name, "failed", "", "", "", "", "", "", num(before?.rps), pct(beforeFraction)];
    return [
      r.name + (r.unit ? ` (${r.unit}/s)` : ""),
      num(r.requestsPerSecond.average),
      pct(r.fractionOfCeiling),
      pct(r.fractionOfBound),
      num(r.latencyMs.p50),
      num(r.latencyMs.p95),
      num(r.latencyMs.p99),
      String(r.non2xx + (r.unit ? 0 : r.errors)),
      num(before?.rps),
      pct(beforeFraction),
    ];
  });
  const all = [...header, ...header2];
  const widths = all.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(all));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const row of body) console.log(line(row));
  console.log(
    `\n"of bound": of the plain Worker plus the primitives one request needs (scenarios.mjs \`needs\`, primitives.mjs).` +
      `\n"before": ${previous.source}; its fraction is of its own ceiling (${num(previous.ceiling)} req/s).`,
  );
}

/** Prints the `ceilings` scenario: each primitive's req/s, and what it costs beyond the plain Worker. */
export function printCeilings({ connections, seconds, primitives, loadAverage }) {
  const ceilingRps = primitives.ceiling.requestsPerSecond;
  console.log(
    `Ceilings per primitive (${connections} connections, ${seconds} s each, load average ${loadAverage.join(" → ")}):`,
  );
  for (const [name, m] of Object.entries(primitives)) {
    const extra = name === "ceiling" ? "" : `, +${((1 / m.requestsPerSecond - 1 / ceilingRps) * 1000).toFixed(2)} ms`;
    console.log(
      `  ${name.padEnd(13)} ${String(m.requestsPerSecond).padStart(8)} req/s (${pct(m.requestsPerSecond / ceilingRps)} of the plain Worker${extra})` +
        `  p50 ${m.p50} ms  p99 ${m.p99} ms  ${PRIMITIVES[name]?.title ?? "the plain Worker"}`,
    );
  }
  console.log();
}

// ---------------------------------------------------------------- issue 19's summary

const thousands = (n) =>
  Number.isFinite(n) ? (Math.round(n * 10) / 10).toLocaleString("en-US", { maximumFractionDigits: 1 }) : "";

/** The previous figures of one issue row, as one short text ("1,327 req/s (25.0 %), p99 140 ms"). */
function previousText(def, before, previous) {
  if (!before) return "–";
  const parts = [];
  if (def.shardRatio) {
    if (Number.isFinite(before.shardRatio)) parts.push(`${before.shardRatio}×`);
  } else if (Number.isFinite(before.rps)) {
    const fraction = before.fraction ?? (def.scenario === "ceiling" ? undefined : before.rps / previous.ceiling);
    parts.push(
      `${thousands(before.rps)} ${def.unit ?? "req/s"}${def.fractionTarget && fraction ? ` (${pct(fraction)})` : ""}`,
    );
  }
  for (const p of ["p50", "p95", "p99"])
    if (def.latency?.includes(p) && Number.isFinite(before[p])) parts.push(`${p} ${thousands(before[p])} ms`);
  return parts.join(", ") || "–";
}

/** One issue row from this run's scenarios: its figures, its checks and whether it is met. */
function summaryRow(def, byName, previous) {
  const s = byName.get(def.scenario);
  const row = { issueRow: def.label, scenario: def.scenario, target: def.target };
  row.previous = previousText(def, previous.scenarios[def.scenario], previous);
  if (!s || s.error) return { ...row, met: s ? "failed" : "not run", failed: s?.error ? [s.error] : [] };
  Object.assign(row, {
    unit: def.unit ?? "req/s",
    requestsPerSecond: s.requestsPerSecond?.average ?? null,
    fractionOfCeiling: def.scenario === "ceiling" ? 1 : (s.fractionOfCeiling ?? null),
    fractionOfBound: s.fractionOfBound ?? null,
    bound: s.bound ?? null,
    needs: s.needs ?? null,
    latencyMs: { p50: s.latencyMs?.p50 ?? null, p95: s.latencyMs?.p95 ?? null, p99: s.latencyMs?.p99 ?? null },
    errors: (s.non2xx ?? 0) + (s.unit ? 0 : (s.errors ?? 0)),
  });
  const checks = def.checks.map((check) => {
    const other = check.scenario ? byName.get(check.scenario) : s;
    const value = other && !other.error ? check.value(other) : null;
    const ok = Number.isFinite(value) ? check.ok(value) : null;
    return {
      what: check.what,
      value,
      ok,
      text: Number.isFinite(value) ? check.text(value) : `${check.what}: not measured`,
    };
  });
  row.checks = checks;
  if (checks.length === 0) row.met = "–";
  else if (checks.every((c) => c.ok === true)) row.met = "yes";
  else row.met = checks.some((c) => c.ok === false) ? "no" : "not measured";
  row.failed = checks.filter((c) => c.ok !== true).map((c) => c.text);
  return row;
}

/** Issue 19's summary of a bench.json report: { machine, rows, previous } (rows: summaryRow's). */
export function buildSummary(report, previous) {
  const byName = new Map((report.scenarios ?? []).map((s) => [s.name, s]));
  const m = report.machine ?? {};
  return {
    finishedAt: report.finishedAt,
    machine: {
      cores: m.cores,
      cpuModel: m.cpuModel,
      platform: m.platform,
      loadAverageAtStart: m.loadAverageAtStart,
      loadAverageAtEnd: report.loadAverageAtEnd,
    },
    settings: { connections: report.settings?.connections, durationSeconds: report.settings?.durationSeconds },
    ceiling: report.ceiling?.requestsPerSecond ?? null,
    previous: previous.source,
    rows: ISSUE_ROWS.map((def) => summaryRow(def, byName, previous)),
  };
}

const cell = (text) => String(text).replaceAll("|", "\\|");

/** The summary as Markdown: a line on the machine and its load, then the table. */
export function summaryMarkdown(summary) {
  const m = summary.machine;
  const load = (l) => (Array.isArray(l) ? l[0] : "?");
  const lines = [
    `\`npm run bench\`, ${summary.finishedAt?.slice(0, 16).replace("T", " ")} UTC: ${m.cores} cores (${m.cpuModel}), ` +
      `load average ${load(m.loadAverageAtStart)} at the start, ${load(m.loadAverageAtEnd)} at the end; ` +
      `${summary.settings.connections} connections unless noted, ${summary.settings.durationSeconds} s each; ` +
      `plain Worker ${thousands(summary.ceiling)} req/s (mean of its runs: in turns with each row, or before and after it, workerd idle first). ` +
      `"of its bound": of the plain Worker plus the platform primitives one request needs, measured just before it. ` +
      `"previous": ${summary.previous}.`,
    "",
    "| issue 19 row | target | req/s | of plain Worker | of its bound | p50 / p95 / p99 ms | errors | previous | met? |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  for (const r of summary.rows) {
    const ran = r.met !== "not run" && r.met !== "failed";
    const lat = ran
      ? [r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99].map((v) => thousands(v) || "–").join(" / ")
      : "";
    const evidence = r.met === "yes" ? r.checks.map((c) => c.text) : r.failed;
    const met = evidence?.length > 0 && r.met !== "failed" ? `${r.met}: ${evidence.join("; ")}` : r.met;
    const rate =
      ran && Number.isFinite(r.requestsPerSecond)
        ? `${thousands(r.requestsPerSecond)}${r.unit === "req/s" ? "" : ` ${r.unit}`}`
        : "";
    lines.push(
      `| ${[
        r.issueRow,
        r.target,
        rate,
        ran ? (r.unit === "req/s" && pct(r.fractionOfCeiling)) || "–" : "",
        ran ? pct(r.fractionOfBound) || "–" : "",
        lat,
        ran ? thousands(r.errors) : "",
        r.previous,
        met,
      ]
        .map(cell)
        .join(" | ")} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
