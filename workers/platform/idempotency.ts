import { and, eq, lt, or, type SQL, sql } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { idempotencyKeys } from "../../d1/schema/platform";
import type { AppEnv } from "../app-env";
import { batchGuard } from "./batch-guard";
import { type Database, database, nowMs } from "./db";
import { ApiError } from "./errors";
import { sha256Hex } from "./ids";
import { rawBodyText } from "./raw-body";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** How long a request may hold its key before another attempt with the same body may take over. */
const LOCK_MS = 60_000;
/** How long a concurrent duplicate waits for the first request's answer before getting 409. */
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 50;
/** Response headers worth replaying; the rest (request id, dates) belong to the new request. */
const REPLAYED_HEADERS = ["content-type", "location", "x-cart-token"];

/** Who a key belongs to: keys of different callers never collide. Cart tokens are kept hashed. */
async function keyScope(c: Context<AppEnv>): Promise<string> {
  const userId = c.get("userId");
  if (userId) return `user:${userId}`;
  const cartToken = c.req.header("X-Cart-Token")?.trim();
  if (cartToken) return `cart:${await sha256Hex(cartToken)}`;
  return "anonymous";
}

/** Same meaning → same hash: JSON bodies are compared by value, not by key order or spacing. */
function canonicalBody(text: string): string {
  if (text === "") return "";
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function replay(row: { responseStatus: number | null; responseHeaders: string | null; responseBody: string | null }) {
  const headers = new Headers(JSON.parse(row.responseHeaders ?? "{}") as Record<string, string>);
  headers.set("Idempotent-Replayed", "true");
  return new Response(row.responseBody, { status: row.responseStatus ?? 200, headers });
}

type KeyRow = typeof idempotencyKeys.$inferSelect;

/**
 * The key a request holds while its handler runs: whose, which, and the end of its lock, which tells
 * this attempt from a later one that took the key over (the lock is the fencing token).
 */
export interface KeyClaim {
  scope: string;
  key: string;
  lockedUntil: number;
}

const claims = new WeakMap<Request, KeyClaim>();
/** Claims whose key a handler's own batch completed (answerWrites committed): nothing is left to keep. */
const completedInBatch = new WeakSet<KeyClaim>();

/** The key this request holds (set by `idempotent`; undefined on routes without it). */
export function keyClaimOf(c: Context<AppEnv>): KeyClaim | undefined {
  return claims.get(c.req.raw);
}

/** The key's row while this very attempt still holds it. */
function heldBy(claim: KeyClaim): SQL | undefined {
  return and(
    eq(idempotencyKeys.scope, claim.scope),
    eq(idempotencyKeys.key, claim.key),
    eq(idempotencyKeys.state, "in_progress"),
    eq(idempotencyKeys.lockedUntil, claim.lockedUntil),
  );
}

/** A response as the key keeps it, to replay. */
export interface StoredAnswer {
  status: number;
  /** JSON of the replayed headers. */
  headers: string;
  body: string;
}

export async function storedAnswerOf(res: Response): Promise<StoredAnswer> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: res.status, headers: JSON.stringify(headers), body: await res.clone().text() };
}

/**
 * For a handler whose own D1 batch is its commit point: the write that completes the key with the
 * final answer, and a guard that stops the batch unless this attempt still holds the key. Put both in
 * the batch, and the writes and the answer a retry replays land together or not at all.
 */
export function answerWrites(db: Database, claim: KeyClaim, answer: StoredAnswer) {
  const held = sql`EXISTS (SELECT 1 FROM ${idempotencyKeys} WHERE ${heldBy(claim)})`;
  return [
    batchGuard(db, held),
    db
      .update(idempotencyKeys)
      .set({
        state: "completed",
        responseStatus: answer.status,
        responseHeaders: answer.headers,
        responseBody: answer.body,
      })
      .where(heldBy(claim)),
  ] as const;
}

/**
 * Tells the middleware that the key is completed already (the batch with `answerWrites` committed,
 * or another attempt answered it): its `keepAnswer` would update no row, so it skips the round trip.
 */
