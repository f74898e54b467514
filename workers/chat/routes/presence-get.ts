import type { RouteHandler } from "@hono/zod-openapi";
import { PresenceSchema, UserIdParamSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";

export const getPresenceRoute = defineRoute({
  method: "get",
  path: "/api/v1/users/{id}/presence",
  tags: ["Chat"],
  summary: "Whether someone is online, and when they were last seen",
  description:
    "Online while they have a socket open on some dialog (renewed by heartbeats; a socket that vanished stops counting within CHAT_PRESENCE_TTL_SECONDS). Visible for yourself (`me`) and for people you share a dialog with (403 otherwise).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: UserIdParamSchema },
  responses: { 200: jsonResponse("Presence", PresenceSchema) },
  errors: [401, 403],
});

export const getPresenceHandler: RouteHandler<typeof getPresenceRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const param = c.req.valid("param").id;
  const target = param === "me" ? userId : param;
  const [shared, lease] = await c.env.DB.batch<Record<string, number | null>>([
    c.env.DB.prepare(
      `SELECT 1 AS ok FROM dialog_members a JOIN dialog_members b ON b.dialog_id = a.dialog_id AND b.user_id = ?2
        WHERE a.user_id = ?1 LIMIT 1`,
    ).bind(userId, target),
    c.env.DB.prepare(
      "SELECT MAX(expires_at) AS expires, MAX(last_seen_at) AS seen FROM chat_presence WHERE user_id = ?",
    ).bind(target),
  ]);
  if (target !== userId && shared.results.length === 0) {
    throw new ApiError("forbidden", "You can see the presence of people you share a dialog with.");
  }
  const now = nowMs();
  const { expires = null, seen = null } = lease.results[0] ?? {};
  const online = expires !== null && expires > now;
  return c.json(
    { userId: target, online, lastSeenAt: seen === null ? null : new Date(Math.min(seen, now)).toISOString() },
    200,
  );
};
