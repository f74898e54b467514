// The bench's load: autocannon runs for run.mjs (`createLoad(settings)`), the one preflight request,
// and the plain Workers measured right before each scenario: the ceiling (server.mjs) and the
// primitives the scenario needs (primitives.mjs), each for `plainSeconds` at the scenario's connections.
import http from "node:http";
import os from "node:os";
import autocannon from "autocannon";
import { PRIMITIVES, PRIMITIVES_HOST } from "./primitives.mjs";
import { CEILING_HOST } from "./server.mjs";

export const round = (n, digits = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);

/** Nearest-rank percentile of a sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The request a scenario repeats, after its setup() had its say. */
export function requestOf(scenario, prepared) {
  const merged = { method: "GET", ...scenario, ...prepared };
  const headers = { ...(merged.headers ?? {}) };
  let body = merged.body;
  if (body !== undefined && typeof body !== "string") {
    body = JSON.stringify(body);
    headers["content-type"] ??= "application/json";
  }
  return { method: merged.method, path: merged.path, headers, body, requests: merged.requests };
}

/** One request first (node:http, which sends a Host header as given, unlike fetch); resolves to its status. */
export function preflight(baseUrl, request) {
  const url = new URL(request.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: request.method, headers: request.headers }, (res) => {
      res.resume();
      // A plain Worker must not be the app: the app stamps X-Request-ID on every answer.
      if (request.headers?.host && res.headers["x-request-id"]) reject(new Error("the ceiling host reached the app"));
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    req.end(request.body);
  });
}

/**
 * Load for one run: `settings` is { durationSeconds, connections }; plain Workers are measured for
 * `plainSeconds`. `stop()` ends the autocannon run in progress (on SIGINT).
 */
export function createLoad(settings, { plainSeconds, ceilingPath = "/" }) {
  let active = null;

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
          active = null;
          if (err) reject(err);
          else resolve(result);
        },
      );
      active = instance;
      if (onResponse) instance.on("response", onResponse);
    });
  }

  /** Runs autocannon for `seconds`; latency percentiles are computed over every response. */
  async function measure(baseUrl, request, connections, seconds = settings.durationSeconds) {
    const latencies = [];
    const result = await cannon(baseUrl, request, seconds, (_c, _s, _b, ms) => latencies.push(ms), connections);
    return metricsOf([result], latencies, connections);
  }

  /**
   * The scenario and the plain Worker in turns: `rounds` slices of each, the plain Worker's
   * `plainSeconds` and the scenario's `durationSeconds` split evenly between them. Both then see the
   * same machine (its speed swings by 2× within minutes here: other tenants of the host), so the
   * scenario's fraction of the ceiling holds from run to run. { metrics, ceiling }.
   */
  async function measureAlternating(baseUrl, request, connections, rounds) {
    const plain = { method: "GET", path: ceilingPath, headers: { host: CEILING_HOST } };
    const latencies = [];
    const plainLatencies = [];
    const results = [];
    const plainResults = [];
    const slice = (total) => Math.max(1, Math.round(total / rounds));
    for (let i = 0; i < rounds; i += 1) {
      const onPlain = (_c, _s, _b, ms) => plainLatencies.push(ms);
      plainResults.push(await cannon(baseUrl, plain, slice(plainSeconds), onPlain, connections));
      const onResponse = (_c, _s, _b, ms) => latencies.push(ms);
      results.push(await cannon(baseUrl, request, slice(settings.durationSeconds), onResponse, connections));
    }
    const c = metricsOf(plainResults, plainLatencies, connections);
    return {
      metrics: metricsOf(results, latencies, connections),
      ceiling: {
        connections,
        requestsPerSecond: c.requestsPerSecond.average,
        ...c.latencyMs,
        runs: plainResults.map((r) => round(r.requests.total / r.duration, 1)),
        rounds,
      },
    };
  }

  /** run.mjs's metrics of one or more autocannon runs of the same request (slices of one measurement). */
  function metricsOf(results, latencies, connections) {
    const sorted = Float64Array.from(latencies).sort();
    const sum = latencies.reduce((a, b) => a + b, 0);
    const total = (pick) => results.reduce((a, r) => a + pick(r), 0);
    const seconds = total((r) => r.duration);
    const rates = results.map((r) => r.requests.total / r.duration);
    const result = {
      requests: { total: total((r) => r.requests.total) },
      non2xx: total((r) => r.non2xx),
      errors: total((r) => r.errors),
      timeouts: total((r) => r.timeouts),
      duration: seconds,
      statusCodeStats: {},
    };
    for (const r of results)
      for (const [code, v] of Object.entries(r.statusCodeStats ?? {}))
        result.statusCodeStats[code] = { count: (result.statusCodeStats[code]?.count ?? 0) + v.count };
    const average = results.length === 1 ? results[0].requests.average : result.requests.total / seconds;
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
    return {
      requestsPerSecond: {
        average: round(average, 1),
        // One run: autocannon's per-second spread; slices: the spread between the slices' rates.
        stddev: round(
          results.length === 1
            ? results[0].requests.stddev
            : Math.sqrt(rates.reduce((a, r) => a + (r - mean) ** 2, 0) / rates.length),
          1,
        ),
        min: Math.min(...results.map((r) => r.requests.min)),
        max: Math.max(...results.map((r) => r.requests.max)),
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

  /** A plain Worker (the ceiling's host, or a primitive's) loaded now: { connections, requestsPerSecond, p50, p95, p99, … }. */
  async function measurePlain(baseUrl, connections, host, path) {
    const request = { method: "GET", path, headers: { host } };
    const status = await preflight(baseUrl, request);
    if (status !== 200) throw new Error(`the plain Worker at ${host}${path} answered ${status}`);
    const m = await measure(baseUrl, request, connections, plainSeconds);
    return { connections, requestsPerSecond: m.requestsPerSecond.average, ...m.latencyMs };
  }

  const measureCeiling = (baseUrl, connections) => measurePlain(baseUrl, connections, CEILING_HOST, ceilingPath);

  /** Each primitive in `needs` ({ name: count }) measured now at `connections`: { name: measurement }. */
  async function measurePrimitives(baseUrl, connections, needs = {}) {
    const measured = {};
    for (const name of Object.keys(needs)) {
      if (!PRIMITIVES[name]) throw new Error(`unknown primitive ${name}; known: ${Object.keys(PRIMITIVES).join(", ")}`);
      measured[name] = await measurePlain(baseUrl, connections, PRIMITIVES_HOST, PRIMITIVES[name].path);
    }
    return measured;
  }

  /** The `ceilings` scenario: the plain Worker and every primitive, one after the other, at the default connections. */
  async function measureCeilings(baseUrl) {
    const connections = settings.connections;
    const loadAtStart = os.loadavg().map((l) => l.toFixed(2));
    const every = Object.fromEntries(Object.keys(PRIMITIVES).map((n) => [n, 1]));
    const primitives = { ceiling: await measureCeiling(baseUrl, connections) };
    Object.assign(primitives, await measurePrimitives(baseUrl, connections, every));
    const loadAverage = [loadAtStart[0], os.loadavg()[0].toFixed(2)];
    return { connections, seconds: plainSeconds, loadAverage, primitives };
  }

  return {
    cannon,
    measure,
    measureAlternating,
    measureCeiling,
    measurePrimitives,
    measureCeilings,
    stop: () => active?.stop(),
  };
}
