import { users } from "../../d1/schema/identity";
import { readConfig } from "../platform/config";
import type { Database } from "../platform/db";
import { nowMs } from "../platform/db";
import { newId } from "../platform/ids";
import { encryptPii, piiLookupHash } from "../platform/pii";
import { hashPassword } from "./passwords";

export const SEED_ADMIN_EMAIL = "admin@tchat.example";

/** The local operator account: admin@tchat.example with SEED_ADMIN_PASSWORD (.dev.vars.example). */
export async function seedAdmin(env: Env, db: Database): Promise<{ admins: number }> {
  if (!env.SEED_ADMIN_PASSWORD) throw new Error("SEED_ADMIN_PASSWORD is not set");
  const now = nowMs();
  const inserted = await db
    .insert(users)
    .values({
      id: newId("usr"),
      emailEnc: await encryptPii(env, SEED_ADMIN_EMAIL),
      emailHash: await piiLookupHash(env, SEED_ADMIN_EMAIL),
      passwordHash: await hashPassword(env.SEED_ADMIN_PASSWORD, readConfig(env).identity.pbkdf2Iterations),
      country: "SG",
      locale: "en",
      timezone: "Asia/Singapore",
      displayName: "Tchat Admin",
      status: "active",
      roles: ["customer", "admin"],
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return { admins: inserted.length };
}
