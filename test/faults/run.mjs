// `npm run test:faults`: crash safety under SIGKILL (issue 13). Starts the real local server as
// `npm start` does (wrangler dev --test-scheduled + the minute cron ticker) on its own port and
// state directory, sets up the scenarios, then FAULTS_KILLS times: starts a round of traffic in
// every scenario, SIGKILLs the server (wrangler and workerd together) at a seeded random instant,
// and restarts it on the same state while every client retries with its original keys. Then it
// lets the clients finish, runs the cron, checks each scenario's invariants and prints the counts.
// Exit code 1 on any loss, duplicate or broken invariant.
//
//   FAULTS_SEED=1234          replay a run (the seed is printed)
//   FAULTS_KILLS=20           kills (each one hits every scenario)
//   FAULTS_SCENARIOS=chat,payments,cancellations,checkout
//   FAULTS_KEEP_STATE=1       keep the state directory (and server.log) for a look afterwards
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cancellationsScenario } from "./cancellations.mjs";
import { chatScenario } from "./chat.mjs";
import { checkoutScenario } from "./checkout.mjs";
import { httpClient, seededRandom, sleep, traffic } from "./client.mjs";
import { paymentsScenario } from "./payments.mjs";
import { localServer } from "./server.mjs";

const SCENARIOS = {
  chat: chatScenario,
  payments: paymentsScenario,
  cancellations: cancellationsScenario,
  checkout: checkoutScenario,
};
const seed = Number(process.env.FAULTS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const kills = Number(process.env.FAULTS_KILLS ?? 20);
const names = (process.env.FAULTS_SCENARIOS ?? Object.keys(SCENARIOS).join(",")).split(",").filter(Boolean);
const unknown = names.filter((n) => !SCENARIOS[n]);
if (unknown.length > 0 || !Number.isInteger(kills) || kills < 1) {
  console.error(`FAULTS_SCENARIOS takes ${Object.keys(SCENARIOS).join(", ")}; FAULTS_KILLS a positive integer.`);
  process.exit(2);
}
/** A round's traffic runs this long (seeded, uniform) before the kill. */
const KILL_AFTER_MS = [100, 1_500];
/** After a restart the server runs this long (seeded) before the next round: retries and queues catch up. */
const UP_BEFORE_ROUND_MS = [500, 3_000];
/** While the clients settle, the harness runs the cron this often instead of each minute, to keep the run short. */
const SETTLE_CRON_MS = 5_000;

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
const rng = seededRandom(seed);
const stateDir = mkdtempSync(join(tmpdir(), "tchat-faults-"));
console.log(`faults: seed ${seed}, ${kills} kills, scenarios ${names.join(", ")}, state ${stateDir}`);

// A lost event is published again EVENT_DELIVERY_TIMEOUT_SECONDS after its publication (120 s in
// .dev.vars.example), then at growing intervals up to 4 timeouts: 10 s here, so that every
// notification can arrive within a minute of the last restart. Time runs about 12 times faster
// than with the local timeout, so an event may be published more often before it is given up.
//
// A few accounts make hundreds of orders and messages here: the hoarding caps and the per-user
// chat limit (tested on their own in test/orders and test/chat) are raised so that what this
// suite counts is crash safety, not a 409 or 429 for a busy buyer.
const server = await localServer({
  stateDir,
  vars: {
    EVENT_DELIVERY_TIMEOUT_SECONDS: "10",
    EVENT_MAX_DELIVERIES: "20",
    CHECKOUT_MAX_OPEN_ORDERS_PER_BUYER: "10000",
    CHECKOUT_MAX_HELD_UNITS_PER_BUYER: "1000000",
    CHAT_USER_SEND_LIMIT: "100000",
  },
});
const http = httpClient(server.base);
let exitCode = 1;
try {
  exitCode = await run();
} catch (err) {
  console.error(`faults: ${err.stack ?? err}`);
} finally {
  await server.kill();
  if (process.env.FAULTS_KEEP_STATE) console.log(`faults: state kept in ${stateDir} (server.log inside)`);
  else rmSync(stateDir, { recursive: true, force: true });
}
process.exit(exitCode);

async function run() {
  const firstStart = await server.start();
  console.log(`faults: server up in ${(firstStart / 1000).toFixed(1)} s; setting up`);
  const scenarios = names.map((name) => SCENARIOS[name]({ http, rng, rounds: kills }));
  for (const scenario of scenarios) await scenario.setup();
  console.log(`faults: set up at ${elapsed()}; ${kills} rounds of traffic, each ended by SIGKILL`);

  const killedAfter = [];
  const restartTimes = [];
  for (let round = 1; round <= kills; round++) {
    for (const scenario of scenarios) scenario.round(round);
    const wait = Math.round(rng.between(...KILL_AFTER_MS));
    await sleep(wait);
    await server.kill();
    killedAfter.push(wait);
    restartTimes.push(await server.start());
    if (round < kills) await sleep(Math.round(rng.between(...UP_BEFORE_ROUND_MS)));
    if (round % 5 === 0 || round === kills) console.log(`faults: ${round}/${kills} kills at ${elapsed()}`);
  }
  const upSince = Date.now();

  // Clients finish (an Idempotency-Key held by a killed request is free again after 60 s), with
  // the cron running every few seconds as the minute ticker would, only sooner.
  const cron = setInterval(() => server.runCron().catch(() => {}), SETTLE_CRON_MS);
  const results = [];
  try {
    for (const scenario of scenarios) await scenario.settle();
    console.log(`faults: every client answered at ${elapsed()}; checking`);
    for (const scenario of scenarios) results.push({ name: scenario.name, ...(await scenario.check({ upSince })) });
  } finally {
    clearInterval(cron);
  }
  printSummary(results, killedAfter, restartTimes);
  return results.every((r) => r.failures.length === 0) ? 0 : 1;
}

function printSummary(results, killedAfter, restartTimes) {
  const avg = (xs) => (xs.reduce((a, b) => a + b, 0) / xs.length / 1000).toFixed(1);
  console.log(
    `\nfaults: ${killedAfter.length} SIGKILLs at ${Math.min(...killedAfter)}–${Math.max(...killedAfter)} ms into a round; ` +
      `restart ${avg(restartTimes)} s on average; seed ${seed}; ${elapsed()} in all`,
  );
  console.log(
    `faults: ${traffic.requests} requests, ${traffic.dropped} dropped by a kill, ${traffic.inProgress} answered ` +
      `"still in progress", ${traffic.rateLimited} rate-limited, ${traffic.serverErrors} server errors (all retried)`,
  );
  for (const { name, counts, failures } of results) {
    const line = Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    console.log(`${failures.length === 0 ? "PASS" : "FAIL"} ${name}: ${line}`);
    for (const failure of failures.slice(0, 15)) console.log(`     - ${failure}`);
    if (failures.length > 15) console.log(`     … and ${failures.length - 15} more`);
  }
}
