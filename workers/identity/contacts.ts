import { and, eq } from "drizzle-orm";
import { users } from "../../d1/schema/identity";
import { type Database, inList } from "../platform/db";
import { type UserContact, userContact } from "./present";

/**
 * Active accounts by id with their contact details decrypted, in one query however many ids;
 * deleted and suspended accounts are absent. For telling people about things (notifications).
 */
export async function activeUserContacts(
  env: Env,
  db: Database,
  ids: readonly string[],
): Promise<Map<string, UserContact & { userId: string }>> {
  const out = new Map<string, UserContact & { userId: string }>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const rows = await db
    .select()
    .from(users)
    .where(and(inList(users.id, unique), eq(users.status, "active")));
  for (const row of rows) out.set(row.id, { userId: row.id, ...(await userContact(env, row)) });
  return out;
}
