import type { RouteHandler } from "@hono/zod-openapi";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { sessions } from "../../../d1/schema/identity";
import { SessionListSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";

export const listSessionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/auth/sessions",
  tags: ["Identity"],
  summary: "The caller's live sessions (devices)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse("Live sessions, most recently active first", SessionListSchema) },
  errors: [401],
});

export const listSessionsHandler: RouteHandler<typeof listSessionsRoute, AppEnv> = async (c) => {
  const auth = currentAuth(c);
  const rows = await database(c.env)
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, auth.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, nowMs())))
    .orderBy(desc(sessions.lastActiveAt));
  return c.json(
    {
      items: rows.map((s) => ({
        id: s.id,
        device: { id: s.deviceId, platform: s.devicePlatform, ...(s.deviceName ? { name: s.deviceName } : {}) },
        createdAt: new Date(s.createdAt).toISOString(),
        lastActiveAt: new Date(s.lastActiveAt).toISOString(),
        current: s.id === auth.sessionId,
      })),
    },
    200,
  );
};
