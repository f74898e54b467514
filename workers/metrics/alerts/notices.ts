import { and, desc, eq, gt, isNull, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { alertNotices } from "../../../d1/schema/metrics";
import type { AlertNoticeSchema } from "../../../schemas/metrics";
import type { Database } from "../../platform/db";
import { decodeCursor, type Page, toPage } from "../../platform/pagination";

const CursorSchema = z.tuple([z.number().int(), z.string().min(1)]);

type Row = typeof alertNotices.$inferSelect;
type Notice = z.infer<typeof AlertNoticeSchema>;
type Status = Notice["status"];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `sent_at` holds the state (notify.ts): NULL pending, positive sent, negative given up at -sent_at. */
function present(r: Row): Notice {
  const status: Status = r.sentAt === null ? "pending" : r.sentAt > 0 ? "sent" : "failed";
  return {
    id: r.id,
    incidentId: r.incidentId,
    kind: r.kind,
    // A rule's target is an email address or an https URL (rules.ts): a URL is a webhook.
    channel: r.target.includes("://") ? "webhook" : "email",
    target: r.target,
    status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: new Date(r.createdAt).toISOString(),
    sentAt: status === "sent" ? iso(r.sentAt) : null,
    failedAt: status === "failed" && r.sentAt !== null ? iso(-r.sentAt) : null,
  };
}

const STATUS_WHERE: Record<Status, SQL> = {
  pending: isNull(alertNotices.sentAt),
  sent: gt(alertNotices.sentAt, 0),
  failed: lt(alertNotices.sentAt, 0),
};

/**
 * Alert notices, newest first: all of them, one incident's or those in one state. A notice's id
 * starts with its incident's (`<incident>.<kind>.<n>`), so one incident's are a range of the
 * primary key, never a scan.
 */
export async function noticesPage(
  db: Database,
  query: { limit: number; cursor?: string; incidentId?: string; status?: Status },
): Promise<Page<Notice>> {
  const after = decodeCursor(query.cursor, CursorSchema);
  const { incidentId, status } = query;
  const rows = await db
    .select()
    .from(alertNotices)
    .where(
      and(
        incidentId
          ? and(
              gt(alertNotices.id, `${incidentId}.`),
              lt(alertNotices.id, `${incidentId}/`),
              eq(alertNotices.incidentId, incidentId),
            )
          : undefined,
        status ? STATUS_WHERE[status] : undefined,
        after
          ? or(
              lt(alertNotices.createdAt, after[0]),
              and(eq(alertNotices.createdAt, after[0]), lt(alertNotices.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(alertNotices.createdAt), desc(alertNotices.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.createdAt, r.id], present);
}
