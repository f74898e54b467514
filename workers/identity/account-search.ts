import { eq } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { users } from "../../d1/schema/identity";
import { COUNTRIES, type Country } from "../../schemas/identity";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { mobileNumber, supportedCountry } from "../platform/phone";
import { piiLookupHash } from "../platform/pii";
import { presentUser, type User } from "./present";

/** What an operator typed, read as one exact key: never a scan of decrypted phones or emails. */
type AccountKey = { by: "id"; id: string } | { by: "phone_hash" | "email_hash"; hash: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USER_ID = /^usr_[0-9A-Za-z]{10,40}$/;

function whatToType(): ApiError {
  return new ApiError(
    "validation_failed",
    "Search by one exact value: a phone number in international form such as +66812345678 (or a national number with its country), an email address, or a user id starting with usr_.",
    { errors: [{ path: "q", message: "An exact phone number, email address or user id" }] },
  );
}

/** The international number of `q`, given with + or, with `country`, nationally; undefined if it is no number. */
function phoneOf(q: string, country: string | undefined): string | undefined {
  const compact = q.replace(/[\s().-]/g, "");
  if (!/^\+?\d{6,15}$/.test(compact)) return undefined;
  if (!compact.startsWith("+")) {
    if (!country) return undefined;
    return mobileNumber(compact, supportedCountry(country), "q");
  }
  const parsed = parsePhoneNumberFromString(compact);
  const found = parsed?.country;
  if (!found || !(COUNTRIES as readonly string[]).includes(found)) return undefined;
  return mobileNumber(compact, found as Country, "q");
}

async function accountKey(env: Pick<Env, "PII_HASH_KEY">, q: string, country?: string): Promise<AccountKey> {
  const value = q.trim();
  if (USER_ID.test(value)) return { by: "id", id: value };
  // The same normalisation sign-in hashes with (EmailInput lowercases, numbers are E.164).
  if (EMAIL.test(value)) return { by: "email_hash", hash: await piiLookupHash(env, value.toLowerCase()) };
  const phone = phoneOf(value, country);
  if (phone) return { by: "phone_hash", hash: await piiLookupHash(env, phone) };
  throw whatToType();
}

/**
 * Accounts an operator looks up by an exact phone, email or id (any status: suspended and deleted
 * ones too), found through the keyed hashes sign-in uses; phone and email decrypted for the admin.
 */
export async function searchAccounts(env: Env, db: Database, q: string, country?: string): Promise<User[]> {
  const key = await accountKey(env, q, country);
  const where =
    key.by === "id"
      ? eq(users.id, key.id)
      : key.by === "phone_hash"
        ? eq(users.phoneHash, key.hash)
        : eq(users.emailHash, key.hash);
  const rows = await db.select().from(users).where(where).limit(1);
  return Promise.all(rows.map((row) => presentUser(env, row)));
}
