// Benchmark scenarios, run in this order by test/bench/run.mjs (`npm run bench -- <name> ...` picks some).
//
// A scenario is { name, title, method?, path, headers?, body?, setup?, run? }:
//   - name      what you type after `npm run bench --`
//   - title     what the report shows
//   - method, path, headers, body
//               the request autocannon repeats (method defaults to GET, body is a string or an
//               object sent as JSON)
//   - setup(baseUrl)
//               optional, async, runs once before the warm-up: seed data, sign a user in, create
//               what the scenario reads. It may return { method, path, headers, body } to override
//               the fields above, or { requests } (autocannon's request sequence, e.g. one request
//               per connection cycling through several products).
//   - run({ baseUrl, duration, connections, warmup, prepared })
//               optional, async, replaces autocannon for load autocannon cannot generate (e.g. the
//               WebSocket fan-out of a chat room). Must resolve to the same shape `measure()` in
//               run.mjs returns: { requestsPerSecond, latencyMs: { p50, p95, p99, ... }, requests,
//               non2xx, errors, timeouts, durationSeconds }.

/** POST /api/v1/dev/seed once; the seeders are idempotent, so every scenario can call it. */
export async function seed(baseUrl) {
  const res = await fetch(`${baseUrl}/api/v1/dev/seed`, { method: "POST" });
  if (!res.ok) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
  return res.json();
}

export const scenarios = [
  {
    name: "health",
    title: "GET /health",
    path: "/health",
  },
  {
    name: "ready",
    title: "GET /ready (D1 SELECT 1 + R2 HEAD)",
    path: "/ready",
  },
  {
    name: "categories",
    title: "GET /api/v1/categories (D1 read, tree build)",
    path: "/api/v1/categories?locale=th",
    async setup(baseUrl) {
      await seed(baseUrl);
      const res = await fetch(`${baseUrl}/api/v1/categories?locale=th`);
      const { items } = await res.json();
      if (!Array.isArray(items) || items.length === 0) throw new Error("categories are empty after seeding");
      return {};
    },
  },
  {
    name: "me",
    title: "GET /api/v1/users/me (ES256 verify + session check in D1 + PII decrypt)",
    path: "/api/v1/users/me",
    async setup(baseUrl) {
      const email = `bench-${Date.now()}@example.com`;
      const res = await fetch(`${baseUrl}/api/v1/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: "Bench-2026-pass", displayName: "Bench", country: "TH" }),
      });
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
      const { accessToken } = await res.json();
      return { headers: { authorization: `Bearer ${accessToken}` } };
    },
  },
  // Next: product reads, search, reservations, and the chat-room WebSocket fan-out (a `run` entry).
];
