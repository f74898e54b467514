// `node scripts/bench-profile.mjs <scenario> [seconds]`: a CPU profile of the Worker under one bench
// scenario's load (or, for a scenario with its own runner, over one run of it). Starts the bench server (test/bench/server.mjs) with workerd's V8 inspector on,
// runs the scenario's setup, then loads it with autocannon while Profiler.start/stop run over the
// inspector WebSocket. Saves test-results/profiles/<scenario>.cpuprofile (open it in Chrome DevTools
// or speedscope) and prints the scenario's figures and where the CPU went: self time per function and
// per source area, against the profile's duration (scripts/bench-profile-summary.mjs).
//
//   BENCH_CONNECTIONS (20), BENCH_WARMUP (2 s), BENCH_VARS as for `npm run bench`; PROFILE_INTERVAL_US (200);
//   PROFILE_WORKER (a pattern of the inspector target's title; tchat-edge, the app, by default).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as netServer } from "node:net";
import { join } from "node:path";
import autocannon from "autocannon";
import { scenarios } from "../test/bench/scenarios.mjs";
import { benchVars, createServer, ROOT } from "../test/bench/server.mjs";
import { sourceMapLookup, summarise, throughputLine } from "./bench-profile-summary.mjs";

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

// ---------------------------------------------------------------- inspector
async function inspectorSession(port) {
  let targets = [];
  for (let i = 0; i < 50 && targets.length === 0; i++) {
    targets = await fetch(`http://127.0.0.1:${port}/json/list`)
      .then((r) => r.json())
      .catch(() => []);
    if (targets.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  // PROFILE_WORKER picks another isolate of the same workerd: "worker d1:db " (Miniflare's D1 object),
  // "assets:router" (the static-assets router in front of the app), "core:entry" (its entry Worker).
  const wanted = new RegExp(process.env.PROFILE_WORKER ?? "tchat-edge");
  const target = targets.find((t) => wanted.test(`${t.title} ${t.id} ${t.url}`));
  if (!target) throw new Error(`no inspector target matches ${wanted}: ${targets.map((t) => t.title).join(", ")}`);
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
  console.log(throughputLine(name, result, { connections, target: inspector.title }));
  console.log(summarise(profile, sourceMapLookup(map), intervalUs));
  console.log(`\nWrote ${file}`);
} finally {
  await server.stop();
}
process.exit(0);
