import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { chatFlags } from "../../d1/schema/chat";
import type { ChatFlagSchema } from "../../schemas/chat-moderation";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import { openContent } from "./room/content";
import { inRoom } from "./rooms";

/**
 * Messages flagged for admins: automatically (effects.ts) or by a member's report. Admins list
 * them with the text as it was when flagged, and close them.
 */
type FlagRow = typeof chatFlags.$inferSelect;
type ChatFlag = z.infer<typeof ChatFlagSchema>;

export async function presentFlag(env: Env, row: FlagRow): Promise<ChatFlag> {
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

/** A page of flags, newest first, by status and optionally of one dialog. */
export async function flagsPage(
  env: Env,
  query: { limit: number; cursor?: string; status: "open" | "resolved" | "all"; dialogId?: string },
): Promise<Page<ChatFlag>> {
  const before = decodeCursor(query.cursor, z.string().min(1));
  const rows = await database(env)
    .select()
    .from(chatFlags)
    .where(
      and(
        query.status === "all" ? undefined : eq(chatFlags.status, query.status),
        query.dialogId ? eq(chatFlags.dialogId, query.dialogId) : undefined,
        before ? lt(chatFlags.id, before) : undefined,
      ),
    )
    .orderBy(desc(chatFlags.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => r.id);
  return { items: await Promise.all(page.items.map((r) => presentFlag(env, r))), nextCursor: page.nextCursor };
}

/** Closes a flag (closing it again changes nothing). */
export async function resolveFlag(env: Env, id: string, adminId: string): Promise<ChatFlag> {
  const db = database(env);
  const row = await db.select().from(chatFlags).where(eq(chatFlags.id, id)).get();
  if (!row) throw new ApiError("not_found", "There is no flag with this id.");
  const updated =
    row.status === "resolved"
      ? row
      : await db
          .update(chatFlags)
          .set({ status: "resolved", resolvedBy: adminId, resolvedAt: nowMs() })
          .where(eq(chatFlags.id, id))
          .returning()
          .get();
  return presentFlag(env, updated ?? row);
}

/** A member reports another's message: one flag per reporter and message. */
export async function reportMessage(
  env: Env,
  dialogId: string,
  messageId: string,
  reporterId: string,
  note: string | undefined,
): Promise<{ flagId: string; status: "open" | "resolved" }> {
  const message = await inRoom(env, dialogId, (room) => room.reportable({ userId: reporterId, messageId }));
  if (message.senderId === reporterId) throw new ApiError("conflict", "You cannot report your own message.");
  const db = database(env);
  const key = `${messageId}:report:${reporterId}`;
  await db
    .insert(chatFlags)
    .values({
      id: newId("flg"),
      key,
      dialogId,
      messageId,
      seq: message.seq,
      senderId: message.senderId,
      reason: "user_report",
      reporterId,
      note: note ?? null,
      excerptEnc: message.contentEnc,
      status: "open",
      createdAt: nowMs(),
    })
    .onConflictDoNothing();
  const flag = await db
    .select({ id: chatFlags.id, status: chatFlags.status })
    .from(chatFlags)
    .where(eq(chatFlags.key, key))
    .get();
  if (!flag) throw new ApiError("internal_error", "The report could not be stored. Retry.");
  return { flagId: flag.id, status: flag.status };
}