export function markKeyCompleted(claim: KeyClaim): void {
  completedInBatch.add(claim);
}

export type KeyOutcome =
  | { state: "held" }
  | { state: "completed"; answer: StoredAnswer }
  /** Another attempt took the key over, or it was given up: this attempt must change nothing more. */
  | { state: "lost" };

/** Where the key stands for this attempt: still held by it, answered (by whichever attempt), or lost. */
export async function keyOutcome(db: Database, claim: KeyClaim): Promise<KeyOutcome> {
  const row = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key)))
    .get();
  if (row?.state === "completed") {
    const answer = {
      status: row.responseStatus ?? 200,
      headers: row.responseHeaders ?? "{}",
      body: row.responseBody ?? "",
    };
    return { state: "completed", answer };
  }
  return row?.lockedUntil === claim.lockedUntil ? { state: "held" } : { state: "lost" };
}

/**
 * For whoever waits on the work of a request that may have died (the Cart object's alarm over a
 * checkout's hand-off): `completed` with its status, `running` until its lock ends, or `abandoned`:
 * no row, or a lock that ran out, which is deleted here so that the dead attempt can no longer
 * commit (`answerWrites` refuses it) while a retry may start afresh.
 */
export async function settleAbandonedKey(
  db: Database,
  scope: string,
  key: string,
  now: number,
): Promise<{ state: "completed"; status: number } | { state: "running"; until: number } | { state: "abandoned" }> {
  const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));
  const row = await db.select().from(idempotencyKeys).where(where).get();
  if (!row) return { state: "abandoned" };
  if (row.state === "completed") return { state: "completed", status: row.responseStatus ?? 200 };
  if (row.lockedUntil >= now) return { state: "running", until: row.lockedUntil };
  const gone = await db
    .delete(idempotencyKeys)
    .where(and(where, eq(idempotencyKeys.state, "in_progress"), eq(idempotencyKeys.lockedUntil, row.lockedUntil)))
    .returning({ key: idempotencyKeys.key });
  return gone.length > 0 ? { state: "abandoned" } : { state: "running", until: now };
}

