import type { z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { users } from "../../d1/schema/identity";
import type { PublicUserSchema } from "../../schemas/identity";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { mobileNumber, supportedCountry } from "../platform/phone";
import { piiLookupHash } from "../platform/pii";

type PublicUser = z.infer<typeof PublicUserSchema>;

/**
 * The person a caller wants to start a chat with, found by their sign-in number through the same
 * keyed hash sign-in and wallet transfers use (the number is never compared or stored in clear).
 * Only active accounts are found; the answer carries no phone or email, so a lookup reveals no
 * more than a shared dialog would (the route's rate limit stops walking through numbers).
 */
export async function findPersonByPhone(
  env: Pick<Env, "PII_HASH_KEY">,
  db: Database,
  callerId: string,
  query: { phone: string; country: string },
): Promise<PublicUser> {
  const country = supportedCountry(query.country);
  const hash = await piiLookupHash(env, mobileNumber(query.phone, country, "phone"));
  const row = await db
    .select({ id: users.id, displayName: users.displayName, avatarUrl: users.avatarUrl })
    .from(users)
    .where(and(eq(users.phoneHash, hash), eq(users.status, "active")))
    .get();
  if (!row) {
    throw new ApiError(
      "not_found",
      "No active account uses this phone number. Check the number, or ask the person to sign up first.",
      { errors: [{ path: "phone", message: "No active account has this number" }] },
    );
  }
  if (row.id === callerId) {
    throw new ApiError(
      "validation_failed",
      "This is your own phone number. Enter the number of the person you want to chat with.",
      { errors: [{ path: "phone", message: "Your own number" }] },
    );
  }
  return { id: row.id, displayName: row.displayName, ...(row.avatarUrl ? { avatarUrl: row.avatarUrl } : {}) };
}
