import type { RouteHandler } from "@hono/zod-openapi";
import { DialogIdParamSchema, MessageSchema, SendMessageSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { sendMessage } from "../messages";
import { originOf } from "../rooms";

export const sendMessageRoute = defineRoute({
  method: "post",
  path: "/api/v1/dialogs/{id}/messages",
  tags: ["Chat"],
  summary: "Send a message",
  description: [
    "`seq` rises by one per dialog. The same `clientId` from the same sender returns the first message (201, `Idempotent-Replayed: true`) and sends nothing again.",
    "Kinds: `text` (text), `image` and `file` (mediaId from POST /api/v1/media, optional text caption), `location`, `sticker` ({ id, packId? }), `card` ({ type: product, id }: rendered with live product data). `replyTo` is a message id of the dialog.",
    "Text is at most CHAT_MAX_TEXT_LENGTH (4000) characters (413); each member sends at most CHAT_SEND_LIMIT messages per CHAT_SEND_WINDOW_SECONDS per dialog (429). In a channel only admins post (403).",
    "Members connected to the dialog's WebSocket receive it at once; the others get a `chat.message` notification event.",
  ].join("\n\n"),
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("chatMessage")] as const,
  request: { params: DialogIdParamSchema, ...jsonBody(SendMessageSchema) },
  responses: { 201: jsonResponse("The message (or the first one with this clientId)", MessageSchema) },
  errors: [401, 403, 404, 413],
});

export const sendMessageHandler: RouteHandler<typeof sendMessageRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  const input = { senderId: userId, origin: originOf(c.req.url), message: c.req.valid("json") };
  const { message, created } = await sendMessage(c.env, c.executionCtx, id, input);
  if (!created) c.header("Idempotent-Replayed", "true");
  return c.json(message, 201);
};
