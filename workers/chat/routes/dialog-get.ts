import type { RouteHandler } from "@hono/zod-openapi";
import { DialogIdParamSchema, DialogListItemSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { memberDialog } from "../dialog-list";

export const getDialogRoute = defineRoute({
  method: "get",
  path: "/api/v1/dialogs/{id}",
  tags: ["Chat"],
  summary: "One of the caller's dialogs",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DialogIdParamSchema },
  responses: { 200: jsonResponse("The dialog", DialogListItemSchema) },
  errors: [401, 403, 404],
});

export const getDialogHandler: RouteHandler<typeof getDialogRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  return c.json(await memberDialog(c.env, userId, c.req.valid("param").id), 200);
};
