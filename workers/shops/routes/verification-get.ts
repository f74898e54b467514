import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ShopVerificationStateSchema } from "../../../schemas/shop-verification";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { verificationState } from "../verification";

export const getVerificationRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/verification",
  tags: ["Shops"],
  summary: "A shop's verification status and documents (owner, admins)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The shop's verification", ShopVerificationStateSchema) },
  errors: [401, 403, 404],
});

export const getVerificationHandler: RouteHandler<typeof getVerificationRoute, AppEnv> = async (c) =>
  c.json(await verificationState(c.env, c.req.valid("param").id, currentAuth(c)), 200);
