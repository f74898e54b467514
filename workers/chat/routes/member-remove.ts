import type { RouteHandler } from "@hono/zod-openapi";
import { MemberParamSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { removeDialogMember } from "../membership";

export const removeMemberRoute = defineRoute({
  method: "delete",
  path: "/api/v1/dialogs/{id}/members/{userId}",
  tags: ["Chat"],
  summary: "Remove a member (admins), or leave (your own id)",
  description:
    "The removed member's sockets on the dialog close at once. When the last admin leaves, the longest-standing member becomes admin. Direct dialogs cannot be left (409).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: MemberParamSchema },
  responses: { 204: noContent },
  errors: [401, 403, 404, 409],
});

export const removeMemberHandler: RouteHandler<typeof removeMemberRoute, AppEnv> = async (c) => {
  const { userId: actorId } = currentAuth(c);
  const { id, userId } = c.req.valid("param");
  await removeDialogMember(c.env, c.executionCtx, id, actorId, userId === "me" ? actorId : userId);
  return c.body(null, 204);
};
