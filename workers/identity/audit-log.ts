import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { auditEvents } from "../../d1/schema/identity";
import type { AuditEventSchema } from "../../schemas/identity";
import type { Database } from "../platform/db";
import { decodeCursor, type Page, toPage } from "../platform/pagination";

type AuditEventView = z.infer<typeof AuditEventSchema>;

/** A page of the security audit log, newest first, optionally of one user or one type. */
export async function auditEventsPage(
  db: Database,
  query: { limit: number; cursor?: string; userId?: string; type?: string },
): Promise<Page<AuditEventView>> {
  const before = decodeCursor(query.cursor, z.string().min(1));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        query.userId ? eq(auditEvents.userId, query.userId) : undefined,
        query.type ? eq(auditEvents.type, query.type) : undefined,
        before ? lt(auditEvents.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
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
  );
}
