import { DurableObject } from "cloudflare:workers";
import type { MemberRole, Message, SendMessageInput, ServerFrame } from "../schemas/chat";
import { RoomBackground } from "../workers/chat/room/background";
import { ContentCache } from "../workers/chat/room/content";
import type { RoomCore } from "../workers/chat/room/core";
import { edit, NO_SUCH_MESSAGE, react, remove } from "../workers/chat/room/edits";
import { readFrame } from "../workers/chat/room/frames";
import { addMembers, removeMember, rename, setRole } from "../workers/chat/room/members";
import { assemble, type PresentContext, prepare, present } from "../workers/chat/room/present";
import { searchMessages } from "../workers/chat/room/search";
import { acceptSend, type SendOutcome } from "../workers/chat/room/send";
import { NO_COMPRESSION, SOCKET_HEADERS } from "../workers/chat/room/socket-headers";
import { RoomSockets } from "../workers/chat/room/sockets";
import {
  initRoom,
  lastSeq,
  listMembers,
  type MemberRow,
  type MetaRow,
  markPresence,
  markRead,
  messageById,
  messagesAfter,
  messagesBefore,
  migrateRoom,
  readMember,
  readMeta,
} from "../workers/chat/room/store";
import {
  type Failure,
  fail,
  NOT_MEMBER,
  type Outcome,
  type RoomSnapshot,
  type SocketState,
} from "../workers/chat/room/types";
import { notifyUnread } from "../workers/notifications";
import { type ChatConfig, readConfig } from "../workers/platform/config";
import { ERROR_CODES } from "../workers/platform/errors";
import { logEvent } from "../workers/platform/log";

export type { RoomSnapshot } from "../workers/chat/room/types";

const PING = '{"type":"ping"}';
const PONG = '{"type":"pong"}';
/** How stale a socket's recorded activity may get before a frame refreshes its attachment. */
const ACTIVITY_RESOLUTION_MS = 15_000;
const REPLAY_BATCH = 200;

/**
 * One dialog: its members (authorization happens here), its messages ordered by a per-dialog
 * `seq` in this object's SQLite storage, receipts, typing, presence and live sockets (WebSocket
 * Hibernation: idle rooms are evicted from memory while their sockets stay open). Design:
 * docs/chat.md.
 *
 * Every method answers a domain outcome; writes that must be atomic (taking a clientId, the next
 * seq, a reaction) happen with no `await` between their read and their write. Slow work (crypto,
 * D1 reads of media and live product cards) happens before that synchronous step, and the fan-out
 * to sockets happens inside it, so sockets see messages in seq order.
 */
