import { database } from "../../platform/db";
import { logEvent } from "../../platform/log";
import { presenceWrite } from "../presence";

/** What the hub last announced (in its storage, so it outlives hibernation). */
interface Announced {
  userId: string;
  seq: number;
  /** Online until (epoch ms, real time); 0: offline. */
  until: number;
  /** The write landed in D1; until then the heartbeat keeps trying. */
  confirmed: boolean;
}

const KEY = "presence";

/**
 * How long an "online" row holds without renewal, in heartbeats. It is renewed at the first
 * heartbeat past half of it, and cleared as soon as the last socket closes, so the lease only
 * matters for a hub that vanished without closing: it then stops counting after this long (and
 * costs one needless hub call per notification meanwhile). Long, so renewals are rare writes.
 */
const LEASE_HEARTBEATS = 20;

/**
 * The hub's side of presence (workers/realtime/presence.ts): after every change of its open
 * sockets, and at each heartbeat, the hub tells D1 whether any is open. The decision and its
 * sequence number are taken together without an await, so the write with the highest number
 * says what is true now, even when two are in flight; D1 keeps only that one.
 */
export class HubPresence {
  /** The seq of the write this instance is awaiting: another event wanting the same answer need not repeat it. */
  private inFlight: number | null = null;

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly env: Env,
    private readonly heartbeatSeconds: () => number,
  ) {}

  /**
   * Announces `open` sockets of `userId` (undefined: the user the hub announced before). Writes
   * only when the answer changed, the lease needs renewing, or the last write failed. Never throws:
   * a failed write stays unconfirmed (`settled()` false) and the next heartbeat tries again (its
   * caller, the one event that awaited it, schedules that heartbeat).
   */
  async sync(userId: string | undefined, open: number, now: number): Promise<void> {
    const last = this.storage.kv.get<Announced>(KEY);
    const who = userId ?? last?.userId;
    if (!who || (!last && open === 0)) return;
    const lease = LEASE_HEARTBEATS * this.heartbeatSeconds() * 1000;
    const until = open === 0 ? 0 : last && last.until - now > lease / 2 ? last.until : now + lease;
    if (last && last.userId === who && last.until === until && this.landedOrLanding(last)) return;
    const seq = (last?.seq ?? 0) + 1;
    this.storage.kv.put<Announced>(KEY, { userId: who, seq, until, confirmed: false });
    this.inFlight = seq;
    try {
      await presenceWrite(database(this.env), who, until, seq, now);
      const latest = this.storage.kv.get<Announced>(KEY);
      if (latest?.seq === seq) this.storage.kv.put<Announced>(KEY, { ...latest, confirmed: true });
    } catch (err) {
      logEvent("warn", "hub_presence_failed", { userId: who, online: until > 0, error: String(err) });
    } finally {
      if (this.inFlight === seq) this.inFlight = null;
    }
  }

  /** False while the last announcement has neither landed nor is being written: the heartbeat keeps ticking until it has. */
  settled(): boolean {
    const last = this.storage.kv.get<Announced>(KEY);
    return !last || this.landedOrLanding(last);
  }

  private landedOrLanding(last: Announced): boolean {
    return last.confirmed || this.inFlight === last.seq;
  }
}
