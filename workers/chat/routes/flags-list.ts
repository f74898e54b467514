import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { ChatFlagPageSchema } from "../../../schemas/chat-moderation";
import { PageQuerySchema } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { flagsPage } from "../flags";

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
  return c.json(await flagsPage(c.env, c.req.valid("query")), 200);
};
