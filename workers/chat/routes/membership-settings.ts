import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { dialogMembers } from "../../../d1/schema/chat";
import { DialogIdParamSchema, MembershipSettingsSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";

export const membershipSettingsRoute = defineRoute({
  method: "patch",
  path: "/api/v1/dialogs/{id}/settings",
  tags: ["Chat"],
  summary: "The caller's own settings for a dialog (mute)",
  description:
    "A muted dialog still counts unread messages; notification delivery skips muted members (the `chat.message` consumer reads this flag).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DialogIdParamSchema, ...jsonBody(MembershipSettingsSchema) },
  responses: { 200: jsonResponse("The settings", MembershipSettingsSchema) },
  errors: [401, 403],
});

export const membershipSettingsHandler: RouteHandler<typeof membershipSettingsRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  const { muted } = c.req.valid("json");
  const updated = await database(c.env)
    .update(dialogMembers)
    .set({ muted })
    .where(and(eq(dialogMembers.dialogId, id), eq(dialogMembers.userId, userId)))
    .returning({ muted: dialogMembers.muted });
  if (updated.length === 0) throw new ApiError("forbidden", "You are not a member of this dialog.");
  return c.json({ muted: updated[0].muted }, 200);
};
