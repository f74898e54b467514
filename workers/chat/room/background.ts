import { liveSessionIds } from "../../identity";
import { backoffMs } from "../../platform/backoff";
import { type ChatConfig, readConfig } from "../../platform/config";
import { database } from "../../platform/db";
import { logEvent } from "../../platform/log";
import { drainOutbox } from "../../platform/outbox";
import { notifyUnread } from "../../realtime";
import { effectStatements, hasOutboxEvent, presenceStatements, readStatements } from "../effects";
import { forgetEffects, hasPendingWork, lastSeq, type MetaRow, pendingEffects, readMember } from "./store";
import type { RoomEffect, SocketState, UnreadBadge } from "./types";

type Pending<E> = { id: number; effect: E };

const EFFECTS_PER_BATCH = 200;
const ROWS_PER_BATCH = 500;
const MAX_BACKOFF_MS = 60_000;

export interface RoomBackgroundDeps {
  ctx: DurableObjectState;
  env: Env;
  sql: SqlStorage;
  config: ChatConfig;
  meta(): MetaRow | null;
  setMeta(patch: Partial<Pick<MetaRow, "alarm_at" | "heartbeat_at">>): void;
  sockets(): Map<WebSocket, SocketState>;
  drop(ws: WebSocket, code: number, reason: string): void;
}

/**
 * The room's alarm: everything that happens after a request, durably.
 *
 * - Flush: accepted messages' D1 side effects (listing, unread counts, `chat.message` outbox
 *   events, moderation flags), read positions and presence changes are queued in the room's own
 *   storage in the same synchronous step as the change, then written to D1 in one batch a moment
 *   later (CHAT_EFFECTS_DELAY_MS gathers a burst into one batch). Readers' unread badges ride the
 *   same queue to their UserHub. A failed batch or badge stays queued and is retried with backoff:
 *   nothing is lost if D1, the hub or the object hiccups.
 * - Heartbeat, every CHAT_PRESENCE_TTL_SECONDS / 2 while sockets are open: closes sockets that
 *   sent nothing (pings included) for CHAT_SOCKET_IDLE_SECONDS (close handlers do not always run
 *   when a client vanishes) and sockets whose session ended, and renews the presence leases of
 *   the members still connected.
 *
 * The object keeps one alarm; `alarm_at` in room_meta mirrors it so scheduling stays synchronous.
 */
export class RoomBackground {
  private failures = 0;
  private running = false;
  /** The earliest time asked for while the alarm handler runs (set when it finishes). */
  private wanted: number | null = null;

  constructor(private readonly d: RoomBackgroundDeps) {}

  /** Makes sure queued D1 work is flushed within CHAT_EFFECTS_DELAY_MS. */
  flushSoon(now: number): void {
    this.ensureAlarm(now + this.d.config.effectsDelayMs);
  }

  /** Starts heartbeats (a socket just opened). */
  heartbeatSoon(now: number): void {
    const meta = this.d.meta();
    if (!meta) return;
    if (meta.heartbeat_at === null) this.d.setMeta({ heartbeat_at: now + this.d.config.presenceTtlMs / 2 });
    this.ensureAlarm(this.d.meta()!.heartbeat_at!);
  }

  async run(): Promise<void> {
    if (!this.d.meta() || this.running) return;
    this.running = true;
    let failed = false;
    try {
      this.d.setMeta({ alarm_at: null });
      const now = Date.now();
      try {
        await this.flush(now);
        this.failures = 0;
      } catch (err) {
        failed = true;
        this.failures += 1;
        logEvent("warn", "chat_flush_failed", { attempt: this.failures, error: String(err) });
      }
      const heartbeatAt = this.d.meta()?.heartbeat_at ?? null;
      if (heartbeatAt !== null && heartbeatAt <= now) {
        try {
          await this.heartbeat(now);
        } catch (err) {
          logEvent("warn", "chat_heartbeat_failed", { error: String(err) });
          this.d.setMeta({ heartbeat_at: Date.now() + this.d.config.presenceTtlMs / 2 });
        }
      }
    } finally {
      this.running = false;
    }
    // Whatever is still due, in one alarm: asked for meanwhile, unflushed work, the next heartbeat.
    if (this.wanted !== null) {
      const at = this.wanted;
      this.wanted = null;
      this.ensureAlarm(at);
    }
    if (hasPendingWork(this.d.sql)) {
      const delay = failed
        ? backoffMs(this.failures, { maxMs: MAX_BACKOFF_MS, jitter: "equal" })
        : this.d.config.effectsDelayMs;
      this.ensureAlarm(Date.now() + delay);
    }
    const next = this.d.meta()?.heartbeat_at ?? null;
    if (next !== null) this.ensureAlarm(next);
  }

