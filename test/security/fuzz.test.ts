import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import fc from "fast-check";
import { expect, it, vi } from "vitest";
import worker from "../../workers/index";
import { guestCart } from "../orders/helpers";
import { ownedResources, people } from "../platform/route-security.fixture";
import { BASE, call } from "../support/http";
import { type FuzzContext, type FuzzRequest, requestArb, UPLOAD_CAP_BYTES } from "./fuzz/requests";
import { operationsOf, publishedDocument } from "./support/openapi";
import { forgedTokens, MALFORMED_AUTHORIZATIONS } from "./support/tokens";

// Proof from outside: requests generated from the published /openapi.json (every operation, its
// path and query parameters and its request body schema), made wrong every way we know (wrong
// types, huge and unicode strings, float and negative money, missing and extra fields, deep
// nesting, bad JSON and content types, path parameters with ../ and FTS5/SQL syntax), with no
// token, forged ones, a normal user's and an operator's. Every answer must be below 500, carry no
// stack trace, and every error must be application/problem+json with the problem fields.

const SEED = 20_261_202;
const REQUESTS = 10_240;
/** Requests in flight at once (the isolate serves them concurrently, as a POP would). */
const PARALLEL = 24;
const STACK_TRACE = /\n\s+at\s|\.(ts|js|mjs):\d+:\d+/;
const PROBLEM_FIELDS = ["type", "title", "status", "detail", "code", "requestId"];

/**
 * Operations that end the caller's own session or account when they succeed: their requests with
 * real credentials run last, so the others are made while the credentials still work.
 */
const ENDS_SESSION = new Set([
  "POST /api/v1/auth/logout",
  "DELETE /api/v1/users/me",
  "DELETE /api/v1/auth/sessions/{id}",
]);

/**
 * The Worker's variables for the fuzz run: the local development ones, except that one benchmark
 * request may enqueue a few notification events, not 20,000 (a valid fuzzed body would otherwise
 * make the queue consumer busy for minutes).
 */
const fuzzEnv = {
  ...env,
  NOTIFICATIONS_BENCH_MAX_EVENTS: "5",
  // Uploads past the cap are refused the same way at any cap; a low one keeps the oversized
  // fuzzed uploads small (see fuzz/requests.ts: OVERSIZED_UPLOAD_BYTES).
  MAX_MEDIA_BYTES: String(UPLOAD_CAP_BYTES),
  MAX_IMAGE_BYTES: String(UPLOAD_CAP_BYTES),
} as Env;

async function context(): Promise<FuzzContext> {
  const who = await people();
  const owned = await ownedResources(who);
  const owner = { userId: who.owner.userId, sessionId: owned.session };
  const forged = Object.values(await forgedTokens(owner, who.owner.token)).map((t) => `Bearer ${t}`);
  const guestCartToken = await guestCart([{ productId: owned.product, quantity: 1 }]);
  return {
    doc: await publishedDocument(),
    ids: Object.values(owned),
    userToken: who.owner.token,
    adminToken: who.operator.token,
    badAuthorizations: [...forged, ...MALFORMED_AUTHORIZATIONS],
    guestCartToken,
  };
}

interface Outcome {
  request: FuzzRequest;
  status: number;
  problems: string[];
}

/** Sends one request through the Worker's fetch handler and lists what is wrong with its answer. */
async function send(request: FuzzRequest): Promise<Outcome> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${BASE}${request.target}`, { method: request.method, headers: request.headers, body: request.body }),
    fuzzEnv,
    ctx,
  );
  const problems: string[] = [];
  if (res.status === 101) {
    res.webSocket?.accept();
    res.webSocket?.close(1000, "fuzz");
  }
  const text = res.status === 101 ? "" : await res.text();
  await waitOnExecutionContext(ctx);
  if (res.status >= 500) problems.push(`status ${res.status}`);
  if (STACK_TRACE.test(text)) problems.push("stack trace or source path in the body");
  if (res.status >= 400) problems.push(...problemFieldsMissing(res, text));
  return { request, status: res.status, problems };
}

function problemFieldsMissing(res: Response, text: string): string[] {
  if (!/^application\/problem\+json/.test(res.headers.get("Content-Type") ?? "")) {
    return [`Content-Type ${res.headers.get("Content-Type")}`];
  }
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(text);
  } catch {
    return ["problem+json body is not JSON"];
  }
  const missing = PROBLEM_FIELDS.filter((f) => problem[f] === undefined || problem[f] === "").map((f) => `no ${f}`);
  if (problem.status !== res.status) missing.push(`problem.status ${problem.status}`);
  if (problem.requestId !== res.headers.get("X-Request-ID")) missing.push("requestId differs from X-Request-ID");
  return missing;
}

const describeRequest = ({ request, status, problems }: Outcome) =>
  `${request.method} ${request.target.slice(0, 200)} [auth ${request.auth}, ${request.headers["Content-Type"] ?? "no content type"}, body ${
    typeof request.body === "string" ? request.body.slice(0, 120) : `${request.body?.length ?? 0} bytes`
  }] → ${status}: ${problems.join("; ")}`;

/** Sends the requests, PARALLEL at a time. */
async function run(requests: FuzzRequest[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const lane = async () => {
    while (next < requests.length) outcomes.push(await send(requests[next++]));
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  return outcomes;
}

/**
 * Collects what the Worker logs while the fuzz runs (thousands of expected warnings, e.g. unsigned
 * webhooks), so the output stays one line; error-level lines are reported as failures.
 */
function captureLogs() {
  const errors: string[] = [];
  const spies = (["log", "info", "warn", "error"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      const line = args.map(String).join(" ");
      if (level === "error" || line.includes('"level":"error"')) errors.push(line.slice(0, 300));
    }),
  );
  const restore = () => {
    for (const spy of spies) spy.mockRestore();
  };
  return { errors, restore };
}

it(`${REQUESTS} requests generated from /openapi.json: no 5xx, no stack trace, every error problem+json`, async () => {
  const ctx = await context();
  const operations = operationsOf(ctx.doc);
  expect(operations.length).toBeGreaterThan(100);
  const perOperation = Math.ceil(REQUESTS / operations.length);
  const requests = operations.flatMap((op, i) =>
    fc.sample(requestArb(ctx, op), { seed: SEED + i, numRuns: perOperation }),
  );
  // Operations interleaved (a fixed shuffle), so a slow one never has the lanes to itself.
  const [shuffled] = fc.sample(fc.shuffledSubarray(requests, { minLength: requests.length }), {
    seed: SEED,
    numRuns: 1,
  });
  const last = (r: FuzzRequest) => ENDS_SESSION.has(r.operation) && (r.auth === "user" || r.auth === "admin");

  const logs = captureLogs();
  const outcomes: Outcome[] = [];
  try {
    outcomes.push(...(await run(shuffled.filter((r) => !last(r)))));
    // The normal user's token still works: the requests above that carried it were signed in.
    expect((await call("GET", "/api/v1/users/me", { token: ctx.userToken })).status).toBe(200);
    outcomes.push(...(await run(shuffled.filter(last))));
  } finally {
    logs.restore();
  }

  const statuses: Record<number, number> = {};
  for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
  console.log(
    `fuzz: ${outcomes.length} requests over ${operations.length} operations (seed ${SEED}); statuses ${JSON.stringify(statuses)}`,
  );
  const failures = outcomes.filter((o) => o.problems.length > 0);
  expect(failures.slice(0, 20).map(describeRequest), `${failures.length} bad answers`).toEqual([]);
  expect(logs.errors.slice(0, 10), `${logs.errors.length} error-level log lines`).toEqual([]);
}, 600_000);
