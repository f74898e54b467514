import type { ChatFlagReason, ChatLocation, DialogType, MemberRole, Message } from "../../../schemas/chat";
import type { ErrorCode, FieldError } from "../../platform/errors";

/**
 * What the ChatRoom object answers over RPC: domain outcomes as values, never thrown errors. The
 * Worker turns a failure into the ApiError of the same code (workers/chat/rooms.ts).
 */
export interface Failure {
  ok: false;
  /**
   * `not_initialized`: the room has never been told its dialog; the Worker sets it up from D1.
   * `invalid_argument`: an RPC input did not match its schema (room/inputs.ts).
   */
  code: ErrorCode | "not_initialized" | "invalid_argument";
  detail: string;
  retryAfter?: number;
  errors?: FieldError[];
}

export type Outcome<T extends object = object> = ({ ok: true } & T) | Failure;

export const fail = (code: Failure["code"], detail: string, extra: Partial<Failure> = {}): Failure => ({
  ok: false,
  code,
  detail,
  ...extra,
});

export const NOT_MEMBER = "You are not a member of this dialog.";

export const notInitialized = (): Failure => fail("not_initialized", "This room has not been set up.");

export interface RoomMember {
  userId: string;
  role: MemberRole;
  joinedAt: number;
}

/** Everything a room needs to start: written by the Worker at creation, or rebuilt from D1. */
export interface RoomSnapshot {
  dialogId: string;
  type: DialogType;
  shopId: string | null;
  createdAt: number;
  members: RoomMember[];
}

/** The encrypted part of a message (PII at rest): text and location. */
export interface Content {
  text?: string;
  location?: ChatLocation;
}

/** Side effects of an accepted or revised message, applied to D1 (listing, outbox, flags). */
export type RoomEffect =
  | {
      type: "message";
      dialogId: string;
      messageId: string;
      seq: number;
      senderId: string;
      kind: Message["kind"];
      createdAt: number;
      /** The message's encrypted content, reused as the listing's preview. */
      contentEnc: string | null;
      /** Members not connected to the room when it was accepted (the sender excluded). */
      recipientIds: string[];
      flags: ChatFlagReason[];
      /** The request that sent it (absent in effects recorded before requests were traced). */
      requestId?: string;
    }
  | {
      /** An edit or a delete: the listing's preview follows if it is the dialog's last message. */
      type: "revise";
      dialogId: string;
      messageId: string;
      seq: number;
      senderId: string;
      contentEnc: string | null;
      deleted: boolean;
      flags: ChatFlagReason[];
    };

/**
 * A reader's unread badge, due on their realtime stream (UserHub). The count is taken when it is
 * delivered, from the room's own positions, so a retried or late badge is never stale.
 */
export interface UnreadBadge {
  type: "unread";
  userId: string;
}

/** What the room's alarm does after a change (`pending_effects`): D1 writes, or a badge to deliver. */
export type QueuedEffect = RoomEffect | UnreadBadge;

/** Per-socket state, kept in the socket's attachment so a hibernated room loses none of it. */
export interface SocketState {
  userId: string;
  sessionId: string;
  socketId: string;
  connectedAt: number;
  lastActiveAt: number;
  typingAt: number;
  /** The replay stopped short (`more`): messages up to this seq come by `replay` frames, newer ones live. */
  replayUntil?: number;
}
