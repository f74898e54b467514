import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { currentAuth } from "../middleware/auth";
import { database } from "../platform/db";
import { ownedShop } from "../shops";

/**
 * Only the shop's owner gets further (403, or 404 for no such shop), before the Idempotency-Key
 * is even looked at: someone else's request neither takes a key nor learns what the route checks.
 */
export const shopOwnerOnly = createMiddleware<AppEnv>(async (c, next) => {
  await ownedShop(database(c.env), c.req.param("id") ?? "", currentAuth(c).userId);
  await next();
});