  private async flush(now: number): Promise<void> {
    const { sql, env } = this.d;
    let drain = false;
    try {
      for (;;) {
        const pending = pendingEffects(sql, EFFECTS_PER_BATCH);
        const reads = sql
          .exec<{ user_id: string; seq: number }>("SELECT user_id, seq FROM dirty_reads LIMIT ?", ROWS_PER_BATCH)
          .toArray();
        const presence = sql
          .exec<{ user_id: string; online: number; at: number }>(
            "SELECT user_id, online, at FROM presence_dirty LIMIT ?",
            ROWS_PER_BATCH,
          )
          .toArray();
        if (pending.length === 0 && reads.length === 0 && presence.length === 0) break;
        const writes = pending.filter((p): p is Pending<RoomEffect> => p.effect.type !== "unread");
        const badges = pending.filter((p): p is Pending<UnreadBadge> => p.effect.type === "unread");
        await this.writeToD1(
          writes.map((p) => p.effect),
          reads,
          presence,
          now,
        );
        // Forget what was written; anything that changed meanwhile stays queued.
        forgetEffects(
          sql,
          writes.map((p) => p.id),
        );
        for (const r of reads) sql.exec("DELETE FROM dirty_reads WHERE user_id = ? AND seq <= ?", r.user_id, r.seq);
        for (const p of presence) {
          sql.exec("DELETE FROM presence_dirty WHERE user_id = ? AND online = ? AND at = ?", p.user_id, p.online, p.at);
        }
        drain ||= hasOutboxEvent(writes.map((p) => p.effect));
        // A badge the hub did not take stays queued: the alarm retries it with backoff.
        await this.deliverBadges(badges);
        if (pending.length < EFFECTS_PER_BATCH && reads.length < ROWS_PER_BATCH && presence.length < ROWS_PER_BATCH) {
          break;
        }
      }
    } finally {
      if (drain) {
        await drainOutbox(env, readConfig(env)).catch((err) =>
          logEvent("warn", "chat_outbox_drain_failed", { error: String(err) }),
        );
      }
    }
  }

  /** Listing, outbox and flag writes of queued effects, read positions and presence: one D1 batch. */
  private async writeToD1(
    effects: RoomEffect[],
    reads: { user_id: string; seq: number }[],
    presence: { user_id: string; online: number; at: number }[],
    now: number,
  ): Promise<void> {
    const { env } = this.d;
    const dialogId = this.d.meta()!.dialog_id;
    const writes = [
      ...effectStatements(env, effects, now),
      ...readStatements(
        env.DB,
        dialogId,
        reads.map((r) => ({ userId: r.user_id, seq: r.seq })),
      ),
      ...presenceStatements(
        env.DB,
        dialogId,
        presence.map((p) => ({ userId: p.user_id, online: p.online === 1, at: p.at })),
        this.d.config.presenceTtlMs,
        now,
      ),
    ];
    if (writes.length > 0) await env.DB.batch(writes);
  }

  /**
   * Unread badges to their readers' hubs, one per reader (the count is read now, so the newest
   * position wins). Delivered ones are forgotten; if any failed, this throws after that, so the
   * run is retried with backoff and only the failed ones go again.
   */
  private async deliverBadges(badges: Pending<UnreadBadge>[]): Promise<void> {
    if (badges.length === 0) return;
    const { sql, env } = this.d;
    const dialogId = this.d.meta()!.dialog_id;
    const last = lastSeq(sql);
    const byUser = new Map<string, Pending<UnreadBadge>[]>();
    for (const b of badges) byUser.set(b.effect.userId, [...(byUser.get(b.effect.userId) ?? []), b]);
    const failed: string[] = [];
    await Promise.all(
      [...byUser].map(async ([userId, queued]) => {
        const member = readMember(sql, userId);
        const delivered = member ? await notifyUnread(env, userId, dialogId, last - member.last_read_seq) : true;
        if (delivered) {
          forgetEffects(
            sql,
            queued.map((b) => b.id),
          );
        } else failed.push(userId);
      }),
    );
    if (failed.length > 0) throw new Error(`unread badge not delivered to ${failed.length} reader(s)`);
  }

  private async heartbeat(now: number): Promise<void> {
    const { ctx, env, config } = this.d;
    for (const [ws, s] of [...this.d.sockets()]) {
      const pinged = ctx.getWebSocketAutoResponseTimestamp(ws)?.getTime() ?? 0;
      if (now - Math.max(s.lastActiveAt, pinged) > config.socketIdleMs) this.d.drop(ws, 4000, "no heartbeat");
    }
    const sessionIds = [...new Set([...this.d.sockets().values()].map((s) => s.sessionId))];
    if (sessionIds.length > 0) {
      const live = await liveSessionIds(database(env), sessionIds, now);
      for (const [ws, s] of [...this.d.sockets()]) {
        if (!live.has(s.sessionId)) this.d.drop(ws, 4401, "session ended");
      }
    }
    const users = [...new Set([...this.d.sockets().values()].map((s) => s.userId))];
    const meta = this.d.meta()!;
    if (users.length > 0) {
      const writes = presenceStatements(
        env.DB,
        meta.dialog_id,
        users.map((userId) => ({ userId, online: true, at: now })),
        config.presenceTtlMs,
        now,
      );
      await env.DB.batch(writes);
    }
    this.d.setMeta({ heartbeat_at: this.d.sockets().size > 0 ? Date.now() + config.presenceTtlMs / 2 : null });
  }

  /** The object has one alarm: keep the earliest time anything needs. */
  private ensureAlarm(at: number): void {
    const meta = this.d.meta();
    if (!meta) return;
    if (this.running) {
      // Setting the alarm from inside its own handler makes the runtime cancel and re-arm it.
      this.wanted = this.wanted === null ? at : Math.min(this.wanted, at);
      return;
    }
    const current = meta.alarm_at;
    const now = Date.now();
    if (current !== null && current <= at && current > now) return;
    const target = current !== null && current > now ? Math.min(at, current) : at;
    this.d.setMeta({ alarm_at: target });
    void this.d.ctx.storage.setAlarm(target);
  }
}
