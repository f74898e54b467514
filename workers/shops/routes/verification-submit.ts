import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ShopVerificationRequestSchema, SubmitVerificationSchema } from "../../../schemas/shop-verification";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { submitVerification } from "../verification";

export const submitVerificationRoute = defineRoute({
  method: "post",
  path: "/api/v1/shops/{id}/verification",
  tags: ["Shops"],
  summary: "Send documents for business verification (owner)",
  description:
    "Sends uploaded documents (POST /shops/{id}/verification/documents) to the admins' queue; the shop is `pending` until an admin approves (verified) or rejects it with a note. One request waits at a time (409 while one does); a rejected shop sends a new one.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("shop")] as const,
  request: { params: IdParamSchema, ...jsonBody(SubmitVerificationSchema) },
  responses: { 201: jsonResponse("The request, waiting for review", ShopVerificationRequestSchema) },
  errors: [401, 403, 404, 409],
});

export const submitVerificationHandler: RouteHandler<typeof submitVerificationRoute, AppEnv> = async (c) => {
  const request = await submitVerification(
    c.env,
    c.req.valid("param").id,
    currentAuth(c).userId,
    c.req.valid("json"),
    c.get("config").sellerUploads,
  );
  return c.json(request, 201);
};
