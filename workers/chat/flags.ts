import type { z } from "@hono/zod-openapi";
import type { chatFlags } from "../../d1/schema/chat";
import type { ChatFlagSchema } from "../../schemas/chat";
import { openContent } from "./room/content";

type FlagRow = typeof chatFlags.$inferSelect;

export async function presentFlag(env: Env, row: FlagRow): Promise<z.infer<typeof ChatFlagSchema>> {
  let excerpt: string | null = null;
  try {
    excerpt = (await openContent(env, row.excerptEnc)).text ?? null;
  } catch {
    excerpt = null;
  }
  return {
    id: row.id,
    dialogId: row.dialogId,
    messageId: row.messageId,
    seq: row.seq,
    senderId: row.senderId,
    reason: row.reason,
    reporterId: row.reporterId,
    note: row.note,
    excerpt,
    status: row.status,
    createdAt: new Date(row.createdAt).toISOString(),
    resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt).toISOString(),
  };
}
