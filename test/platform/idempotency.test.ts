import { createExecutionContext, env } from "cloudflare:test";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../../workers/app-env";
import { requestFrame } from "../../workers/middleware/request-frame";
import { readConfig } from "../../workers/platform/config";
import { ApiError, renderError } from "../../workers/platform/errors";
import { idempotent } from "../../workers/platform/idempotency";
import { sha256Hex } from "../../workers/platform/ids";
import { createRouter, defineRoute } from "../../workers/platform/openapi";
import { advanceTime } from "../support/clock";

type Outcome = "ok" | "validation_failed" | "conflict" | "crash";

/** What the next executions of the handler do, in order; "ok" once the list is empty. */
const plannedOutcomes: Outcome[] = [];
/** How long each execution takes, so concurrent duplicates really overlap it. */
let handlerDelayMs = 0;

/** Every execution of a handler leaves one row here, so the tests count executions in D1. */
async function recordExecution(c: Context<AppEnv>, body: unknown): Promise<number> {
  const row = await c.env.DB.prepare(
    "INSERT INTO idem_test_executions (scope, body, at) VALUES (?, ?, ?) RETURNING seq",
  )
    .bind(c.req.header("X-Cart-Token") ?? "", JSON.stringify(body), Date.now())
    .first<{ seq: number }>();
  if (!row) throw new Error("insert returned nothing");
  return row.seq;
}

const PaymentBody = z.object({ amount: z.number().int().positive(), currency: z.string().length(3) });
const createPaymentRoute = defineRoute({
  method: "post",
  path: "/api/v1/test/payments",
  middleware: [idempotent] as const,
  request: { body: { required: true, content: { "application/json": { schema: PaymentBody } } } },
  responses: { 201: { description: "Created", content: { "application/json": { schema: z.unknown() } } } },
});

const router = createRouter();
router.post("/api/v1/test/orders", idempotent, async (c) => {
  const body = await c.req.json();
  if (handlerDelayMs) await new Promise((resolve) => setTimeout(resolve, handlerDelayMs));
  const seq = await recordExecution(c, body);
  const outcome = plannedOutcomes.shift() ?? "ok";
  if (outcome === "crash") throw new Error("database fell over");
  if (outcome === "validation_failed") {
    throw new ApiError("validation_failed", "Quantity is off.", {
      errors: [{ path: "quantity", message: "Too many" }],
    });
  }
  if (outcome === "conflict") throw new ApiError("conflict", "Out of stock.");
  const orderId = `ord_${seq}`;
  return c.json({ orderId, seq, received: body }, 201, { Location: `/api/v1/orders/${orderId}` });
});
router.openapi(createPaymentRoute, async (c) => {
  const body = c.req.valid("json");
  const seq = await recordExecution(c, body);
  return c.json({ paymentId: `pay_${seq}`, amount: body.amount }, 201);
});

