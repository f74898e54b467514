import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { dialogs } from "../../../d1/schema/chat";
import { AddMembersSchema, DialogIdParamSchema, DialogSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { dialogOf, loadDialog, NO_DIALOG, requireActiveAccounts } from "../dialogs";
import { statement } from "../effects";
import { applyEffects, inRoom } from "../rooms";

export const addMembersRoute = defineRoute({
  method: "post",
  path: "/api/v1/dialogs/{id}/members",
  tags: ["Chat"],
  summary: "Add members to a group or channel (admins)",
  description:
    "Users already in the dialog are skipped. A group or channel holds at most 1000 members (409 past that). Members see a system message.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DialogIdParamSchema, ...jsonBody(AddMembersSchema) },
  responses: { 200: jsonResponse("The dialog with its members", DialogSchema) },
  errors: [401, 403, 404, 409],
});

export const addMembersHandler: RouteHandler<typeof addMembersRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  const ids = [...new Set(c.req.valid("json").userIds)];
  const db = database(c.env);
  await requireActiveAccounts(db, ids, "userIds");
  const out = await inRoom(c.env, id, (room) => room.addMembers({ actorId: userId, userIds: ids }));
  if (out.added.length > 0) {
    const now = nowMs();
    const json = JSON.stringify(out.added);
    await c.env.DB.batch([
      c.env.DB.prepare(
        `INSERT INTO dialog_members (dialog_id, user_id, role, joined_at, last_read_seq, muted)
           SELECT ?1, value, 'member', ?2, ?3, 0 FROM json_each(?4) WHERE true
         ON CONFLICT DO NOTHING`,
      ).bind(id, now, out.joinedSeq, json),
      statement(
        c.env.DB,
        db.update(dialogs).set({ memberCount: out.memberCount, updatedAt: now }).where(eq(dialogs.id, id)),
      ),
    ]);
    await applyEffects(c.env, c.executionCtx, [out.effect]);
  }
  const loaded = await loadDialog(db, id);
  if (!loaded) throw new ApiError("not_found", NO_DIALOG);
  return c.json(dialogOf(loaded), 200);
};
