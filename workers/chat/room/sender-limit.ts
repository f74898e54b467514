import { nowMs } from "../../platform/clock";
import type { ChatConfig } from "../../platform/config";
import { logEvent } from "../../platform/log";
import { leaseWrites, returnWrites } from "../../platform/rate-limit";

/**
 * Messages one user sends across all their dialogs (HTTP and sockets: both reach a room's send),
 * at most CHAT_USER_SEND_LIMIT per CHAT_USER_SEND_WINDOW_SECONDS. No room sees the others, so the
 * count is kept by the RateLimiter object named after the user (an exact fixed window).
 *
 * Asking that object once per message was the largest single cost of a send (one awaited RPC
 * before the message could be stored and fanned out). So a room leases slots instead: it takes a
 * few of the user's slots at once (counted as taken in the user's window at once, so the sum of
 * every room's sends can never pass the limit) and spends them itself, check and spend with no
 * await between. A lease grows with use, 1, 2, 4 … up to `leaseSizeFor(limit)`, so a user who
 * writes a line or two in many dialogs holds almost nothing unspent; a room where the user keeps
 * writing asks for the next lease in the background before the current one runs out (at most one
 * request outstanding per user and room).
 *
 * The price: slots leased by one room and not spent there are not available to the user's other
 * rooms until the window ends, so a user writing in many rooms at once may be refused slightly
 * early (by at most what the other rooms hold: fewer than the user sent there this window, and at
 * most 1¼ leases each), never late. Unspent slots are returned when the user's last socket on the
 * room closes (best effort) and otherwise lapse with the window; a lease lost with a crash, an
 * eviction or a failed call only under-spends.
 */
export class SenderLeases {
  private readonly byUser = new Map<string, UserLease>();
  private readonly size: number;
  private readonly refillBelow: number;

  constructor(
    private readonly env: Env,
    private readonly config: ChatConfig,
  ) {
    this.size = leaseSizeFor(config.userSendLimit);
    this.refillBelow = Math.max(1, Math.floor(this.size / 4));
  }

  /**
   * Takes one of `userId`'s sends: 0 when taken, else the seconds to wait. Synchronous (no RPC)
   * whenever this room holds a slot of the user's current window.
   */
  take(userId: string): number | Promise<number> {
    const now = nowMs();
    const lease = this.leaseOf(userId, now);
    const spent = this.spend(userId, lease, now);
    return spent ?? this.takeWaiting(userId, lease);
  }

  /** The user's last socket here closed: give the unspent slots back (best effort). */
  release(userId: string): void {
    const lease = this.byUser.get(userId);
    if (!lease || lease.pending) return;
    this.byUser.delete(userId);
    if (lease.left <= 0 || lease.windowEndsAt <= nowMs()) return;
    // Forgotten here before the call: a slot is never both returned and spent.
    returnWrites(this.env, keyOf(userId), lease.windowEndsAt, lease.left).catch((err: unknown) =>
      logEvent("warn", "chat_lease_return_failed", { error: String(err) }),
    );
  }

  private async takeWaiting(userId: string, lease: UserLease): Promise<number> {
    for (;;) {
      lease.pending ??= this.ask(userId, lease);
      await lease.pending;
      // Check and spend again with no await in between: other sends may have spent the grant.
      const spent = this.spend(userId, lease, nowMs());
      if (spent !== null) return spent;
    }
  }

  /** Spends a slot (0), refuses (seconds to wait), or null: none held, ask the user's limiter. */
  private spend(userId: string, lease: UserLease, now: number): number | null {
    if (lease.left <= 0 || lease.windowEndsAt <= now) {
      return lease.refusedUntil > now ? Math.max(1, Math.ceil((lease.refusedUntil - now) / 1000)) : null;
    }
    lease.left -= 1;
    lease.spent += 1;
    // A user who keeps writing here: the next lease is asked for before this one runs out.
    if (lease.spent >= this.size && lease.left < this.refillBelow && !lease.pending && lease.refusedUntil <= now) {
      lease.pending = this.ask(userId, lease);
      lease.pending.catch((err: unknown) => logEvent("warn", "chat_lease_refill_failed", { error: String(err) }));
    }
    return 0;
  }

  /** One lease request to the user's RateLimiter; its answer is applied to `lease` when it lands. */
  private async ask(userId: string, lease: UserLease): Promise<void> {
    try {
      const want = Math.min(this.size, lease.spent + 1);
      const key = { key: keyOf(userId), limit: this.config.userSendLimit, who: "you" };
      const answer = await leaseWrites(this.env, key, this.config.userSendWindowSeconds, want);
      if (answer.windowEndsAt !== lease.windowEndsAt) {
        // Another window: the slots held for the last one are over.
        Object.assign(lease, { windowEndsAt: answer.windowEndsAt, left: 0, spent: 0, refusedUntil: 0 });
      }
      if (answer.ok) lease.left += answer.granted;
      else lease.refusedUntil = answer.windowEndsAt;
    } finally {
      lease.pending = null;
    }
  }

  private leaseOf(userId: string, now: number): UserLease {
    let lease = this.byUser.get(userId);
    if (lease && lease.windowEndsAt <= now && !lease.pending) {
      // The window is over: what was left of it lapses with it.
      Object.assign(lease, { left: 0, spent: 0, refusedUntil: 0 });
    }
    if (!lease) {
      lease = { windowEndsAt: 0, left: 0, spent: 0, refusedUntil: 0, pending: null };
      this.byUser.set(userId, lease);
    }
    return lease;
  }
}

/** The largest lease: a quarter of the limit, at most 8 (a room holds at most 1¼ of it unspent). */
export function leaseSizeFor(limit: number): number {
  return Math.max(1, Math.min(8, Math.floor(limit / 4)));
}

/** One user's slots held by this room, for the user's window ending at `windowEndsAt`. */
interface UserLease {
  windowEndsAt: number;
  left: number;
  /** Slots spent here in that window: sizes the next lease (a lease grows with use). */
  spent: number;
  /** The window was full when last asked: refuse here until it ends, without asking again. */
  refusedUntil: number;
  pending: Promise<void> | null;
}

const keyOf = (userId: string) => `chat-send:user:${userId}`;
