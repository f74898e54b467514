import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { dialogMembers } from "../../../d1/schema/chat";
import { DialogIdParamSchema, DialogListItemSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { dialogOf, lastMessageOf, loadDialog, NO_DIALOG } from "../dialogs";
import { isDialogId } from "../rooms";

export const getDialogRoute = defineRoute({
  method: "get",
  path: "/api/v1/dialogs/{id}",
  tags: ["Chat"],
  summary: "One of the caller's dialogs",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DialogIdParamSchema },
  responses: { 200: jsonResponse("The dialog", DialogListItemSchema) },
  errors: [401, 403, 404],
});

export const getDialogHandler: RouteHandler<typeof getDialogRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  if (!isDialogId(id)) throw new ApiError("not_found", NO_DIALOG);
  const db = database(c.env);
  const [loaded, me] = await Promise.all([
    loadDialog(db, id),
    db
      .select()
      .from(dialogMembers)
      .where(and(eq(dialogMembers.dialogId, id), eq(dialogMembers.userId, userId)))
      .get(),
  ]);
  if (!loaded) throw new ApiError("not_found", NO_DIALOG);
  if (!me) throw new ApiError("forbidden", "You are not a member of this dialog.");
  return c.json(
    {
      ...dialogOf(loaded),
      unreadCount: Math.max(0, loaded.row.lastSeq - me.lastReadSeq),
      lastMessage: await lastMessageOf(c.env, loaded.row),
      lastSeq: loaded.row.lastSeq,
      lastReadSeq: me.lastReadSeq,
      role: me.role,
      muted: me.muted,
    },
    200,
  );
};
