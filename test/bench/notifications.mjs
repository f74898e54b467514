// The notification-consumer benchmark: how many domain events per second the notifications queue
// consumer turns into notifications, and how fast their deliveries follow.
//
//   prepareNotifications({ baseUrl, mf })  → { users: [userId], mf }
//   runNotifications({ baseUrl, prepared })  → run.mjs's metrics shape
//
// Set-up: BENCH_NOTIFY_USERS (200) users, each with a live session and one registered push device,
// are inserted straight into the bench's D1 through Miniflare (tokens encrypted and hashed with the
// development PII keys from .dev.vars.example, exactly as POST /api/v1/notifications/devices stores
// them). Their languages rotate through th, en, id, ms, fil, vi.
//
// Run: POST /api/v1/dev/bench/notifications (dev only) puts BENCH_NOTIFY_EVENTS (2,000)
// `security.alert` events, round-robin over the users, on the notifications queue, 100 per
// sendBatch. Miniflare's queue consumer (max_batch_size 100, max_batch_timeout 0.25 s, as in
// wrangler.toml) runs the real consumer: each event is applied once (processed_events), renders the
// in-app text in the user's language, commits the notification and its deliveries in one D1 batch,
// pushes it to the user's UserHub (RPC), and enqueues the push delivery, which the deliver consumer
// sends to the dev outbox. D1 is polled every 100 ms until every event is composed and every push
// is sent.
//
// Reported: events/s composed (requestsPerSecond.average: events ÷ seconds from the first send to
// the last event composed), deliveries/s end to end, and latency percentiles from an event's send
// to its notification row (latencyMs). Everything shares the cores with this Node process.
import { localVars } from "../../scripts/dev-vars.mjs";

const USERS = Number(process.env.BENCH_NOTIFY_USERS ?? 200);
const EVENTS = Number(process.env.BENCH_NOTIFY_EVENTS ?? 2000);
const LOCALES = ["th", "en", "id", "ms", "fil", "vi"];
const TIMEOUT_MS = Number(process.env.BENCH_NOTIFY_TIMEOUT_MS ?? 300_000);
// BENCH_NOTIFY_PUSH=0: no push devices, so the run measures composing alone (in-app + UserHub), without
// the deliver consumer's push sends sharing the queue (docs/performance-async.md).
const WITH_PUSH = process.env.BENCH_NOTIFY_PUSH !== "0";
// BENCH_NOTIFY_RATE=<events/s>: steady load instead of one backlog. The same number of events is
// sent in slices every 250 ms at that rate, so the latency shows the consumer keeping up (batch
// wait + one batch's work) rather than a backlog of 2,000 waiting their turn.
const RATE = Number(process.env.BENCH_NOTIFY_RATE ?? 0);
const TICK_MS = 250;

