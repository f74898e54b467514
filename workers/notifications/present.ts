import type { z } from "@hono/zod-openapi";
import type { notifications } from "../../d1/schema/notifications";
import type { NotificationSchema } from "../../schemas/notifications";
import type { Locale } from "../../schemas/platform";
import { logEvent } from "../platform/log";
import { type NotificationParams, renderNotification, safeTimeZone } from "./templates/render";
import { TEMPLATE_IDS, type TemplateId } from "./templates/types";

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationView = z.infer<typeof NotificationSchema>;

const isTemplate = (type: string): type is TemplateId => (TEMPLATE_IDS as readonly string[]).includes(type);

/**
 * A notification as the inbox and the realtime stream show it: in the reader's language. The text
 * stored with it was rendered in the language the reader had then; if they switched since, it is
 * rendered again from the stored parameters.
 */
export function presentNotification(row: NotificationRow, locale: Locale, timeZone: string): NotificationView {
  let title = row.title;
  let body = row.body;
  if (row.locale !== locale && isTemplate(row.type)) {
    try {
      const text = renderNotification(
        row.type,
        "inApp",
        locale,
        row.params as NotificationParams,
        safeTimeZone(timeZone),
      );
      title = text.title;
      body = text.body;
    } catch (err) {
      logEvent("warn", "notification_rerender_failed", { id: row.id, error: String(err) });
    }
  }
  return {
    id: row.id,
    type: row.type,
    category: row.category,
    title,
    body,
    data: row.data,
    read: row.readAt !== null,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
