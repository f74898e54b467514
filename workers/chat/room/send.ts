import type { ChatFlagReason, Message, SendMessageInput, SystemEvent } from "../../../schemas/chat";
import { attachableMedia } from "../../catalog";
import { nowMs } from "../../platform/clock";
import { database } from "../../platform/db";
import { newId } from "../../platform/ids";
import { recordMetric } from "../../platform/metrics";
import { requestIdOrNew } from "../../platform/request-context";
import { chatMediaUrl } from "../media-access";
import { cardForSend } from "./cards";
import { openContent, sealContent } from "./content";
import type { RoomCore } from "./core";
import { detectOffPlatform } from "./moderation";
import { present, presentRow } from "./present";
import {
  insertMessage,
  lastSeq,
  type MessageRow,
  type MetaRow,
  markRead,
  messageByClientId,
  messageById,
  type Payload,
  queueEffect,
  readMember,
} from "./store";
import { transferForSend } from "./transfer-cards";
import {
  type Content,
  type Failure,
  fail,
  NOT_MEMBER,
  notInitialized,
  type Outcome,
  type RoomEffect,
  type SocketState,
} from "./types";

/** A send refused by a rate limit: its whole sentence (translated as one) and the wait for Retry-After. */
const limited = (detail: string, wait: number) => fail("rate_limited", detail, { retryAfter: wait });
const acrossDialogsLimited = (wait: number) =>
  limited(
    wait === 1
      ? "Too many messages across your dialogs. Try again in 1 second."
      : `Too many messages across your dialogs. Try again in ${wait} seconds.`,
    wait,
  );
/**
 * Sending: the checks, then one synchronous step that takes the clientId and the next seq, stores
 * the message, queues its D1 side effects and fans it out. Nothing awaits inside that step, so seq
 * rises by exactly one, a clientId is taken once, and sockets see messages in seq order.
 */
export type SendOutcome = Outcome<{ message: Message; created: boolean; effect: RoomEffect | null }>;

type Socket = { ws: WebSocket; state: SocketState } | null;

export async function acceptSend(
  room: RoomCore,
  senderId: string,
  msg: SendMessageInput,
  origin: string,
  socket: Socket,
): Promise<SendOutcome> {
  const g = mayPost(room, senderId);
  if (!g.ok) return g;
  // A retry of the same clientId answers the first message (before any limit applies).
  const existing = messageByClientId(room.sql, senderId, msg.clientId);
  if (existing) return replayed(room, existing, socket);
  if (msg.text !== undefined && [...msg.text].length > room.config.maxTextLength) {
    return fail("payload_too_large", `A message holds at most ${room.config.maxTextLength} characters of text.`);
  }
  const wait = takeSendSlot(room, senderId, nowMs());
  if (wait > 0) {
    return limited(
      wait === 1
        ? "Too many messages in this dialog. Try again in 1 second."
        : `Too many messages in this dialog. Try again in ${wait} seconds.`,
      wait,
    );
  }
  // Synchronous while the room holds a lease of the sender's slots (sender-limit.ts); a known
  // refusal answers at once, before any slow work.
  const taken = room.senderLeases.take(senderId);
  if (typeof taken === "number" && taken > 0) return acrossDialogsLimited(taken);
  // Slow work (it takes nothing), meanwhile any lease request to the sender's limiter is in flight.
  const [userWait, draft] = await Promise.all([
    taken,
    draftMessage(room, senderId, msg, origin, Boolean(g.meta.shop_id)),
  ]);
  if (userWait > 0) return acrossDialogsLimited(userWait);
  if (!draft.ok) return draft;
  // From here on synchronous. Membership and role again: a removal or a demotion may have landed
  // during the awaits above, and nobody posts who is not allowed to at the moment of the write.
  // Then the clientId, the seq, the row and the fan-out, in one step.
  const allowed = mayPost(room, senderId);
  if (!allowed.ok) return allowed;
  const raced = messageByClientId(room.sql, senderId, msg.clientId);
  if (raced) return replayed(room, raced, socket);
  room.noteOrigin(origin);
  return commitMessage(room, senderId, msg, draft, socket);
}

