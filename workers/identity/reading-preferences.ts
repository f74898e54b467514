import { eq } from "drizzle-orm";
import { users } from "../../d1/schema/identity";
import type { Locale } from "../../schemas/platform";
import type { Database } from "../platform/db";

/** The language and time zone a user reads documents in (an invoice, say); undefined for no such user. */
export async function readingPreferences(
  db: Database,
  userId: string,
): Promise<{ locale: Locale; timezone: string } | undefined> {
  const row = await db
    .select({ locale: users.locale, timezone: users.timezone })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return row ? { locale: row.locale as Locale, timezone: row.timezone } : undefined;
}
