import { z } from "@hono/zod-openapi";
import { CHAT_FLAG_REASONS, FLAG_STATUSES } from "./chat";
import { pageOf } from "./platform";

/** Chat moderation: the flags on messages (automatic, or a member's report) operators resolve. */

export const ChatFlagSchema = z
  .object({
    id: z.string(),
    dialogId: z.string(),
    messageId: z.string(),
    seq: z.number().int(),
    senderId: z.string(),
    reason: z.enum(CHAT_FLAG_REASONS),
    reporterId: z.string().nullable(),
    note: z.string().nullable(),
    excerpt: z.string().nullable().openapi({ description: "The message text when it was flagged" }),
    status: z.enum(FLAG_STATUSES),
    createdAt: z.string().datetime(),
    resolvedAt: z.string().datetime().nullable(),
  })
  .openapi("ChatFlag");

export const ChatFlagPageSchema = pageOf(ChatFlagSchema, "ChatFlagPage");
