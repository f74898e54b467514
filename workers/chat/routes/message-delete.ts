import type { RouteHandler } from "@hono/zod-openapi";
import { MessageParamSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { deleteMessage } from "../messages";

export const deleteMessageRoute = defineRoute({
  method: "delete",
  path: "/api/v1/dialogs/{id}/messages/{messageId}",
  tags: ["Chat"],
  summary: "Delete a message (its sender, or an admin of a group or channel)",
  description:
    "A soft delete: the message keeps its seq and comes back as `deleted: true` without content; its reactions go. Sockets receive `updated`. Deleting again is fine.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: MessageParamSchema },
  responses: { 204: noContent },
  errors: [401, 403, 404, 409],
});

export const deleteMessageHandler: RouteHandler<typeof deleteMessageRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id, messageId } = c.req.valid("param");
  await deleteMessage(c.env, c.executionCtx, id, { userId, messageId });
  return c.body(null, 204);
};
