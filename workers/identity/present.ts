import type { z } from "@hono/zod-openapi";
import type { users } from "../../d1/schema/identity";
import type { Country, UserSchema } from "../../schemas/identity";
import type { Locale } from "../../schemas/platform";
import { decryptPii } from "../platform/pii";

export type UserRow = typeof users.$inferSelect;
export type User = z.infer<typeof UserSchema>;

/** Contact details of a user, decrypted, for messages to them. */
export interface UserContact {
  phone?: string;
  email?: string;
  locale: Locale;
  timezone: string;
  displayName: string;
}

export async function userContact(env: Env, row: UserRow): Promise<UserContact> {
  return {
    phone: row.phoneEnc ? await decryptPii(env, row.phoneEnc) : undefined,
    email: row.emailEnc ? await decryptPii(env, row.emailEnc) : undefined,
    locale: row.locale as Locale,
    timezone: row.timezone,
    displayName: row.displayName,
  };
}

/** The public User shape of CONTRACT.md. */
export async function presentUser(env: Env, row: UserRow): Promise<User> {
  const contact = await userContact(env, row);
  return {
    id: row.id,
    ...(contact.phone ? { phone: contact.phone } : {}),
    ...(contact.email ? { email: contact.email } : {}),
    country: row.country as Country,
    locale: row.locale as Locale,
    timezone: row.timezone,
    displayName: row.displayName,
    ...(row.avatarUrl ? { avatarUrl: row.avatarUrl } : {}),
    status: row.status,
    roles: row.roles,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
