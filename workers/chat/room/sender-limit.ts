import type { ChatConfig } from "../../platform/config";
import type { Take } from "../../platform/limiter/fixed-window";
import { SlotLeases } from "../../platform/limiter/slot-leases";
import { logEvent } from "../../platform/log";
import { leaseWrites, returnWrites } from "../../platform/rate-limit";

/**
 * Messages one user sends across all their dialogs (HTTP and sockets: both reach a room's send),
 * at most CHAT_USER_SEND_LIMIT per CHAT_USER_SEND_WINDOW_SECONDS. No room sees the others, so the
 * count is kept by the RateLimiter object named after the user (an exact fixed window).
 *
 * Asking that object once per message was the largest single cost of a send (one awaited RPC
 * before the message could be stored and fanned out). So a room leases slots instead
 * (platform/limiter/slot-leases.ts, the same scheme as a network's cart additions): it takes a
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
  /** The users' slots this room holds, keyed by their RateLimiter's name. */
  readonly leases: SlotLeases;

  constructor(
    private readonly env: Env,
    private readonly config: ChatConfig,
  ) {
    this.leases = new SlotLeases({ heldBy: "object", leaseSize: leaseSizeFor, refillAhead: true });
  }

  /**
   * Takes one of `userId`'s sends: 0 when taken, else the seconds to wait. Synchronous (no RPC)
   * whenever this room holds a slot of the user's current window.
   */
  take(userId: string): number | Promise<number> {
    const { userSendLimit, userSendWindowSeconds } = this.config;
    const key = { key: keyOf(userId), limit: userSendLimit, who: "you" };
    const taken = this.leases.take(key.key, userSendLimit, (want) =>
      leaseWrites(this.env, key, userSendWindowSeconds, want),
    );
    return taken instanceof Promise ? taken.then(waitOf) : waitOf(taken);
  }

  /** The user's last socket here closed: give the unspent slots back (best effort). */
  release(userId: string): void {
    const unspent = this.leases.release(keyOf(userId));
    if (!unspent) return;
    returnWrites(this.env, keyOf(userId), unspent.windowEndsAt, unspent.left).catch((err: unknown) =>
      logEvent("warn", "chat_lease_return_failed", { error: String(err) }),
    );
  }
}

/** 0 for a slot taken, else the seconds to wait. */
const waitOf = (taken: Take): number => (taken.ok ? 0 : taken.retryAfterSeconds);

/** The largest lease: a quarter of the limit, at most 8 (a room holds at most 1¼ of it unspent). */
export function leaseSizeFor(limit: number): number {
  return Math.max(1, Math.min(8, Math.floor(limit / 4)));
}

export const keyOf = (userId: string) => `chat-send:user:${userId}`;
