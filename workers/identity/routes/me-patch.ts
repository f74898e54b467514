import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { users } from "../../../d1/schema/identity";
import { UpdateMeSchema, UserSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { presentUser } from "../present";
import { currentUser } from "../queries";

export const patchMeRoute = defineRoute({
  method: "patch",
  path: "/api/v1/users/me",
  tags: ["Users"],
  summary: "Change display name, language, time zone or avatar",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: jsonBody(UpdateMeSchema),
  responses: { 200: jsonResponse("The updated profile", UserSchema) },
  errors: [401],
});

export const patchMeHandler: RouteHandler<typeof patchMeRoute, AppEnv> = async (c) => {
  const user = await currentUser(c);
  const patch = c.req.valid("json");
  const changes = {
    ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
    ...(patch.avatarUrl !== undefined ? { avatarUrl: patch.avatarUrl } : {}),
    updatedAt: nowMs(),
  };
  const updated = await database(c.env).update(users).set(changes).where(eq(users.id, user.id)).returning().get();
  return c.json(await presentUser(c.env, updated ?? user), 200);
};
