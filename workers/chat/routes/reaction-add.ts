import type { RouteHandler } from "@hono/zod-openapi";
import { MessageParamSchema, MessageSchema, ReactionInputSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { inRoom, originOf } from "../rooms";

export const addReactionRoute = defineRoute({
  method: "post",
  path: "/api/v1/dialogs/{id}/messages/{messageId}/reactions",
  tags: ["Chat"],
  summary: "React to a message",
  description:
    "Adding the same emoji twice changes nothing; at most 10 different emoji per member and message. Remove with DELETE .../reactions/{emoji}. Sockets receive `updated`.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: MessageParamSchema, ...jsonBody(ReactionInputSchema) },
  responses: { 200: jsonResponse("The message with its reactions", MessageSchema) },
  errors: [401, 403, 404, 409],
});

export const addReactionHandler: RouteHandler<typeof addReactionRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id, messageId } = c.req.valid("param");
  const { emoji } = c.req.valid("json");
  const out = await inRoom(c.env, id, (room) =>
    room.react({ userId, messageId, emoji, add: true, origin: originOf(c.req.url) }),
  );
  return c.json(out.message, 200);
};
