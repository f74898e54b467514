import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { dialogMembers, dialogs } from "../../../d1/schema/chat";
import { MemberParamSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { applyEffects, inRoom } from "../rooms";

export const removeMemberRoute = defineRoute({
  method: "delete",
  path: "/api/v1/dialogs/{id}/members/{userId}",
  tags: ["Chat"],
  summary: "Remove a member (admins), or leave (your own id)",
  description:
    "The removed member's sockets on the dialog close at once. When the last admin leaves, the longest-standing member becomes admin. Direct dialogs cannot be left (409).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: MemberParamSchema },
  responses: { 204: noContent },
  errors: [401, 403, 404, 409],
});

/** Shared with POST /dialogs/:id/leave. */
export async function removeMember(c: Context<AppEnv>, dialogId: string, actorId: string, userId: string) {
  const out = await inRoom(c.env, dialogId, (room) => room.removeMember({ actorId, userId }));
  const db = database(c.env);
  await db.batch([
    db.delete(dialogMembers).where(and(eq(dialogMembers.dialogId, dialogId), eq(dialogMembers.userId, userId))),
    ...(out.promoted
      ? [
          db
            .update(dialogMembers)
            .set({ role: "admin" })
            .where(and(eq(dialogMembers.dialogId, dialogId), eq(dialogMembers.userId, out.promoted))),
        ]
      : []),
    db.update(dialogs).set({ memberCount: out.memberCount, updatedAt: nowMs() }).where(eq(dialogs.id, dialogId)),
  ]);
  await applyEffects(c.env, c.executionCtx, [out.effect]);
}

export const removeMemberHandler: RouteHandler<typeof removeMemberRoute, AppEnv> = async (c) => {
  const { userId: actorId } = currentAuth(c);
  const { id, userId } = c.req.valid("param");
  await removeMember(c as unknown as Context<AppEnv>, id, actorId, userId === "me" ? actorId : userId);
  return c.body(null, 204);
};
