import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { users } from "../../d1/schema/identity";
import type { AppEnv } from "../app-env";
import { currentAuth } from "../middleware/auth";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import type { UserRow } from "./present";

/** The signed-in caller's account row. */
export async function currentUser(c: Context<AppEnv>): Promise<UserRow> {
  const { userId } = currentAuth(c);
  const user = await database(c.env).select().from(users).where(eq(users.id, userId)).get();
  if (!user || user.status === "deleted") throw new ApiError("unauthorized", "This account no longer exists.");
  return user;
}
