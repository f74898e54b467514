import { z } from "@hono/zod-openapi";
import { MoneySchema, pageOf, queryInt } from "./platform";
import { TransferCardSchema } from "./wallet";

export const DIALOG_TYPES = ["direct", "group", "channel"] as const;
export type DialogType = (typeof DIALOG_TYPES)[number];
export const MEMBER_ROLES = ["member", "admin"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const CHAT_FLAG_REASONS = ["phone_number", "payment_link", "contact_link", "user_report"] as const;
export type ChatFlagReason = (typeof CHAT_FLAG_REASONS)[number];

// ------------------------------------------------------------------ ids and params

const Id = z.string().min(1).max(64);
const UserId = Id.openapi({ example: "usr_01JD3Q5W8T2M4V6X8Z0B2D4F6H" });
const Int = z.number().int();
const Timestamp = z.string().datetime();

/** A path parameter: an id of at most 64 characters. */
const pathId = (name: string, doc: { example?: string; description?: string } = {}) =>
  Id.openapi({ param: { name, in: "path" }, ...doc });

const inQuery = (name: string) => ({ param: { name, in: "query" as const } });

export const DialogIdParamSchema = z.object({ id: pathId("id", { example: "dlg_01JD3Q5W8T2M4V6X8Z0B2D4F6H" }) });

export const MessageParamSchema = DialogIdParamSchema.extend({
  messageId: pathId("messageId", { example: "msg_01JD3Q5W8T2M4V6X8Z0B2D4F6H" }),
});

export const MemberParamSchema = DialogIdParamSchema.extend({ userId: pathId("userId") });

export const ReactionParamSchema = MessageParamSchema.extend({
  emoji: pathId("emoji", { example: "%F0%9F%91%8D", description: "URL-encoded" }),
});

// ------------------------------------------------------------------ dialogs

export const DialogTypeSchema = z.enum(DIALOG_TYPES).openapi("DialogType", {
  description: "direct: exactly two people (reused); group: up to 1000 members; channel: admins post, members read",
});
export const MemberRoleSchema = z.enum(MEMBER_ROLES).openapi("DialogMemberRole");

export const CreateDialogSchema = z
  .strictObject({
    type: DialogTypeSchema,
    participantIds: z
      .array(UserId)
      .min(1)
      .max(10_000)
      .openapi({ description: "The other people (the caller is always a member). Direct: exactly one other." }),
    name: z.string().trim().min(1).max(100).optional().openapi({ example: "Family" }),
  })
  .openapi("CreateDialog");

export const DialogSchema = z
  .object({
    id: z.string(),
    type: DialogTypeSchema,
    name: z.string().optional(),
    shopId: z.string().optional().openapi({ description: "Support dialogs: the shop the buyer talks to" }),
    participantIds: z.array(z.string()),
    adminIds: z.array(z.string()),
    memberCount: Int,
    createdBy: z.string(),
    createdAt: Timestamp,
    lastMessageAt: Timestamp.nullable(),
  })
  .openapi("Dialog");

export type Dialog = z.infer<typeof DialogSchema>;

/** What a message's summary shows: a dialog's last message, the message a reply quotes. */
const messageHead = { id: z.string(), seq: Int, senderId: z.string(), kind: z.string() };

export const LastMessageSchema = z
  .object({
    ...messageHead,
    text: z.string().optional().openapi({ description: "The start of the text (at most 200 characters)" }),
    deleted: z.boolean().optional(),
    createdAt: Timestamp,
  })
  .openapi("LastMessage");

/** A member as the caller's chat list shows them: public names only, never a phone number or email. */
export const DialogMemberFaceSchema = z
  .object({
    userId: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().optional(),
    shopName: z.string().optional().openapi({
      description: "Support dialogs: on the shop's side (everyone but the buyer who opened it), the shop's name",
    }),
  })
  .openapi("DialogMemberFace");

export const DialogListItemSchema = DialogSchema.extend({
  members: z.array(DialogMemberFaceSchema).openapi({
    description:
      "Beyond the contract: the members (as participantIds, oldest first) with their public names, so a list can show who a direct dialog is with. Accounts that no longer exist are left out.",
  }),
  unreadCount: Int,
  lastMessage: LastMessageSchema.nullable(),
  lastSeq: Int,
  lastReadSeq: Int,
  role: MemberRoleSchema,
  muted: z.boolean(),
}).openapi("DialogListItem");

export const DialogPageSchema = pageOf(DialogListItemSchema, "DialogPage");

export const UpdateDialogSchema = z.strictObject({ name: z.string().trim().min(1).max(100) }).openapi("UpdateDialog");

export const AddMembersSchema = z
  .strictObject({ userIds: z.array(UserId).min(1).max(1000) })
  .openapi("AddDialogMembers");

export const UpdateMemberSchema = z.strictObject({ role: MemberRoleSchema }).openapi("UpdateDialogMember");

export const MembershipSettingsSchema = z.strictObject({ muted: z.boolean() }).openapi("DialogMembershipSettings");

export const SupportChatSchema = z
  .object({ dialogId: z.string(), dialog: DialogSchema })
  .openapi("SupportChat", { description: "The caller's support dialog with the shop (a direct dialog with shopId)" });

// ------------------------------------------------------------------ messages

export const INPUT_KINDS = ["text", "image", "file", "location", "sticker", "card", "transfer"] as const;
export const MESSAGE_KINDS = [...INPUT_KINDS, "system"] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export const LocationSchema = z
  .strictObject({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().trim().max(200).optional(),
    address: z.string().trim().max(500).optional(),
  })
  .openapi("ChatLocation");

export const StickerSchema = z.strictObject({ id: Id, packId: Id.optional() }).openapi("ChatSticker");

export const CARD_TYPES = ["product", "order"] as const;
export type CardType = (typeof CARD_TYPES)[number];

export const CardInputSchema = z
  .strictObject({
    type: z.enum(CARD_TYPES),
    id: Id.openapi({ description: "The product's (or order's) id" }),
  })
  .openapi("ChatCardInput", {
    description: "A commerce card: a product (or, once orders exist, an order) shown with live data",
  });

const ClientId = Id.regex(/^[A-Za-z0-9._:~-]+$/, "Use letters, digits and . _ : ~ - (e.g. a UUID)").openapi({
  example: "c7b3c1e4-1f7a-4cf5-9d1e-2b7f6d1c9e10",
});

const SendFields = {
  clientId: ClientId,
  kind: z.enum(INPUT_KINDS),
  text: z.string().max(100_000).optional(),
  mediaId: Id.optional(),
  location: LocationSchema.optional(),
  sticker: StickerSchema.optional(),
  card: CardInputSchema.optional(),
  transferId: Id.optional().openapi({ description: "kind transfer: the id POST /api/v1/wallet/transfers returned" }),
  replyTo: Id.optional().openapi({ description: "The id of the message this answers" }),
};

type SendShape = z.infer<z.ZodObject<typeof SendFields>>;

/** The attachments of a message; each kind needs its own (text: text) and allows no other. */
const ATTACHMENTS = ["mediaId", "location", "sticker", "card", "transferId"] as const;
const MEDIA_NEEDED = "Upload with POST /api/v1/media and send its id as mediaId";
const KIND_NEEDS: Record<InputKind, [field: "text" | (typeof ATTACHMENTS)[number], message: string]> = {
  text: ["text", "A text message needs text"],
  image: ["mediaId", MEDIA_NEEDED],
  file: ["mediaId", MEDIA_NEEDED],
  location: ["location", "A location message needs location { latitude, longitude }"],
  sticker: ["sticker", "A sticker message needs sticker { id }"],
  card: ["card", "A card message needs card { type, id }"],
  transfer: ["transferId", "A transfer message needs transferId (the id POST /api/v1/wallet/transfers returned)"],
};

/** What each kind needs; shared by the HTTP body and the socket's `send` frame. */
function checkKind(
  value: SendShape,
  ctx: { addIssue(issue: { code: "custom"; path: string[]; message: string }): void },
): void {
  const [field, message] = KIND_NEEDS[value.kind];
  const missing = field === "text" ? value.text === undefined || value.text.trim() === "" : value[field] === undefined;
  if (missing) ctx.addIssue({ code: "custom", path: [field], message });
  for (const other of ATTACHMENTS) {
    if (other !== field && value[other] !== undefined) {
      ctx.addIssue({ code: "custom", path: [other], message: `Not allowed for kind ${value.kind}` });
    }
  }
}

export const SendMessageSchema = z.strictObject(SendFields).superRefine(checkKind).openapi("SendMessage");
export type SendMessageInput = z.infer<typeof SendMessageSchema>;

export const EditMessageSchema = z.strictObject({ text: z.string().min(1).max(100_000) }).openapi("EditMessage");
export const ReactionInputSchema = z
  .strictObject({ emoji: z.string().min(1).max(32).openapi({ example: "👍" }) })
  .openapi("ReactionInput");
export const ReadInputSchema = z.strictObject({ seq: Int.min(0).openapi({ example: 42 }) }).openapi("ReadInput");
export const ReportInputSchema = z
  .strictObject({
    reason: z.string().trim().max(500).optional().openapi({ example: "Asked me to pay outside the app" }),
  })
  .openapi("ReportMessage");

export const MediaRefSchema = z
  .object({ id: z.string(), url: z.string(), contentType: z.string(), size: Int, kind: z.enum(["image", "file"]) })
  .openapi("ChatMedia");

export const ProductCardSchema = z
  .object({
    id: z.string(),
    shopId: z.string(),
    name: z.string(),
    price: MoneySchema,
    image: z.object({ id: z.string(), url: z.string() }).nullable(),
    available: Int,
    status: z.string(),
    rating: z.object({ average: z.number(), count: Int }),
  })
  .openapi("ProductCard");

/** An order card (workers/orders/order-cards.ts renders it). */
export const OrderCardSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    shopId: z.string(),
    status: z.string(),
    total: MoneySchema,
    itemCount: Int,
  })
  .openapi("OrderCard");