/** The request's key, checked: required, and 1 to 255 visible ASCII characters. */
function requiredKey(c: Context<AppEnv>): string {
  const key = c.req.header("Idempotency-Key");
  if (!key) {
    throw new ApiError(
      "idempotency_key_required",
      "This request creates money or orders, so it needs an Idempotency-Key header: a unique value (e.g. a UUID) per intended operation, reused only to retry it.",
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError(
      "bad_request",
      "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.",
    );
  }
  return key;
}

/**
 * Takes the key atomically: a new key, a key that expired, or an abandoned attempt at the very same
 * request. False when another attempt holds it or has answered it.
 */
async function takeKey(
  db: Database,
  row: { scope: string; key: string; requestHash: string },
  now: number,
  ttlMs: number,
): Promise<KeyClaim | null> {
  const claim = { requestHash: row.requestHash, state: "in_progress" as const, lockedUntil: now + LOCK_MS };
  const taken = await db
    .insert(idempotencyKeys)
    .values({ ...row, ...claim, createdAt: now, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: {
        ...claim,
        createdAt: now,
        expiresAt: now + ttlMs,
        responseStatus: null,
        responseHeaders: null,
        responseBody: null,
      },
      setWhere: or(
        lt(idempotencyKeys.expiresAt, now),
        and(
          eq(idempotencyKeys.state, "in_progress"),
          lt(idempotencyKeys.lockedUntil, now),
          eq(idempotencyKeys.requestHash, row.requestHash),
        ),
      ),
    })
    .returning({ key: idempotencyKeys.key });
  return taken.length > 0 ? { scope: row.scope, key: row.key, lockedUntil: claim.lockedUntil } : null;
}

/**
 * A duplicate of a request that holds the key: waits for the first one's answer and replays it;
 * another body under the key is refused; a first attempt still running after the wait is 409.
 */
async function answerOfFirst(db: Database, where: SQL | undefined, requestHash: string): Promise<Response> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const row: KeyRow | undefined = await db.select().from(idempotencyKeys).where(where).get();
    if (row && row.requestHash !== requestHash) {
      throw new ApiError(
        "idempotency_key_reused",
        "This Idempotency-Key was already used with a different request body. Use a new key for a new operation.",
      );
    }
    if (row?.state === "completed") return replay(row);
    if (!row || Date.now() >= deadline) {
      throw new ApiError(
        "conflict",
        "A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.",
        { headers: { "Retry-After": "1" } },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Keeps the answer under the key, to replay; validation failures, rate limits and server errors
 * give the key back instead, so the caller can fix and retry with it. Only while this attempt still
 * holds the key: a handler that completed it in its own batch, or lost it to a takeover, is left be.
 */
async function keepAnswer(db: Database, claim: KeyClaim, res: Response): Promise<void> {
  if (completedInBatch.has(claim)) return;
  const problemCode =
    res.status >= 400
      ? (
          (await res
            .clone()
            .json()
            .catch(() => ({}))) as { code?: string }
        ).code
      : undefined;
  if (res.status >= 500 || res.status === 429 || problemCode === "validation_failed") {
    await db.delete(idempotencyKeys).where(heldBy(claim));
    return;
  }
  const answer = await storedAnswerOf(res);
  await db
    .update(idempotencyKeys)
    .set({
      state: "completed",
      responseStatus: answer.status,
      responseHeaders: answer.headers,
      responseBody: answer.body,
    })
    .where(heldBy(claim));
}

/**
 * Work a keyed write starts beside its key claim instead of after it (its rate-limit slots,
 * workers/middleware/write-limits.ts), saving a round trip: resolves to the means of undoing it,
 * or rejects with the answer to give (a 429). A request that turns out to be a replay, or that
 * fails to claim its key, undoes it, so a replayed key still costs nothing.
 */
export type BesideKeyClaim = (c: Context<AppEnv>) => Promise<() => Promise<void>>;

/** Undoes what `beside` did, if it did anything; best effort (a slot left taken refuses early, never late). */
async function undoBeside(started: Promise<() => Promise<void>> | undefined): Promise<void> {
  const undo = await started?.catch(() => undefined);
  await undo?.().catch(() => undefined);
}

/**
 * Idempotency for writes that create money or orders (CONTRACT.md). The first request with a key
 * takes it atomically; concurrent duplicates wait for its answer and get the same response; the
 * same key with another body is refused. Responses are kept IDEMPOTENCY_TTL_SECONDS. Validation
 * failures, rate limits and server errors are not kept, so the caller can fix and retry the key.
 * `beside`: work started at the same time as the claim (BesideKeyClaim); the handler runs only once
 * both succeeded, and the commit point is still the handler's.
 */
export function idempotentWith(beside?: BesideKeyClaim) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = requiredKey(c);
    const started = beside?.(c);
    // Awaited below on every path; this only keeps a rejection from counting as unhandled meanwhile.
    started?.catch(() => undefined);
    const db = database(c.env);
    const { held, where, requestHash } = await claimKey(c, db, key).catch(async (err: unknown) => {
      await undoBeside(started);
      throw err;
    });
    if (!held) {
      await undoBeside(started);
      c.res = await answerOfFirst(db, where, requestHash);
      return;
    }
    await started?.catch(async (err: unknown) => {
      // Refused beside the claim (a 429): the key is given back, as keepAnswer does for a 429.
      await db.delete(idempotencyKeys).where(heldBy(held));
      throw err;
    });
    claims.set(c.req.raw, held);
    await next();
    await keepAnswer(db, held, c.res);
  });
}

/** The request's key claimed (takeKey), or where to find the attempt that holds it. */
async function claimKey(c: Context<AppEnv>, db: Database, key: string) {
  const scope = await keyScope(c);
  const requestHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${canonicalBody(await rawBodyText(c.req))}`);
  const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));
  const ttlMs = c.get("config").limits.idempotencyTtlSeconds * 1000;
  const held = await takeKey(db, { scope, key, requestHash }, nowMs(), ttlMs);
  return { held, where, requestHash };
}

export const idempotent = idempotentWith();
