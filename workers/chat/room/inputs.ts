import { z } from "zod";
import { DIALOG_TYPES, MEMBER_ROLES, SendMessageSchema } from "../../../schemas/chat";

/**
 * What the ChatRoom's RPC methods accept, checked at the object's boundary (room.ts) before any
 * logic runs. The Worker has validated the HTTP request already; these hold the object to the same
 * shapes whoever calls it. Limits that depend on configuration (text length, group size) stay domain
 * checks with their own error codes.
 */
const Id = z.string().min(1).max(200);
const Origin = z.string().max(2048);
const Seq = z.number().int().min(0);

export const SnapshotInput = z.object({
  dialogId: Id,
  type: z.enum(DIALOG_TYPES),
  shopId: Id.nullable(),
  createdAt: z.number().int(),
  members: z.array(z.object({ userId: Id, role: z.enum(MEMBER_ROLES), joinedAt: z.number().int() })),
});

export const MemberInput = z.object({ userId: Id });

export const PageInput = z.object({
  userId: Id,
  before: z.number().int().min(1).nullable(),
  limit: z.number().int().min(1).max(1000),
  origin: Origin,
});

export const SearchInput = PageInput.extend({ q: z.string().min(1).max(200) });

export const MessageInput = z.object({ userId: Id, messageId: Id });

export const SendInput = z.object({ senderId: Id, origin: Origin, message: SendMessageSchema });

export const EditInput = MessageInput.extend({ text: z.string().min(1).max(100_000), origin: Origin });

export const ReactInput = MessageInput.extend({ emoji: z.string().min(1).max(64), add: z.boolean(), origin: Origin });

export const ReceiptInput = z.object({
  userId: Id,
  seq: Seq,
  status: z.enum(["delivered", "read"]),
  /** The socket the receipt came from (it does not get its own receipt back). */
  fromSocket: z.string().optional(),
});

export const AddMembersInput = z.object({ actorId: Id, userIds: z.array(Id).min(1).max(1000) });

export const RemoveMemberInput = z.object({ actorId: Id, userId: Id });

export const SetRoleInput = RemoveMemberInput.extend({ role: z.enum(MEMBER_ROLES) });

export const RenameInput = z.object({ actorId: Id, name: z.string().min(1).max(100) });

/**
 * The Worker's upgrade request (socket-headers.ts). A missing header reads as empty (the guard then
 * refuses it); a `since` that is not a seq means no replay.
 */
export const SocketRequestInput = z.object({
  userId: z.string().catch(""),
  sessionId: z.string().catch(""),
  origin: z.string().catch(""),
  websocket: z.boolean(),
  since: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .nullable()
    .catch(null),
});

/** Close a user's sockets (an application close code, 4000-4999, and a reason of at most 123 bytes). */
export const CloseUserSocketsInput = z.object({
  userId: Id,
  code: z.number().int().min(4000).max(4999),
  reason: z.string().max(120),
});

/** A wallet transfer shown in this room changed status (transfer-refresh.ts). */
export const TransferRefreshInput = z.object({ transferId: Id });

export type SnapshotInput = z.input<typeof SnapshotInput>;
export type TransferRefreshInput = z.input<typeof TransferRefreshInput>;
export type CloseUserSocketsInput = z.input<typeof CloseUserSocketsInput>;
export type MemberInput = z.input<typeof MemberInput>;
export type PageInput = z.input<typeof PageInput>;
export type SearchInput = z.input<typeof SearchInput>;
export type MessageInput = z.input<typeof MessageInput>;
export type SendInput = z.input<typeof SendInput>;
export type EditInput = z.input<typeof EditInput>;
export type ReactInput = z.input<typeof ReactInput>;
export type ReceiptInput = z.input<typeof ReceiptInput>;
export type AddMembersInput = z.input<typeof AddMembersInput>;
export type RemoveMemberInput = z.input<typeof RemoveMemberInput>;
export type SetRoleInput = z.input<typeof SetRoleInput>;
export type RenameInput = z.input<typeof RenameInput>;
