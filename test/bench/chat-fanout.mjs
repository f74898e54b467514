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
// Phase 1, latency: messages are sent over the sockets at a steady BENCH_CHAT_RATE (5/s), from
// the members in turn; each carries its send time in its text ({"t": epoch ms}). Every socket that
// receives it records now − t: fan-out delivery latency, p50/p95/p99 over every delivery.
// Phase 2, throughput: BENCH_CHAT_WINDOW (8) messages are kept in flight (a new one is sent when
// one has reached all 999 other members); sustained messages/s per room = messages fully delivered
// per second. Senders rotate through all members, so no one meets the per-member send limit;
// BENCH_CHAT_SENDERS (default: all) takes turns among the first N members only, so each sends
// several messages a minute (a room that leases its senders' cross-dialog slots then asks the
// RateLimiter once per lease, not once per message: workers/chat/room/sender-limit.ts). Keep
// rate × seconds / N under CHAT_USER_SEND_LIMIT, and 10 s × rate / N under CHAT_SEND_LIMIT.
//
// The load generator is this one Node process: it parses every frame of every socket, so the
// figures include its own queueing (1,000 sockets × the message rate frames per second).
//
// Compression: the Worker refuses permessage-deflate on chat sockets (an empty
// Sec-WebSocket-Extensions on the 101; see workers/chat/room/socket-headers.ts), which the deployed
// runtime honours. Locally, Miniflare's own entry worker sits in front and accepts a client's deflate
// offer regardless, so by default this bench connects with the `ws` client and no deflate offer, as
// production serves the sockets. BENCH_CHAT_CLIENT=native uses Node's built-in WebSocket instead,
// which always offers deflate: every send is then compressed once per socket (about 3× the cost).
import { performance } from "node:perf_hooks";
import { importJWK, SignJWT } from "jose";
import { localVars } from "../../scripts/dev-vars.mjs";

const MEMBERS = Number(process.env.BENCH_CHAT_MEMBERS ?? 1000);
const RATE = Number(process.env.BENCH_CHAT_RATE ?? 5);
const WINDOW = Number(process.env.BENCH_CHAT_WINDOW ?? 8);
const CLIENT = process.env.BENCH_CHAT_CLIENT ?? "ws";
const SENDERS = Number(process.env.BENCH_CHAT_SENDERS ?? 0);

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

