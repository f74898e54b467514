import type { RouteHandler } from "@hono/zod-openapi";
import { JwksSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { publicJwks } from "../tokens";

export const jwksRoute = defineRoute({
  method: "get",
  path: "/.well-known/jwks.json",
  tags: ["Identity"],
  summary: "Public keys that verify access tokens",
  responses: { 200: jsonResponse("JSON Web Key Set", JwksSchema) },
});

export const jwksHandler: RouteHandler<typeof jwksRoute, AppEnv> = async (c) => {
  c.header("Cache-Control", "public, max-age=300");
  return c.json(await publicJwks(c.env), 200);
};
