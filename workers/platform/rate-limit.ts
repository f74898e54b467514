import { eq, sql } from "drizzle-orm";
import { rateCounters } from "../../d1/schema/platform";
import { type Database, nowMs } from "./db";
import { ApiError } from "./errors";
import type { Take } from "./limiter/fixed-window";

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

/** "1 second", "42 seconds": for the detail of a 429. */
export function inSeconds(seconds: string | number): string {
  return Number(seconds) === 1 ? "1 second" : `${seconds} seconds`;
}

export function retryAfterSeconds(resetAt: number): string {
  return String(Math.max(1, Math.ceil((resetAt - nowMs()) / 1000)));
}

/** Counts a hit and refuses with 429 + Retry-After once the window's limit is passed. */
export async function enforceLimit(
  db: Database,
  key: string,
  limit: number,
  windowSeconds: number,
  what: string,
): Promise<void> {
  const state = await hitCounter(db, key, windowSeconds);
  if (state.count > limit) {
    const retryAfter = retryAfterSeconds(state.resetAt);
    throw new ApiError("rate_limited", `Too many ${what}. Try again in ${inSeconds(retryAfter)}.`, {
      headers: { "Retry-After": retryAfter },
    });
  }
}

/** One limit on a write: its counter key, how many it allows, and whom it limits (for the detail). */
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
 * Approximate (D1 counters): every key counts the write in one batch, refused or not; the write is
 * refused when any key is past its limit.
 */
export async function countWrite(db: Database, keys: WriteLimitKey[], windowSeconds: number): Promise<Refusal | null> {
  const now = nowMs();
  const [first, ...rest] = keys.map((k) => counterHit(db, k.key, windowSeconds, now));
  if (!first) return null;
  const rows = await db.batch([first, ...rest]);
  for (const [i, k] of keys.entries()) {
    const state = rows[i]?.[0];
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
  const stubs = keys.map((k) => env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(k.key)));
  const takes: Take[] = await Promise.all(stubs.map((stub, i) => stub.take(keys[i].limit, windowSeconds)));
  const refusedAt = takes.findIndex((t) => !t.ok);
  if (refusedAt < 0) return null;
  await Promise.all(takes.map((t, i) => (t.ok ? stubs[i].giveBack(t.windowEndsAt) : undefined)));
  const refused = takes[refusedAt] as Extract<Take, { ok: false }>;
  return { who: keys[refusedAt].who, limit: keys[refusedAt].limit, retryAfter: String(refused.retryAfterSeconds) };
}
