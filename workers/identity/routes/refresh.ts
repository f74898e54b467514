import type { RouteHandler } from "@hono/zod-openapi";
import { RefreshSchema, TokensSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { refreshSession } from "../sessions";

export const refreshRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/refresh",
  tags: ["Identity"],
  summary: "Exchange a refresh token for new tokens (rotated)",
  description: "Each refresh token works once. Presenting a spent one answers 401 token_reused and ends that session.",
  request: jsonBody(RefreshSchema),
  responses: { 200: jsonResponse("New tokens", TokensSchema) },
  errors: [401],
});

export const refreshHandler: RouteHandler<typeof refreshRoute, AppEnv> = async (c) =>
  c.json(await refreshSession(c, c.req.valid("json").refreshToken), 200);
