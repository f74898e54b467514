import type { RouteHandler } from "@hono/zod-openapi";
import { SessionListSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { listSessions } from "../session-control";

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

export const listSessionsHandler: RouteHandler<typeof listSessionsRoute, AppEnv> = async (c) =>
  c.json({ items: await listSessions(database(c.env), currentAuth(c)) }, 200);
