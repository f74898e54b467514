import { eq, sql } from "drizzle-orm";
import { rateCounters } from "../../d1/schema/platform";
import { type Database, nowMs } from "./db";
import { ApiError } from "./errors";
import type { Lease, Take } from "./limiter/fixed-window";
import { SlotLeases } from "./limiter/slot-leases";
import { placement } from "./placement";

export interface CounterState {
  count: number;
  /** When the current window ends (epoch ms). */
  resetAt: number;
}

/**
 * Counts one hit on an exact fixed-window counter in D1 (one atomic upsert). The window starts at
 * the first hit and lasts `windowSeconds`; the next hit after it starts a new window.
 */
export async function hitCounter(db: Database, key: string, windowSeconds: number): Promise<CounterState> {
  const now = nowMs();
  const row = await counterHit(db, key, windowSeconds, now).get();
  return row ?? { count: 1, resetAt: now + windowSeconds * 1000 };
}

/** The one upsert that counts a hit (a statement, for `get()` or a batch). */
function counterHit(db: Database, key: string, windowSeconds: number, now: number) {
  const ends = now + windowSeconds * 1000;
  return db
    .insert(rateCounters)
    .values({ key, count: 1, windowStartedAt: now, windowEndsAt: ends })
    .onConflictDoUpdate({
      target: rateCounters.key,
      set: {
        count: sql`CASE WHEN ${rateCounters.windowEndsAt} <= ${now} THEN 1 ELSE ${rateCounters.count} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${rateCounters.windowEndsAt} <= ${now} THEN ${now} ELSE ${rateCounters.windowStartedAt} END`,
        windowEndsAt: sql`CASE WHEN ${rateCounters.windowEndsAt} <= ${now} THEN ${ends} ELSE ${rateCounters.windowEndsAt} END`,
      },
    })
    .returning({ count: rateCounters.count, resetAt: rateCounters.windowEndsAt });
}

/** The counter's current state without counting a hit (0 when its window is over). */
export async function peekCounter(db: Database, key: string): Promise<CounterState> {
  const row = await db.select().from(rateCounters).where(eq(rateCounters.key, key)).get();
  if (!row || row.windowEndsAt <= nowMs()) return { count: 0, resetAt: nowMs() };
  return { count: row.count, resetAt: row.windowEndsAt };
}

export function clearCounter(db: Database, key: string) {
  return db.delete(rateCounters).where(eq(rateCounters.key, key));
}

export function retryAfterSeconds(resetAt: number): string {
  return String(Math.max(1, Math.ceil((resetAt - nowMs()) / 1000)));
}

/** What an `enforceLimit` counts: each has its own 429 sentences, so they translate whole. */
export type LimitedRequest =
  | "codesPerNetwork"
  | "codesPerNumber"
  | "signInsPerNetwork"
  | "resetsPerNetwork"
  | "realtimeTickets"
  | "deviceRegistrations";

/** The 429's detail: one whole sentence per limit and wait (workers/i18n/problem-details.ts). */
function limitedDetail(what: LimitedRequest, retryAfter: string): string {
  const one = retryAfter === "1";
  switch (what) {
    case "codesPerNetwork":
      return one
        ? "Too many code requests from this network. Try again in 1 second."
        : `Too many code requests from this network. Try again in ${retryAfter} seconds.`;
    case "codesPerNumber":
      return one
        ? "Too many codes for this number this hour. Try again in 1 second."
        : `Too many codes for this number this hour. Try again in ${retryAfter} seconds.`;
    case "signInsPerNetwork":
      return one
        ? "Too many sign-in attempts from this network. Try again in 1 second."
        : `Too many sign-in attempts from this network. Try again in ${retryAfter} seconds.`;
    case "resetsPerNetwork":
      return one
        ? "Too many requests from this network. Try again in 1 second."
        : `Too many requests from this network. Try again in ${retryAfter} seconds.`;
    case "realtimeTickets":
      return one
        ? "Too many realtime tickets. Try again in 1 second."
        : `Too many realtime tickets. Try again in ${retryAfter} seconds.`;
    case "deviceRegistrations":
      return one
        ? "Too many device registrations. Try again in 1 second."
        : `Too many device registrations. Try again in ${retryAfter} seconds.`;
  }
}

/** Counts a hit and refuses with 429 + Retry-After once the window's limit is passed. */
export async function enforceLimit(
  db: Database,
  key: string,
  limit: number,
  windowSeconds: number,
  what: LimitedRequest,
): Promise<void> {
  const state = await hitCounter(db, key, windowSeconds);
  if (state.count > limit) {
    const retryAfter = retryAfterSeconds(state.resetAt);
    throw new ApiError("rate_limited", limitedDetail(what, retryAfter), {
      headers: { "Retry-After": retryAfter },
    });
  }
}

/** One limit on a write: its counter key, how many it allows, and whom it limits ("account" or "network": the detail says which). */
export interface WriteLimitKey {
  key: string;
  limit: number;
  who: string;
}

/** Which limit refused a write, and in how many seconds to retry. */
export interface Refusal {
  who: string;
  limit: number;
  retryAfter: string;
}

/**
 * counterHit as one prepared D1 statement, for countWrite: every cart add runs it, and Drizzle
 * building its CASE upsert per request showed in the add's CPU profile (docs/performance-write.md).
 * SQLite evaluates every SET expression on the row as it was, as counterHit's do.
 */
