import type { RouteHandler } from "@hono/zod-openapi";
import { DialogIdParamSchema, MessagePageSchema, SearchQuerySchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { seqCursor } from "../http";
import { inRoom, originOf } from "../rooms";

export const searchDialogRoute = defineRoute({
  method: "get",
  path: "/api/v1/dialogs/{id}/search",
  tags: ["Chat"],
  summary: "Search one of the caller's dialogs",
  description:
    "Messages whose text contains `q` (ignoring case, width and Latin accents; Thai and other scripts match as written), newest first. Text is encrypted at rest, so the dialog's room decrypts and scans its own messages: at most CHAT_SEARCH_SCAN_LIMIT per request; `nextCursor` continues further back.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DialogIdParamSchema, query: SearchQuerySchema },
  responses: { 200: jsonResponse("Matching messages", MessagePageSchema) },
  errors: [401, 403, 404],
});

export const searchDialogHandler: RouteHandler<typeof searchDialogRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  const { q, limit, cursor } = c.req.valid("query");
  const before = seqCursor(cursor) ?? null;
  const out = await inRoom(c.env, id, (room) => room.search({ userId, q, before, limit, origin: originOf(c.req.url) }));
  return c.json({ items: out.messages, nextCursor: out.nextCursor === null ? null : String(out.nextCursor) }, 200);
};
