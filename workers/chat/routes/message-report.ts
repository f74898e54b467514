import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { chatFlags } from "../../../d1/schema/chat";
import { MessageParamSchema, ReportedSchema, ReportInputSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { inRoom } from "../rooms";

export const reportMessageRoute = defineRoute({
  method: "post",
  path: "/api/v1/dialogs/{id}/messages/{messageId}/report",
  tags: ["Chat"],
  summary: "Report a message to the admins",
  description:
    "Members report messages of others (scams, abuse, payment outside the platform). Reporting the same message again changes nothing. Admins see reports at GET /api/v1/admin/chat/flags.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: {
    params: MessageParamSchema,
    body: { required: false, content: { "application/json": { schema: ReportInputSchema } } },
  },
  responses: { 202: jsonResponse("The report was received", ReportedSchema) },
  errors: [401, 403, 404, 409],
});

export const reportMessageHandler: RouteHandler<typeof reportMessageRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id, messageId } = c.req.valid("param");
  const reason = (c.req.valid("json") as { reason?: string } | undefined)?.reason;
  const message = await inRoom(c.env, id, (room) => room.reportable({ userId, messageId }));
  if (message.senderId === userId) throw new ApiError("conflict", "You cannot report your own message.");
  const db = database(c.env);
  const key = `${messageId}:report:${userId}`;
  await db
    .insert(chatFlags)
    .values({
      id: newId("flg"),
      key,
      dialogId: id,
      messageId,
      seq: message.seq,
      senderId: message.senderId,
      reason: "user_report",
      reporterId: userId,
      note: reason ?? null,
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
  return c.json({ flagId: flag.id, status: flag.status }, 202);
};