const liveCard = <T extends z.ZodType>(card: T, description: string) =>
  card.nullable().optional().openapi({ description });

export const CardSchema = z
  .object({
    type: z.enum(CARD_TYPES),
    id: z.string(),
    product: liveCard(ProductCardSchema, "Live product data (type product); null when the product is gone or hidden"),
    order: liveCard(OrderCardSchema, "Live order data (type order); null when the order is gone"),
  })
  .openapi("ChatCard");

export const SystemEventSchema = z
  .object({
    event: z.enum(["members_added", "member_removed", "member_left", "role_changed", "renamed"]),
    actorId: z.string(),
    userIds: z.array(z.string()).optional(),
    role: MemberRoleSchema.optional(),
    name: z.string().optional(),
  })
  .openapi("ChatSystemEvent");

export const ReplyPreviewSchema = z
  .object({ ...messageHead, text: z.string().optional(), deleted: z.boolean().optional() })
  .openapi("ChatReplyPreview");

export const ReactionSchema = z
  .object({ emoji: z.string(), count: Int, userIds: z.array(z.string()) })
  .openapi("ChatReaction");

export const MessageSchema = z
  .object({
    id: z.string(),
    dialogId: z.string(),
    seq: Int.openapi({ description: "Rises by one per dialog" }),
    senderId: z.string(),
    clientId: z.string(),
    kind: z.enum(MESSAGE_KINDS),
    text: z.string().optional(),
    media: MediaRefSchema.optional(),
    location: LocationSchema.optional(),
    sticker: StickerSchema.optional(),
    card: CardSchema.optional(),
    transferId: z.string().optional().openapi({ description: "kind transfer: the wallet transfer it shows" }),
    transfer: TransferCardSchema.nullable().optional().openapi({ description: "kind transfer: its live state" }),
    system: SystemEventSchema.optional(),
    replyTo: z.string().optional().openapi({ description: "Id of the message this answers" }),
    replyPreview: ReplyPreviewSchema.optional(),
    reactions: z.array(ReactionSchema),
    createdAt: Timestamp,
    editedAt: Timestamp.optional(),
    deleted: z.boolean().optional(),
  })
  .openapi("Message");

