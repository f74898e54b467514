import type { RouteHandler } from "@hono/zod-openapi";
import { RegisterSchema, TokensSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import type { IdentityHooks } from "../hooks";
import { register } from "../password-auth";

export const registerRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/register",
  tags: ["Identity"],
  summary: "Create an account with email and password",
  description: "Passwords need at least 8 characters with an upper-case letter, a lower-case letter and a digit.",
  request: jsonBody(RegisterSchema),
  responses: { 201: jsonResponse("Account created and signed in", TokensSchema) },
  errors: [409, 429],
});

/** Signs in; a guest cart sent along (X-Cart-Token) is merged through `hooks`. */
export const registerHandler =
  (hooks: IdentityHooks): RouteHandler<typeof registerRoute, AppEnv> =>
  async (c) =>
    c.json(await register(c, c.req.valid("json"), hooks), 201);
