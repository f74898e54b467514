import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { auditEvents } from "../../d1/schema/identity";
import { AuditEventSchema } from "../../schemas/identity";
import { PageQuerySchema, pageOf } from "../../schemas/platform";
import { requireRole } from "../middleware/auth";
import { database } from "../platform/db";
import { bearerAuth, createRouter, defineRoute, jsonResponse } from "../platform/openapi";
import { decodeCursor, toPage } from "../platform/pagination";

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

export const adminRouter = createRouter().openapi(listAuditEventsRoute, async (c) => {
  const { limit, cursor, userId, type } = c.req.valid("query");
  const before = decodeCursor(cursor, z.string().min(1));
  const rows = await database(c.env)
    .select()
    .from(auditEvents)
    .where(
      and(
        userId ? eq(auditEvents.userId, userId) : undefined,
        type ? eq(auditEvents.type, type) : undefined,
        before ? lt(auditEvents.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return c.json(
    toPage(
      rows,
      limit,
      (r) => r.id,
      (r) => ({
        id: r.id,
        type: r.type,
        userId: r.userId,
        actorId: r.actorId,
        sessionId: r.sessionId,
        data: r.data,
        createdAt: new Date(r.createdAt).toISOString(),
      }),
    ),
    200,
  );
});
