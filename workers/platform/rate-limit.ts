import { eq, sql } from "drizzle-orm";
import { rateCounters } from "../../d1/schema/platform";
import { type Database, nowMs } from "./db";
import { ApiError } from "./errors";

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
  const ends = now + windowSeconds * 1000;
  const row = await db
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
    .returning({ count: rateCounters.count, resetAt: rateCounters.windowEndsAt })
    .get();
  return row ?? { count: 1, resetAt: ends };
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
