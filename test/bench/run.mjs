// `npm run bench [-- <scenario> ...]`: serves the Worker through Miniflare (workerd) directly and
// loads each scenario with autocannon. Prints requests/s and latency percentiles per scenario, each
// as a fraction of the ceiling (a plain Worker on the same Miniflare at the same connections, once
// workerd is idle: alternated with the scenario in slices, or for a scenario with its own runner
// measured right before and right after it, the mean of the two) and of its bound (what the platform itself can do for that request
// here: the plain Worker plus the primitives the scenario declares, measured right before it;
// primitives.mjs), a table of every scenario and issue 19's summary
// (target, met?) beside the previous figures (report.mjs: the last full run's), and writes
// test-results/bench.json (a full run) or test-results/bench-partial.json (some scenarios).
// `npm run bench -- ceilings` measures the plain Worker and every primitive alone.
//
//   BENCH_DURATION     seconds measured per scenario (default 8)
//   BENCH_CONNECTIONS  concurrent connections (default 20)
//   BENCH_WARMUP       seconds of unmeasured load before each scenario (default 2, 0 = none)
//   BENCH_VARS         Worker variables over the defaults METRICS_LOCAL_SINK=false,ACCESS_LOG=false
//                      (production's), e.g. BENCH_VARS="METRICS_LOCAL_SINK=true" (server.mjs)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { createLoad, preflight, requestOf, round } from "./load.mjs";
import { boundOf, describeNeeds } from "./primitives.mjs";
import { buildSummary, previousFigures, printCeilings, printTable, summaryMarkdown } from "./report.mjs";
import { scenarios as allScenarios } from "./scenarios.mjs";
import { benchVars, createServer, ROOT } from "./server.mjs";
import { settle } from "./workerd-cpu.mjs";

const TARGET = "Miniflare (workerd) directly, no wrangler dev proxy";
const RESULTS_PATH = join(ROOT, "test-results/bench.json");

if (Number(process.versions.node.split(".")[0]) < 22) {
  console.error(`Node ${process.versions.node} is too old for workerd tooling; run \`npm run bench\` (Node 22).`);
  process.exit(1);
}

function numberFromEnv(name, fallback, { min = 0 } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    console.error(`${name}=${raw} is not a number ≥ ${min}`);
    process.exit(2);
  }
  return value;
}

const settings = {
  durationSeconds: numberFromEnv("BENCH_DURATION", 8, { min: 1 }),
  connections: Math.floor(numberFromEnv("BENCH_CONNECTIONS", 20, { min: 1 })),
  warmupSeconds: numberFromEnv("BENCH_WARMUP", 2, { min: 0 }),
};

