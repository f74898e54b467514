// `npm run bench [-- <scenario> ...]`: serves the Worker through Miniflare (workerd) directly and
// loads each scenario with autocannon. Prints requests/s and latency percentiles per scenario, each
// as a fraction of the ceiling (a plain Worker on the same Miniflare, measured for a few seconds
// right before each scenario at the same connections), a summary table beside the previous figures (report.mjs), and writes
// test-results/bench.json.
//
//   BENCH_DURATION     seconds measured per scenario (default 8)
//   BENCH_CONNECTIONS  concurrent connections (default 20)
//   BENCH_WARMUP       seconds of unmeasured load before each scenario (default 2, 0 = none)
//   BENCH_VARS         Worker variables over the defaults METRICS_LOCAL_SINK=false,ACCESS_LOG=false
//                      (production's), e.g. BENCH_VARS="METRICS_LOCAL_SINK=true" (server.mjs)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { previousFigures, printTable } from "./report.mjs";
import { scenarios as allScenarios } from "./scenarios.mjs";
import { benchVars, createServer, ROOT } from "./server.mjs";

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
  for (const s of allScenarios) console.log(`  ${s.name.padEnd(14)} ${s.title}`);
  console.log("\nnpm run bench [-- <name> ...]   env: BENCH_DURATION, BENCH_CONNECTIONS, BENCH_WARMUP, BENCH_VARS");
  process.exit(0);
}
const unknown = args.filter((a) => !allScenarios.some((s) => s.name === a));
if (unknown.length > 0) {
  console.error(`unknown scenario(s): ${unknown.join(", ")}; known: ${allScenarios.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
// The ceiling is measured right before each scenario, at its connections (the machine is shared:
// its load drifts within a run), and each scenario is shown as a fraction of that measurement.
const ceilingScenario = allScenarios.find((s) => s.name === "ceiling");
const scenarios = (args.length > 0 ? allScenarios.filter((s) => args.includes(s.name)) : allScenarios).filter(
  (s) => s !== ceilingScenario,
);
const CEILING_SECONDS = Math.min(settings.durationSeconds, 4);

// ---------------------------------------------------------------- helpers
function version(pkg) {
  try {
    return JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
}

const round = (n, digits = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The request a scenario repeats, after its setup() had its say. */
function requestOf(scenario, prepared) {
  const merged = { method: "GET", ...scenario, ...prepared };
  const headers = { ...(merged.headers ?? {}) };
  let body = merged.body;
  if (body !== undefined && typeof body !== "string") {
    body = JSON.stringify(body);
    headers["content-type"] ??= "application/json";
  }
  return { method: merged.method, path: merged.path, headers, body, requests: merged.requests };
}

let activeInstance = null;

function cannon(baseUrl, request, durationSeconds, onResponse, connections = settings.connections) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}${request.path}`,
        method: request.method,
        headers: request.headers,
        body: request.body,
        requests: request.requests,
        connections,
        duration: durationSeconds,
        timeout: 10,
      },
      (err, result) => {
        activeInstance = null;
        if (err) reject(err);
        else resolve(result);
      },
    );
    activeInstance = instance;
    if (onResponse) instance.on("response", onResponse);
  });
}

/** Runs autocannon for the measured period; latency percentiles are computed over every response. */
async function measure(baseUrl, request, connections) {
  const latencies = [];
  const result = await cannon(
    baseUrl,
    request,
    settings.durationSeconds,
    (_client, _status, _bytes, ms) => latencies.push(ms),
    connections,
  );
  const sorted = Float64Array.from(latencies).sort();
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    requestsPerSecond: {
      average: round(result.requests.average, 1),
      stddev: round(result.requests.stddev, 1),
      min: result.requests.min,
      max: result.requests.max,
    },
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      average: round(sorted.length ? sum / sorted.length : Number.NaN),
      max: round(sorted.length ? sorted[sorted.length - 1] : Number.NaN),
    },
    requests: result.requests.total,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
    connections: connections ?? settings.connections,
  };
}

/** One request first (node:http, which sends a Host header as given, unlike fetch); resolves to its status. */
function preflight(baseUrl, request) {
  const url = new URL(request.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: request.method, headers: request.headers }, (res) => {
      res.resume();
      // The ceiling must not be the app: the app stamps X-Request-ID on every answer.
      if (request.headers?.host && res.headers["x-request-id"]) reject(new Error("the ceiling host reached the app"));
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    req.end(request.body);
  });
}

