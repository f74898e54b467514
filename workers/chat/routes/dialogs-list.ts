import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { DialogPageSchema } from "../../../schemas/chat";
import { PageQuerySchema } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { lastMessageOf, listDialogs, presentDialog } from "../dialogs";

export const listDialogsRoute = defineRoute({
  method: "get",
  path: "/api/v1/dialogs",
  tags: ["Chat"],
  summary: "The caller's dialogs, most recent activity first",
  description:
    "Each with `unreadCount` (messages after the caller's read position) and `lastMessage` (its start). One query per page.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse("A page of dialogs", DialogPageSchema) },
  errors: [401],
});

const CursorSchema = z.tuple([z.number().int(), z.string().min(1)]);

export const listDialogsHandler: RouteHandler<typeof listDialogsRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { limit, cursor } = c.req.valid("query");
  const after = decodeCursor(cursor, CursorSchema);
  const rows = await listDialogs(
    database(c.env),
    userId,
    limit + 1,
    after ? { at: after[0], id: after[1] } : undefined,
  );
  const page = toPage(rows, limit, (r) => [r.row.activityAt, r.row.id]);
  const items = await Promise.all(
    page.items.map(async (r) => ({
      ...presentDialog(r.row, r.participantIds, r.adminIds),
      unreadCount: Math.max(0, r.row.lastSeq - r.lastReadSeq),
      lastMessage: await lastMessageOf(c.env, r.row),
      lastSeq: r.row.lastSeq,
      lastReadSeq: r.lastReadSeq,
      role: r.role,
      muted: r.muted,
    })),
  );
  return c.json({ items, nextCursor: page.nextCursor }, 200);
};
