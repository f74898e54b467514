import { and, eq, sql } from "drizzle-orm";
import { users } from "../../d1/schema/identity";
import type { Country } from "../../schemas/identity";
import { COUNTRY_LOCALE, COUNTRY_TIMEZONE } from "../i18n/catalog";
import { readConfig } from "../platform/config";
import type { Database } from "../platform/db";
import { encryptPii, piiLookupHash } from "../platform/pii";
import { hashPassword } from "./passwords";

/**
 * Accounts as sellers: the role a shop's owner gets, and the demo sellers of the shops seed. Both
 * return writes for the caller's db.batch, so an account changes together with the shop it owns.
 */

/**
 * Makes the account a seller, once (a second shop changes nothing). Roles are read from the
 * account on every request, so the owner acts as a seller with the token they already hold.
 */
export function grantSellerRole(db: Database, userId: string, now: number) {
  return db
    .update(users)
    .set({ roles: sql`json_insert(${users.roles}, '$[#]', 'seller')`, updatedAt: now })
    .where(and(eq(users.id, userId), sql`NOT EXISTS (SELECT 1 FROM json_each(${users.roles}) WHERE value = 'seller')`));
}

export interface SeedSeller {
  id: string;
  email: string;
  displayName: string;
  country: Country;
}

function insertSellers(db: Database, rows: (typeof users.$inferInsert)[]) {
  return db.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id });
}

/**
 * Inserts of demo seller accounts (password: SEED_ADMIN_PASSWORD), created at `createdAt`; accounts
 * already there are left as they are, and each insert returns the ids it added. 14 columns: 5 rows
 * per statement stay under D1's 100 bound parameters.
 */
export async function seedSellerWrites(
  env: Env,
  db: Database,
  sellers: readonly SeedSeller[],
  createdAt: number,
): Promise<ReturnType<typeof insertSellers>[]> {
  if (!env.SEED_ADMIN_PASSWORD) throw new Error("SEED_ADMIN_PASSWORD is not set");
  const iterations = readConfig(env).identity.pbkdf2Iterations;
  const rows: (typeof users.$inferInsert)[] = [];
  for (const seller of sellers) {
    rows.push({
      id: seller.id,
      emailEnc: await encryptPii(env, seller.email),
      emailHash: await piiLookupHash(env, seller.email),
      passwordHash: await hashPassword(env.SEED_ADMIN_PASSWORD, iterations),
      country: seller.country,
      locale: COUNTRY_LOCALE[seller.country],
      timezone: COUNTRY_TIMEZONE[seller.country],
      displayName: seller.displayName,
      status: "active",
      roles: ["customer", "seller"],
      createdAt,
      updatedAt: createdAt,
    });
  }
  const writes = [];
  for (let i = 0; i < rows.length; i += 5) writes.push(insertSellers(db, rows.slice(i, i + 5)));
  return writes;
}
