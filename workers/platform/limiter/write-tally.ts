/**
 * The approximate write limits (platform/rate-limit.ts `countWrite`) as this isolate last saw them
 * in D1, plus the hits it has counted since without writing them. Writing a D1 counter on every
 * limited write (a cart add, a review, a chat message) made every one of them a D1 write, and D1
 * runs its writes one at a time; this lets most of them be counted here instead:
 *
 * - A hit is counted here only when every key of the write was read from D1 less than SYNC_MS
 *   ago, its window is still open, the isolate has counted fewer than 1/LOCAL_SHARE of the key's
 *   limit since that read, and the count stays within the limit. Otherwise the hit goes to D1 as
 *   before, together with the hits counted here meanwhile (one batch), and D1's answer is
 *   remembered. So a key near its limit, or with a small limit (under LOCAL_SHARE: every test's
 *   tight limits), is always counted in D1, exactly as before.
 * - What the approximation costs: another isolate may not yet see up to limit/LOCAL_SHARE hits of
 *   each isolate (written with that isolate's next D1 count of the key, or never if it is evicted
 *   first). Limits in front of money are exact (RateLimiter objects) and never come here.
 */
export const SYNC_MS = 1_000;
export const LOCAL_SHARE = 16;
/** Past this many keys, the ones whose D1 read is stale are forgotten. */
const MAX_KEYS = 10_000;

export interface LimitedKey {
  key: string;
  limit: number;
}

export interface CounterState {
  count: number;
  /** When the current window ends (epoch ms). */
  resetAt: number;
}

interface Tally extends CounterState {
  syncedAt: number;
  /** Hits counted here since `syncedAt`, not in D1 yet. */
  unsynced: number;
}

export class WriteTally {
  private readonly tallies = new Map<string, Tally>();

  /** Counts a hit on every key here and answers their counts after it; null when D1 must count it. */
  countHere(keys: readonly LimitedKey[], now: number): CounterState[] | null {
    for (const k of keys) {
      const t = this.tallies.get(k.key);
      if (!t || t.resetAt <= now || now - t.syncedAt >= SYNC_MS) return null;
      if (t.unsynced + 1 > Math.floor(k.limit / LOCAL_SHARE) || t.count + 1 > k.limit) return null;
    }
    return keys.map((k) => {
      const t = this.tallies.get(k.key) as Tally;
      t.count += 1;
      t.unsynced += 1;
      return { count: t.count, resetAt: t.resetAt };
    });
  }

  /** The hits counted here on `key` and not in D1 yet, handed to the caller that writes them now. */
  takeUnsynced(key: string, now: number): number {
    const t = this.tallies.get(key);
    if (!t || t.resetAt <= now) return 0;
    const n = t.unsynced;
    t.unsynced = 0;
    return n;
  }

  /** Hits taken by `takeUnsynced` whose D1 write failed: counted here again. */
  giveBack(key: string, hits: number): void {
    const t = this.tallies.get(key);
    if (t && hits > 0) t.unsynced += hits;
  }

  /** D1's count of `key` after a write; hits counted here while it ran stay on top of it. */
  synced(key: string, state: CounterState, now: number): void {
    const during = this.tallies.get(key)?.unsynced ?? 0;
    if (this.tallies.size >= MAX_KEYS) this.forgetStale(now);
    this.tallies.set(key, { count: state.count + during, resetAt: state.resetAt, syncedAt: now, unsynced: during });
  }

  private forgetStale(now: number): void {
    for (const [key, t] of this.tallies) {
      if (t.resetAt <= now || now - t.syncedAt >= SYNC_MS) this.tallies.delete(key);
    }
  }
}
