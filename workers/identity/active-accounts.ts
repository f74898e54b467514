import { and, eq } from "drizzle-orm";
import { users } from "../../d1/schema/identity";
import { type Database, inList } from "../platform/db";

/** Which of these user ids are active accounts (one statement, however many ids). */
export async function activeAccounts(db: Database, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inList(users.id, ids), eq(users.status, "active")));
  return new Set(rows.map((r) => r.id));
}