// ---------------------------------------------------------------- which scenarios
const args = process.argv.slice(2);
if (args.includes("--list") || args.includes("--help")) {
  console.log("scenarios:");
  for (const s of allScenarios)
    console.log(`  ${s.name.padEnd(16)} ${s.title}${s.needs ? `; bound: ${describeNeeds(s.needs)}` : ""}`);
  console.log("\nnpm run bench [-- <name> ...]   env: BENCH_DURATION, BENCH_CONNECTIONS, BENCH_WARMUP, BENCH_VARS");
  process.exit(0);
}
const unknown = args.filter((a) => !allScenarios.some((s) => s.name === a));
if (unknown.length > 0) {
  console.error(`unknown scenario(s): ${unknown.join(", ")}; known: ${allScenarios.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
// The ceiling is measured with each scenario, at its connections, once workerd is idle (a
// scenario's after-work runs for seconds: workerd-cpu.mjs), in turns with it or around it (the
// machine's speed swings within minutes), and each scenario is shown as a fraction of it.
const ceilingScenario = allScenarios.find((s) => s.name === "ceiling");
const scenarios = (args.length > 0 ? allScenarios.filter((s) => args.includes(s.name)) : allScenarios).filter(
  (s) => s !== ceilingScenario,
);
const CEILING_SECONDS = Math.min(settings.durationSeconds, 4);
const loader = createLoad(settings, { plainSeconds: CEILING_SECONDS, ceilingPath: ceilingScenario.path });
const { cannon, measureAlternating, measureCeiling, measurePrimitives, measureCeilings } = loader;
// An autocannon scenario's seconds are split into this many slices, each after a slice of the ceiling.
const ROUNDS = 4;

// ---------------------------------------------------------------- helpers
function version(pkg) {
  try {
    return JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
}

/**
 * A scenario's ceiling: the plain Worker measured before it and after it (each once workerd was
 * idle), as their mean, with both runs and the idle waits kept.
 */
function meanCeiling(before, after, settled) {
  const mean = (key) => round((before[key] + after[key]) / 2, 1);
  return {
    connections: before.connections,
    requestsPerSecond: mean("requestsPerSecond"),
    p50: mean("p50"),
    p95: mean("p95"),
    p99: mean("p99"),
    runs: [before.requestsPerSecond, after.requestsPerSecond],
    settled,
  };
}

/**
 * One scenario's load and its ceiling, once workerd is idle: an autocannon scenario alternates with
 * the plain Worker (load.mjs measureAlternating); a scenario with its own runner is bracketed by the
 * plain Worker before and after it (the mean of the two). The primitives of its bound are measured
 * before it. Null when interrupted.
 */
async function measureScenario(scenario, baseUrl, request, connections, prepared) {
  const settledBefore = await settle();
  const primitives = await measurePrimitives(baseUrl, connections, scenario.needs);
  if (!scenario.run) {
    const status = await preflight(baseUrl, request);
    if (status < 200 || status > 299)
      console.log(`  warning: a single ${request.method} ${request.path} answered ${status}`);
    if (settings.warmupSeconds > 0) await cannon(baseUrl, request, settings.warmupSeconds, undefined, connections);
    const { metrics, ceiling } = await measureAlternating(baseUrl, request, connections, ROUNDS);
    return { metrics, ceiling: { ...ceiling, settled: [settledBefore] }, primitives };
  }
  const before = await measureCeiling(baseUrl, connections);
  const metrics = await scenario.run({ baseUrl, ...settings, prepared });
  if (interrupted) return null;
  // The ceiling again once the scenario's after-work is done: the mean of the two cancels the
  // machine's drift over the scenario's seconds.
  const settledAfter = await settle();
  const after = await measureCeiling(baseUrl, connections);
  return { metrics, ceiling: meanCeiling(before, after, [settledBefore, settledAfter]), primitives };
}

/** How a scenario's ceiling was measured, for its line. */
function ceilingText(ceiling) {
  const waits = ceiling.settled.map((w) => `${w.seconds}s${w.settled === false ? " (still busy)" : ""}`);
  const how = ceiling.rounds
    ? `alternated with it in ${ceiling.rounds} rounds: ${ceiling.runs.join(", ")}`
    : `${ceiling.runs.join(" before, ")} after`;
  return `${how}; waited for idle ${waits.join(", ")}`;
}

/** The ceiling row: the mean of the ceiling measurements taken at the default connections. */
function ceilingRow(results) {
  const runs = [ceilings?.primitives.ceiling, ...results.map((r) => r.ceiling)].filter(
    (c) => c?.connections === settings.connections,
  );
  if (runs.length === 0) return null;
  const mean = (pick) => round(runs.reduce((a, r) => a + pick(r), 0) / runs.length, 1);
  const each = runs.flatMap((r) => r.runs ?? [r.requestsPerSecond]);
  return {
    name: "ceiling",
    title: ceilingScenario.title,
    requestsPerSecond: { average: mean((r) => r.requestsPerSecond) },
    latencyMs: { p50: mean((r) => r.p50), p95: mean((r) => r.p95), p99: mean((r) => r.p99) },
    fractionOfCeiling: 1,
    non2xx: 0,
    errors: 0,
    runs: each,
  };
}

function finish(baseUrl, results) {
  const ceiling = ceilingRow(results);
  const rows = ceiling ? [ceiling, ...results] : results;
  const load = os.loadavg().map((l) => l.toFixed(2));
  if (ceilings) printCeilings(ceilings);
  console.log(
    `Summary: ${TARGET}; ${machine.cores} cores (${machine.cpuModel}); load average ${load.join(" ")} (at start ${machine.loadAverageAtStart.join(" ")});` +
      ` ${settings.connections} connections unless noted; ${settings.durationSeconds}s each;` +
      ` ceiling ${ceiling?.requestsPerSecond.average} req/s at ${settings.connections} connections (runs: ${ceiling?.runs.join(", ")})`,
  );
  printTable(rows, previous);

  const report = {
    target: TARGET,
    finishedAt: new Date().toISOString(),
    baseUrl,
    machine,
    versions,
    settings: { ...settings, vars, latency: "nearest-rank percentiles over every response, in ms" },
    loadAverageAtEnd: load,
    ceiling: ceiling && { requestsPerSecond: ceiling.requestsPerSecond.average, runs: ceiling.runs },
    ceilings,
    previous: previous.source,
    scenarios: rows,
  };
  report.summary = buildSummary(report, previous);
  report.summary.markdown = summaryMarkdown(report.summary);
  console.log(`\nIssue 19, as the README shows it:\n\n${report.summary.markdown}`);
  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  // Only a full run becomes the next run's "previous": a run of some scenarios (or of the ceilings
  // alone) is compared with the last full run and written beside it, so it never hides its figures.
  const path =
    results.length === 0
      ? join(ROOT, "test-results/bench-ceilings.json")
      : args.length === 0
        ? RESULTS_PATH
        : join(ROOT, "test-results/bench-partial.json");
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${path}`);
}