/** The ceiling row: the mean of the ceiling measurements taken at the default connections. */
function ceilingRow(results) {
  const runs = results.filter((r) => r.ceiling?.connections === settings.connections).map((r) => r.ceiling);
  if (runs.length === 0) return null;
  const mean = (pick) => round(runs.reduce((a, r) => a + pick(r), 0) / runs.length, 1);
  return {
    name: "ceiling",
    title: ceilingScenario.title,
    requestsPerSecond: { average: mean((r) => r.requestsPerSecond) },
    latencyMs: { p50: mean((r) => r.p50), p95: mean((r) => r.p95), p99: mean((r) => r.p99) },
    fractionOfCeiling: 1,
    non2xx: 0,
    errors: 0,
    runs: runs.map((r) => r.requestsPerSecond),
  };
}

function finish(baseUrl, results) {
  const ceiling = ceilingRow(results);
  const rows = ceiling ? [ceiling, ...results] : results;
  const load = os.loadavg().map((l) => l.toFixed(2));
  console.log(
    `Summary: ${TARGET}; ${machine.cores} cores (${machine.cpuModel}); load average ${load.join(" ")} (at start ${machine.loadAverageAtStart.join(" ")});` +
      ` ${settings.connections} connections unless noted; ${settings.durationSeconds}s each;` +
      ` ceiling ${ceiling?.requestsPerSecond.average} req/s at ${settings.connections} connections (runs: ${ceiling?.runs.join(", ")})`,
  );
  printTable(rows, previous);

  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  const report = {
    target: TARGET,
    finishedAt: new Date().toISOString(),
    baseUrl,
    machine,
    versions,
    settings: { ...settings, vars, latency: "nearest-rank percentiles over every response, in ms" },
    loadAverageAtEnd: load,
    ceiling: ceiling && { requestsPerSecond: ceiling.requestsPerSecond.average, runs: ceiling.runs },
    previous: previous.source,
    scenarios: rows,
  };
  writeFileSync(RESULTS_PATH, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${RESULTS_PATH}`);
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
  activeInstance?.stop();
  await server.stop().catch(() => {});
  process.exit(130);
};
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));

const results = [];
let exitCode = 0;

/** The ceiling at `connections`, measured now: { connections, requestsPerSecond, p50, p95, p99 }. */
async function measureCeiling(baseUrl, connections) {
  const request = requestOf(ceilingScenario, {});
  const status = await preflight(baseUrl, request);
  if (status !== 200) throw new Error(`the ceiling Worker answered ${status}`);
  const saved = settings.durationSeconds;
  settings.durationSeconds = CEILING_SECONDS;
  try {
    const m = await measure(baseUrl, request, connections);
    return { connections, requestsPerSecond: m.requestsPerSecond.average, ...m.latencyMs };
  } finally {
    settings.durationSeconds = saved;
  }
}
try {
  const started = Date.now();
  process.stdout.write("› bundling the Worker (wrangler deploy --dry-run) and starting Miniflare… ");
  const { baseUrl, migrations } = await server.start();
  console.log(`up in ${((Date.now() - started) / 1000).toFixed(1)}s at ${baseUrl}`);
  console.log(`  state: ${server.stateDir} (fresh), migrations applied: ${migrations.join(", ")}\n`);

  for (const scenario of scenarios) {
    if (interrupted) break;
    const entry = { name: scenario.name, title: scenario.title };
    console.log(`▸ ${scenario.name}: ${scenario.title}`);
    try {
      const prepared = (await scenario.setup?.(baseUrl, { mf: server.mf })) ?? {};
      const connections = scenario.connections ?? settings.connections;
      const request = requestOf(scenario, prepared);
      Object.assign(entry, { method: request.method, path: request.path });
      const logsBefore = { ...server.workerLogs };
      const ceiling = await measureCeiling(baseUrl, connections);
      let metrics;
      if (scenario.run) {
        metrics = await scenario.run({ baseUrl, ...settings, prepared });
      } else {
        const status = await preflight(baseUrl, request);
        if (status < 200 || status > 299)
          console.log(`  warning: a single ${request.method} ${request.path} answered ${status}`);
        if (settings.warmupSeconds > 0) await cannon(baseUrl, request, settings.warmupSeconds, undefined, connections);
        metrics = await measure(baseUrl, request, connections);
      }
      if (interrupted) break;
      Object.assign(entry, metrics, {
        ceiling,
        fractionOfCeiling: round(metrics.requestsPerSecond.average / ceiling.requestsPerSecond, 4),
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
      const ofCeiling = ` = ${(entry.fractionOfCeiling * 100).toFixed(1)} % of the ceiling's ${ceiling.requestsPerSecond} req/s just before`;
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
