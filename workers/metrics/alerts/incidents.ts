import { and, desc, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import { alertIncidents } from "../../../d1/schema/metrics";
import type { Database } from "../../platform/db";
import { decodeCursor, type Page, toPage } from "../../platform/pagination";

const CursorSchema = z.tuple([z.number().int(), z.string().min(1)]);

type Row = typeof alertIncidents.$inferSelect;

function present(r: Row) {
  return {
    id: r.id,
    ruleId: r.ruleId,
    metric: r.metric,
    op: r.op,
    threshold: r.threshold,
    windowMinutes: r.windowMinutes,
    status: r.resolvedAt === null ? ("open" as const) : ("resolved" as const),
    openedValue: r.openedValue,
    openedAt: new Date(r.openedAt).toISOString(),
    resolvedValue: r.resolvedValue,
    resolvedAt: r.resolvedAt === null ? null : new Date(r.resolvedAt).toISOString(),
  };
}

/** Incidents, newest first. */
export async function incidentsPage(
  db: Database,
  query: { limit: number; cursor?: string },
): Promise<Page<ReturnType<typeof present>>> {
  const after = decodeCursor(query.cursor, CursorSchema);
  const rows = await db
    .select()
    .from(alertIncidents)
    .where(
      after
        ? or(
            lt(alertIncidents.openedAt, after[0]),
            and(eq(alertIncidents.openedAt, after[0]), lt(alertIncidents.id, after[1])),
          )
        : undefined,
    )
    .orderBy(desc(alertIncidents.openedAt), desc(alertIncidents.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.openedAt, r.id], present);
}
