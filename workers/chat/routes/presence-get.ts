import type { RouteHandler } from "@hono/zod-openapi";
import { PresenceSchema, UserIdParamSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { presenceOf } from "../user-presence";

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
  return c.json(await presenceOf(c.env, userId, param === "me" ? userId : param), 200);
};
