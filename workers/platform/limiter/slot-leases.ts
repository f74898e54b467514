import { nowMs } from "../clock";
import { logEvent } from "../log";
import { LruCache } from "../lru";
import type { Lease, Take } from "./fixed-window";

/**
 * Slots of exact limits held where they are spent, so that most takes need no call at all: by a
 * Worker isolate (a network's cart additions, rate-limit.ts) or by a chat room (its senders'
 * messages across dialogs, workers/chat/room/sender-limit.ts). The count of each key stays in its
 * RateLimiter object (one fixed window per key, fixed-window.ts): the holder leases a few slots at
 * once (counted as taken in that window at once, so the sum over every holder never passes the
 * limit) and spends them itself, check and spend with no await between. A lease grows with use,
 * 1, 2, 4 … up to `leaseSize(limit)`, so a key used once or twice here holds almost nothing unspent.
 *
 * A Worker isolate serves many requests, each with its own I/O context: a promise one request's
 * call made must never be awaited by another (workerd cancels the waiter when the caller's request
 * ends, and the waiter hangs until the runtime kills it). So an isolate's takes each ask for their
 * own lease (`heldBy: "isolate"`), their grants pooled here, and what a take gets beyond its own
 * slot serves the takes after it. Only a Durable Object, whose requests share one context, lets
 * concurrent takes wait for one call (`heldBy: "object"`).
 *
 * The price: slots leased here and not spent are not available to other holders until the window
 * ends, so a key used from many places at once may be refused slightly early (by at most about a
 * lease per holder), never late. A lease lost with its holder, or pushed out by `maxKeys` others,
 * only under-spends.
 */
export class SlotLeases {
  private readonly held: LruCache<Held>;

  constructor(private readonly options: SlotLeasesOptions) {
    this.held = new LruCache<Held>(options.maxKeys ?? 10_000);
  }

  /**
   * Takes one slot of `key` (limit `limit`): synchronous whenever one of its current window is
   * held here, else a lease asked through `ask(want)`: by this take itself in an isolate; in an
   * object, at most one call per key at a time, concurrent takes waiting for it.
   */
  take(key: string, limit: number, ask: Ask): Take | Promise<Take> {
    const now = nowMs();
    const held = this.heldFor(key, now);
    return this.spend(held, now, limit, ask) ?? this.takeWaiting(held, limit, ask);
  }

  /** Gives a slot taken here back to this holder (another limit of the same write refused it). */
  giveBack(key: string, windowEndsAt: number): void {
    const held = this.held.get(key);
    if (!held || held.windowEndsAt !== windowEndsAt) return;
    held.left += 1;
    held.spent = Math.max(0, held.spent - 1);
  }

  /**
   * Forgets `key` here and says what was held of it and unspent, for the caller to give back to
   * the RateLimiter (best effort); null when nothing is, or a lease request is still in flight.
   * Forgotten before the caller's call, so a slot is never both given back and spent.
   */
  release(key: string): { left: number; windowEndsAt: number } | null {
    const held = this.held.get(key);
    if (!held || held.asking > 0) return null;
    this.held.delete(key);
    if (held.left <= 0 || held.windowEndsAt <= nowMs()) return null;
    return { left: held.left, windowEndsAt: held.windowEndsAt };
  }

  /** What is held of `key` (for tests and diagnostics). */
  peek(key: string): Readonly<Held> | undefined {
    return this.held.get(key);
  }

  private async takeWaiting(held: Held, limit: number, ask: Ask): Promise<Take> {
    for (;;) {
      if (this.options.heldBy === "isolate") {
        // Never await another request's call: ask for itself; what it gets beyond its slot stays here.
        await this.lease(held, limit, ask);
      } else {
        held.pending ??= this.lease(held, limit, ask).finally(() => {
          held.pending = null;
        });
        await held.pending;
      }
      // Check and spend again with no await between: other takes may have spent the grant.
      const taken = this.spend(held, nowMs(), limit, ask);
      if (taken) return taken;
    }
  }

  /** A slot (spent), a refusal (the window was full when last asked), or null: ask for a lease. */
  private spend(held: Held, now: number, limit: number, ask: Ask): Take | null {
    if (held.left > 0 && held.windowEndsAt > now) {
      held.left -= 1;
      held.spent += 1;
      if (this.options.refillAhead) this.refillIfLow(held, now, limit, ask);
      return { ok: true, windowEndsAt: held.windowEndsAt };
    }
    if (held.refusedUntil > now) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((held.refusedUntil - now) / 1000)) };
    }
    return null;
  }

  /** A key that keeps being used here: the next lease is asked for before this one runs out. */
  private refillIfLow(held: Held, now: number, limit: number, ask: Ask): void {
    const size = this.options.leaseSize(limit);
    const low = Math.max(1, Math.floor(size / 4));
    if (held.spent < size || held.left >= low || held.asking > 0 || held.refusedUntil > now) return;
    held.pending = this.lease(held, limit, ask).finally(() => {
      held.pending = null;
    });
    held.pending.catch((err: unknown) => logEvent("warn", "lease_refill_failed", { error: String(err) }));
  }

  /** One lease request; its answer is applied to `held` when it lands. */
  private async lease(held: Held, limit: number, ask: Ask): Promise<void> {
    held.asking += 1;
    try {
      const answer = await ask(Math.min(this.options.leaseSize(limit), held.spent + 1));
      // An answer about a window already over here (calls in flight at once): its slots lapse unspent.
      if (answer.windowEndsAt < held.windowEndsAt) return;
      if (answer.windowEndsAt !== held.windowEndsAt) {
        // Another window: what was held of the last one is over.
        Object.assign(held, { windowEndsAt: answer.windowEndsAt, left: 0, spent: 0, refusedUntil: 0 });
      }
      if (answer.ok) held.left += answer.granted;
      else held.refusedUntil = answer.windowEndsAt;
    } finally {
      held.asking -= 1;
    }
  }

  private heldFor(key: string, now: number): Held {
    let held = this.held.get(key);
    if (held && held.windowEndsAt <= now && held.refusedUntil <= now && held.asking === 0) {
      // The window is over: what was left of it lapses with it.
      Object.assign(held, { left: 0, spent: 0, refusedUntil: 0 });
    }
    if (!held) {
      held = { windowEndsAt: 0, left: 0, spent: 0, refusedUntil: 0, asking: 0, pending: null };
      this.held.set(key, held);
    }
    return held;
  }
}

export interface SlotLeasesOptions {
  /** Who holds the slots: an isolate (many requests' I/O contexts) or a Durable Object (one). */
  heldBy: "isolate" | "object";
  /** The largest lease for a limit (at least 1). */
  leaseSize(limit: number): number;
  /** Ask for the next lease in the background once a key used here runs low (a chat room's sender). */
  refillAhead?: boolean;
  /** How many keys are held at once (the least recently used go first). */
  maxKeys?: number;
}

/** Asks the key's RateLimiter for a lease of up to `want` slots. */
type Ask = (want: number) => Promise<Lease>;

/** One key's slots held here, for its window ending at `windowEndsAt`. */
interface Held {
  windowEndsAt: number;
  left: number;
  /** Slots spent here in that window: sizes the next lease (a lease grows with use). */
  spent: number;
  /** The window was full when last asked: refuse here until it ends, without asking again. */
  refusedUntil: number;
  /** Lease requests in flight (a call of a cancelled request never lands: only ever under-spends). */
  asking: number;
  /** An object's one lease request in flight, which its concurrent takes wait for. */
  pending: Promise<void> | null;
}