/**
 * The sender is a member, and in a channel an admin (synchronous: called again right before the
 * write). Roles come from the room's memory (RoomCore.roleOf), not a storage read per message.
 */
function mayPost(room: RoomCore, senderId: string): { ok: true; meta: MetaRow } | Failure {
  const meta = room.meta();
  if (!meta) return notInitialized();
  const role = senderId ? room.roleOf(senderId) : undefined;
  if (!role) return fail("forbidden", NOT_MEMBER);
  if (meta.type === "channel" && role !== "admin") {
    return fail("forbidden", "Only the channel's admins post here; members read.");
  }
  return { ok: true, meta };
}

/** What a message needs before it can be taken: its reply, media, card, sealed content and flags. */
interface Draft {
  replyRow: MessageRow | undefined;
  payload: Payload;
  card: Message["card"];
  transfer?: Message["transfer"];
  content: Content;
  contentEnc: string | null;
  flags: ChatFlagReason[];
}

async function draftMessage(
  room: RoomCore,
  senderId: string,
  msg: SendMessageInput,
  origin: string,
  supportChat: boolean,
): Promise<Outcome<Draft>> {
  const replyRow = msg.replyTo ? messageById(room.sql, msg.replyTo) : undefined;
  if (msg.replyTo && !replyRow) {
    return fail("validation_failed", "replyTo names no message of this dialog.", {
      errors: [{ path: "replyTo", message: "No such message in this dialog" }],
    });
  }
  if (replyRow?.content_enc && replyRow.deleted_at === null && !room.cache.get(replyRow.seq)) {
    room.cache.set(replyRow.seq, await openContent(room.env, replyRow.content_enc));
  }
  const payload: Payload = {};
  if (msg.mediaId) {
    const media = await loadMedia(room, senderId, msg.mediaId, msg.kind, origin);
    if (!media.ok) return media;
    payload.media = media.media;
  }
  if (msg.sticker) payload.sticker = msg.sticker;
  let card: Message["card"];
  if (msg.card) {
    const resolved = await cardForSend(room.env, msg.card, senderId, origin);
    if ("detail" in resolved) {
      return fail("validation_failed", resolved.detail, { errors: [{ path: "card.id", message: resolved.detail }] });
    }
    card = resolved.card;
    payload.card = { type: msg.card.type, id: msg.card.id };
  }
  let transfer: Draft["transfer"];
  if (msg.transferId) {
    const shown = await transferForSend(room, senderId, msg.transferId);
    if (!shown.ok) return shown;
    transfer = shown.card;
    payload.transfer = { id: msg.transferId };
  }
  const content = { text: msg.text, location: msg.location };
  const contentEnc = await sealContent(room.env, content);
  const flags = supportChat ? detectOffPlatform(msg.text) : [];
  return { ok: true, replyRow, payload, card, transfer, content, contentEnc, flags };
}