// ---------------------------------------------------------------- main
const machine = {
  cores: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model?.trim() ?? "?",
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
  loadAverageAtStart: os.loadavg().map((l) => l.toFixed(2)),
};
const previous = previousFigures(RESULTS_PATH);
let vars;
try {
  vars = benchVars();
} catch (err) {
  console.error(err.message);
  process.exit(2);
}
const versions = {
  node: process.versions.node,
  wrangler: version("wrangler"),
  miniflare: version("miniflare"),
  workerd: version("workerd"),
  autocannon: version("autocannon"),
};

console.log(`Target: ${TARGET}`);
console.log(
  `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.platform}, ${machine.totalMemoryGiB} GiB, load average ${machine.loadAverageAtStart.join(" ")}`,
);
console.log(
  `Load: autocannon in this process, ${settings.connections} connections, ${settings.warmupSeconds}s warm-up + ${settings.durationSeconds}s per scenario` +
    ` (load generator and workerd share the ${machine.cores} cores)`,
);
console.log(
  `Versions: node ${versions.node}, wrangler ${versions.wrangler}, miniflare ${versions.miniflare}, workerd ${versions.workerd}`,
);
console.log(
  `Vars: ${Object.entries(vars)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ")} (over .dev.vars.example; production's by default, BENCH_VARS overrides)`,
);
console.log(`Scenarios: ${scenarios.map((s) => s.name).join(", ")}`);
console.log(`Previous figures: ${previous.source}\n`);

const server = createServer({ vars });
let interrupted = false;
const shutdown = async (signal) => {
  if (interrupted) return;
  interrupted = true;
  console.error(`\n${signal}: stopping`);
  loader.stop();
  await server.stop().catch(() => {});
  process.exit(130);
};
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));

const results = [];
let ceilings = null;
let exitCode = 0;

