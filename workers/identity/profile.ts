import type { z } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import { users } from "../../d1/schema/identity";
import type { UpdateMeSchema } from "../../schemas/identity";
import { type Database, nowMs } from "../platform/db";
import type { UserRow } from "./present";

/** Changes display name, language, time zone or avatar; fields left out keep their value. */
export async function updateProfile(
  db: Database,
  user: UserRow,
  patch: z.infer<typeof UpdateMeSchema>,
): Promise<UserRow> {
  const changes = {
    ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
    ...(patch.avatarUrl !== undefined ? { avatarUrl: patch.avatarUrl } : {}),
    updatedAt: nowMs(),
  };
  const updated = await db.update(users).set(changes).where(eq(users.id, user.id)).returning().get();
  return updated ?? user;
}

/**
 * True when `userId`'s avatar is the upload `mediaId` (their avatarUrl points at it): the person
 * published that picture, so it is served to anyone, like a product photo.
 */
export async function isAvatarOf(db: Database, userId: string, mediaId: string): Promise<boolean> {
  const path = `/api/v1/media/${mediaId}`;
  const row = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.id, userId), eq(users.status, "active"), sql`substr(${users.avatarUrl}, ${-path.length}) = ${path}`),
    )
    .get();
  return row !== undefined;
}
