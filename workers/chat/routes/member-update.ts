import type { RouteHandler } from "@hono/zod-openapi";
import { DialogSchema, MemberParamSchema, UpdateMemberSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { changeMemberRole } from "../membership";

export const updateMemberRoute = defineRoute({
  method: "patch",
  path: "/api/v1/dialogs/{id}/members/{userId}",
  tags: ["Chat"],
  summary: "Make a member admin, or admin member (admins)",
  description: "A group or channel keeps at least one admin (409).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: MemberParamSchema, ...jsonBody(UpdateMemberSchema) },
  responses: { 200: jsonResponse("The dialog", DialogSchema) },
  errors: [401, 403, 404, 409],
});

export const updateMemberHandler: RouteHandler<typeof updateMemberRoute, AppEnv> = async (c) => {
  const { userId: actorId } = currentAuth(c);
  const { id, userId } = c.req.valid("param");
  const { role } = c.req.valid("json");
  return c.json(await changeMemberRole(c.env, c.executionCtx, id, actorId, userId, role), 200);
};