try {
  const started = Date.now();
  process.stdout.write("› bundling the Worker (wrangler deploy --dry-run) and starting Miniflare… ");
  const { baseUrl, migrations } = await server.start();
  console.log(`up in ${((Date.now() - started) / 1000).toFixed(1)}s at ${baseUrl}`);
  console.log(`  state: ${server.stateDir} (fresh), migrations applied: ${migrations.join(", ")}\n`);

  for (const scenario of scenarios) {
    if (interrupted) break;
    if (scenario.ceilings) {
      console.log(`▸ ${scenario.name}: ${scenario.title}`);
      ceilings = await measureCeilings(baseUrl);
      printCeilings(ceilings);
      continue;
    }
    const entry = { name: scenario.name, title: scenario.title };
    console.log(`▸ ${scenario.name}: ${scenario.title}`);
    try {
      const prepared = (await scenario.setup?.(baseUrl, { mf: server.mf })) ?? {};
      const connections = scenario.connections ?? settings.connections;
      const request = requestOf(scenario, prepared);
      Object.assign(entry, { method: request.method, path: request.path });
      const logsBefore = { ...server.workerLogs };
      const measured = await measureScenario(scenario, baseUrl, request, connections, prepared);
      if (interrupted || !measured) break;
      const { metrics, ceiling, primitives } = measured;
      const bound = scenario.needs
        ? boundOf(
            ceiling.requestsPerSecond,
            Object.fromEntries(Object.entries(primitives).map(([n, m]) => [n, m.requestsPerSecond])),
            scenario.needs,
          )
        : null;
      Object.assign(entry, metrics, {
        ceiling,
        fractionOfCeiling: round(metrics.requestsPerSecond.average / ceiling.requestsPerSecond, 4),
        ...(scenario.needs && {
          needs: scenario.needs,
          primitives,
          bound: round(bound, 1),
          fractionOfBound: bound ? round(metrics.requestsPerSecond.average / bound, 4) : null,
        }),
        workerLogged: {
          warn: server.workerLogs.warn - logsBefore.warn,
          error: server.workerLogs.error - logsBefore.error,
        },
      });
      const { requestsPerSecond: rps, latencyMs: lat } = entry;
      if (entry.requests === 0) {
        console.log(
          "  warning: no answer completed within the measured period (an overloaded machine, or a stuck scenario)",
        );
      }
      const ofCeiling = ` = ${(entry.fractionOfCeiling * 100).toFixed(1)} % of the ceiling's ${ceiling.requestsPerSecond} req/s (${ceilingText(ceiling)})`;
      console.log(
        `  ${rps.average} ${entry.unit ?? "req"}/s${ofCeiling} (±${rps.stddev}, ${entry.connections ?? 1} connections)  latency p50 ${lat.p50} ms  p95 ${lat.p95} ms  p99 ${lat.p99} ms  (avg ${lat.average}, max ${lat.max})`,
      );
      console.log(
        `  ${entry.requests} requests in ${entry.durationSeconds}s, non-2xx ${entry.non2xx}, errors ${entry.errors} (of which timeouts ${entry.timeouts})` +
          `, status ${JSON.stringify(entry.statusCodes)}` +
          (entry.workerLogged.error || entry.workerLogged.warn
            ? `, worker logged ${entry.workerLogged.error} errors / ${entry.workerLogged.warn} warnings`
            : ""),
      );
      if (entry.bound) {
        const each = Object.entries(primitives).map(([n, m]) => `${n} ${m.requestsPerSecond} req/s`);
        console.log(
          `  bound: ${describeNeeds(entry.needs)} → ${entry.bound} req/s (${each.join(", ") || "the ceiling"}); the scenario is ${(entry.fractionOfBound * 100).toFixed(1)} % of it`,
        );
      }
    } catch (err) {
      exitCode = 1;
      entry.error = err instanceof Error ? err.message : String(err);
      console.log(`  failed: ${entry.error}`);
    }
    results.push(entry);
    console.log();
  }

  if (!interrupted) finish(baseUrl, results);
} catch (err) {
  exitCode = 1;
  console.error(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
} finally {
  await server.stop().catch((err) => console.error(`cleanup failed: ${err}`));
}
process.exit(exitCode);
