import type { RouteHandler } from "@hono/zod-openapi";
import { EditMessageSchema, MessageParamSchema, MessageSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { editMessage } from "../messages";
import { originOf } from "../rooms";

export const editMessageRoute = defineRoute({
  method: "patch",
  path: "/api/v1/dialogs/{id}/messages/{messageId}",
  tags: ["Chat"],
  summary: "Edit a message's text (its sender)",
  description: "Text messages and captions of pictures, files and cards. Sockets receive `updated`.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: MessageParamSchema, ...jsonBody(EditMessageSchema) },
  responses: { 200: jsonResponse("The edited message", MessageSchema) },
  errors: [401, 403, 404, 409, 413],
});

export const editMessageHandler: RouteHandler<typeof editMessageRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id, messageId } = c.req.valid("param");
  const input = { userId, messageId, text: c.req.valid("json").text, origin: originOf(c.req.url) };
  return c.json(await editMessage(c.env, c.executionCtx, id, input), 200);
};