export type Message = z.infer<typeof MessageSchema>;
export type Card = z.infer<typeof CardSchema>;
export type ProductCard = z.infer<typeof ProductCardSchema>;
export type OrderCard = z.infer<typeof OrderCardSchema>;
export type SystemEvent = z.infer<typeof SystemEventSchema>;
export type ChatLocation = z.infer<typeof LocationSchema>;

export const MessagePageSchema = pageOf(MessageSchema, "MessagePage");

/** `?limit=` of a chat page (at most 100). */
const limitParam = (fallback: number, doc: { example?: number } = {}) =>
  queryInt({ min: 1, max: 100 })
    .default(fallback)
    .openapi({ ...inQuery("limit"), ...doc });

/** `?cursor=`: a page's nextCursor (a seq). */
const cursorParam = (description: string) =>
  z
    .string()
    .max(32)
    .optional()
    .openapi({ ...inQuery("cursor"), description });

export const HistoryQuerySchema = z.object({
  before: queryInt({ min: 1 })
    .optional()
    .openapi({ ...inQuery("before"), description: "Only messages with a smaller seq" }),
  limit: limitParam(50, { example: 50 }),
  cursor: cursorParam("nextCursor of the previous page (= before)"),
});

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .openapi({ ...inQuery("q"), example: "ส่งของ" }),
  limit: limitParam(20),
  cursor: cursorParam("nextCursor of the previous page"),
});

