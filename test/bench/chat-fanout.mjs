// The chat-room fan-out benchmark: one group room with BENCH_CHAT_MEMBERS (1,000) members, each
// with an open WebSocket, then two measured phases of BENCH_DURATION seconds each.
//
//   prepareChatRoom({ baseUrl, mf })  → { dialogId, members: [{ userId, token }] }
//   runChatFanout({ baseUrl, durationSeconds, warmupSeconds, prepared })  → run.mjs's metrics shape
//
// Set-up: the members (a user and a live session each) are inserted straight into the bench's D1
// through Miniflare (two INSERT … SELECT … FROM json_each(?) statements), their access tokens are
// signed here with the development signing key from .dev.vars.example (exactly what the API issues:
// ES256, typ at+jwt, kid, iss, aud, sid, roles), and the group is created through the API
// (POST /api/v1/dialogs with 999 participantIds). Each member then takes a ticket
// (POST /api/v1/realtime/tickets) and opens the room's WebSocket with ?ticket=, as a browser does.
//
// Warm-up: BENCH_WARMUP seconds at the phase-1 rate, and at least one message from every sender (a
// sender's first message waits for the first lease of their cross-dialog send limit, locally the
// creation of a Durable Object with its own SQLite file); then it drains, up to 2 minutes.
//
// Phase 1, latency: messages are sent over the sockets at a steady BENCH_CHAT_RATE per second (100,
// the target of issue 19: "p99 < 50 ms at 100 messages/s per room"; 5 was the earlier default), from
// the members in turn. Every socket that receives a message records now − its send time: fan-out
// delivery latency, p50/p95/p99 over every delivery; a delivery later than BENCH_CHAT_LATE_MS (50)
// is late; one that has not arrived 10 s after the phase is counted as not arrived (the client fell
// behind: every message is stored in the room and a member's socket replays it from its last seq).
// Phase 2, throughput: BENCH_CHAT_WINDOW (8) messages are kept in flight (a new one is sent when
// one has reached all other members); sustained messages/s per room = messages fully delivered
// per second. Senders rotate through the members, so no one meets the per-member send limit;
// BENCH_CHAT_SENDERS (default: all) takes turns among the first N members only, so each sends
// several messages a minute (a room that leases its senders' cross-dialog slots then asks the
// RateLimiter once per lease, not once per message: workers/chat/room/sender-limit.ts). Keep
// rate × seconds / N under CHAT_USER_SEND_LIMIT, and 10 s × rate / N under CHAT_SEND_LIMIT.
//
// Who is slow, the room or this client: the load generator is this one Node process, and at 100
// messages/s to 1,000 members it must read ~100,000 frames/s. So each phase also reports
//   - client: this process's CPU (cores busy, µs per frame received) and its event-loop delay
//     (p50/p99/max): a loop delayed by tens of ms adds that much to every latency it records;
//   - probes: BENCH_CHAT_PROBES (10) members' sockets are read by a worker thread of their own,
//     which sees only their frames; their latency leaves out the main loop's queue (not the CPU
//     the machine's other processes take);
//   - workerd: the CPU the workerd process spent per message (user + system, from /proc; the room,
//     the Worker, the send-limit objects and D1 together), the upper bound of the room's cost.
// Profile the room itself with `node_modules/.bin/node scripts/bench-profile.mjs chat 4`.
//
// Compression: the Worker refuses permessage-deflate on chat sockets (an empty
// Sec-WebSocket-Extensions on the 101; see workers/chat/room/socket-headers.ts), which the deployed
// runtime honours. Locally, Miniflare's own entry worker sits in front and accepts a client's deflate
// offer regardless, so by default this bench connects with the `ws` client and no deflate offer, as
// production serves the sockets. BENCH_CHAT_CLIENT=native uses Node's built-in WebSocket instead,
// which always offers deflate: every send is then compressed once per socket (about 3× the cost).
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { importJWK, SignJWT } from "jose";
import { localVars } from "../../scripts/dev-vars.mjs";
import { workerdCpuMs } from "./workerd-cpu.mjs";

