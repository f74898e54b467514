import { nowMs } from "../clock";
import { LruCache } from "../lru";
import type { Lease, Take } from "./fixed-window";

/**
 * Slots of exact limits held by this Worker isolate, so that most takes need no call at all. The
 * count of each key stays in its RateLimiter object (one fixed window per key, fixed-window.ts):
 * the isolate leases a few slots at once (counted as taken in that window at once, so the sum over
 * every isolate never passes the limit) and spends them itself, check and spend with no await
 * between. A lease grows with use, 1, 2, 4 … up to `leaseSizeFor(limit)`, so a key used once or
 * twice here holds almost nothing unspent. The same scheme as a chat room's sender leases
 * (workers/chat/room/sender-limit.ts), for callers without an object of their own.
 *
 * The price: slots leased here and not spent are not available to other isolates until the window
 * ends, so a key used from many isolates at once may be refused slightly early (by at most one
 * lease per isolate), never late. A lease lost with the isolate, or pushed out of the map by
 * `maxKeys` others, only under-spends.
 */
export class IsolateLeases {
  private readonly held: LruCache<Held>;

  /** `maxLease`: the most slots one lease may hold; `maxKeys`: how many keys are held at once. */
  constructor(
    private readonly maxLease: number,
    maxKeys = 10_000,
  ) {
    this.held = new LruCache<Held>(maxKeys);
  }

  /**
   * Takes one slot of `key` (limit `limit`): synchronous whenever this isolate holds one of its
   * current window, else one lease asked through `ask(want)` (at most one call per key at a time;
   * concurrent takes wait for it).
   */
  take(key: string, limit: number, ask: (want: number) => Promise<Lease>): Take | Promise<Take> {
    const now = nowMs();
    const held = this.heldFor(key, now);
    return this.spend(held, now) ?? this.takeWaiting(held, limit, ask);
  }

  /** Gives a slot taken here back to this isolate (another limit of the same write refused it). */
  giveBack(key: string, windowEndsAt: number): void {
    const held = this.held.get(key);
    if (!held || held.windowEndsAt !== windowEndsAt) return;
    held.left += 1;
    held.spent = Math.max(0, held.spent - 1);
  }

  private async takeWaiting(held: Held, limit: number, ask: (want: number) => Promise<Lease>): Promise<Take> {
    for (;;) {
      held.pending ??= this.lease(held, limit, ask);
      await held.pending;
      // Check and spend again with no await between: other takes may have spent the grant.
      const taken = this.spend(held, nowMs());
      if (taken) return taken;
    }
  }

  /** A slot (spent), a refusal (the window was full when last asked), or null: ask for a lease. */
  private spend(held: Held, now: number): Take | null {
    if (held.left > 0 && held.windowEndsAt > now) {
      held.left -= 1;
      held.spent += 1;
      return { ok: true, windowEndsAt: held.windowEndsAt };
    }
    if (held.refusedUntil > now) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((held.refusedUntil - now) / 1000)) };
    }
    return null;
  }

  /** One lease request; its answer is applied to `held` when it lands. */
  private async lease(held: Held, limit: number, ask: (want: number) => Promise<Lease>): Promise<void> {
    try {
      const answer = await ask(Math.min(leaseSizeFor(limit, this.maxLease), held.spent + 1));
      if (answer.windowEndsAt !== held.windowEndsAt) {
        // Another window: what was held of the last one is over.
        Object.assign(held, { windowEndsAt: answer.windowEndsAt, left: 0, spent: 0, refusedUntil: 0 });
      }
      if (answer.ok) held.left += answer.granted;
      else held.refusedUntil = answer.windowEndsAt;
    } finally {
      held.pending = null;
    }
  }

  private heldFor(key: string, now: number): Held {
    let held = this.held.get(key);
    if (held && held.windowEndsAt <= now && held.refusedUntil <= now && !held.pending) {
      // The window is over: what was left of it lapses with it.
      Object.assign(held, { left: 0, spent: 0, refusedUntil: 0 });
    }
    if (!held) {
      held = { windowEndsAt: 0, left: 0, spent: 0, refusedUntil: 0, pending: null };
      this.held.set(key, held);
    }
    return held;
  }
}

/**
 * The largest lease for a limit: a fiftieth of it, at most `max`, at least 1 (a limit of a few
 * dozen is taken one slot at a time, as a plain take would).
 */
export function leaseSizeFor(limit: number, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(limit / 50)));
}

/** One key's slots held here, for its window ending at `windowEndsAt`. */
interface Held {
  windowEndsAt: number;
  left: number;
  /** Slots spent here in that window: sizes the next lease (a lease grows with use). */
  spent: number;
  /** The window was full when last asked: refuse here until it ends, without asking again. */
  refusedUntil: number;
  pending: Promise<void> | null;
}