export async function runChatFanout({ baseUrl, durationSeconds, warmupSeconds, prepared }) {
  const { dialogId, members } = prepared;
  const others = members.length - 1;
  const connectStarted = performance.now();

  const wsBase = baseUrl.replace(/^http/, "ws");
  const client = await socketClass();
  // Each member takes its ticket right before opening its socket: a ticket lives 60 s
  // (REALTIME_TICKET_TTL_SECONDS), and on a loaded machine 1,000 tickets first, sockets after,
  // took longer than that, so the last sockets were refused with expired tickets.
  const sockets = await mapLimit(members, 50, async (m) => {
    const res = await fetch(`${baseUrl}/api/v1/realtime/tickets`, {
      method: "POST",
      headers: { authorization: `Bearer ${m.token}` },
    });
    if (res.status !== 201) throw new Error(`ticket refused: ${res.status} ${await res.text()}`);
    const { ticket } = await res.json();
    return openSocket(client, `${wsBase}/api/v1/dialogs/${dialogId}/ws?ticket=${encodeURIComponent(ticket)}`);
  });
  const connectSeconds = (performance.now() - connectStarted) / 1000;

  // Every message in flight, by clientId: how many members still have to receive it.
  const inFlight = new Map();
  let phase = null; // { latencies, completed, perSecond: Map<second, count>, onComplete }
  let errorFrames = 0;
  const errorCodes = {};
  let sent = 0;

  const onFrame = (event) => {
    const frame = JSON.parse(String(event.data));
    if (frame.type === "error") {
      errorFrames += 1;
      errorCodes[frame.code] = (errorCodes[frame.code] ?? 0) + 1;
      return;
    }
    if (frame.type !== "message") return;
    const entry = inFlight.get(frame.message.clientId);
    if (!entry) return;
    const { t } = JSON.parse(frame.message.text);
    if (entry.phase) entry.phase.latencies.push(nowEpoch() - t);
    entry.remaining -= 1;
    if (entry.remaining === 0) {
      inFlight.delete(frame.message.clientId);
      if (entry.phase) {
        entry.phase.completed += 1;
        const second = Math.floor((performance.now() - entry.phase.startedAt) / 1000);
        entry.phase.perSecond.set(second, (entry.phase.perSecond.get(second) ?? 0) + 1);
        entry.phase.onComplete?.();
      }
    }
  };
  for (const ws of sockets) ws.addEventListener("message", onFrame);

  let turn = 0;
  const senders = SENDERS > 0 ? Math.min(SENDERS, sockets.length) : sockets.length;
  const sendOne = () => {
    const i = turn++ % senders;
    const clientId = `b-${sent++}-${i}`;
    inFlight.set(clientId, { remaining: others, phase });
    sockets[i].send(
      JSON.stringify({ type: "send", clientId, kind: "text", text: JSON.stringify({ t: nowEpoch(), i }) }),
    );
  };

  const drain = async (timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    while (inFlight.size > 0 && Date.now() < until) await sleep(20);
  };

  const steady = async (seconds, rate) => {
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < seconds * 1000) {
      sendOne();
      n += 1;
      const due = started + (n * 1000) / rate;
      await sleep(Math.max(0, due - performance.now()));
    }
  };

  // Warm-up (unmeasured).
  if (warmupSeconds > 0) await steady(warmupSeconds, RATE);
  await drain();

  // Phase 1: latency at a steady rate.
  const latency = { latencies: [], completed: 0, perSecond: new Map(), startedAt: performance.now() };
  phase = latency;
  const sentBefore1 = sent;
  await steady(durationSeconds, RATE);
  phase = null;
  await drain();
  const phase1Sent = sent - sentBefore1;
  const lost1 = [...inFlight.values()].filter((e) => e.phase === latency).reduce((a, e) => a + e.remaining, 0);
  inFlight.clear();

  // Phase 2: throughput with a window of messages in flight.
  const throughput = { latencies: [], completed: 0, perSecond: new Map(), startedAt: performance.now() };
  let open = 0;
  let stopped = false;
  throughput.onComplete = () => {
    open -= 1;
    if (!stopped) pump();
  };
  const pump = () => {
    while (open < WINDOW && !stopped) {
      open += 1;
      sendOne();
    }
  };
  phase = throughput;
  const sentBefore2 = sent;
  pump();
  await sleep(durationSeconds * 1000);
  stopped = true;
  const elapsed2 = (performance.now() - throughput.startedAt) / 1000;
  const completedInTime = throughput.completed;
  phase = null;
  await drain();
  const phase2Sent = sent - sentBefore2;
  const lost2 = [...inFlight.values()].reduce((a, e) => a + e.remaining, 0);

  for (const ws of sockets) ws.close(1000, "bench done");

  const perSecond = Array.from({ length: Math.floor(elapsed2) }, (_, s) => throughput.perSecond.get(s) ?? 0);
  const mean = completedInTime / elapsed2;
  const stddev = perSecond.length
    ? Math.sqrt(perSecond.reduce((a, v) => a + (v - mean) ** 2, 0) / perSecond.length)
    : 0;
  const p1 = summary(latency.latencies);
  const p2 = summary(throughput.latencies);
  const { samples: _samples, ...latencyMs } = p1;
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
    errors: lost1 + lost2,
    timeouts: 0,
    durationSeconds: round(durationSeconds + elapsed2, 1),
    chat: {
      members: members.length,
      sockets: sockets.length,
      client: client.name,
      senders,
      connectSeconds: round(connectSeconds, 1),
      latencyPhase: {
        rate: RATE,
        messages: phase1Sent,
        deliveries: p1.samples,
        lostDeliveries: lost1,
        latencyMs: p1,
      },
      throughputPhase: {
        window: WINDOW,
        messages: phase2Sent,
        messagesPerSecond: round(mean, 1),
        deliveriesPerSecond: round(mean * others, 0),
        lostDeliveries: lost2,
        latencyMs: p2,
      },
      note: "requestsPerSecond = messages fully fanned out per second (throughput phase); latencyMs = send → receipt at every member socket (latency phase)",
    },
  };
}
