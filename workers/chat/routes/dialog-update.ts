import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { dialogs } from "../../../d1/schema/chat";
import { DialogIdParamSchema, DialogSchema, UpdateDialogSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { dialogOf, loadDialog, NO_DIALOG } from "../dialogs";
import { applyEffects, inRoom } from "../rooms";

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
  const { name } = c.req.valid("json");
  const out = await inRoom(c.env, id, (room) => room.rename({ actorId: userId, name }));
  const db = database(c.env);
  await db.update(dialogs).set({ name, updatedAt: nowMs() }).where(eq(dialogs.id, id));
  await applyEffects(c.env, c.executionCtx, [out.effect]);
  const loaded = await loadDialog(db, id);
  if (!loaded) throw new ApiError("not_found", NO_DIALOG);
  return c.json(dialogOf(loaded), 200);
};
