import type { RouteHandler } from "@hono/zod-openapi";
import { DialogPageSchema } from "../../../schemas/chat";
import { PageQuerySchema } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { dialogsPage } from "../dialog-list";

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

export const listDialogsHandler: RouteHandler<typeof listDialogsRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { limit, cursor } = c.req.valid("query");
  return c.json(await dialogsPage(c.env, userId, limit, cursor), 200);
};
