import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { chatFlags } from "../../../d1/schema/chat";
import { ChatFlagSchema } from "../../../schemas/chat";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireRole } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { presentFlag } from "../flags";

export const resolveFlagRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/chat/flags/{id}/resolve",
  tags: ["Admin"],
  summary: "Close a chat flag (admins)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The resolved flag", ChatFlagSchema) },
  errors: [401, 403, 404],
});

export const resolveFlagHandler: RouteHandler<typeof resolveFlagRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const db = database(c.env);
  const id = c.req.valid("param").id;
  const row = await db.select().from(chatFlags).where(eq(chatFlags.id, id)).get();
  if (!row) throw new ApiError("not_found", "There is no flag with this id.");
  const updated =
    row.status === "resolved"
      ? row
      : await db
          .update(chatFlags)
          .set({ status: "resolved", resolvedBy: userId, resolvedAt: nowMs() })
          .where(eq(chatFlags.id, id))
          .returning()
          .get();
  return c.json(await presentFlag(c.env, updated ?? row), 200);
};
