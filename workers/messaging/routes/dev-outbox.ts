import { type RouteHandler, z } from "@hono/zod-openapi";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { devOutbox } from "../../../d1/schema/messaging";
import { DevOutboxItemSchema, DevOutboxQuerySchema } from "../../../schemas/messaging";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { defineRoute } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";

export const devOutboxRoute = defineRoute({
  method: "get",
  path: "/api/v1/dev/outbox",
  tags: ["Dev"],
  summary: "Messages recorded instead of sent (local only)",
  description:
    'Every SMS, email and push the platform would send, newest first. Exists only when DEV_OUTBOX="true" (the local default); 404 otherwise.',
  request: { query: DevOutboxQuerySchema.extend(PageQuerySchema.shape) },
  responses: {
    200: {
      description: "Recorded messages, newest first",
      content: { "application/json": { schema: pageOf(DevOutboxItemSchema, "DevOutboxPage") } },
    },
  },
  errors: [404],
});

const CursorSchema = z.string().min(1);

/**
 * Emails compare case-insensitively. An unencoded "+" in a query string arrives as a space, so
 * `?to=+66812345678` (as people type it) is read as the E.164 number it means.
 */
function recipientKey(to: string): string {
  const value = to.trim();
  if (value.includes("@")) return value.toLowerCase();
  return /^\d{6,15}$/.test(value) && /^\s/.test(to) ? `+${value}` : value;
}

export const devOutboxHandler: RouteHandler<typeof devOutboxRoute, AppEnv> = async (c) => {
  if (!c.get("config").devOutbox) {
    throw new ApiError("not_found", "Nothing exists at this address.");
  }
  const { to, channel, limit, cursor } = c.req.valid("query");
  const after = decodeCursor(cursor, CursorSchema);
  const filters: SQL[] = [];
  if (to) filters.push(eq(devOutbox.recipient, recipientKey(to)));
  if (channel) filters.push(eq(devOutbox.channel, channel));
  if (after) filters.push(lt(devOutbox.id, after));
  const rows = await database(c.env)
    .select()
    .from(devOutbox)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(devOutbox.id))
    .limit(limit + 1);
  return c.json(
    toPage(
      rows,
      limit,
      (row) => row.id,
      (row) => ({
        id: row.id,
        channel: row.channel,
        to: row.recipient,
        locale: row.locale,
        ...(row.subject ? { subject: row.subject } : {}),
        body: row.body,
        createdAt: new Date(row.createdAt).toISOString(),
      }),
    ),
    200,
  );
};
