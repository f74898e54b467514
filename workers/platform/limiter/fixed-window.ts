import { nowMs } from "../clock";

/**
 * One limit key's fixed window, the code the RateLimiter Durable Object runs (one object per key,
 * named after it). `take` and `lease` read the window and write the new count with no `await`
 * between, and an object runs one call at a time, so concurrent callers can never both take the
 * last slot: exactly `limit` slots are handed out per window, which is what limits in front of
 * money need.
 */

/** A take's answer: the slot and the window it belongs to, or how long until the window ends. */
export type Take = { ok: true; windowEndsAt: number } | { ok: false; retryAfterSeconds: number };

/**
 * A lease's answer: `granted` (1..want) slots of the window ending at `windowEndsAt`, for the
 * caller to spend itself; or none left until `windowEndsAt`.
 */
export type Lease =
  | { ok: true; granted: number; windowEndsAt: number }
  | { ok: false; retryAfterSeconds: number; windowEndsAt: number };

interface WindowState {
  count: number;
  endsAt: number;
}

export class FixedWindow {
  /**
   * `key`: where the window is kept in the object's storage. `ownAlarm`: the object's alarm is the
   * window's to forget it (a RateLimiter's); an object with an alarm of its own (a Cart) passes
   * false and keeps the one stored key, which a new window simply overwrites.
   */
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly key = "window",
    private readonly ownAlarm = true,
  ) {}

  /** Takes one slot if fewer than `limit` were taken in the current window (a refusal takes none). */
  take(limit: number, windowSeconds: number): Take {
    const lease = this.lease(limit, windowSeconds, 1);
    return lease.ok
      ? { ok: true, windowEndsAt: lease.windowEndsAt }
      : { ok: false, retryAfterSeconds: lease.retryAfterSeconds };
  }

  /**
   * Takes up to `want` slots at once (as many as the window has left, at least one, or none and a
   * refusal). They count as taken from now on, spent or not: the caller may spend them later in
   * this window without asking again, and the sum over every caller never passes `limit`.
   */
  lease(limit: number, windowSeconds: number, want: number): Lease {
    const now = nowMs();
    const stored = this.storage.kv.get<WindowState>(this.key);
    const current = stored && stored.endsAt > now ? stored : { count: 0, endsAt: now + windowSeconds * 1000 };
    const granted = Math.min(Math.max(1, Math.floor(want)), limit - current.count);
    if (granted <= 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil((current.endsAt - now) / 1000));
      return { ok: false, retryAfterSeconds, windowEndsAt: current.endsAt };
    }
    this.storage.kv.put<WindowState>(this.key, { count: current.count + granted, endsAt: current.endsAt });
    // A new window: the alarm forgets it once it is over, so idle keys keep no storage.
    if (current !== stored && this.ownAlarm) void this.storage.setAlarm(current.endsAt);
    return { ok: true, granted, windowEndsAt: current.endsAt };
  }

  /**
   * Returns `count` slots taken in the window ending at `windowEndsAt` (another limit of the same
   * write refused it, or a lease was not spent); a later window is left alone.
   */
  giveBack(windowEndsAt: number, count = 1): void {
    const stored = this.storage.kv.get<WindowState>(this.key);
    if (stored && stored.endsAt === windowEndsAt && stored.count > 0) {
      const back = Math.min(stored.count, Math.max(0, Math.floor(count)));
      this.storage.kv.put<WindowState>(this.key, { count: stored.count - back, endsAt: stored.endsAt });
    }
  }

  /** The alarm: a window that is over is deleted (running twice is harmless). */
  expire(): void {
    const stored = this.storage.kv.get<WindowState>(this.key);
    if (!stored) return;
    if (stored.endsAt <= nowMs()) this.storage.kv.delete(this.key);
    else void this.storage.setAlarm(stored.endsAt);
  }
}