const MEMBERS = Number(process.env.BENCH_CHAT_MEMBERS ?? 1000);
const RATE = Number(process.env.BENCH_CHAT_RATE ?? 100);
const WINDOW = Number(process.env.BENCH_CHAT_WINDOW ?? 8);
const CLIENT = process.env.BENCH_CHAT_CLIENT ?? "ws";
const SENDERS = Number(process.env.BENCH_CHAT_SENDERS ?? 0);
const LATE_MS = Number(process.env.BENCH_CHAT_LATE_MS ?? 50);
const PROBES = Number(process.env.BENCH_CHAT_PROBES ?? 10);
const DRAIN_MS = 10_000;
const WARMUP_DRAIN_MS = 120_000;
/** The WebSocket constructor: `ws` without a deflate offer, or Node's built-in one. */
async function socketClass() {
  if (CLIENT === "native")
    return { Socket: WebSocket, options: undefined, name: "native (permessage-deflate offered)" };
  try {
    const { WebSocket: Ws } = await import("ws");
    return { Socket: Ws, options: { perMessageDeflate: false }, name: "ws (no compression)" };
  } catch {
    return { Socket: WebSocket, options: undefined, name: "native (ws not installed; permessage-deflate offered)" };
  }
}

const round = (n, digits = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nowEpoch = () => performance.timeOrigin + performance.now();

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summary(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    average: round(sorted.length ? sum / sorted.length : Number.NaN),
    max: round(sorted.length ? sorted[sorted.length - 1] : Number.NaN),
    samples: sorted.length,
  };
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

export async function prepareChatRoom({ baseUrl, mf, members = MEMBERS }) {
  const vars = localVars();
  const db = await mf.getD1Database("DB");
  const now = Date.now();
  const stamp = now.toString(36);
  const people = Array.from({ length: members }, (_, i) => ({
    userId: `usr_bench_${stamp}_${i}`,
    sessionId: `ses_bench_${stamp}_${i}`,
  }));
  await db.batch([
    db
      .prepare(
        `INSERT INTO users (id, country, locale, timezone, display_name, status, roles, created_at, updated_at)
         SELECT json_extract(value, '$.userId'), 'TH', 'th', 'Asia/Bangkok', 'Bench member', 'active', '["customer"]', ?2, ?2
           FROM json_each(?1)`,
      )
      .bind(JSON.stringify(people), now),
    db
      .prepare(
        `INSERT INTO sessions (id, user_id, device_id, device_platform, created_at, last_active_at, expires_at)
         SELECT json_extract(value, '$.sessionId'), json_extract(value, '$.userId'),
                'bench-' || json_extract(value, '$.sessionId'), 'web', ?2, ?2, ?3
           FROM json_each(?1)`,
      )
      .bind(JSON.stringify(people), now, now + 86_400_000),
  ]);

  const [jwk] = JSON.parse(vars.JWT_SIGNING_KEYS);
  const key = await importJWK({ ...jwk, alg: "ES256" }, "ES256");
  const tokens = await Promise.all(
    people.map(({ userId, sessionId }) =>
      new SignJWT({ sid: sessionId, roles: ["customer"] })
        .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: jwk.kid })
        .setIssuer(vars.JWT_ISSUER)
        .setAudience(vars.JWT_AUDIENCE)
        .setSubject(userId)
        .setIssuedAt()
        .setNotBefore("0s")
        .setExpirationTime("15m")
        .setJti(crypto.randomUUID())
        .sign(key),
    ),
  );

  const res = await fetch(`${baseUrl}/api/v1/dialogs`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens[0]}`, "content-type": "application/json" },
    body: JSON.stringify({ type: "group", name: "Bench room", participantIds: people.slice(1).map((p) => p.userId) }),
  });
  if (res.status !== 201) throw new Error(`creating the group failed: ${res.status} ${await res.text()}`);
  const { id } = await res.json();
  return { dialogId: id, members: people.map((p, i) => ({ userId: p.userId, token: tokens[i] })) };
}

async function openSocket(client, url) {
  const ws = client.options ? new client.Socket(url, client.options) : new client.Socket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener(
      "error",
      (event) =>
        reject(
          new Error(`socket refused (${event.message ?? "no detail"}): ${url.replace(/ticket=[^&]+/, "ticket=…")}`),
        ),
      {
        once: true,
      },
    );
  });
  return ws;
}

/** A member's socket URL with a fresh ticket (a ticket lives REALTIME_TICKET_TTL_SECONDS, 60 s). */
async function socketUrl(baseUrl, dialogId, member) {
  const res = await fetch(`${baseUrl}/api/v1/realtime/tickets`, {
    method: "POST",
    headers: { authorization: `Bearer ${member.token}` },
  });
  if (res.status !== 201) throw new Error(`ticket refused: ${res.status} ${await res.text()}`);
  const { ticket } = await res.json();
  return `${baseUrl.replace(/^http/, "ws")}/api/v1/dialogs/${dialogId}/ws?ticket=${encodeURIComponent(ticket)}`;
}

// ---------------------------------------------------------------- frames, cheaply
// 100,000 frames/s through one Node loop: a message frame is recognised by its first bytes and its
// clientId cut out of the raw bytes (the room writes `{"type":"message","message":{…,"clientId":…`),
// with no JSON.parse of the ~400 bytes; the send time is the client's own record of the send.
const MESSAGE_START = '{"type":"message"';
const ERROR_START = '{"type":"error"';
const CLIENT_ID = '"clientId":"';
const MESSAGE_START_BYTES = Buffer.from(MESSAGE_START);
const ERROR_START_BYTES = Buffer.from(ERROR_START);
const CLIENT_ID_BYTES = Buffer.from(CLIENT_ID);

/** `{ clientId }` of a message frame, `{ error }` of an error frame, or null (other frames). */
function readServerFrame(data) {
  if (typeof data === "string") {
    if (data.startsWith(ERROR_START)) return { error: JSON.parse(data).code };
    if (!data.startsWith(MESSAGE_START)) return null;
    const at = data.indexOf(CLIENT_ID) + CLIENT_ID.length;
    return { clientId: data.slice(at, data.indexOf('"', at)) };
  }
  const starts = (prefix) =>
    data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
  if (starts(ERROR_START_BYTES)) return { error: JSON.parse(data.toString("utf8")).code };
  if (!starts(MESSAGE_START_BYTES)) return null;
  const at = data.indexOf(CLIENT_ID_BYTES) + CLIENT_ID_BYTES.length;
  return { clientId: data.toString("latin1", at, data.indexOf(34, at)) };
}

/** Calls `onData(raw)` for every frame of `ws`: ws's Buffer when it is `ws` (no string decode), else the text. */
function onFrames(ws, onData) {
  if (typeof ws.on === "function") ws.on("message", (data) => onData(data));
  else ws.addEventListener("message", (event) => onData(String(event.data)));
}

// ---------------------------------------------------------------- meters
/** Starts measuring a phase: this process's CPU and event-loop delay, and workerd's CPU. */
function startMeter() {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  return { startedAt: performance.now(), cpu: process.cpuUsage(), workerd: workerdCpuMs(), loop, frames: 0 };
}

/**
 * `frames`: message frames the phase's window received (every socket, the probes' included). When
 * the room falls behind, it sends fewer frames than the phase asked for, so workerd's CPU is given
 * per frame it actually sent, and per message fanned out to all `others` (frames / others).
 */
function stopMeter(meter, others) {
  const seconds = (performance.now() - meter.startedAt) / 1000;
  const cpu = process.cpuUsage(meter.cpu);
  meter.loop.disable();
  const clientMs = (cpu.user + cpu.system) / 1000;
  const workerd = workerdCpuMs();
  const workerdMs = workerd !== null && meter.workerd !== null ? workerd - meter.workerd : null;
  const ms = (ns) => round(ns / 1e6, 1);
  return {
    seconds: round(seconds, 1),
    client: {
      cores: round(clientMs / 1000 / seconds),
      cpuMs: round(clientMs, 0),
      frames: meter.frames,
      usPerFrame: meter.frames ? round((clientMs * 1000) / meter.frames, 1) : null,
      eventLoopDelayMs: {
        p50: ms(meter.loop.percentile(50)),
        p99: ms(meter.loop.percentile(99)),
        max: ms(meter.loop.max),
      },
    },
    workerd:
      workerdMs === null || meter.frames === 0
        ? null
        : {
            cores: round(workerdMs / 1000 / seconds),
            cpuMs: workerdMs,
            usPerDelivery: round((workerdMs * 1000) / meter.frames, 1),
            msPerMessage: round((workerdMs * others) / meter.frames),
          },
  };
}

// ---------------------------------------------------------------- probes: a thread of their own
/** The probe thread: opens its sockets, reports [clientId, latency ms] of every message it receives. */
async function runProbeThread({ urls }) {
  const client = await socketClass();
  let batch = [];
  const sockets = [];
  try {
    for (const url of urls) sockets.push(await openSocket(client, url));
  } catch (err) {
    parentPort.postMessage({ error: String(err) });
    return;
  }
  for (const ws of sockets) {
    onFrames(ws, (data) => {
      const text = String(data);
      if (!text.startsWith(MESSAGE_START)) return;
      const { message } = JSON.parse(text);
      batch.push([message.clientId, nowEpoch() - JSON.parse(message.text).t]);
    });
  }
  const flush = () => {
    if (batch.length > 0) parentPort.postMessage({ deliveries: batch });
    batch = [];
  };
  const timer = setInterval(flush, 20);
  parentPort.on("message", (command) => {
    if (command !== "close") return;
    clearInterval(timer);
    flush();
    for (const ws of sockets) ws.close(1000, "bench done");
    parentPort.close();
  });
  parentPort.postMessage({ ready: true });
}

async function startProbes(urls, onDeliveries) {
  if (urls.length === 0) return { stop: async () => {} };
  const worker = new Worker(new URL(import.meta.url), { workerData: { chatProbe: { urls } } });
  await new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (m) => (m.ready ? resolve() : reject(new Error(`probe sockets: ${m.error}`))));
  });
  worker.on("message", (m) => m.deliveries && onDeliveries(m.deliveries));
  return {
    stop: async () => {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage("close");
      await Promise.race([exited, sleep(5_000)]);
      await worker.terminate();
    },
  };
}

if (!isMainThread && workerData?.chatProbe) await runProbeThread(workerData.chatProbe);

// ---------------------------------------------------------------- the run
function newPhase() {
  return {
    latencies: [],
    probeLatencies: [],
    late: 0,
    completed: 0,
    perSecond: new Map(),
    startedAt: performance.now(),
  };
}

export async function runChatFanout({ baseUrl, durationSeconds, warmupSeconds, prepared }) {
  const { dialogId, members } = prepared;
  const others = members.length - 1;
  const probeCount = Math.min(PROBES, Math.max(0, members.length - 2));
  const connectStarted = performance.now();
  const client = await socketClass();
  // Each member takes its ticket right before opening its socket: a ticket lives 60 s
  // (REALTIME_TICKET_TTL_SECONDS), and on a loaded machine 1,000 tickets first, sockets after,
  // took longer than that, so the last sockets were refused with expired tickets.
  const mainMembers = members.slice(0, members.length - probeCount);
  const sockets = await mapLimit(mainMembers, 50, async (m) =>
    openSocket(client, await socketUrl(baseUrl, dialogId, m)),
  );

  // Every message in flight, by clientId: its send time, and how many members still have to receive it.
  const inFlight = new Map();
  let phase = null;
  let meter = null;
  let errorFrames = 0;
  const errorCodes = {};
  let sent = 0;

  const deliver = (clientId, latency) => {
    const entry = inFlight.get(clientId);
    if (!entry) return;
    if (entry.phase) {
      entry.phase.latencies.push(latency);
      if (latency > LATE_MS) entry.phase.late += 1;
    }
    entry.remaining -= 1;
    if (entry.remaining > 0) return;
    inFlight.delete(clientId);
    if (!entry.phase) return;
    entry.phase.completed += 1;
    const second = Math.floor((performance.now() - entry.phase.startedAt) / 1000);
    entry.phase.perSecond.set(second, (entry.phase.perSecond.get(second) ?? 0) + 1);
    entry.phase.onComplete?.();
  };
  const onData = (data) => {
    const frame = readServerFrame(data);
    if (meter && frame?.clientId !== undefined) meter.frames += 1;
    if (frame?.error !== undefined) {
      errorFrames += 1;
      errorCodes[frame.error] = (errorCodes[frame.error] ?? 0) + 1;
    } else if (frame) {
      const entry = inFlight.get(frame.clientId);
      if (entry) deliver(frame.clientId, nowEpoch() - entry.sentAt);
    }
  };
  for (const ws of sockets) onFrames(ws, onData);
  const probeUrls = await mapLimit(members.slice(mainMembers.length), 10, (m) => socketUrl(baseUrl, dialogId, m));
  const probes = await startProbes(probeUrls, (deliveries) => {
    if (meter) meter.frames += deliveries.length;
    for (const [clientId, latency] of deliveries) {
      inFlight.get(clientId)?.phase?.probeLatencies.push(latency);
      deliver(clientId, latency);
    }
  });
  const connectSeconds = (performance.now() - connectStarted) / 1000;

  let turn = 0;
  const senders = SENDERS > 0 ? Math.min(SENDERS, sockets.length) : sockets.length;
  const sendOne = () => {
    const i = turn++ % senders;
    const clientId = `b-${sent++}-${i}`;
    const sentAt = nowEpoch();
    inFlight.set(clientId, { remaining: others, phase, sentAt });
    sockets[i].send(JSON.stringify({ type: "send", clientId, kind: "text", text: JSON.stringify({ t: sentAt, i }) }));
  };

  const drain = async (timeoutMs = DRAIN_MS) => {
    const until = Date.now() + timeoutMs;
    while (inFlight.size > 0 && Date.now() < until) await sleep(20);
  };

  const steady = async (seconds, rate, atLeast = 0) => {
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < seconds * 1000 || n < atLeast) {
      sendOne();
      n += 1;
      const due = started + (n * 1000) / rate;
      await sleep(Math.max(0, due - performance.now()));
    }
  };
  const lostOf = (p) => [...inFlight.values()].filter((e) => e.phase === p).reduce((a, e) => a + e.remaining, 0);

  // Warm-up (unmeasured), until every sender has sent once: a sender's first message in the room
  // waits for the first lease of their cross-dialog send limit from the RateLimiter object named
  // after them, which locally is a new Durable Object with a SQLite file of its own (hundreds of
  // them created at once stalled whole phases). Its cost is the warm-up's, reported apart.
  console.log(`  connected ${sockets.length + probeUrls.length} sockets; warm-up…`);
  const warmupStarted = performance.now();
  const warmupSent = sent;
  await steady(warmupSeconds, RATE, senders);
  await drain(WARMUP_DRAIN_MS);
  const warmup = {
    messages: sent - warmupSent,
    seconds: round((performance.now() - warmupStarted) / 1000, 1),
    lostDeliveries: [...inFlight.values()].reduce((a, e) => a + e.remaining, 0),
  };
  inFlight.clear();

  // Phase 1: latency at a steady rate.
  console.log(`  latency phase at ${RATE} messages/s…`);
  const latency = newPhase();
  phase = latency;
  meter = startMeter();
  const sentBefore1 = sent;
  await steady(durationSeconds, RATE);
  const sendSeconds1 = (performance.now() - latency.startedAt) / 1000;
  phase = null;
  const phase1Sent = sent - sentBefore1;
  await drain();
  const cost1 = stopMeter(meter, others);
  meter = null;
  const lost1 = lostOf(latency);
  inFlight.clear();

  // Phase 2: throughput with a window of messages in flight.
  console.log(`  throughput phase, ${WINDOW} in flight…`);
  const throughput = newPhase();
  let open = 0;
  let stopped = false;
  const pump = () => {
    while (open < WINDOW && !stopped) {
      open += 1;
      sendOne();
    }
  };
  throughput.onComplete = () => {
    open -= 1;
    if (!stopped) pump();
  };
  phase = throughput;
  meter = startMeter();
  const sentBefore2 = sent;
  pump();
  await sleep(durationSeconds * 1000);
  stopped = true;
  const elapsed2 = (performance.now() - throughput.startedAt) / 1000;
  const completedInTime = throughput.completed;
  phase = null;
  const phase2Sent = sent - sentBefore2;
  await drain();
  const cost2 = stopMeter(meter, others);
  meter = null;
  const lost2 = lostOf(throughput);

  for (const ws of sockets) ws.close(1000, "bench done");
  await probes.stop();

  const perSecond = Array.from({ length: Math.floor(elapsed2) }, (_, s) => throughput.perSecond.get(s) ?? 0);
  const mean = completedInTime / elapsed2;
  const stddev = perSecond.length
    ? Math.sqrt(perSecond.reduce((a, v) => a + (v - mean) ** 2, 0) / perSecond.length)
    : 0;
  const p1 = summary(latency.latencies);
  const p2 = summary(throughput.latencies);
  const { samples: _samples, ...latencyMs } = p1;
  const chat = {
    members: members.length,
    sockets: sockets.length + probeUrls.length,
    probeSockets: probeUrls.length,
    client: client.name,
    senders,
    connectSeconds: round(connectSeconds, 1),
    warmup,
    lateMs: LATE_MS,
    latencyPhase: {
      rate: RATE,
      messages: phase1Sent,
      sentPerSecond: round(phase1Sent / sendSeconds1, 1),
      deliveries: p1.samples,
      lateDeliveries: latency.late,
      lostDeliveries: lost1,
      latencyMs: p1,
      probeLatencyMs: summary(latency.probeLatencies),
      cost: cost1,
    },
    throughputPhase: {
      window: WINDOW,
      messages: phase2Sent,
      messagesPerSecond: round(mean, 1),
      deliveriesPerSecond: round(mean * others, 0),
      lateDeliveries: throughput.late,
      lostDeliveries: lost2,
      latencyMs: p2,
      probeLatencyMs: summary(throughput.probeLatencies),
      cost: cost2,
    },
    note: "requestsPerSecond = messages fully fanned out per second (throughput phase); latencyMs = send → receipt at every member socket (latency phase); probes = sockets read by a thread of their own; workerd = CPU of the whole workerd process per message",
  };
  printChat(chat);
  return {
    requestsPerSecond: {
      average: round(mean, 1),
      stddev: round(stddev, 1),
      min: perSecond.length ? Math.min(...perSecond) : 0,
      max: perSecond.length ? Math.max(...perSecond) : 0,
    },
    latencyMs,
    requests: phase1Sent + phase2Sent,
    non2xx: errorFrames,
    statusCodes: errorCodes,
    // Not errors: a delivery the client has not read yet is not a message lost (it is stored).
    errors: 0,
    undelivered: lost1 + lost2,
    timeouts: 0,
    durationSeconds: round(durationSeconds + elapsed2, 1),
    chat,
  };
}

function printChat(chat) {
  const lat = (l) => `p50 ${l.p50} / p95 ${l.p95} / p99 ${l.p99} ms`;
  const cost = ({ client, workerd }) =>
    `workerd ${workerd ? `${workerd.usPerDelivery} µs CPU per frame sent, ${workerd.msPerMessage} ms per message fanned out (${workerd.cores} cores)` : "CPU not measured"}; ` +
    `client ${client.cores} cores, ${client.usPerFrame} µs per frame, event-loop delay p50 ${client.eventLoopDelayMs.p50} / p99 ${client.eventLoopDelayMs.p99} / max ${client.eventLoopDelayMs.max} ms`;
  const phase = (p) =>
    `${p.deliveries ?? p.latencyMs.samples} deliveries: ${lat(p.latencyMs)}; ${p.lateDeliveries} late (> ${chat.lateMs} ms), ${p.lostDeliveries} not arrived 10 s after the phase\n` +
    `      probes (${chat.probeSockets} sockets, own thread): ${lat(p.probeLatencyMs)}\n      ${cost(p.cost)}`;
  const l = chat.latencyPhase;
  const t = chat.throughputPhase;
  console.log(
    `  ${chat.members} members, ${chat.client}, ${chat.senders} senders, connected in ${chat.connectSeconds} s; ` +
      `warm-up (every sender once) ${chat.warmup.messages} messages in ${chat.warmup.seconds} s, ${chat.warmup.lostDeliveries} deliveries not arrived\n` +
      `  latency phase: ${l.rate} msg/s asked, ${l.sentPerSecond} sent, ${l.messages} messages, ${phase(l)}\n` +
      `  throughput phase (window ${t.window}): ${t.messagesPerSecond} msg/s fully delivered, ${t.messages} messages, ${phase(t)}`,
  );
}