/** Synchronous: takes the next seq, stores the message, queues its D1 effects and fans it out. */
function commitMessage(
  room: RoomCore,
  senderId: string,
  msg: SendMessageInput,
  draft: Draft,
  socket: Socket,
): SendOutcome {
  const meta = room.meta()!;
  const { payload, contentEnc } = draft;
  const now = Date.now();
  const row: MessageRow = {
    seq: lastSeq(room.sql) + 1,
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
  insertMessage(room.sql, row);
  const plain = contentEnc ? stripUndefined(draft.content) : {};
  room.cache.set(row.seq, plain);
  advanceOwnRead(room, senderId, row.seq);
  const currentReply = draft.replyRow ? messageById(room.sql, draft.replyRow.id) : undefined;
  const message = presentRow(meta.dialog_id, row, plain, payload, [], {
    card: draft.card,
    transfer: draft.transfer,
    reply: currentReply ? { row: currentReply, content: room.cache.get(currentReply.seq) ?? {} } : undefined,
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
    recipientIds: offlineMembers(room, senderId),
    flags: draft.flags,
    requestId: requestIdOrNew(),
  };
  queueEffect(room.sql, effect);
  room.flushSoon(now);
  recordMetric(room.env, { kind: "chat", messageKind: row.kind });
  // The message is serialised once, for the `message` frame of every socket and the sender's `ack`
  // (the same bytes as JSON.stringify of either frame).
  const body = JSON.stringify(message);
  room.live.broadcastData(`{"type":"message","message":${body}}`, false, { excludeSocket: socket?.state.socketId });
  if (socket)
    room.live.sendRaw(socket.ws, `{"type":"ack","clientId":${JSON.stringify(msg.clientId)},"message":${body}}`);
  return { ok: true, message, created: true, effect };
}

async function replayed(room: RoomCore, row: MessageRow, socket: { ws: WebSocket } | null): Promise<SendOutcome> {
  const [message] = await present(room.present(), [row]);
  if (socket) room.live.sendTo(socket.ws, { type: "ack", clientId: row.client_id, message });
  return { ok: true, message, created: false, effect: null };
}

async function loadMedia(
  room: RoomCore,
  senderId: string,
  mediaId: string,
  kind: SendMessageInput["kind"],
  origin: string,
): Promise<Outcome<{ media: NonNullable<Payload["media"]> }>> {
  const row = await attachableMedia(database(room.env), mediaId);
  const refuse = (message: string) => fail("validation_failed", message, { errors: [{ path: "mediaId", message }] });
  if (!row || row.ownerId !== senderId) {
    return refuse("Upload the file with POST /api/v1/media first and send the id it returned.");
  }
  if (kind === "image" && row.kind !== "image") return refuse("This upload is not a picture; send it as kind file.");
  return {
    ok: true,
    media: {
      id: row.id,
      url: await chatMediaUrl(room.env, origin, room.meta()!.dialog_id, row.id),
      contentType: row.contentType,
      size: row.size,
      kind: row.kind,
    },
  };
}

function takeSendSlot(room: RoomCore, userId: string, now: number): number {
  const windowMs = room.config.sendWindowMs;
  const log = (room.sendLog.get(userId) ?? []).filter((t) => t > now - windowMs);
  if (log.length >= room.config.sendLimit) {
    room.sendLog.set(userId, log);
    return Math.max(1, Math.ceil((log[0] + windowMs - now) / 1000));
  }
  log.push(now);
  room.sendLog.set(userId, log);
  return 0;
}

/** You have read what you wrote. */
export function advanceOwnRead(room: RoomCore, userId: string, seq: number): void {
  room.sql.exec(
    "UPDATE members SET last_read_seq = MAX(last_read_seq, ?1), last_delivered_seq = MAX(last_delivered_seq, ?1) WHERE user_id = ?2",
    seq,
    userId,
  );
  markRead(room.sql, userId, seq);
}

/** Members with no socket on this room right now (they get a notification), the sender excluded. */
function offlineMembers(room: RoomCore, senderId: string): string[] {
  return room.offlineMembers().filter((id) => id !== senderId);
}

/** A system message (membership changes, renames): stored, fanned out, no notification. */
export function insertSystem(
  room: RoomCore,
  actorId: string,
  event: SystemEvent,
): { message: Message; effect: RoomEffect } {
  const meta = room.meta()!;
  const now = Date.now();
  const id = newId("msg", now);
  const payload: Payload = { system: event };
  const row: MessageRow = {
    seq: lastSeq(room.sql) + 1,
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
  insertMessage(room.sql, row);
  if (readMember(room.sql, actorId)) advanceOwnRead(room, actorId, row.seq);
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
    requestId: requestIdOrNew(),
  };
  queueEffect(room.sql, effect);
  room.flushSoon(now);
  room.live.broadcast({ type: "message", message });
  return { message, effect };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
