import type { RouteHandler } from "@hono/zod-openapi";
import { CreateDialogSchema, DialogSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { createDialog } from "../open-dialogs";

export const createDialogRoute = defineRoute({
  method: "post",
  path: "/api/v1/dialogs",
  tags: ["Chat"],
  summary: "Start a dialog: direct, group or channel",
  description:
    "The caller is always a member (and the admin of a group or channel). `direct`: exactly one other participant; if the two already have a direct dialog it is returned with 200, even under parallel creates. Groups and channels hold up to 1000 members; in a channel only admins post. Every participant must be an existing account (422 otherwise).",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("dialog")] as const,
  request: jsonBody(CreateDialogSchema),
  responses: {
    201: jsonResponse("The new dialog", DialogSchema),
    200: jsonResponse("The existing direct dialog of the two", DialogSchema),
  },
  errors: [401],
});

export const createDialogHandler: RouteHandler<typeof createDialogRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { maxGroupMembers } = c.get("config").chat;
  const { dialog, created } = await createDialog(c.env, userId, c.req.valid("json"), maxGroupMembers);
  return created ? c.json(dialog, 201) : c.json(dialog, 200);
};
