import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { dialogMembers } from "../../../d1/schema/chat";
import { DialogSchema, MemberParamSchema, UpdateMemberSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { dialogOf, loadDialog, NO_DIALOG } from "../dialogs";
import { applyEffects, inRoom } from "../rooms";

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
  const out = await inRoom(c.env, id, (room) => room.setRole({ actorId, userId, role }));
  const db = database(c.env);
  await db
    .update(dialogMembers)
    .set({ role })
    .where(and(eq(dialogMembers.dialogId, id), eq(dialogMembers.userId, userId)));
  await applyEffects(c.env, c.executionCtx, [out.effect]);
  const loaded = await loadDialog(db, id);
  if (!loaded) throw new ApiError("not_found", NO_DIALOG);
  return c.json(dialogOf(loaded), 200);
};
