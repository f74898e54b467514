import type { RouteHandler } from "@hono/zod-openapi";
import { DialogIdParamSchema, MembershipSettingsSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { setMuted } from "../dialog-list";

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
  return c.json(await setMuted(c.env, userId, id, c.req.valid("json").muted), 200);
};
