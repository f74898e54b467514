import { type RouteHandler, z } from "@hono/zod-openapi";
import { AuditEventSchema } from "../../schemas/identity";
import { PageQuerySchema, pageOf } from "../../schemas/platform";
import type { AppEnv } from "../app-env";
import { auditEventsPage } from "../identity";
import { requireRole } from "../middleware/auth";
import { database } from "../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../platform/openapi";

export const listAuditEventsRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/audit-events",
  tags: ["Admin"],
  summary: "The security audit log, newest first (admins)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: {
    query: PageQuerySchema.extend({
      userId: z
        .string()
        .max(64)
        .optional()
        .openapi({ param: { name: "userId", in: "query" } }),
      type: z
        .string()
        .max(64)
        .optional()
        .openapi({ param: { name: "type", in: "query" }, example: "sign_in_failed" }),
    }),
  },
  responses: { 200: jsonResponse("A page of audit events", pageOf(AuditEventSchema, "AuditEventPage")) },
  errors: [401, 403],
});

export const listAuditEventsHandler: RouteHandler<typeof listAuditEventsRoute, AppEnv> = async (c) =>
  c.json(await auditEventsPage(database(c.env), c.req.valid("query")), 200);
