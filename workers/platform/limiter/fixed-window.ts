import { nowMs } from "../clock";

/**
 * One limit key's fixed window, the code the RateLimiter Durable Object runs (one object per key,
 * named after it). `take` reads the window and writes the new count with no `await` between, and
 * an object runs one call at a time, so concurrent callers can never both take the last slot:
 * exactly `limit` takes succeed per window, which is what limits in front of money need.
 */

/** A take's answer: the slot and the window it belongs to, or how long until the window ends. */
export type Take = { ok: true; windowEndsAt: number } | { ok: false; retryAfterSeconds: number };

interface WindowState {
  count: number;
  endsAt: number;
}

const KEY = "window";

export class FixedWindow {
  constructor(private readonly storage: DurableObjectStorage) {}

  /** Takes one slot if fewer than `limit` were taken in the current window (a refusal takes none). */
  take(limit: number, windowSeconds: number): Take {
    const now = nowMs();
    const stored = this.storage.kv.get<WindowState>(KEY);
    const current = stored && stored.endsAt > now ? stored : { count: 0, endsAt: now + windowSeconds * 1000 };
    if (current.count >= limit) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((current.endsAt - now) / 1000)) };
    }
    this.storage.kv.put<WindowState>(KEY, { count: current.count + 1, endsAt: current.endsAt });
    // A new window: the alarm forgets it once it is over, so idle keys keep no storage.
    if (current !== stored) void this.storage.setAlarm(current.endsAt);
    return { ok: true, windowEndsAt: current.endsAt };
  }

  /**
   * Returns a slot taken in the window ending at `windowEndsAt` (another limit of the same write
   * refused it); a later window is left alone.
   */
  giveBack(windowEndsAt: number): void {
    const stored = this.storage.kv.get<WindowState>(KEY);
    if (stored && stored.endsAt === windowEndsAt && stored.count > 0) {
      this.storage.kv.put<WindowState>(KEY, { count: stored.count - 1, endsAt: stored.endsAt });
    }
  }

  /** The alarm: a window that is over is deleted (running twice is harmless). */
  expire(): void {
    const stored = this.storage.kv.get<WindowState>(KEY);
    if (!stored) return;
    if (stored.endsAt <= nowMs()) this.storage.kv.delete(KEY);
    else void this.storage.setAlarm(stored.endsAt);
  }
}
