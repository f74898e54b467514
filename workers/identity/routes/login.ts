import type { RouteHandler } from "@hono/zod-openapi";
import { LoginSchema, TokensSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import type { IdentityHooks } from "../hooks";
import { login } from "../password-auth";

export const loginRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/login",
  tags: ["Identity"],
  summary: "Sign in with email and password",
  description: "After 5 failed attempts in 15 minutes the account answers 429 for the rest of that window.",
  request: jsonBody(LoginSchema),
  responses: { 200: jsonResponse("Signed in", TokensSchema) },
  errors: [401, 403, 429],
});

/** Signs in; a guest cart sent along (X-Cart-Token) is merged through `hooks`. */
export const loginHandler =
  (hooks: IdentityHooks): RouteHandler<typeof loginRoute, AppEnv> =>
  async (c) =>
    c.json(await login(c, c.req.valid("json"), hooks), 200);
