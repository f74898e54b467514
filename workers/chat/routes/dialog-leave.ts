import type { RouteHandler } from "@hono/zod-openapi";
import { DialogIdParamSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { removeDialogMember } from "../membership";

export const leaveDialogRoute = defineRoute({
  method: "post",
  path: "/api/v1/dialogs/{id}/leave",
  tags: ["Chat"],
  summary: "Leave a group or channel",
  description: "The same as removing yourself. Direct dialogs cannot be left (409): mute them instead.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DialogIdParamSchema },
  responses: { 204: noContent },
  errors: [401, 403, 404, 409],
});

export const leaveDialogHandler: RouteHandler<typeof leaveDialogRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  await removeDialogMember(c.env, c.executionCtx, c.req.valid("param").id, userId, userId);
  return c.body(null, 204);
};
