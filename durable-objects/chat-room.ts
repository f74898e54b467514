import { DurableObject } from "cloudflare:workers";
import type { MemberRole } from "../d1/schema/chat";
import {
  ClientFrameSchema,
  type Message,
  type SendMessageInput,
  type ServerFrame,
  type SystemEvent,
} from "../schemas/chat";
import { mediaUrl } from "../workers/catalog/products";
import { cardForSend } from "../workers/chat/cards";
import { type ChatConfig, chatConfig } from "../workers/chat/config";
import { ContentCache, openContent, sealContent } from "../workers/chat/content";
import { detectOffPlatform } from "../workers/chat/moderation";
import { RoomBackground } from "../workers/chat/room-background";
import { assemble, type PresentContext, prepare, present, presentRow, searchForm } from "../workers/chat/room-present";
import {
  adminCount,
  initRoom,
  insertMember,
  insertMessage,
  lastSeq,
  listMembers,
  type MemberRow,
  type MessageRow,
  type MetaRow,
  markPresence,
  markRead,
  messageByClientId,
  messageById,
  messagesAfter,
  messagesBefore,
  migrateRoom,
  type Payload,
  queueEffect,
  readMember,
  readMeta,
  userReactionCount,
} from "../workers/chat/room-store";
import { SOCKET_HEADERS } from "../workers/chat/socket-headers";
import {
  type Failure,
  fail,
  NOT_MEMBER,
  type Outcome,
  type RoomEffect,
  type RoomSnapshot,
  type SocketState,
} from "../workers/chat/types";
import { ERROR_CODES } from "../workers/platform/errors";
import { newId } from "../workers/platform/ids";
import { logEvent } from "../workers/platform/log";

export type { RoomSnapshot } from "../workers/chat/types";

const PING = '{"type":"ping"}';
const PONG = '{"type":"pong"}';
/** How stale a socket's recorded activity may get before a frame refreshes its attachment. */
const ACTIVITY_RESOLUTION_MS = 15_000;
const REPLAY_BATCH = 200;
const SEARCH_BATCH = 200;
const MAX_REACTIONS_PER_USER = 10;
const EMOJI =
  /^(?=.*(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3))(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f|\u20e3)+$/u;
const NO_SUCH_MESSAGE = "There is no message with this id in this dialog.";

