import type { RouteHandler } from "@hono/zod-openapi";
import { MessageSchema, ReactionParamSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { inRoom, originOf } from "../rooms";

export const removeReactionRoute = defineRoute({
  method: "delete",
  path: "/api/v1/dialogs/{id}/messages/{messageId}/reactions/{emoji}",
  tags: ["Chat"],
  summary: "Take back a reaction",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: ReactionParamSchema },
  responses: { 200: jsonResponse("The message with its reactions", MessageSchema) },
  errors: [401, 403, 404, 409],
});

export const removeReactionHandler: RouteHandler<typeof removeReactionRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id, messageId, emoji } = c.req.valid("param");
  const out = await inRoom(c.env, id, (room) =>
    room.react({ userId, messageId, emoji, add: false, origin: originOf(c.req.url) }),
  );
  return c.json(out.message, 200);
};
