import type { RouteHandler } from "@hono/zod-openapi";
import { DialogIdParamSchema, ReadInputSchema, ReadStateSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { readDialog } from "../messages";

export const readDialogRoute = defineRoute({
  method: "post",
  path: "/api/v1/dialogs/{id}/read",
  tags: ["Chat"],
  summary: "Mark the dialog read up to a seq",
  description:
    "Never moves backwards; a seq past the last message means the last message. Members connected to the dialog receive a `receipt` (in dialogs of up to 100 members); the caller's realtime stream gets the dialog's new `unread` count, as for a `read` socket frame.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DialogIdParamSchema, ...jsonBody(ReadInputSchema) },
  responses: { 200: jsonResponse("The caller's read position", ReadStateSchema) },
  errors: [401, 403, 404],
});

export const readDialogHandler: RouteHandler<typeof readDialogRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  return c.json(await readDialog(c.env, id, userId, c.req.valid("json").seq), 200);
};
