import { z } from "@hono/zod-openapi";
import { and, count, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Context } from "hono";
import { notificationDeliveries, notifications } from "../../d1/schema/notifications";
import type { Locale } from "../../schemas/platform";
import type { AppEnv } from "../app-env";
import { currentUser } from "../identity";
import { type Database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { asLocale } from "../platform/locale";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import { inAppDeliveredWrite } from "./delivery-receipts";
import { type NotificationView, presentNotification } from "./present";

export interface Reader {
  userId: string;
  locale: Locale;
  timezone: string;
}

/** The signed-in caller, with the language and zone their notifications are shown in. */
export async function currentReader(c: Context<AppEnv>): Promise<Reader> {
  const user = await currentUser(c);
  return { userId: user.id, locale: asLocale(user.locale) ?? "en", timezone: user.timezone };
}

const CursorSchema = z.tuple([z.number().int(), z.string().min(1)]);

/** The inbox, newest first (a chat notification updated by a newer message moves back to the top). */
export async function listNotifications(
  db: Database,
  reader: Reader,
  options: { unread: boolean; limit: number; cursor?: string },
): Promise<Page<NotificationView>> {
  const after = decodeCursor(options.cursor, CursorSchema);
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, reader.userId),
        eq(notifications.inbox, true),
        options.unread ? isNull(notifications.readAt) : undefined,
        after
          ? or(
              lt(notifications.createdAt, after[0]),
              and(eq(notifications.createdAt, after[0]), lt(notifications.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit + 1);
  return toPage(
    rows,
    options.limit,
    (r) => [r.createdAt, r.id],
    (r) => presentNotification(r, reader.locale, reader.timezone),
  );
}

export async function unreadCount(db: Database, userId: string): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.inbox, true), isNull(notifications.readAt)))
    .get();
  return row?.n ?? 0;
}

const NOT_YOURS = "You have no notification with this id.";

/** Marks one notification read (again is fine); 404 when it is not the caller's. */
export async function markRead(db: Database, userId: string, id: string): Promise<void> {
  const at = nowMs();
  const [updated] = await db.batch([
    db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${at})` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId), eq(notifications.inbox, true)))
      .returning({ id: notifications.id }),
    // Read in the app: the in-app copy evidently arrived.
    inAppDeliveredWrite(db, userId, id, at),
  ]);
  if (updated.length === 0) throw new ApiError("not_found", NOT_YOURS);
}

export async function markAllRead(db: Database, userId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: nowMs() })
    .where(and(eq(notifications.userId, userId), eq(notifications.inbox, true), isNull(notifications.readAt)));
}

/** One notification with how each of its deliveries went. */
export async function notificationDetail(db: Database, reader: Reader, id: string) {
  const row = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, reader.userId), eq(notifications.inbox, true)))
    .get();
  if (!row) throw new ApiError("not_found", NOT_YOURS);
  const deliveries = await db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.notificationId, id))
    .orderBy(notificationDeliveries.createdAt, notificationDeliveries.id);
  return {
    ...presentNotification(row, reader.locale, reader.timezone),
    deliveries: deliveries.map((d) => ({
      channel: d.channel,
      status: d.status,
      attempts: d.attempts,
      scheduledFor: d.notBefore !== null && d.status === "pending" ? new Date(d.notBefore).toISOString() : null,
      deliveredAt: d.deliveredAt === null ? null : new Date(d.deliveredAt).toISOString(),
      updatedAt: new Date(d.updatedAt).toISOString(),
    })),
  };
}
