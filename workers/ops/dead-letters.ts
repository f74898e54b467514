import { z } from "@hono/zod-openapi";
import { IdParamSchema } from "../../schemas/identity";
import { DeadLetterReplaySchema, DeadLetterSchema } from "../../schemas/ops";
import { PageQuerySchema, pageOf } from "../../schemas/platform";
import { requireRole } from "../middleware/auth";
import { database } from "../platform/db";
import { bearerAuth, createRouter, defineRoute, jsonResponse } from "../platform/openapi";
import { drainSoon } from "../platform/outbox";
import { deadLettersPage, replayDeadLetter } from "./dead-letter-store";

export const listDeadLettersRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/dead-letters",
  tags: ["Admin"],
  summary: "Events and messages given up after their retries, newest first (admins)",
  description:
    "An event lands here when a consumer failed it past its retries, when it was malformed, or when it was published EVENT_MAX_DELIVERIES times without every consumer of its type applying it.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: {
    query: PageQuerySchema.extend({
      eventType: z
        .string()
        .max(64)
        .optional()
        .openapi({ param: { name: "eventType", in: "query" }, example: "order.paid" }),
    }),
  },
  responses: { 200: jsonResponse("A page of dead letters", pageOf(DeadLetterSchema, "DeadLetterPage")) },
  errors: [401, 403],
});

export const replayDeadLetterRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/dead-letters/{id}/replay",
  tags: ["Admin"],
  summary: "Publish a dead-lettered event again (admins)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema },
  responses: { 202: jsonResponse("The event is back in the outbox", DeadLetterReplaySchema) },
  errors: [401, 403, 404, 409],
});

export const deadLettersRouter = createRouter()
  .openapi(listDeadLettersRoute, async (c) => c.json(await deadLettersPage(database(c.env), c.req.valid("query")), 200))
  .openapi(replayDeadLetterRoute, async (c) => {
    const { id } = c.req.valid("param");
    await replayDeadLetter(database(c.env), id);
    drainSoon(c.executionCtx, c.env, c.get("config"));
    return c.json({ id, replayed: true as const }, 202);
  });
