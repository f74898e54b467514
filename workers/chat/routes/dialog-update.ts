import type { RouteHandler } from "@hono/zod-openapi";
import { DialogIdParamSchema, DialogSchema, UpdateDialogSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { renameDialog } from "../membership";

export const updateDialogRoute = defineRoute({
  method: "patch",
  path: "/api/v1/dialogs/{id}",
  tags: ["Chat"],
  summary: "Rename a group or channel (admins)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DialogIdParamSchema, ...jsonBody(UpdateDialogSchema) },
  responses: { 200: jsonResponse("The dialog", DialogSchema) },
  errors: [401, 403, 404, 409],
});

export const updateDialogHandler: RouteHandler<typeof updateDialogRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  return c.json(await renameDialog(c.env, c.executionCtx, id, userId, c.req.valid("json").name), 200);
};