export const ReadStateSchema = z
  .object({ dialogId: z.string(), lastReadSeq: Int, unreadCount: Int })
  .openapi("DialogReadState");

export const ReceiptsSchema = z
  .object({ items: z.array(z.object({ userId: z.string(), lastDeliveredSeq: Int, lastReadSeq: Int })) })
  .openapi("DialogReceipts");

export const FLAG_STATUSES = ["open", "resolved"] as const;

export const ReportedSchema = z
  .object({ flagId: z.string(), status: z.enum(FLAG_STATUSES) })
  .openapi("MessageReported");

// ------------------------------------------------------------------ realtime

export const SocketQuerySchema = z.object({
  since: queryInt({ min: 0 })
    .optional()
    .openapi({
      ...inQuery("since"),
      description:
        'Replay the messages with a greater seq first (0: from the start), a page at a time: when more follow, the page\'s last `message` frame carries `more: true` and the client sends `{"type":"replay","since":<its seq>}` for the next page. Omitted: live frames only.',
    }),
  ticket: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .openapi({ ...inQuery("ticket"), description: "From POST /api/v1/realtime/tickets" }),
});

export const PresenceSchema = z
  .object({ userId: z.string(), online: z.boolean(), lastSeenAt: Timestamp.nullable() })
  .openapi("Presence");

export const UserIdParamSchema = z.object({ id: pathId("id", { description: "A user id, or `me`" }) });

// Client frames. Anything else gets {type:"error"}.
export const ClientFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("send"), ...SendFields }).superRefine(checkKind),
  z.object({ type: z.literal("read"), seq: Int.min(0) }),
  z.object({ type: z.literal("delivered"), seq: Int.min(0) }),
  z.object({ type: z.literal("typing"), typing: z.boolean() }),
  z.object({ type: z.literal("ping") }),
  // The next page of a replay: messages with seq > since (sent after a `message` frame with `more: true`).
  z.object({ type: z.literal("replay"), since: Int.min(0) }),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export type ServerFrame =
  /** `more: true` on the last message of a replay page: ask for the rest with {type:"replay", since: its seq}. */
  | { type: "message"; message: Message; more?: true }
  | { type: "ack"; clientId: string; message: Message }
  | { type: "receipt"; userId: string; seq: number; status: "delivered" | "read" }
  | { type: "typing"; userId: string; typing: boolean }
  | { type: "presence"; userId: string; online: boolean }
  | { type: "updated"; message: Message }
  | { type: "pong" }
  | { type: "error"; code: string; detail: string; clientId?: string; retryAfter?: number };