const app = createRouter();
app.use("*", requestFrame);
app.route("/", router);
app.onError((err, c) => renderError(err, c as Context<AppEnv>));

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.fetch(
    new Request(`http://tchat.test${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    env,
    createExecutionContext(),
  );
}
const order = (body: unknown, headers: Record<string, string> = {}) => post("/api/v1/test/orders", body, headers);

async function executions(): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM idem_test_executions").first<{ n: number }>();
  return row?.n ?? 0;
}

async function keyRow(key: string) {
  return env.DB.prepare("SELECT * FROM idempotency_keys WHERE key = ?").bind(key).first<{
    scope: string;
    state: string;
    response_status: number | null;
    expires_at: number;
  }>();
}

const newKey = () => crypto.randomUUID();

beforeAll(async () => {
  await env.DB.prepare(
    "CREATE TABLE IF NOT EXISTS idem_test_executions (seq INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL)",
  ).run();
});

describe("idempotent middleware", () => {
  it("requires an Idempotency-Key and does not run the handler without one", async () => {
    const before = await executions();
    const res = await order({ sku: "A", quantity: 1 });
    expect(res.status).toBe(400);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { code: string; requestId: string };
    expect(problem.code).toBe("idempotency_key_required");
    expect(problem.requestId).toBe(res.headers.get("X-Request-ID"));
    expect(await executions()).toBe(before);
  });

  it("refuses a malformed key with 400 bad_request", async () => {
    for (const key of ["has spaces", "k".repeat(256)]) {
      const res = await order({ sku: "A" }, { "Idempotency-Key": key });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe("bad_request");
    }
  });

  it("replays the same key and body: same status, body and headers, handler ran once", async () => {
    const key = newKey();
    const before = await executions();
    const first = await order({ sku: "A", quantity: 2 }, { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    const firstBody = await first.text();

    for (let i = 0; i < 3; i++) {
      const again = await order({ sku: "A", quantity: 2 }, { "Idempotency-Key": key });
      expect(again.status).toBe(201);
      expect(again.headers.get("Idempotent-Replayed")).toBe("true");
      expect(await again.text()).toBe(firstBody);
      expect(again.headers.get("Location")).toBe(first.headers.get("Location"));
      expect(again.headers.get("Content-Type")).toBe(first.headers.get("Content-Type"));
      // The request id belongs to the new request, not the replayed one.
      expect(again.headers.get("X-Request-ID")).not.toBe(first.headers.get("X-Request-ID"));
    }
    expect(await executions()).toBe(before + 1);
    expect(await keyRow(key)).toMatchObject({ state: "completed", response_status: 201, scope: "anonymous" });
  });

  it("treats JSON key order and spacing as the same body", async () => {
    const key = newKey();
    const before = await executions();
    const first = await order('{"sku":"B","quantity":1,"meta":{"a":1,"b":[1,{"x":1,"y":2}]}}', {
      "Idempotency-Key": key,
    });
    expect(first.status).toBe(201);
    const again = await order('{ "meta": { "b": [1, {"y": 2, "x": 1}], "a": 1 }, "quantity": 1, "sku": "B" }', {
      "Idempotency-Key": key,
    });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.text()).toBe(await first.text());
    expect(await executions()).toBe(before + 1);
  });

  it("refuses the same key with a different body: 422 idempotency_key_reused, handler not run", async () => {
    const key = newKey();
    const first = await order({ sku: "C", quantity: 1 }, { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    const before = await executions();
    for (const other of [{ sku: "C", quantity: 2 }, { sku: "C", quantity: 1, extra: true }, [1]]) {
      const res = await order(other, { "Idempotency-Key": key });
      expect(res.status).toBe(422);
      expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { code: string }).code).toBe("idempotency_key_reused");
    }
    // The same key on another path is another request too.
    const elsewhere = await post("/api/v1/test/payments", { amount: 100, currency: "THB" }, { "Idempotency-Key": key });
    expect(elsewhere.status).toBe(422);
    expect(((await elsewhere.json()) as { code: string }).code).toBe("idempotency_key_reused");
    expect(await executions()).toBe(before);
    // The original answer is still there.
    const replay = await order({ sku: "C", quantity: 1 }, { "Idempotency-Key": key });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await replay.text()).toBe(await first.text());
  });

  it("50 concurrent requests with one key: one execution, 50 identical 201s", async () => {
    const key = newKey();
    const before = await executions();
    handlerDelayMs = 300;
    try {
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => order({ sku: "D", quantity: 5 }, { "Idempotency-Key": key })),
      );
      const statuses = responses.map((r) => r.status);
      const bodies = await Promise.all(responses.map((r) => r.text()));
      expect(statuses).toEqual(Array(50).fill(201));
      expect(new Set(bodies).size).toBe(1);
      expect(JSON.parse(bodies[0])).toMatchObject({ received: { sku: "D", quantity: 5 } });
      expect(new Set(responses.map((r) => r.headers.get("Location"))).size).toBe(1);
      const replayed = responses.filter((r) => r.headers.get("Idempotent-Replayed") === "true");
      expect(replayed).toHaveLength(49);
    } finally {
      handlerDelayMs = 0;
    }
    expect(await executions()).toBe(before + 1);
  });

  it("does not keep the key when the handler answers 422 validation_failed: a retry runs again", async () => {
    const key = newKey();
    const before = await executions();
    plannedOutcomes.push("validation_failed");
    const failed = await order({ sku: "E", quantity: 99 }, { "Idempotency-Key": key });
    expect(failed.status).toBe(422);
    expect(((await failed.json()) as { code: string }).code).toBe("validation_failed");
    expect(await keyRow(key)).toBeNull();

    const retry = await order({ sku: "E", quantity: 99 }, { "Idempotency-Key": key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await executions()).toBe(before + 2);
  });

  it("does not keep the key when the handler fails with 500: a retry runs again", async () => {
    const key = newKey();
    const before = await executions();
    plannedOutcomes.push("crash");
    const failed = await order({ sku: "F", quantity: 1 }, { "Idempotency-Key": key });
    expect(failed.status).toBe(500);
    const problem = await failed.text();
    expect(JSON.parse(problem)).toMatchObject({ code: "internal_error", status: 500 });
    expect(problem).not.toContain("database fell over");
    expect(await keyRow(key)).toBeNull();

    const retry = await order({ sku: "F", quantity: 1 }, { "Idempotency-Key": key });
    expect(retry.status).toBe(201);
    const again = await order({ sku: "F", quantity: 1 }, { "Idempotency-Key": key });
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.text()).toBe(await retry.text());
    expect(await executions()).toBe(before + 2);
  });

  it("does not keep the key when request validation fails, so the caller can fix the body", async () => {
    const key = newKey();
    const before = await executions();
    const invalid = await post(
      "/api/v1/test/payments",
      { amount: "lots", currency: "THB" },
      { "Idempotency-Key": key },
    );
    expect(invalid.status).toBe(422);
    const problem = (await invalid.json()) as { code: string; errors: { path: string }[] };
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors.map((e) => e.path)).toEqual(["amount"]);
    expect(await executions()).toBe(before);

    const fixed = await post("/api/v1/test/payments", { amount: 100, currency: "THB" }, { "Idempotency-Key": key });
    expect(fixed.status).toBe(201);
    expect(await executions()).toBe(before + 1);
  });

  it("keeps and replays other 4xx answers (e.g. 409), which are the operation's outcome", async () => {
    const key = newKey();
    const before = await executions();
    plannedOutcomes.push("conflict");
    const first = await order({ sku: "G", quantity: 1 }, { "Idempotency-Key": key });
    expect(first.status).toBe(409);
    const again = await order({ sku: "G", quantity: 1 }, { "Idempotency-Key": key });
    expect(again.status).toBe(409);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    expect(((await again.json()) as { code: string }).code).toBe("conflict");
    expect(await executions()).toBe(before + 1);
  });

  it("scopes keys per caller: another X-Cart-Token is independent", async () => {
    const key = newKey();
    const before = await executions();
    const a = await order({ sku: "H", quantity: 1 }, { "Idempotency-Key": key, "X-Cart-Token": "cart-a" });
    const b = await order({ sku: "H", quantity: 3 }, { "Idempotency-Key": key, "X-Cart-Token": "cart-b" });
    const anon = await order({ sku: "H", quantity: 7 }, { "Idempotency-Key": key });
    expect([a.status, b.status, anon.status]).toEqual([201, 201, 201]);
    for (const res of [a, b, anon]) expect(res.headers.get("Idempotent-Replayed")).toBeNull();
    const ids = await Promise.all([a, b, anon].map(async (r) => ((await r.json()) as { orderId: string }).orderId));
    expect(new Set(ids).size).toBe(3);
    expect(await executions()).toBe(before + 3);

    const aAgain = await order({ sku: "H", quantity: 1 }, { "Idempotency-Key": key, "X-Cart-Token": "cart-a" });
    expect(aAgain.headers.get("Idempotent-Replayed")).toBe("true");
    expect(((await aAgain.json()) as { orderId: string }).orderId).toBe(ids[0]);
    const scopes = await env.DB.prepare("SELECT scope FROM idempotency_keys WHERE key = ? ORDER BY scope")
      .bind(key)
      .all<{ scope: string }>();
    // Cart tokens are bearer secrets: the scope keeps only their hash.
    const hashed = await Promise.all(["cart-a", "cart-b"].map(async (t) => `cart:${await sha256Hex(t)}`));
    expect(scopes.results.map((r) => r.scope).sort()).toEqual(["anonymous", ...hashed].sort());
  });

  it("lets an expired key be used again, for any body", async () => {
    const key = newKey();
    const first = await order({ sku: "I", quantity: 1 }, { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    const stored = await keyRow(key);
    // The TTL is IDEMPOTENCY_TTL_SECONDS (24 h locally).
    expect(stored?.expires_at).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    advanceTime(readConfig(env).limits.idempotencyTtlSeconds * 1000 + 1_000);

    const before = await executions();
    const reused = await order({ sku: "I", quantity: 4 }, { "Idempotency-Key": key });
    expect(reused.status).toBe(201);
    expect(reused.headers.get("Idempotent-Replayed")).toBeNull();
    const reusedBody = await reused.text();
    expect(reusedBody).not.toBe(await first.text());
    expect(await executions()).toBe(before + 1);

    // From now on the key stands for the new request.
    const replay = await order({ sku: "I", quantity: 4 }, { "Idempotency-Key": key });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await replay.text()).toBe(reusedBody);
    const old = await order({ sku: "I", quantity: 1 }, { "Idempotency-Key": key });
    expect(old.status).toBe(422);
    expect(await executions()).toBe(before + 1);
  });
});
