// What scripts/bench-profile.mjs prints, apart from the profiling itself (so a test can feed it a
// recorded profile and runner result): the line with the scenario's throughput, and self time per
// function and per source area, the bundle's lines mapped back to their sources through its source map.

// ---------------------------------------------------------------- source map (VLQ) lookup
const B64 = Object.fromEntries(
  [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]),
);
function decodeVlq(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64[ch];
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** (line, column), 0-based in the bundle → { source, line } (1-based line), or null. */
export function sourceMapLookup(map) {
  const lines = [];
  let src = 0;
  let srcLine = 0;
  for (const text of map.mappings.split(";")) {
    const segments = [];
    let col = 0;
    for (const seg of text.split(",")) {
      if (!seg) continue;
      const v = decodeVlq(seg);
      col += v[0];
      if (v.length >= 4) {
        src += v[1];
        srcLine += v[2];
        segments.push([col, src, srcLine]);
      }
    }
    lines.push(segments);
  }
  return (line, column) => {
    const segments = lines[line];
    if (!segments?.length) return null;
    let best = segments[0];
    for (const s of segments) {
      if (s[0] > column) break;
      best = s;
    }
    // Sources are relative to the bundle's temp directory: keep the path from the repository down.
    const source = map.sources[best[1]].replace(/^.*?\/(?=(workers|durable-objects|schemas|d1|node_modules)\/)/, "");
    return { source, line: best[2] + 1 };
  };
}

/** Where a source file belongs: a package, or a domain folder of ours. */
function areaOf(source) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1];
  const ours = /^(workers\/[^/]+|durable-objects|schemas|d1)/.exec(source);
  return ours ? ours[1] : source;
}

// ---------------------------------------------------------------- throughput

/**
 * The scenario's figures while profiled. A scenario with its own runner (chat, notifications...)
 * answers in the shape run.mjs prints (`requestsPerSecond`, `latencyMs`, `requests` a count);
 * autocannon's result has `requests` and `latency` as statistics instead.
 */
export function throughputLine(name, result, { connections, target }) {
  if (result.requestsPerSecond) {
    const { requestsPerSecond: rate, latencyMs: lat } = result;
    return (
      `${name}: ${rate.average} ${result.unit ?? "req"}/s (±${rate.stddev}) by the scenario's own runner while profiled` +
      `, latency p50 ${lat.p50} ms p95 ${lat.p95} ms p99 ${lat.p99} ms, ${result.requests} in ${result.durationSeconds} s (${target})`
    );
  }
  const lat = result.latency;
  return (
    `${name}: ${result.requests.average} req/s at ${connections} connections while profiled` +
    `, latency p50 ${lat.p50} ms p99 ${lat.p99} ms (${target})`
  );
}

// ---------------------------------------------------------------- summary

/** Not CPU: the thread waiting, where the embedder says so. */
const IDLE = "(idle)";

/**
 * Self time per function and per area. Each sample is one sampling interval of CPU in the function
 * it landed in: the time since the previous sample (`timeDeltas`) is wall time, which a sampler
 * delayed on a loaded machine stretches, and once put whole gaps on whatever ran next. Shown as a
 * share of the profile's duration, so an idle Worker reads as little time, not as 100 %.
 */
export function summarise(profile, lookup, intervalUs) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = new Map();
  for (const id of profile.samples) samples.set(id, (samples.get(id) ?? 0) + 1);
  const byFunction = new Map();
  const byArea = new Map();
  let cpuUs = 0;
  for (const [id, count] of samples) {
    const { functionName, url, lineNumber, columnNumber } = byNode.get(id).callFrame;
    if (functionName === IDLE) continue;
    const us = count * intervalUs;
    cpuUs += us;
    const mapped = url.endsWith("index.js") && lineNumber >= 0 ? lookup(lineNumber, columnNumber) : null;
    const where = mapped ? `${mapped.source}:${mapped.line}` : url || "(native)";
    const fn = `${functionName || "(anonymous)"}  ${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const area = mapped ? areaOf(mapped.source) : functionName.startsWith("(") ? functionName : "(runtime)";
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const durationUs = profile.endTime - profile.startTime;
  const ms = (us) => (us / 1000).toFixed(0);
  const share = (us) => ((us / durationUs) * 100).toFixed(1);
  const top = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${share(us).padStart(5)} %  ${ms(us).padStart(6)} ms  ${k}`)
      .join("\n");
  const sampled = cpuUs / intervalUs;
  return (
    `CPU sampled: ${ms(cpuUs)} ms (${sampled} samples × ${intervalUs} µs) of a ${ms(durationUs)} ms profile (${share(cpuUs)} %)\n\n` +
    `self time by area (% of the profile's ${ms(durationUs)} ms):\n${top(byArea, 20)}\n\n` +
    `top functions by self time:\n${top(byFunction, 30)}`
  );
}
