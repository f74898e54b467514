import { and, eq } from "drizzle-orm";
import { users } from "../../d1/schema/identity";
import type { Country } from "../../schemas/identity";
import type { Database } from "../platform/db";
import { mobileNumber } from "../platform/phone";
import { piiLookupHash } from "../platform/pii";

/**
 * The active account signed in with a phone number (a transfer to a number), found by the same
 * keyed hash sign-in uses, so the number itself is never compared or stored in clear. The number
 * is checked against `country`'s format first (422 invalid_phone). Null when no active account has it.
 */
export async function activeAccountByPhone(
  env: Pick<Env, "PII_HASH_KEY">,
  db: Database,
  phone: string,
  country: Country,
  path = "phone",
): Promise<string | null> {
  const hash = await piiLookupHash(env, mobileNumber(phone, country, path));
  const row = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.phoneHash, hash), eq(users.status, "active")))
    .get();
  return row?.id ?? null;
}
