import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import { sessions } from "../../../d1/schema/identity";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { clientIpHash } from "../../platform/client";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { auditWrite } from "../audit";
import { revokeSessionWrites } from "../sessions";

export const deleteSessionRoute = defineRoute({
  method: "delete",
  path: "/api/v1/auth/sessions/{id}",
  tags: ["Identity"],
  summary: "End one of the caller's sessions (sign a device out)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 204: noContent },
  errors: [401, 404],
});

export const deleteSessionHandler: RouteHandler<typeof deleteSessionRoute, AppEnv> = async (c) => {
  const auth = currentAuth(c);
  const { id } = c.req.valid("param");
  const db = database(c.env);
  const session = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, auth.userId), isNull(sessions.revokedAt)))
    .get();
  if (!session)
    throw new ApiError("not_found", "You have no live session with this id. List them at GET /api/v1/auth/sessions.");
  await db.batch([
    ...revokeSessionWrites(c, [id], "revoked_by_user"),
    auditWrite(db, {
      type: "session_revoked",
      userId: auth.userId,
      sessionId: id,
      ipHash: await clientIpHash(c),
      data: { by: auth.sessionId },
    }),
  ]);
  return c.body(null, 204);
};
