import type { RouteHandler } from "@hono/zod-openapi";
import { UpdateMeSchema, UserSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { presentUser } from "../present";
import { updateProfile } from "../profile";
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
  const user = await updateProfile(database(c.env), await currentUser(c), c.req.valid("json"));
  return c.json(await presentUser(c.env, user), 200);
};
