import type { RouteHandler } from "@hono/zod-openapi";
import { DialogIdParamSchema, HistoryQuerySchema, MessagePageSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { seqCursor } from "../http";
import { inRoom, originOf } from "../rooms";

export const listMessagesRoute = defineRoute({
  method: "get",
  path: "/api/v1/dialogs/{id}/messages",
  tags: ["Chat"],
  summary: "A dialog's messages, newest first",
  description:
    "`before=<seq>` (or `cursor=nextCursor`) pages back in time. Product cards carry live product data. Members only (403).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DialogIdParamSchema, query: HistoryQuerySchema },
  responses: { 200: jsonResponse("A page of messages", MessagePageSchema) },
  errors: [401, 403, 404],
});

export const listMessagesHandler: RouteHandler<typeof listMessagesRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  const { before, limit, cursor } = c.req.valid("query");
  const from = seqCursor(cursor) ?? before ?? null;
  const out = await inRoom(c.env, id, (room) =>
    room.history({ userId, before: from, limit, origin: originOf(c.req.url) }),
  );
  const last = out.messages[out.messages.length - 1];
  return c.json({ items: out.messages, nextCursor: out.hasMore && last ? String(last.seq) : null }, 200);
};
