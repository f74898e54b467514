import type { RouteHandler } from "@hono/zod-openapi";
import { AddMembersSchema, DialogIdParamSchema, DialogSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { addDialogMembers } from "../membership";

export const addMembersRoute = defineRoute({
  method: "post",
  path: "/api/v1/dialogs/{id}/members",
  tags: ["Chat"],
  summary: "Add members to a group or channel (admins)",
  description:
    "Users already in the dialog are skipped. A group or channel holds at most 1000 members (409 past that). Members see a system message.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("dialog")] as const,
  request: { params: DialogIdParamSchema, ...jsonBody(AddMembersSchema) },
  responses: { 200: jsonResponse("The dialog with its members", DialogSchema) },
  errors: [401, 403, 404, 409],
});

export const addMembersHandler: RouteHandler<typeof addMembersRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  return c.json(await addDialogMembers(c.env, c.executionCtx, id, userId, c.req.valid("json").userIds), 200);
};