const round = (n, digits = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const base64url = (bytes) => Buffer.from(bytes).toString("base64url");
const fromBase64url = (text) => new Uint8Array(Buffer.from(text, "base64url"));

/** workers/platform/pii.ts, in Node: AES-256-GCM "<key id>.<iv|ciphertext>" and an HMAC-SHA256 lookup hash. */
async function piiKeys(vars) {
  const [newest] = vars.PII_ENCRYPTION_KEYS
    ? JSON.parse(vars.PII_ENCRYPTION_KEYS)
    : [{ id: "v1", key: vars.PII_ENCRYPTION_KEY }];
  const aes = await crypto.subtle.importKey("raw", fromBase64url(newest.key), "AES-GCM", false, ["encrypt"]);
  const hmac = await crypto.subtle.importKey(
    "raw",
    fromBase64url(vars.PII_HASH_KEY),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return {
    async encrypt(text) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = new Uint8Array(
        await crypto.subtle.encrypt({ name: "AES-GCM", iv }, aes, new TextEncoder().encode(text)),
      );
      return `${newest.id}.${base64url(Buffer.concat([iv, sealed]))}`;
    },
    async hash(text) {
      return base64url(new Uint8Array(await crypto.subtle.sign("HMAC", hmac, new TextEncoder().encode(text))));
    },
  };
}

export async function prepareNotifications({ mf, users = USERS }) {
  const vars = localVars();
  const keys = await piiKeys(vars);
  const db = await mf.getD1Database("DB");
  const now = Date.now();
  const stamp = now.toString(36);
  const people = await Promise.all(
    Array.from({ length: users }, async (_, i) => {
      const token = `bench-fcm-${stamp}-${i}-${crypto.randomUUID()}`;
      return {
        userId: `usr_nbench_${stamp}_${i}`,
        sessionId: `ses_nbench_${stamp}_${i}`,
        deviceId: `dev_nbench_${stamp}_${i}`,
        locale: LOCALES[i % LOCALES.length],
        tokenHash: await keys.hash(token),
        tokenEnc: await keys.encrypt(token),
      };
    }),
  );
  for (let i = 0; i < people.length; i += 200) {
    const chunk = JSON.stringify(people.slice(i, i + 200));
    await db.batch([
      db
        .prepare(
          `INSERT INTO users (id, country, locale, timezone, display_name, status, roles, created_at, updated_at)
           SELECT json_extract(value, '$.userId'), 'TH', json_extract(value, '$.locale'), 'Asia/Bangkok', 'Bench user',
                  'active', '["customer"]', ?2, ?2
             FROM json_each(?1)`,
        )
        .bind(chunk, now),
      db
        .prepare(
          `INSERT INTO sessions (id, user_id, device_id, device_platform, created_at, last_active_at, expires_at)
           SELECT json_extract(value, '$.sessionId'), json_extract(value, '$.userId'),
                  'bench-' || json_extract(value, '$.sessionId'), 'android', ?2, ?2, ?3
             FROM json_each(?1)`,
        )
        .bind(chunk, now, now + 86_400_000),
      ...(WITH_PUSH
        ? [
            db
              .prepare(
                `INSERT INTO notification_devices (id, user_id, session_id, token_hash, token_enc, platform, created_at, updated_at)
           SELECT json_extract(value, '$.deviceId'), json_extract(value, '$.userId'), json_extract(value, '$.sessionId'),
                  json_extract(value, '$.tokenHash'), json_extract(value, '$.tokenEnc'), 'android', ?2, ?2
             FROM json_each(?1)`,
              )
              .bind(chunk, now),
          ]
        : []),
    ]);
  }
  return { users: people.map((p) => p.userId), mf };
}

async function counts(db, prefix) {
  const composed = await db
    .prepare(
      "SELECT COUNT(*) AS n FROM processed_events WHERE consumer = 'notifications.compose' AND event_id LIKE ?1 AND status = 'done'",
    )
    .bind(`${prefix}%`)
    .first();
  const pushes = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.event_id LIKE ?1 AND d.channel = 'push' AND d.status IN ('sent', 'delivered')`,
    )
    .bind(`${prefix}%`)
    .first();
  return { composed: composed.n, pushes: pushes.n };
}

/** Puts `events` events on the queue through the dev endpoint: { eventIdPrefix, sentAt (per 100) }. */
async function enqueue(baseUrl, userIds, events) {
  const res = await fetch(`${baseUrl}/api/v1/dev/bench/notifications`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userIds, events }),
  });
  if (res.status !== 202) throw new Error(`enqueueing failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Sends `events` at `rate` per second, a slice every TICK_MS; answers each slice's prefix and send times. */
async function enqueueSteadily(baseUrl, userIds, events, rate) {
  const calls = [];
  const start = Date.now();
  let sent = 0;
  for (let tick = 1; sent < events; tick++) {
    const due = Math.min(events, Math.round((rate * tick * TICK_MS) / 1000));
    if (due > sent) {
      calls.push(await enqueue(baseUrl, userIds, due - sent));
      sent = due;
    }
    await sleep(Math.max(0, start + tick * TICK_MS - Date.now()));
  }
  return calls;
}

export async function runNotifications({ baseUrl, prepared, events = EVENTS }) {
  const db = await prepared.mf.getD1Database("DB");
  const started = Date.now();
  const calls =
    RATE > 0
      ? await enqueueSteadily(baseUrl, prepared.users, events, RATE)
      : [await enqueue(baseUrl, prepared.users, events)];
  const eventIdPrefix = calls.length === 1 ? calls[0].eventIdPrefix : "evt_bench";
  const sentAtOf = new Map(calls.map((c) => [c.eventIdPrefix, c.sentAt]));
  const enqueuedIn = Date.now() - started;

  let composedAt = null;
  let sentAllAt = null;
  let last = { composed: 0, pushes: 0 };
  const samples = [];
  while (Date.now() - started < TIMEOUT_MS) {
    last = await counts(db, eventIdPrefix);
    samples.push({ t: Date.now() - started, ...last });
    if (composedAt === null && last.composed >= events) composedAt = Date.now();
    if (last.pushes >= events || (!WITH_PUSH && composedAt !== null)) {
      sentAllAt = Date.now();
      break;
    }
    await sleep(100);
  }
  if (composedAt === null)
    throw new Error(`only ${last.composed} of ${events} events were composed in ${TIMEOUT_MS} ms`);

  // Latency: from the moment an event's chunk was sent to the moment its notification was written.
  const { results } = await db
    .prepare("SELECT event_id, created_at FROM notifications WHERE event_id LIKE ?1")
    .bind(`${eventIdPrefix}%`)
    .all();
  const latencies = results.map((r) => {
    const cut = r.event_id.lastIndexOf("_") + 1;
    const n = Number(r.event_id.slice(cut));
    return r.created_at - sentAtOf.get(r.event_id.slice(0, cut))[Math.floor(n / 100)];
  });
  const sorted = Float64Array.from(latencies).sort();
  const composeSeconds = (composedAt - started) / 1000;
  const perSecond = [];
  for (let i = 1; i < samples.length; i++) {
    const dt = (samples[i].t - samples[i - 1].t) / 1000;
    if (dt > 0 && samples[i - 1].composed < events)
      perSecond.push((samples[i].composed - samples[i - 1].composed) / dt);
  }
  const mean = perSecond.reduce((a, b) => a + b, 0) / Math.max(1, perSecond.length);
  const stddev = Math.sqrt(perSecond.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, perSecond.length));
  const eventsPerSecond = round(events / composeSeconds, 1);
  console.log(
    `  ${events} security.alert events for ${prepared.users.length} users (in-app + push each), ` +
      (RATE > 0 ? `sent steadily at ${RATE}/s over ${enqueuedIn} ms;` : `enqueued in ${enqueuedIn} ms;`) +
      ` all composed after ${round(composeSeconds)} s` +
      (!WITH_PUSH
        ? " (no push devices: composing alone)"
        : sentAllAt
          ? `, all ${events} pushes sent after ${round((sentAllAt - started) / 1000)} s`
          : `, ${last.pushes} pushes sent before the timeout`),
  );
  return {
    requestsPerSecond: {
      average: eventsPerSecond,
      stddev: round(stddev, 1),
      min: round(Math.min(...perSecond), 1),
      max: round(Math.max(...perSecond), 1),
    },
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      average: round(sorted.length ? latencies.reduce((a, b) => a + b, 0) / sorted.length : Number.NaN),
      max: round(sorted.length ? sorted[sorted.length - 1] : Number.NaN),
    },
    requests: events,
    non2xx: 0,
    errors: events - last.composed,
    timeouts: 0,
    durationSeconds: round(composeSeconds),
    notifications: {
      eventsPerSecond,
      deliveriesPerSecond: sentAllAt ? round(events / ((sentAllAt - started) / 1000), 1) : null,
      pushesSent: last.pushes,
      latency: "event sent to the queue → notification row written (ms)",
    },
  };
}
