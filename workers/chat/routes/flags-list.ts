import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { chatFlags } from "../../../d1/schema/chat";
import { ChatFlagPageSchema } from "../../../schemas/chat";
import { PageQuerySchema } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { presentFlag } from "../flags";

export const listFlagsRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/chat/flags",
  tags: ["Admin"],
  summary: "Flagged chat messages, newest first (admins)",
  description:
    "Automatic flags (phone numbers, payment or messenger links in buyer–seller chats) and members' reports, with the message text as it was when flagged.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: {
    query: PageQuerySchema.extend({
      status: z
        .enum(["open", "resolved", "all"])
        .default("open")
        .openapi({ param: { name: "status", in: "query" } }),
      dialogId: z
        .string()
        .max(64)
        .optional()
        .openapi({ param: { name: "dialogId", in: "query" } }),
    }),
  },
  responses: { 200: jsonResponse("A page of flags", ChatFlagPageSchema) },
  errors: [401, 403],
});

export const listFlagsHandler: RouteHandler<typeof listFlagsRoute, AppEnv> = async (c) => {
  const { limit, cursor, status, dialogId } = c.req.valid("query");
  const before = decodeCursor(cursor, z.string().min(1));
  const rows = await database(c.env)
    .select()
    .from(chatFlags)
    .where(
      and(
        status === "all" ? undefined : eq(chatFlags.status, status),
        dialogId ? eq(chatFlags.dialogId, dialogId) : undefined,
        before ? lt(chatFlags.id, before) : undefined,
      ),
    )
    .orderBy(desc(chatFlags.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => r.id);
  return c.json(
    { items: await Promise.all(page.items.map((r) => presentFlag(c.env, r))), nextCursor: page.nextCursor },
    200,
  );
};
