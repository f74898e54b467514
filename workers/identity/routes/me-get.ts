import type { RouteHandler } from "@hono/zod-openapi";
import { UserSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { presentUser } from "../present";
import { currentUser } from "../queries";

export const getMeRoute = defineRoute({
  method: "get",
  path: "/api/v1/users/me",
  tags: ["Users"],
  summary: "The signed-in user",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse("The caller's profile", UserSchema) },
  errors: [401],
});

export const getMeHandler: RouteHandler<typeof getMeRoute, AppEnv> = async (c) =>
  c.json(await presentUser(c.env, await currentUser(c)), 200);
