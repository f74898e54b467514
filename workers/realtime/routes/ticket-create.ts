import type { RouteHandler } from "@hono/zod-openapi";
import { TicketSchema } from "../../../schemas/realtime";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { issueTicket } from "../tickets";

export const createTicketRoute = defineRoute({
  method: "post",
  path: "/api/v1/realtime/tickets",
  tags: ["Realtime"],
  summary: "A single-use ticket to open a realtime WebSocket",
  description:
    "No body. The ticket opens one WebSocket (any of the caller's: a dialog's `/ws`, the per-user stream) as `?ticket=`, once, within `expiresIn` seconds (60), for browsers that cannot send an Authorization header on a WebSocket.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 201: jsonResponse("The ticket", TicketSchema) },
  errors: [401],
});

export const createTicketHandler: RouteHandler<typeof createTicketRoute, AppEnv> = async (c) => {
  const auth = currentAuth(c);
  return c.json(await issueTicket(c.env, { userId: auth.userId, sessionId: auth.sessionId }), 201);
};
