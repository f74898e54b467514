// `node scripts/bench-profile.mjs <scenario> [seconds]`: a CPU profile of the Worker under one bench
// scenario's load (or, for a scenario with its own runner, over one run of it). Starts the bench server (test/bench/server.mjs) with workerd's V8 inspector on,
// runs the scenario's setup, then loads it with autocannon while Profiler.start/stop run over the
// inspector WebSocket. Saves test-results/profiles/<scenario>.cpuprofile (open it in Chrome DevTools
// or speedscope) and prints where the time went: self time per function and per source area, the
// bundle's lines mapped back to their sources through its source map.
//
//   BENCH_CONNECTIONS (20), BENCH_WARMUP (2 s), BENCH_VARS as for `npm run bench`; PROFILE_INTERVAL_US (200).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as netServer } from "node:net";
import { join } from "node:path";
import autocannon from "autocannon";
import { scenarios } from "../test/bench/scenarios.mjs";
import { benchVars, createServer, ROOT } from "../test/bench/server.mjs";

const [name, secondsArg] = process.argv.slice(2);
const scenario = scenarios.find((s) => s.name === name);
if (!scenario) {
  const names = scenarios.map((s) => s.name);
  console.error(`usage: node scripts/bench-profile.mjs <scenario> [seconds]; scenarios: ${names.join(", ")}`);
  process.exit(2);
}
const seconds = Number(secondsArg ?? 8);
const connections = scenario.connections ?? Number(process.env.BENCH_CONNECTIONS ?? 20);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const intervalUs = Number(process.env.PROFILE_INTERVAL_US ?? 200);

function freePort() {
  return new Promise((resolve) => {
    const srv = netServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

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
function sourceMapLookup(map) {
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

// ---------------------------------------------------------------- inspector
async function inspectorSession(port) {
  let targets = [];
  for (let i = 0; i < 50 && targets.length === 0; i++) {
    targets = await fetch(`http://127.0.0.1:${port}/json/list`)
      .then((r) => r.json())
      .catch(() => []);
    if (targets.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  const target = targets.find((t) => /tchat-edge/.test(`${t.title} ${t.id} ${t.url}`)) ?? targets[0];
  if (!target) throw new Error("no inspector target");
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let nextId = 1;
  const pending = new Map();
  ws.onmessage = (event) => {
    const msg = JSON.parse(event.data);
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    }
  };
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (msg) =>
        msg.error ? reject(new Error(`${method}: ${msg.error.message}`)) : resolve(msg.result),
      );
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => ws.close(), title: target.title };
}

function load(baseUrl, request, duration) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${baseUrl}${request.path}`,
        method: request.method ?? "GET",
        headers: request.headers,
        body:
          typeof request.body === "string" || request.body === undefined ? request.body : JSON.stringify(request.body),
        requests: request.requests,
        connections,
        duration,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

// ---------------------------------------------------------------- summary
function summarise(profile, lookup) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byArea = new Map();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber, columnNumber } = byNode.get(id).callFrame;
    const mapped = url.endsWith("index.js") && lineNumber >= 0 ? lookup(lineNumber, columnNumber) : null;
    const where = mapped ? `${mapped.source}:${mapped.line}` : url || "(native)";
    const fn = `${functionName || "(anonymous)"}  ${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const area = mapped ? areaOf(mapped.source) : functionName.startsWith("(") ? functionName : "(runtime)";
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const top = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, us]) =>
          `  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
      )
      .join("\n");
  return `self time by area (${(total / 1000).toFixed(0)} ms sampled):\n${top(byArea, 20)}\n\ntop functions by self time:\n${top(byFunction, 30)}`;
}

// ---------------------------------------------------------------- main
const inspectorPort = await freePort();
const vars = benchVars();
console.log(
  `Vars: ${Object.entries(vars)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ")} (BENCH_VARS overrides)`,
);
const server = createServer({ inspectorPort, quiet: true, vars });
try {
  const { baseUrl } = await server.start();
  const prepared = (await scenario.setup?.(baseUrl, { mf: server.mf })) ?? {};
  const request = { ...scenario, ...prepared };
  // A scenario with its own runner (notifications, chat) is profiled over one whole run of it.
  const run = scenario.run
    ? () => scenario.run({ baseUrl, durationSeconds: seconds, warmupSeconds: 0, prepared })
    : () => load(baseUrl, request, seconds);
  if (warmup > 0 && !scenario.run) await load(baseUrl, request, warmup);
  const inspector = await inspectorSession(inspectorPort);
  await inspector.send("Profiler.enable");
  await inspector.send("Profiler.setSamplingInterval", { interval: intervalUs });
  await inspector.send("Profiler.start");
  const result = await run();
  const { profile } = await inspector.send("Profiler.stop");
  inspector.close();

  const dir = join(ROOT, "test-results/profiles");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const map = JSON.parse(readFileSync(join(server.stateDir, "bundle/index.js.map"), "utf8"));
  console.log(
    `${name}: ${result.requests.average} req/s at ${connections} connections while profiled (${inspector.title})`,
  );
  console.log(summarise(profile, sourceMapLookup(map)));
  console.log(`\nWrote ${file}`);
} finally {
  await server.stop();
}
process.exit(0);