const COUNTER_HIT_SQL = `INSERT INTO rate_counters (key, count, window_started_at, window_ends_at) VALUES (?1, 1, ?2, ?3)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN window_ends_at <= ?2 THEN 1 ELSE count + 1 END,
    window_started_at = CASE WHEN window_ends_at <= ?2 THEN ?2 ELSE window_started_at END,
    window_ends_at = CASE WHEN window_ends_at <= ?2 THEN ?3 ELSE window_ends_at END
  RETURNING count, window_ends_at AS resetAt`;

/**
 * Approximate (D1 counters): every key counts the write in one batch, refused or not; the write is
 * refused when any key is past its limit.
 */
export async function countWrite(db: Database, keys: WriteLimitKey[], windowSeconds: number): Promise<Refusal | null> {
  if (keys.length === 0) return null;
  const now = nowMs();
  const hit = db.$client.prepare(COUNTER_HIT_SQL);
  const results = await db.$client.batch<CounterState>(
    keys.map((k) => hit.bind(k.key, now, now + windowSeconds * 1000)),
  );
  for (const [i, k] of keys.entries()) {
    const state = results[i]?.results[0];
    if (state && state.count > k.limit) {
      return { who: k.who, limit: k.limit, retryAfter: retryAfterSeconds(state.resetAt) };
    }
  }
  return null;
}

/**
 * Exact (a RateLimiter object per key, for limits in front of money): each key takes a slot at
 * once; when any refuses, the slots the others took are given back, so no key ever lets more than
 * its limit through, however many requests race.
 */
export async function takeWrite(env: Env, keys: WriteLimitKey[], windowSeconds: number): Promise<Refusal | null> {
  return (await takeWrites(env, keys, windowSeconds)).refusal;
}

/** What takeWrites took: refused (nothing kept), or every slot, with the means to give them back. */
export type TakenWrites = { refusal: Refusal } | { refusal: null; giveBack(): Promise<void> };

/**
 * takeWrite for a caller that checks one more limit after it (the checkout's per-account slot,
 * taken in the buyer's Cart object): when that one refuses, `giveBack` returns these slots, so the
 * refused write counts against none of them.
 */
export async function takeWrites(env: Env, keys: WriteLimitKey[], windowSeconds: number): Promise<TakenWrites> {
  const stubs = keys.map((k) => limiterStub(env, k.key));
  const takes: Take[] = await Promise.all(stubs.map((stub, i) => stub.take(keys[i].limit, windowSeconds)));
  const giveBack = async () => {
    await Promise.all(takes.map((t, i) => (t.ok ? stubs[i].giveBack(t.windowEndsAt) : undefined)));
  };
  const refusedAt = takes.findIndex((t) => !t.ok);
  if (refusedAt < 0) return { refusal: null, giveBack };
  await giveBack();
  const refused = takes[refusedAt] as Extract<Take, { ok: false }>;
  return {
    refusal: { who: keys[refusedAt].who, limit: keys[refusedAt].limit, retryAfter: String(refused.retryAfterSeconds) },
  };
}

/**
 * Exact, in bulk: up to `want` slots of one key's window at once, for a caller that spends them
 * itself without asking per write (a chat room, workers/chat/room/sender-limit.ts). The sum of all
 * leases never passes the limit; slots leased and not spent are simply lost with the window.
 */
export function leaseWrites(env: Env, key: WriteLimitKey, windowSeconds: number, want: number): Promise<Lease> {
  return limiterStub(env, key.key).lease(key.limit, windowSeconds, want);
}

/** Gives back unspent leased slots (best effort: a later window is left alone). */
export function returnWrites(env: Env, key: string, windowEndsAt: number, count: number): Promise<void> {
  return limiterStub(env, key).giveBack(windowEndsAt, count);
}

/**
 * The exact limits' slots this isolate holds (takeLeasedWrite): a lease is at most a fiftieth of
 * the limit and 16 slots, so a limit of a few dozen is taken one slot at a time, as a plain take.
 */
const isolateLeases = new SlotLeases({
  heldBy: "isolate",
  leaseSize: (limit) => Math.max(1, Math.min(16, Math.floor(limit / 50))),
});

/** What takeLeasedWrite took: refused, or one slot, with the means to give it back (to this isolate). */
export type LeasedWrite = { refusal: Refusal } | { refusal: null; giveBack(): void };

/**
 * Exact like takeWrite, for a key many requests of one isolate take (a network's cart additions):
 * the slot comes from those this isolate leased from the key's RateLimiter
 * (limiter/slot-leases.ts), so most takes make no call and no commit.
 */
export async function takeLeasedWrite(env: Env, key: WriteLimitKey, windowSeconds: number): Promise<LeasedWrite> {
  const taken = await isolateLeases.take(key.key, key.limit, (want) => leaseWrites(env, key, windowSeconds, want));
  if (!taken.ok) return { refusal: { who: key.who, limit: key.limit, retryAfter: String(taken.retryAfterSeconds) } };
  return { refusal: null, giveBack: () => isolateLeases.giveBack(key.key, taken.windowEndsAt) };
}

function limiterStub(env: Env, key: string) {
  return env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(key), placement(env));
}