export class ChatRoom extends DurableObject<Env> {
  private readonly sql = this.ctx.storage.sql;
  private readonly config: ChatConfig;
  private readonly cache = new ContentCache();
  private readonly background: RoomBackground;
  /** Send times per user in the current window (rate limit; in memory, like any rate window). */
  private readonly sendLog = new Map<string, number[]>();
  private readonly live: RoomSockets;
  private metaRow: MetaRow | null = null;
  private memberIdList: string[] | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.config = readConfig(env).chat;
    // Pings are answered by the runtime without waking a hibernated room.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    migrateRoom(this.sql);
    this.live = new RoomSockets(ctx, (userId) => this.presenceChanged(userId, false, Date.now()));
    this.background = new RoomBackground({
      ctx,
      env,
      sql: this.sql,
      config: this.config,
      meta: () => this.meta(),
      setMeta: (patch) => this.setMeta(patch),
      sockets: () => this.live.all(),
      drop: (ws, code, reason) => this.live.close(ws, code, reason),
    });
  }

  // ------------------------------------------------------------------ set-up and reads

  /** Tells the room its dialog and members. The first call wins; later ones change nothing. */
  init(snapshot: RoomSnapshot): Outcome<{ created: boolean }> {
    const created = initRoom(this.sql, snapshot);
    this.metaRow = null;
    this.memberIdList = null;
    return { ok: true, created };
  }

  info(): Outcome<{ dialogId: string; lastSeq: number; memberCount: number; sockets: number }> {
    const meta = this.meta();
    if (!meta) return notInitialized();
    return {
      ok: true,
      dialogId: meta.dialog_id,
      lastSeq: lastSeq(this.sql),
      memberCount: this.memberIds().length,
      sockets: this.live.all().size,
    };
  }

  role(userId: string): Outcome<{ role: MemberRole }> {
    const g = this.guard(userId);
    if (!g.ok) return g;
    return { ok: true, role: g.member.role };
  }

  /** Newest first, seq < before. */
  async history(
    userId: string,
    before: number | null,
    limit: number,
    origin: string,
  ): Promise<Outcome<{ messages: Message[]; hasMore: boolean }>> {
    const g = this.guard(userId, origin);
    if (!g.ok) return g;
    const rows = messagesBefore(this.sql, before ?? Number.MAX_SAFE_INTEGER, limit + 1);
    const hasMore = rows.length > limit;
    const messages = await present(this.present(), hasMore ? rows.slice(0, limit) : rows);
    return { ok: true, messages, hasMore };
  }

  /** Per-member delivered and read positions. */
  receipts(userId: string): Outcome<{ items: { userId: string; lastDeliveredSeq: number; lastReadSeq: number }[] }> {
    const g = this.guard(userId);
    if (!g.ok) return g;
    return {
      ok: true,
      items: listMembers(this.sql).map((m) => ({
        userId: m.user_id,
        lastDeliveredSeq: m.last_delivered_seq,
        lastReadSeq: m.last_read_seq,
      })),
    };
  }

  /** A message as stored, for a report (content stays encrypted). */
  reportable(
    userId: string,
    messageId: string,
  ): Outcome<{ messageId: string; seq: number; senderId: string; contentEnc: string | null }> {
    const g = this.guard(userId);
    if (!g.ok) return g;
    const row = messageById(this.sql, messageId);
    if (!row) return fail("not_found", NO_SUCH_MESSAGE);
    return { ok: true, messageId: row.id, seq: row.seq, senderId: row.sender_id, contentEnc: row.content_enc };
  }

  /** Messages whose text contains `q`, newest first (workers/chat/room-search.ts). */
  async search(
    userId: string,
    q: string,
    before: number | null,
    limit: number,
    origin: string,
  ): Promise<Outcome<{ messages: Message[]; nextCursor: number | null }>> {
    const g = this.guard(userId, origin);
    if (!g.ok) return g;
    return { ok: true, ...(await searchMessages(this.present(), q, before, limit, this.config.searchScanLimit)) };
  }

  // ------------------------------------------------------------------ sending

  send(input: { senderId: string; origin: string; message: SendMessageInput }): Promise<SendOutcome> {
    return acceptSend(this.core(), input.senderId, input.message, input.origin, null);
  }

  // ------------------------------------------------------------------ edits, deletes, reactions

  edit(userId: string, messageId: string, text: string, origin: string) {
    return edit(this.core(), userId, messageId, text, origin);
  }

  /** Soft delete by its sender (or an admin of a group or channel). Deleting twice is fine. */
  remove(userId: string, messageId: string) {
    return remove(this.core(), userId, messageId);
  }

  react(userId: string, messageId: string, emoji: string, add: boolean, origin: string) {
    return react(this.core(), userId, messageId, emoji, add, origin);
  }

  // ------------------------------------------------------------------ receipts

  /**
   * Delivered or read up to `seq` (never backwards; read implies delivered). The one path of a
   * receipt, from a socket frame or from POST /dialogs/:id/read: a read that moves the position on
   * also refreshes the reader's unread badge on their realtime stream (notifyUnread).
   */
  receipt(
    userId: string,
    seq: number,
    status: "delivered" | "read",
    fromSocket?: string,
  ): Outcome<{ lastReadSeq: number; lastDeliveredSeq: number; lastSeq: number }> {
    const g = this.guard(userId);
    if (!g.ok) return g;
    const last = lastSeq(this.sql);
    const target = Math.min(seq, last);
    const m = g.member;
    let read = m.last_read_seq;
    let delivered = m.last_delivered_seq;
    if (status === "read" && target > read) {
      read = target;
      delivered = Math.max(delivered, target);
      this.sql.exec(
        "UPDATE members SET last_read_seq = ?, last_delivered_seq = ? WHERE user_id = ?",
        read,
        delivered,
        userId,
      );
      markRead(this.sql, userId, read);
      this.background.flushSoon(Date.now());
      this.broadcastReceipt(userId, read, "read", fromSocket);
      // The reader's devices (other tabs, the app's badge) learn the dialog's new unread count.
      this.ctx.waitUntil(notifyUnread(this.env, userId, g.meta.dialog_id, last - read));
    } else if (status === "delivered" && target > delivered) {
      delivered = target;
      this.sql.exec("UPDATE members SET last_delivered_seq = ? WHERE user_id = ?", delivered, userId);
      this.broadcastReceipt(userId, delivered, "delivered", fromSocket);
    }
    return { ok: true, lastReadSeq: read, lastDeliveredSeq: delivered, lastSeq: last };
  }

  /** Everyone in a small room sees receipts; in a large one only the reader's other devices do. */
  private broadcastReceipt(userId: string, seq: number, status: "delivered" | "read", fromSocket?: string): void {
    const frame: ServerFrame = { type: "receipt", userId, seq, status };
    if (this.memberIds().length <= this.config.smallRoomMembers) {
      this.live.broadcast(frame, { excludeSocket: fromSocket });
    } else {
      this.live.broadcast(frame, { excludeSocket: fromSocket, onlyUser: userId });
    }
  }

  // ------------------------------------------------------------------ membership (room-members.ts)

  addMembers(actorId: string, userIds: string[]) {
    return addMembers(this.core(), actorId, userIds);
  }

  /** An admin removes someone, or someone leaves (actor = user). */
  removeMember(actorId: string, userId: string) {
    return removeMember(this.core(), actorId, userId);
  }

  setRole(actorId: string, userId: string, role: MemberRole) {
    return setRole(this.core(), actorId, userId, role);
  }

  rename(actorId: string, name: string) {
    return rename(this.core(), actorId, name);
  }

  // ------------------------------------------------------------------ WebSockets

  /**
   * Opens a socket for a member (the Worker has authenticated them and passes who they are). With
   * `since`, every message after it is replayed first, in order, then the socket goes live.
   */
  override async fetch(request: Request): Promise<Response> {
    const userId = request.headers.get(SOCKET_HEADERS.user) ?? "";
    const sessionId = request.headers.get(SOCKET_HEADERS.session) ?? "";
    const origin = request.headers.get(SOCKET_HEADERS.origin) ?? "";
    const g = this.guard(userId, origin);
    if (!g.ok) return failureResponse(g);
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return failureResponse(fail("upgrade_required", "Open this path as a WebSocket."));
    }
    const sinceParam = new URL(request.url).searchParams.get("since");
    const since = sinceParam === null ? null : Number(sinceParam);

    this.live.makeRoom(userId, this.config.maxSocketsPerUser);
    const first = !this.live.has(userId);
    const { 0: client, 1: server } = new WebSocketPair();
    const now = Date.now();
    const state: SocketState = {
      userId,
      sessionId,
      socketId: crypto.randomUUID(),
      connectedAt: now,
      lastActiveAt: now,
      typingAt: 0,
    };
    this.live.accept(server, state);
    if (since !== null && Number.isInteger(since) && since >= 0) {
      this.live.startReplay(server);
      try {
        await this.replay(server, since);
      } finally {
        this.live.endReplay(server);
      }
    }
    if (first) this.presenceChanged(userId, true, now);
    this.background.heartbeatSoon(now);
    return new Response(null, { status: 101, webSocket: client, headers: NO_COMPRESSION });
  }

  /** Every message after `since`, oldest first, until caught up (new ones are picked up too). */
  private async replay(ws: WebSocket, since: number): Promise<void> {
    let cursor = since;
    for (;;) {
      const rows = messagesAfter(this.sql, cursor, REPLAY_BATCH);
      if (rows.length === 0) return;
      const prepared = await prepare(this.present(), rows);
      for (const message of assemble(
        this.present(),
        rows.map((r) => r.seq),
        prepared,
      )) {
        this.live.sendTo(ws, { type: "message", message });
      }
      cursor = rows[rows.length - 1].seq;
    }
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const state = this.live.stateOf(ws);
    if (!state) {
      this.live.close(ws, 1011, "unknown socket");
      return;
    }
    try {
      await this.onFrame(ws, state, data);
    } catch (err) {
      logEvent("error", "chat_frame_failed", { error: err instanceof Error ? err.message : String(err) });
      this.live.sendTo(ws, {
        type: "error",
        code: "internal_error",
        detail: "That frame could not be handled. Retry it.",
      });
    }
  }

  private async onFrame(ws: WebSocket, state: SocketState, data: string | ArrayBuffer): Promise<void> {
    const now = Date.now();
    if (now - state.lastActiveAt > ACTIVITY_RESOLUTION_MS) {
      state.lastActiveAt = now;
      ws.serializeAttachment(state);
    }
    const error = (code: string, detail: string, extra: Partial<Extract<ServerFrame, { type: "error" }>> = {}) =>
      this.live.sendTo(ws, { type: "error", code, detail, ...extra });
    const read = readFrame(data, this.config.maxFrameBytes);
    if (!read.ok) return error(read.code, read.detail, read.clientId ? { clientId: read.clientId } : {});
    const frame = read.frame;
    switch (frame.type) {
      case "ping":
        this.live.sendRaw(ws, PONG);
        return;
      case "send": {
        const { type: _type, ...message } = frame;
        const origin = this.meta()?.origin ?? "";
        const out = await acceptSend(this.core(), state.userId, message, origin, { ws, state });
        if (!out.ok) {
          error(out.code, out.detail, {
            clientId: frame.clientId,
            ...(out.retryAfter ? { retryAfter: out.retryAfter } : {}),
          });
        }
        return;
      }
      case "read":
      case "delivered": {
        const out = this.receipt(state.userId, frame.seq, frame.type, state.socketId);
        if (!out.ok) error(out.code, out.detail);
        return;
      }
      case "typing":
        return this.typing(ws, state, frame.typing, now);
    }
  }

  private typing(ws: WebSocket, state: SocketState, typing: boolean, now: number): void {
    const g = this.guard(state.userId);
    if (!g.ok) {
      this.live.sendTo(ws, { type: "error", code: g.code, detail: g.detail });
      return;
    }
    if (g.meta.type === "channel" && g.member.role !== "admin") {
      this.live.sendTo(ws, { type: "error", code: "forbidden", detail: "Only the channel's admins post here." });
      return;
    }
    if (typing) {
      if (state.typingAt !== 0 && now - state.typingAt < this.config.typingThrottleMs) return;
      state.typingAt = now;
    } else {
      if (state.typingAt === 0) return;
      state.typingAt = 0;
    }
    ws.serializeAttachment(state);
    this.live.broadcast({ type: "typing", userId: state.userId, typing }, { excludeUser: state.userId });
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.live.drop(ws);
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.live.drop(ws);
  }

  override async alarm(): Promise<void> {
    await this.background.run();
  }

  private presenceChanged(userId: string, online: boolean, now: number): void {
    markPresence(this.sql, userId, online, now);
    this.background.flushSoon(now);
    if (this.memberIds().length <= this.config.smallRoomMembers) {
      this.live.broadcast({ type: "presence", userId, online }, { excludeUser: userId });
    }
  }

  // ------------------------------------------------------------------ internals

  private meta(): MetaRow | null {
    this.metaRow ??= readMeta(this.sql) ?? null;
    return this.metaRow;
  }

  private setMeta(patch: Partial<Pick<MetaRow, "origin" | "alarm_at" | "heartbeat_at">>): void {
    const meta = this.meta();
    if (!meta) return;
    Object.assign(meta, patch);
    this.sql.exec(
      "UPDATE room_meta SET origin = ?, alarm_at = ?, heartbeat_at = ? WHERE id = 1",
      meta.origin,
      meta.alarm_at,
      meta.heartbeat_at,
    );
  }

  private memberIds(): string[] {
    this.memberIdList ??= this.sql
      .exec<{ user_id: string }>("SELECT user_id FROM members")
      .toArray()
      .map((r) => r.user_id);
    return this.memberIdList;
  }

  private guard(userId: string, origin?: string): { ok: true; meta: MetaRow; member: MemberRow } | Failure {
    const meta = this.meta();
    if (!meta) return notInitialized();
    if (origin && origin !== meta.origin) this.setMeta({ origin });
    const member = userId ? readMember(this.sql, userId) : undefined;
    if (!member) return fail("forbidden", NOT_MEMBER);
    return { ok: true, meta, member };
  }

  private core(): RoomCore {
    return {
      sql: this.sql,
      env: this.env,
      config: this.config,
      cache: this.cache,
      live: this.live,
      sendLog: this.sendLog,
      meta: () => this.meta(),
      guard: (userId, origin) => this.guard(userId, origin),
      memberIds: () => this.memberIds(),
      forgetMembers: () => {
        this.memberIdList = null;
      },
      present: () => this.present(),
      flushSoon: (now) => this.background.flushSoon(now),
    };
  }

  private present(): PresentContext {
    const meta = this.meta()!;
    return { sql: this.sql, env: this.env, cache: this.cache, dialogId: meta.dialog_id, origin: meta.origin ?? "" };
  }
}

function notInitialized(): Failure {
  return fail("not_initialized", "This room has not been set up.");
}

/** A refused socket: the problem's code and detail as JSON, with the code's status. */
function failureResponse(failure: Failure): Response {
  const status = failure.code === "not_initialized" ? 409 : ERROR_CODES[failure.code].status;
  return Response.json({ code: failure.code, detail: failure.detail }, { status });
}