type SendOutcome = Outcome<{ message: Message; created: boolean; effect: RoomEffect | null }>;

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
  /** Sockets still being replayed to, with the non-message frames held back until they are live. */
  private readonly replaying = new Map<WebSocket, string[]>();
  private socketIndex: Map<WebSocket, SocketState> | null = null;
  private metaRow: MetaRow | null = null;
  private memberIdList: string[] | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.config = chatConfig(env);
    // Pings are answered by the runtime without waking a hibernated room.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    migrateRoom(this.sql);
    this.background = new RoomBackground({
      ctx,
      env,
      sql: this.sql,
      config: this.config,
      meta: () => this.meta(),
      setMeta: (patch) => this.setMeta(patch),
      sockets: () => this.sockets(),
      drop: (ws, code, reason) => this.closeSocket(ws, code, reason),
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
      sockets: this.sockets().size,
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

  /**
   * Messages whose text contains `q` (case-, width- and accent-insensitive), newest first. The
   * room decrypts its own messages: at most CHAT_SEARCH_SCAN_LIMIT per call, then `nextCursor`
   * says where to continue.
   */
  async search(
    userId: string,
    q: string,
    before: number | null,
    limit: number,
    origin: string,
  ): Promise<Outcome<{ messages: Message[]; nextCursor: number | null }>> {
    const g = this.guard(userId, origin);
    if (!g.ok) return g;
    const needle = searchForm(q.trim());
    const matches: MessageRow[] = [];
    let cursor = before ?? Number.MAX_SAFE_INTEGER;
    let scanned = 0;
    let exhausted = false;
    while (matches.length < limit && scanned < this.config.searchScanLimit) {
      const rows = this.sql
        .exec<MessageRow & Record<string, SqlStorageValue>>(
          `SELECT seq, id, sender_id, client_id, kind, content_enc, payload, reply_to, created_at, edited_at, deleted_at
             FROM messages WHERE seq < ? AND deleted_at IS NULL AND content_enc IS NOT NULL ORDER BY seq DESC LIMIT ?`,
          cursor,
          SEARCH_BATCH,
        )
        .toArray();
      if (rows.length === 0) {
        exhausted = true;
        break;
      }
      const contents = await Promise.all(
        rows.map(async (r) => this.cache.get(r.seq) ?? (await openContent(this.env, r.content_enc))),
      );
      for (let i = 0; i < rows.length; i++) {
        scanned += 1;
        cursor = rows[i].seq;
        const text = contents[i].text;
        if (text !== undefined && searchForm(text).includes(needle)) matches.push(rows[i]);
        if (matches.length >= limit) break;
      }
      if (rows.length < SEARCH_BATCH && cursor === rows[rows.length - 1].seq) exhausted = true;
    }
    const messages = await present(this.present(), matches);
    return { ok: true, messages, nextCursor: exhausted || cursor <= 1 ? null : cursor };
  }

  // ------------------------------------------------------------------ sending

  send(input: { senderId: string; origin: string; message: SendMessageInput }): Promise<SendOutcome> {
    return this.acceptSend(input.senderId, input.message, input.origin, null);
  }

  private async acceptSend(
    senderId: string,
    msg: SendMessageInput,
    origin: string,
    socket: { ws: WebSocket; state: SocketState } | null,
  ): Promise<SendOutcome> {
    const g = this.guard(senderId, origin);
    if (!g.ok) return g;
    const { meta, member } = g;
    if (meta.type === "channel" && member.role !== "admin") {
      return fail("forbidden", "Only the channel's admins post here; members read.");
    }
    // A retry of the same clientId answers the first message (before any limit applies).
    const existing = messageByClientId(this.sql, senderId, msg.clientId);
    if (existing) return this.replayed(existing, socket);
    if (msg.text !== undefined && [...msg.text].length > this.config.maxTextLength) {
      return fail("payload_too_large", `A message holds at most ${this.config.maxTextLength} characters of text.`);
    }
    const wait = this.takeSendSlot(senderId, Date.now());
    if (wait > 0) {
      return fail("rate_limited", `Too many messages in this dialog. Try again in ${wait} seconds.`, {
        retryAfter: wait,
      });
    }

    // Slow checks first: nothing is taken yet.
    const replyRow = msg.replyTo ? messageById(this.sql, msg.replyTo) : undefined;
    if (msg.replyTo && !replyRow) {
      return fail("validation_failed", "replyTo names no message of this dialog.", {
        errors: [{ path: "replyTo", message: "No such message in this dialog" }],
      });
    }
    if (replyRow?.content_enc && replyRow.deleted_at === null && !this.cache.get(replyRow.seq)) {
      this.cache.set(replyRow.seq, await openContent(this.env, replyRow.content_enc));
    }
    const payload: Payload = {};
    if (msg.mediaId) {
      const media = await this.loadMedia(senderId, msg.mediaId, msg.kind, origin);
      if (!media.ok) return media;
      payload.media = media.media;
    }
    if (msg.sticker) payload.sticker = msg.sticker;
    let card: Message["card"];
    if (msg.card) {
      const resolved = await cardForSend(this.env, msg.card, senderId, origin);
      if ("error" in resolved) {
        return fail("validation_failed", resolved.error, { errors: [{ path: "card.id", message: resolved.error }] });
      }
      card = resolved.card;
      payload.card = { type: msg.card.type, id: msg.card.id };
    }
    const content = { text: msg.text, location: msg.location };
    const contentEnc = await sealContent(this.env, content);
    const flags = meta.shop_id ? detectOffPlatform(msg.text) : [];

    // From here on synchronous: the clientId, the seq, the row and the fan-out in one step.
    const raced = messageByClientId(this.sql, senderId, msg.clientId);
    if (raced) return this.replayed(raced, socket);
    const now = Date.now();
    const row: MessageRow = {
      seq: lastSeq(this.sql) + 1,
      id: newId("msg", now),
      sender_id: senderId,
      client_id: msg.clientId,
      kind: msg.kind,
      content_enc: contentEnc,
      payload: Object.keys(payload).length > 0 ? JSON.stringify(payload) : null,
      reply_to: msg.replyTo ?? null,
      created_at: now,
      edited_at: null,
      deleted_at: null,
    };
    insertMessage(this.sql, row);
    const plain = contentEnc ? stripUndefined(content) : {};
    this.cache.set(row.seq, plain);
    this.advanceOwnRead(senderId, row.seq);
    const currentReply = replyRow ? messageById(this.sql, replyRow.id) : undefined;
    const message = presentRow(meta.dialog_id, row, plain, payload, [], {
      card,
      reply: currentReply ? { row: currentReply, content: this.cache.get(currentReply.seq) ?? {} } : undefined,
    });
    const effect: RoomEffect = {
      type: "message",
      dialogId: meta.dialog_id,
      messageId: row.id,
      seq: row.seq,
      senderId,
      kind: row.kind,
      createdAt: now,
      contentEnc,
      recipientIds: this.offlineMembers(senderId),
      flags,
    };
    queueEffect(this.sql, effect);
    this.background.flushSoon(now);
    this.broadcast({ type: "message", message }, { excludeSocket: socket?.state.socketId });
    if (socket) this.sendTo(socket.ws, { type: "ack", clientId: msg.clientId, message });
    return { ok: true, message, created: true, effect };
  }

  private async replayed(row: MessageRow, socket: { ws: WebSocket } | null): Promise<SendOutcome> {
    const [message] = await present(this.present(), [row]);
    if (socket) this.sendTo(socket.ws, { type: "ack", clientId: row.client_id, message });
    return { ok: true, message, created: false, effect: null };
  }

  private async loadMedia(
    senderId: string,
    mediaId: string,
    kind: SendMessageInput["kind"],
    origin: string,
  ): Promise<Outcome<{ media: NonNullable<Payload["media"]> }>> {
    const row = await this.env.DB.prepare(
      "SELECT id, owner_id, kind, content_type, size FROM product_media WHERE id = ?",
    )
      .bind(mediaId)
      .first<{ id: string; owner_id: string; kind: "image" | "file"; content_type: string; size: number }>();
    const refuse = (message: string) => fail("validation_failed", message, { errors: [{ path: "mediaId", message }] });
    if (!row || row.owner_id !== senderId) {
      return refuse("Upload the file with POST /api/v1/media first and send the id it returned.");
    }
    if (kind === "image" && row.kind !== "image") return refuse("This upload is not a picture; send it as kind file.");
    return {
      ok: true,
      media: {
        id: row.id,
        url: mediaUrl(origin, row.id),
        contentType: row.content_type,
        size: row.size,
        kind: row.kind,
      },
    };
  }

  private takeSendSlot(userId: string, now: number): number {
    const windowMs = this.config.sendWindowMs;
    const log = (this.sendLog.get(userId) ?? []).filter((t) => t > now - windowMs);
    if (log.length >= this.config.sendLimit) {
      this.sendLog.set(userId, log);
      return Math.max(1, Math.ceil((log[0] + windowMs - now) / 1000));
    }
    log.push(now);
    this.sendLog.set(userId, log);
    return 0;
  }

  /** You have read what you wrote. */
  private advanceOwnRead(userId: string, seq: number): void {
    this.sql.exec(
      "UPDATE members SET last_read_seq = MAX(last_read_seq, ?1), last_delivered_seq = MAX(last_delivered_seq, ?1) WHERE user_id = ?2",
      seq,
      userId,
    );
    markRead(this.sql, userId, seq);
  }

  /** Members with no socket on this room right now (they get a notification), the sender excluded. */
  private offlineMembers(senderId: string): string[] {
    const connected = new Set<string>();
    for (const s of this.sockets().values()) connected.add(s.userId);
    return this.memberIds().filter((id) => id !== senderId && !connected.has(id));
  }

  /** A system message (membership changes, renames): stored, fanned out, no notification. */
  private insertSystem(actorId: string, event: SystemEvent): { message: Message; effect: RoomEffect } {
    const meta = this.meta()!;
    const now = Date.now();
    const id = newId("msg", now);
    const payload: Payload = { system: event };
    const row: MessageRow = {
      seq: lastSeq(this.sql) + 1,
      id,
      sender_id: actorId,
      client_id: `sys:${id}`,
      kind: "system",
      content_enc: null,
      payload: JSON.stringify(payload),
      reply_to: null,
      created_at: now,
      edited_at: null,
      deleted_at: null,
    };
    insertMessage(this.sql, row);
    if (readMember(this.sql, actorId)) this.advanceOwnRead(actorId, row.seq);
    const message = presentRow(meta.dialog_id, row, {}, payload, []);
    const effect: RoomEffect = {
      type: "message",
      dialogId: meta.dialog_id,
      messageId: id,
      seq: row.seq,
      senderId: actorId,
      kind: "system",
      createdAt: now,
      contentEnc: null,
      recipientIds: [],
      flags: [],
    };
    queueEffect(this.sql, effect);
    this.background.flushSoon(now);
    this.broadcast({ type: "message", message });
    return { message, effect };
  }

  // ------------------------------------------------------------------ edits, deletes, reactions

  async edit(
    userId: string,
    messageId: string,
    text: string,
    origin: string,
  ): Promise<Outcome<{ message: Message; effect: RoomEffect }>> {
    const g = this.guard(userId, origin);
    if (!g.ok) return g;
    const row = messageById(this.sql, messageId);
    if (!row) return fail("not_found", NO_SUCH_MESSAGE);
    if (row.sender_id !== userId) return fail("forbidden", "Only its sender can edit a message.");
    if (row.deleted_at !== null) return fail("conflict", "This message was deleted.");
    if (!["text", "image", "file", "card"].includes(row.kind)) {
      return fail("conflict", `A ${row.kind} message has no text to edit.`);
    }
    if ([...text].length > this.config.maxTextLength) {
      return fail("payload_too_large", `A message holds at most ${this.config.maxTextLength} characters of text.`);
    }
    if (row.kind === "text" && text.trim() === "") {
      return fail("validation_failed", "A text message needs text.", {
        errors: [{ path: "text", message: "Must not be blank" }],
      });
    }
    const prepared = await prepare(this.present(), [row]);
    const content = { ...(prepared.contents.get(row.seq) ?? {}), text };
    const contentEnc = await sealContent(this.env, content);
    const flags = g.meta.shop_id ? detectOffPlatform(text) : [];

    const current = messageById(this.sql, messageId);
    if (!current || current.deleted_at !== null) return fail("conflict", "This message was deleted.");
    const now = Date.now();
    this.sql.exec("UPDATE messages SET content_enc = ?, edited_at = ? WHERE seq = ?", contentEnc, now, row.seq);
    this.cache.set(row.seq, content);
    const effect: RoomEffect = {
      type: "revise",
      dialogId: g.meta.dialog_id,
      messageId,
      seq: row.seq,
      senderId: row.sender_id,
      contentEnc,
      deleted: false,
      flags,
    };
    queueEffect(this.sql, effect);
    this.background.flushSoon(now);
    const [message] = assemble(this.present(), [row.seq], prepared);
    this.broadcast({ type: "updated", message });
    return { ok: true, message, effect };
  }

  /** Soft delete by its sender (or an admin of a group or channel). Deleting twice is fine. */
  remove(userId: string, messageId: string): Outcome<{ message: Message; effect: RoomEffect | null }> {
    const g = this.guard(userId);
    if (!g.ok) return g;
    const row = messageById(this.sql, messageId);
    if (!row) return fail("not_found", NO_SUCH_MESSAGE);
    if (row.kind === "system") return fail("conflict", "System messages cannot be deleted.");
    const moderator = g.meta.type !== "direct" && g.member.role === "admin";
    if (row.sender_id !== userId && !moderator) return fail("forbidden", "Only its sender can delete a message.");
    const empty = { contents: new Map(), cards: new Map() };
    if (row.deleted_at !== null) {
      return { ok: true, message: assemble(this.present(), [row.seq], empty)[0], effect: null };
    }
    const now = Date.now();
    this.sql.exec("UPDATE messages SET deleted_at = ?, content_enc = NULL, payload = NULL WHERE seq = ?", now, row.seq);
    this.sql.exec("DELETE FROM reactions WHERE seq = ?", row.seq);
    this.cache.delete(row.seq);
    const effect: RoomEffect = {
      type: "revise",
      dialogId: g.meta.dialog_id,
      messageId,
      seq: row.seq,
      senderId: row.sender_id,
      contentEnc: null,
      deleted: true,
      flags: [],
    };
    queueEffect(this.sql, effect);
    this.background.flushSoon(now);
    const [message] = assemble(this.present(), [row.seq], empty);
    this.broadcast({ type: "updated", message });
    return { ok: true, message, effect };
  }

  async react(
    userId: string,
    messageId: string,
    emoji: string,
    add: boolean,
    origin: string,
  ): Promise<Outcome<{ message: Message }>> {
    const g = this.guard(userId, origin);
    if (!g.ok) return g;
    if (!EMOJI.test(emoji)) {
      return fail("validation_failed", "emoji must be one emoji, such as 👍.", {
        errors: [{ path: "emoji", message: "Not an emoji" }],
      });
    }
    const row = messageById(this.sql, messageId);
    if (!row) return fail("not_found", NO_SUCH_MESSAGE);
    if (row.deleted_at !== null) return fail("conflict", "This message was deleted.");
    const prepared = await prepare(this.present(), [row]);
    const current = messageById(this.sql, messageId);
    if (!current || current.deleted_at !== null) return fail("conflict", "This message was deleted.");
    let changed: number;
    if (add) {
      const mine = userReactionCount(this.sql, row.seq, userId);
      const has =
        this.sql
          .exec("SELECT 1 FROM reactions WHERE seq = ? AND emoji = ? AND user_id = ?", row.seq, emoji, userId)
          .toArray().length > 0;
      if (!has && mine >= MAX_REACTIONS_PER_USER) {
        return fail("conflict", `You can add at most ${MAX_REACTIONS_PER_USER} reactions to one message.`);
      }
      changed = this.sql.exec(
        "INSERT OR IGNORE INTO reactions (seq, emoji, user_id, created_at) VALUES (?, ?, ?, ?)",
        row.seq,
        emoji,
        userId,
        Date.now(),
      ).rowsWritten;
    } else {
      changed = this.sql.exec(
        "DELETE FROM reactions WHERE seq = ? AND emoji = ? AND user_id = ?",
        row.seq,
        emoji,
        userId,
      ).rowsWritten;
    }
    const [message] = assemble(this.present(), [row.seq], prepared);
    if (changed > 0) this.broadcast({ type: "updated", message });
    return { ok: true, message };
  }

  // ------------------------------------------------------------------ receipts

  /** Delivered or read up to `seq` (never backwards; read implies delivered). */
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
      this.broadcast(frame, { excludeSocket: fromSocket });
    } else {
      this.broadcast(frame, { excludeSocket: fromSocket, onlyUser: userId });
    }
  }

  // ------------------------------------------------------------------ membership

  addMembers(
    actorId: string,
    userIds: string[],
  ): Outcome<{
    added: string[];
    joinedSeq: number;
    memberCount: number;
    message: Message | null;
    effect: RoomEffect | null;
  }> {
    const g = this.guard(actorId);
    if (!g.ok) return g;
    if (g.meta.type === "direct") {
      return fail("conflict", "A direct dialog has exactly two people. Create a group to talk with more.");
    }
    if (g.member.role !== "admin") return fail("forbidden", "Only the dialog's admins can add members.");
    const current = new Set(this.memberIds());
    const added = [...new Set(userIds)].filter((id) => !current.has(id));
    if (current.size + added.length > this.config.maxGroupMembers) {
      return fail(
        "conflict",
        `A ${g.meta.type} holds at most ${this.config.maxGroupMembers} members; it has ${current.size}.`,
      );
    }
    const joinedSeq = lastSeq(this.sql);
    if (added.length === 0) {
      return { ok: true, added, joinedSeq, memberCount: current.size, message: null, effect: null };
    }
    const now = Date.now();
    for (const userId of added) insertMember(this.sql, { userId, role: "member", joinedAt: now }, joinedSeq);
    this.memberIdList = null;
    const system = this.insertSystem(actorId, { event: "members_added", actorId, userIds: added });
    return { ok: true, added, joinedSeq, memberCount: this.memberIds().length, ...system };
  }

  /** An admin removes someone, or someone leaves (actor = user). The last admin's leaving promotes the eldest member. */
  removeMember(
    actorId: string,
    userId: string,
  ): Outcome<{ memberCount: number; promoted: string | null; message: Message; effect: RoomEffect }> {
    const g = this.guard(actorId);
    if (!g.ok) return g;
    const leaving = actorId === userId;
    if (g.meta.type === "direct") return fail("conflict", "Nobody leaves a direct dialog; mute it instead.");
    if (!leaving && g.member.role !== "admin") return fail("forbidden", "Only the dialog's admins can remove members.");
    const target = leaving ? g.member : readMember(this.sql, userId);
    if (!target) return fail("not_found", "This user is not a member of the dialog.");
    this.sql.exec("DELETE FROM members WHERE user_id = ?", userId);
    this.sql.exec("DELETE FROM dirty_reads WHERE user_id = ?", userId);
    this.memberIdList = null;
    let promoted: string | null = null;
    if (adminCount(this.sql) === 0) {
      const eldest = this.sql
        .exec<{ user_id: string }>("SELECT user_id FROM members ORDER BY joined_at, user_id LIMIT 1")
        .toArray()[0];
      if (eldest) {
        this.sql.exec("UPDATE members SET role = 'admin' WHERE user_id = ?", eldest.user_id);
        promoted = eldest.user_id;
      }
    }
    for (const [ws, state] of this.sockets()) {
      if (state.userId === userId) {
        this.sendTo(ws, { type: "error", code: "forbidden", detail: "You are no longer a member of this dialog." });
        this.closeSocket(ws, 4403, "removed from the dialog");
      }
    }
    const system = this.insertSystem(actorId, {
      event: leaving ? "member_left" : "member_removed",
      actorId,
      userIds: [userId],
    });
    return { ok: true, memberCount: this.memberIds().length, promoted, ...system };
  }

  setRole(
    actorId: string,
    userId: string,
    role: MemberRole,
  ): Outcome<{ message: Message | null; effect: RoomEffect | null }> {
    const g = this.guard(actorId);
    if (!g.ok) return g;
    if (g.meta.type === "direct") return fail("conflict", "A direct dialog has no admins.");
    if (g.member.role !== "admin") return fail("forbidden", "Only the dialog's admins can change roles.");
    const target = readMember(this.sql, userId);
    if (!target) return fail("not_found", "This user is not a member of the dialog.");
    if (target.role === role) return { ok: true, message: null, effect: null };
    if (role === "member" && adminCount(this.sql) === 1) {
      return fail("conflict", "A dialog needs at least one admin. Make someone else admin first.");
    }
    this.sql.exec("UPDATE members SET role = ? WHERE user_id = ?", role, userId);
    return { ok: true, ...this.insertSystem(actorId, { event: "role_changed", actorId, userIds: [userId], role }) };
  }

  rename(actorId: string, name: string): Outcome<{ message: Message; effect: RoomEffect }> {
    const g = this.guard(actorId);
    if (!g.ok) return g;
    if (g.meta.type === "direct") return fail("conflict", "A direct dialog has no name.");
    if (g.member.role !== "admin") return fail("forbidden", "Only the dialog's admins can rename it.");
    return { ok: true, ...this.insertSystem(actorId, { event: "renamed", actorId, name }) };
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

    this.limitSockets(userId);
    const first = !this.hasSockets(userId);
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
    this.ctx.acceptWebSocket(server, [userId]);
    server.serializeAttachment(state);
    this.sockets().set(server, state);
    if (since !== null && Number.isInteger(since) && since >= 0) {
      this.replaying.set(server, []);
      try {
        await this.replay(server, since);
      } finally {
        const held = this.replaying.get(server) ?? [];
        this.replaying.delete(server);
        for (const frame of held) this.sendRaw(server, frame);
      }
    }
    if (first) this.presenceChanged(userId, true, now);
    this.background.heartbeatSoon(now);
    return new Response(null, { status: 101, webSocket: client });
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
        this.sendTo(ws, { type: "message", message });
      }
      cursor = rows[rows.length - 1].seq;
    }
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const state = this.stateOf(ws);
    if (!state) {
      this.closeSocket(ws, 1011, "unknown socket");
      return;
    }
    try {
      await this.onFrame(ws, state, data);
    } catch (err) {
      logEvent("error", "chat_frame_failed", { error: err instanceof Error ? err.message : String(err) });
      this.sendTo(ws, { type: "error", code: "internal_error", detail: "That frame could not be handled. Retry it." });
    }
  }

  private async onFrame(ws: WebSocket, state: SocketState, data: string | ArrayBuffer): Promise<void> {
    const now = Date.now();
    if (now - state.lastActiveAt > ACTIVITY_RESOLUTION_MS) {
      state.lastActiveAt = now;
      ws.serializeAttachment(state);
    }
    const error = (code: string, detail: string, extra: Partial<Extract<ServerFrame, { type: "error" }>> = {}) =>
      this.sendTo(ws, { type: "error", code, detail, ...extra });
    if (typeof data !== "string") return error("bad_request", "Frames are JSON text, not binary.");
    const max = this.config.maxFrameBytes;
    if (data.length > max || (data.length * 3 > max && new TextEncoder().encode(data).length > max)) {
      return error("payload_too_large", `A frame holds at most ${max} bytes.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return error("bad_request", 'A frame is one JSON object such as {"type":"ping"}.');
    }
    const parsed = ClientFrameSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const clientId = (json as { clientId?: unknown } | null)?.clientId;
      return error(
        "validation_failed",
        `Invalid frame${issue ? ` (${issue.path.join(".") || "type"}: ${issue.message})` : ""}. Types: send, read, delivered, typing, ping.`,
        typeof clientId === "string" ? { clientId } : {},
      );
    }
    const frame = parsed.data;
    switch (frame.type) {
      case "ping":
        this.sendRaw(ws, PONG);
        return;
      case "send": {
        const { type: _type, ...message } = frame;
        const origin = this.meta()?.origin ?? "";
        const out = await this.acceptSend(state.userId, message, origin, { ws, state });
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
      this.sendTo(ws, { type: "error", code: g.code, detail: g.detail });
      return;
    }
    if (g.meta.type === "channel" && g.member.role !== "admin") {
      this.sendTo(ws, { type: "error", code: "forbidden", detail: "Only the channel's admins post here." });
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
    this.broadcast({ type: "typing", userId: state.userId, typing }, { excludeUser: state.userId });
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.dropSocket(ws);
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.dropSocket(ws);
  }

  override async alarm(): Promise<void> {
    await this.background.run();
  }

  // ------------------------------------------------------------------ sockets: bookkeeping

  private sockets(): Map<WebSocket, SocketState> {
    if (!this.socketIndex) {
      // After a wake-up: rebuild from the hibernated sockets' attachments.
      this.socketIndex = new Map();
      for (const ws of this.ctx.getWebSockets()) {
        const state = ws.deserializeAttachment() as SocketState | null;
        if (state) this.socketIndex.set(ws, state);
      }
    }
    return this.socketIndex;
  }

  private stateOf(ws: WebSocket): SocketState | undefined {
    const known = this.sockets().get(ws);
    if (known) return known;
    const state = ws.deserializeAttachment() as SocketState | null;
    if (state) this.sockets().set(ws, state);
    return state ?? undefined;
  }

  private hasSockets(userId: string, exceptSocketId?: string): boolean {
    for (const s of this.sockets().values()) if (s.userId === userId && s.socketId !== exceptSocketId) return true;
    return false;
  }

  /** Keeps a user below CHAT_MAX_SOCKETS_PER_USER by closing their oldest sockets (a new one always gets in). */
  private limitSockets(userId: string): void {
    const mine = [...this.sockets()].filter(([, s]) => s.userId === userId);
    mine.sort((a, b) => a[1].connectedAt - b[1].connectedAt);
    while (mine.length >= this.config.maxSocketsPerUser) {
      const [ws] = mine.shift()!;
      this.sendTo(ws, {
        type: "error",
        code: "rate_limited",
        detail: `At most ${this.config.maxSocketsPerUser} connections per dialog: this one was replaced by a newer one.`,
      });
      this.closeSocket(ws, 4008, "replaced by a newer connection", true);
    }
  }

  private closeSocket(ws: WebSocket, code: number, reason: string, quiet = false): void {
    this.dropSocket(ws, quiet);
    try {
      ws.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  private dropSocket(ws: WebSocket, quiet = false): void {
    const state = this.sockets().get(ws) ?? (ws.deserializeAttachment() as SocketState | null);
    this.sockets().delete(ws);
    this.replaying.delete(ws);
    if (!state) return;
    for (const [other, s] of this.sockets()) if (s.socketId === state.socketId) this.sockets().delete(other);
    if (!quiet && !this.hasSockets(state.userId)) this.presenceChanged(state.userId, false, Date.now());
  }

  private presenceChanged(userId: string, online: boolean, now: number): void {
    markPresence(this.sql, userId, online, now);
    this.background.flushSoon(now);
    if (this.memberIds().length <= this.config.smallRoomMembers) {
      this.broadcast({ type: "presence", userId, online }, { excludeUser: userId });
    }
  }

  // ------------------------------------------------------------------ sockets: frames

  private broadcast(
    frame: ServerFrame,
    options: { excludeSocket?: string; excludeUser?: string; onlyUser?: string } = {},
  ): void {
    const data = JSON.stringify(frame);
    const holdBack = frame.type !== "message";
    for (const [ws, s] of this.sockets()) {
      if (s.socketId === options.excludeSocket) continue;
      if (options.excludeUser !== undefined && s.userId === options.excludeUser) continue;
      if (options.onlyUser !== undefined && s.userId !== options.onlyUser) continue;
      const held = this.replaying.get(ws);
      if (held) {
        // The replay loop picks up new messages; other frames wait until it is done.
        if (holdBack) held.push(data);
        continue;
      }
      this.sendRaw(ws, data);
    }
  }

  private sendTo(ws: WebSocket, frame: ServerFrame): void {
    this.sendRaw(ws, JSON.stringify(frame));
  }

  private sendRaw(ws: WebSocket, data: string): void {
    try {
      ws.send(data);
    } catch {
      // A socket that is closing: its close handler cleans up.
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

  private present(): PresentContext {
    const meta = this.meta()!;
    return { sql: this.sql, env: this.env, cache: this.cache, dialogId: meta.dialog_id, origin: meta.origin ?? "" };
  }
}

function notInitialized(): Failure {
  return fail("not_initialized", "This room has not been set up.");
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A refused socket: the problem's code and detail as JSON, with the code's status. */
function failureResponse(failure: Failure): Response {
  const status = failure.code === "not_initialized" ? 409 : ERROR_CODES[failure.code].status;
  return Response.json({ code: failure.code, detail: failure.detail }, { status });
}
